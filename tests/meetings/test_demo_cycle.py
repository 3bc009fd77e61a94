"""The demo tells the weekly cycle (one demo load: it takes seconds)."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from meetings import board, minutes
from meetings.models import Decision, Meeting, Minutes

SEED_DAY = datetime.date(2020, 1, 21)


def test_the_demo_tells_the_cycle(db):
    call_command("load_demo")
    seed = Meeting.objects.get(starts_at__date=SEED_DAY)

    # Follow-up entries on the seed meeting's decisions, one of them overdue.
    decisions = Decision.objects.filter(agenda_item__meeting=seed)
    assert decisions.filter(entries__isnull=False).distinct().count() >= 2
    recommendation = decisions.get(agenda_item__order=4, order=2)
    assert (recommendation.follow_up, recommendation.progress) == ("in_progress", 60)
    on_board = board.grouped(Decision.objects.all(), timezone.localdate())
    assert recommendation in on_board.filter(group=board.OVERDUE)

    # The decision dedicating the next meeting is an agenda item of that meeting.
    dedicating = decisions.get(agenda_item__order=3)
    pole = dedicating.target_meeting
    assert pole.starts_at.date() == SEED_DAY + datetime.timedelta(weeks=1)
    assert pole.agenda_items.get(source_decision=dedicating).order == 1

    # The seed minutes render; the week before's are adopted at the seed meeting.
    body = minutes.body_html(minutes.load(seed.pk))
    assert "تقييم أولي للمؤتمرات الجهوية الأخيرة" in body
    earlier = Minutes.objects.get(meeting__starts_at__date=SEED_DAY - datetime.timedelta(weeks=1))
    assert (earlier.status, earlier.adopted_at) == (Minutes.Status.ADOPTED, seed)
    assert Minutes.objects.get(meeting=seed).status == Minutes.Status.DRAFT

    # A planned meeting waits to be prepared.
    planned = Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gte=timezone.now())
    assert planned.exists()
