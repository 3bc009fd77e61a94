"""Run by bench/cycle inside `manage.py shell`: generate the data, then time the targets."""

import datetime
import os
import random
import statistics
import sys
import time

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from common.pdf import html_to_pdf
from meetings import minutes
from meetings.models import AgendaItem, Attendance, Decision, FollowUpEntry, Meeting
from regions.models import Person, Region

DECISIONS = int(os.environ.get("BENCH_DECISIONS", "10000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))
YEAR = 2015  # before the generated decisions' five years: 52 meetings exactly
rng = random.Random(DECISIONS)
Status = Decision.FollowUp


def at(day, hour=17):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def generate_decisions(count):
    """Five years of weekly meetings before today, the decisions spread over them: most done
    long ago, a realistic share open, overdue, due soon or without a date."""
    today = timezone.localdate()
    people = list(Person.objects.filter(is_bureau_member=True))
    regions = list(Region.objects.all())
    meetings = Meeting.objects.bulk_create(
        Meeting(starts_at=at(today - datetime.timedelta(weeks=w + 1)), status="held")
        for w in range(260)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, order=o, title="بند", title_ar="بند")
        for m in meetings
        for o in (1, 2, 3)
    )
    AgendaItem.regions.through.objects.bulk_create(
        AgendaItem.regions.through(agendaitem_id=item.pk, region_id=rng.choice(regions).pk)
        for item in items
    )
    rows = []
    for n in range(count):
        item = items[n % len(items)]
        held = timezone.localtime(meetings[(n % len(items)) // 3].starts_at).date()
        roll = rng.random()
        status = Status.DONE if roll < 0.7 else rng.choice([Status.OPEN, Status.IN_PROGRESS])
        due = held + datetime.timedelta(days=rng.randrange(7, 120)) if rng.random() < 0.8 else None
        followed = at(min(due or held, today) if status == Status.DONE else held)
        rows.append(
            Decision(
                agenda_item=item,
                order=n,
                kind=rng.choice(Decision.Kind.values),
                text=f"قرار رقم {n}",
                text_ar=f"قرار رقم {n} حول تنظيم لقاءات تواصلية في الفروع الإقليمية",
                follow_up=status,
                progress=100 if status == Status.DONE else rng.randrange(0, 100, 10),
                followed_up_at=followed,
                due_date=due,
                responsible_person=rng.choice(people) if n % 2 else None,
                responsible_body="" if n % 2 else "قطب التنظيم",
            )
        )
    Decision.objects.bulk_create(rows, batch_size=2000)


def generate_year():
    """52 weekly meetings of one year, each with nine members' attendance, three items, six
    decisions and a follow-up review of four earlier decisions with their entries."""
    secretariat = User.objects.get(username="secretariat")
    people = list(Person.objects.filter(is_bureau_member=True))
    first = datetime.date(YEAR, 1, 3)
    earlier = []
    for week in range(52):
        meeting = Meeting.objects.create(
            starts_at=at(first + datetime.timedelta(weeks=week)),
            status="held",
            venue_ar="المقر المركزي للحزب بالرباط",
        )
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, person=p, status="present" if i else "excused")
            for i, p in enumerate(people)
        )
        for order in (1, 2, 3):
            item = AgendaItem.objects.create(
                meeting=meeting,
                order=order,
                title_ar=f"البند {order}: الوضع التنظيمي والتحضير للمؤتمرات الإقليمية",
                summary_ar="تدارس المكتب السياسي هذه النقطة وسجل ملاحظات أعضائه. " * 4,
            )
            for n in (1, 2):
                earlier.append(
                    Decision.objects.create(
                        agenda_item=item,
                        order=n,
                        text_ar="تنظيم لقاءات تواصلية في الفروع الإقليمية وإعداد تقرير مرحلي",
                        responsible_person=people[n],
                        due_date=first + datetime.timedelta(weeks=week + 4),
                        follow_up=Status.OPEN,
                    )
                )
        if len(earlier) > 12:
            review = AgendaItem.objects.create(
                meeting=meeting, order=4, title_ar="تتبع تنفيذ القرارات", proposal="follow_up"
            )
            reviewed = earlier[-12:-8]
            review.reviewed_decisions.set(reviewed)
            FollowUpEntry.objects.bulk_create(
                FollowUpEntry(
                    decision=d,
                    author=secretariat,
                    at=meeting.starts_at - datetime.timedelta(days=1),
                    status=Status.IN_PROGRESS,
                    progress=50,
                    note="انعقدت اللقاءات في نصف الفروع",
                )
                for d in reviewed
            )


def say(text):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def timed(function, repeat=REPEAT):
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations)


def line(label, seconds, aim, ceiling):
    """One figure, against the aim (None: no aim, shown for scale) and the run's ceiling."""
    if aim is None:
        against = f"{'(no aim)':<38}"
    else:
        verdict = "within" if seconds <= aim else "OVER"
        against = f"aim {aim * 1000:7.0f} ms ({verdict}, {seconds / aim:5.2f} of it)"
    say(f"{label:<44} {seconds * 1000:9.0f} ms   {against}   {seconds / ceiling:6.1f} × ceiling")


started = time.perf_counter()
generate_decisions(DECISIONS)
generate_year()
with connection.cursor() as cursor:
    if connection.vendor == "postgresql":
        cursor.execute("ANALYZE")
say(f"   generated in {time.perf_counter() - started:.0f} s")

translation.activate("ar")
client = Client()
client.force_login(User.objects.get(username="secretariat"))
board_url = reverse("admin:meetings_decision_board")
bare_url = reverse("admin:password_change")


def get(url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


get(board_url)  # warm: templates, translations
get(bare_url)
with CaptureQueriesContext(connection) as queries:
    shown = get(board_url).content.decode().count('class="entry-row')
total = Decision.objects.count()
load = os.getloadavg()[0]
say(
    f"\n== the board: {total} decisions, {shown} rows shown, {len(queries)} queries "
    f"(median of {REPEAT}; load average {load:.1f} on {os.cpu_count()} cores)"
)
ceiling = timed(lambda: get(bare_url))
say(f"{'ceiling: a bare admin page (password change)':<44} {ceiling * 1000:9.0f} ms")
line("the board", timed(lambda: get(board_url)), 0.300, ceiling)
line(
    "the board, overdue group whole",
    timed(lambda: get(board_url + "?group=overdue")),
    None,
    ceiling,
)
line(
    "the board as CSV",
    timed(lambda: get(reverse("admin:meetings_decision_board_csv"))),
    None,
    ceiling,
)

say(f"\n== PDFs (median of {REPEAT}; the year once)")
pdf_ceiling = timed(lambda: html_to_pdf("<p dir=rtl>محضر</p>"))
say(f"{'ceiling: WeasyPrint, a one-line page':<44} {pdf_ceiling * 1000:9.0f} ms")
seed = Meeting.objects.get(starts_at__date=datetime.date(2020, 1, 21))
minutes.minutes_of(seed)
line(
    "the seed meeting's minutes PDF",
    timed(lambda: minutes.pdf(minutes.load(seed.pk))),
    2,
    pdf_ceiling,
)
year = {}


def archive():
    year["pdf"] = minutes.archive_pdf(datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31))


line(f"52 meetings of {YEAR} as one PDF", timed(archive, repeat=1), 30, pdf_ceiling)
say(f"   ({len(year['pdf']) // 1024} KiB)")
