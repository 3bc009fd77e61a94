"""The demo's weekly cycle (see docs/meetings-cycle.md): follow-up entries on the seed meeting's
decisions (one of them overdue), the organisation-pole meeting's item linked to the decision
that dedicated it, the minutes of the week before adopted at the seed meeting, and a planned
next meeting to prepare. Runs after the meetings and the accounts exist; safe to run twice."""

import datetime

from django.contrib.auth.models import User
from django.utils import timezone

from .. import followup, minutes
from ..models import AgendaItem, Decision, Meeting, Minutes
from .story import SEED_DAY

Status = Decision.FollowUp


def _meeting(day: datetime.date) -> Meeting:
    return Meeting.objects.get(
        organ=Meeting.Organ.POLITICAL_BUREAU,
        starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(17))),
    )


def _at(day: datetime.date, hour=10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# (meeting day, item order, decision order, extra fields, [(day, status, progress, note)])
STORY = [
    (
        SEED_DAY,
        3,
        1,
        {},
        [(datetime.date(2020, 1, 28), Status.DONE, 100, "عقد الاجتماع المخصص لقطب التنظيم.")],
    ),
    (
        SEED_DAY,
        4,
        2,
        {"due_date": datetime.date(2020, 3, 31)},
        [
            (datetime.date(2020, 1, 28), Status.IN_PROGRESS, 30, "برمجة لقاءات في ست جهات."),
            (datetime.date(2020, 2, 18), "", 60, "انعقدت اللقاءات في أربع جهات من أصل ست."),
        ],
    ),
    (
        SEED_DAY + datetime.timedelta(weeks=1),
        1,
        1,
        {
            "responsible_body": "قطب التنظيم",
            "due_date": datetime.date(2020, 5, 31),
            "follow_up": Status.OPEN,
        },
        [(datetime.date(2020, 2, 11), Status.IN_PROGRESS, 40, "أعدت لجنة مسودة الدليل.")],
    ),
]


def load() -> None:
    secretariat = User.objects.get(username="secretariat")
    seed = _meeting(SEED_DAY)
    pole = _meeting(SEED_DAY + datetime.timedelta(weeks=1))
    for day, item_order, order, fields, entries in STORY:
        decision = Decision.objects.get(
            agenda_item__meeting=_meeting(day), agenda_item__order=item_order, order=order
        )
        if fields:
            Decision.objects.filter(pk=decision.pk).update(**fields)
            decision.refresh_from_db()
        if not decision.entries.exists():
            for when, status, progress, note in entries:
                followup.add_entry(
                    decision,
                    actor=secretariat,
                    status=status,
                    progress=progress,
                    note=note,
                    now=_at(when),
                )
        followup.refresh(decision)
    # The decision of 21 January dedicated the next meeting to the organisation pole: its item.
    dedicating = Decision.objects.get(agenda_item__meeting=seed, agenda_item__order=3, order=1)
    AgendaItem.objects.filter(meeting=pole, order=1).update(
        source_decision=dedicating, proposal=AgendaItem.Proposal.DEDICATED
    )
    earlier = minutes.minutes_of(_meeting(SEED_DAY - datetime.timedelta(weeks=1)))
    if earlier.status == Minutes.Status.DRAFT:
        minutes.adopt(earlier, at=seed, actor=secretariat, now=seed.starts_at)
    minutes.minutes_of(seed)
    _plan_next_meeting()


def _plan_next_meeting() -> None:
    """The next Tuesday's meeting, planned, for the staff home and the agenda's preparation."""
    now = timezone.now()
    if Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gte=now).exists():
        return
    today = timezone.localdate()
    tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    Meeting.objects.create(
        starts_at=_at(tuesday, 17),
        status=Meeting.Status.PLANNED,
        venue_ar="المقر المركزي للحزب بالرباط",
        venue_fr="Siège central du parti, Rabat",
    )
