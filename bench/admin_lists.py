"""Admin changelists at benchmark size, run by bench/run (through `manage.py shell`).

`generate_decisions(n)` adds weekly meetings with agenda items and `n` decisions in bulk;
`measure()` opens every registered model's changelist as a superuser, in-process through
Django's test client (production settings, the benchmark's PostgreSQL), and prints one row per
changelist: rows in the table, queries, the median and worst of a few requests in ms, and the
median CPU time of the Python side in ms (PostgreSQL's own time is in the first two only).
"""

import datetime
import itertools
import statistics
import sys
import time

from django.contrib import admin
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from meetings.models import AgendaItem, Decision, Meeting

DECISIONS_PER_ITEM = 5
ITEMS_PER_MEETING = 2
REPEATS = 5


def generate_decisions(count: int) -> None:
    """Meetings one week apart from 1990 on, each with agenda items holding `count` decisions."""
    meetings_needed = -(-count // (DECISIONS_PER_ITEM * ITEMS_PER_MEETING))
    first = timezone.make_aware(datetime.datetime(1990, 1, 2, 17))
    meetings = Meeting.objects.bulk_create(
        Meeting(
            starts_at=first + datetime.timedelta(weeks=n),
            status=Meeting.Status.HELD,
            focus=f"اجتماع مولد رقم {n}",
            focus_ar=f"اجتماع مولد رقم {n}",
        )
        for n in range(meetings_needed)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, order=order, title=f"نقطة {order}", title_ar=f"نقطة {order}")
        for meeting in meetings
        for order in range(1, ITEMS_PER_MEETING + 1)
    )
    numbers = itertools.count()
    Decision.objects.bulk_create(
        (
            Decision(
                agenda_item=item,
                order=order,
                text=f"تتبع الملف رقم {n}",
                text_ar=f"تتبع الملف رقم {n}",
                follow_up=Decision.FollowUp.OPEN,
            )
            for item in items
            for order in range(1, DECISIONS_PER_ITEM + 1)
            if (n := next(numbers)) < count
        ),
        batch_size=2000,
    )


def measure() -> None:
    user, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")  # the host bench/run allows
    client.force_login(user)
    # A superuser must give a one-time code (REQUIRE_2FA, docs/security.md): the session is
    # verified with a device, as after the code page, so each request runs what production does.
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    write = sys.stdout.write
    write(
        f"{'changelist':<36} {'rows':>8} {'queries':>8} {'median ms':>10} {'max ms':>8}"
        f" {'cpu ms':>8}\n"
    )
    for model, _model_admin in sorted(
        admin.site._registry.items(), key=lambda pair: pair[0]._meta.label
    ):
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        client.get(url)  # warm: templates loaded, connection open
        timings, cpu = [], []
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as queries:
                started, cpu_started = time.perf_counter(), time.thread_time()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.thread_time() - cpu_started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        rows = model._default_manager.count()
        write(
            f"{opts.label:<36} {rows:>8} {len(queries):>8} "
            f"{statistics.median(timings):>10.0f} {max(timings):>8.0f}"
            f" {statistics.median(cpu):>8.0f}\n"
        )
