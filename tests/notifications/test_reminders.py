"""Decision reminders, the Monday digest and the agenda the day before: periodic jobs that
tell each person once, whatever the number of runs."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from common import periodic, roles
from meetings.models import AgendaItem, Attendance, Decision, Meeting
from notifications import mail, reminders
from notifications.models import Mail, Notification
from regions.models import Person

from .conftest import parts

CASABLANCA = timezone.get_default_timezone()
# Monday 2 March 2026, 08:30 in Casablanca.
MONDAY = datetime.datetime(2026, 3, 2, 8, 30, tzinfo=CASABLANCA)
TODAY = MONDAY.date()


@pytest.fixture
def owner(staff):
    user = staff("owner", roles.EDITOR)
    Person.objects.create(name="Owner", name_ar="صاحب القرار", user=user)
    return user


@pytest.fixture
def item(db):
    meeting = Meeting.objects.create(
        starts_at=MONDAY - datetime.timedelta(days=30), status=Meeting.Status.HELD
    )
    return AgendaItem.objects.create(meeting=meeting, title_ar="التنظيم")


def decision(item, due, person=None, follow_up=Decision.FollowUp.OPEN, text="إعداد تقرير"):
    return Decision.objects.create(
        agenda_item=item,
        text_ar=text,
        due_date=due,
        responsible_person=person,
        follow_up=follow_up,
        order=Decision.objects.count() + 1,
    )


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a job at ``now``, then what it queued for after commit (delivery)."""

    def run(job, now):
        with time_machine.travel(now, tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                return job(now)

    return run


def test_the_jobs_are_registered():
    assert {"decision_reminders", "weekly_digest", "meeting_agenda", "mail_retry"} <= set(
        periodic.jobs()
    )


def test_a_decision_due_in_three_days_reminds_its_owner_once(owner, item, mailoutbox, run):
    due = decision(item, TODAY + datetime.timedelta(days=3), owner.person)
    assert run(reminders.decision_reminders, MONDAY) == 1
    assert run(reminders.decision_reminders, MONDAY + datetime.timedelta(hours=2)) == 0
    (message,) = mailoutbox
    assert message.subject.startswith("قرار يحل أجله في 5 مارس 2026")
    text, html = parts(message)
    assert "إعداد تقرير" in text
    assert f"https://bureau.example.org/admin/meetings/decision/{due.pk}/change/" in html


def test_an_overdue_decision_reminds_its_owner_once(owner, item, mailoutbox, run):
    decision(item, TODAY - datetime.timedelta(days=1), owner.person)
    assert run(reminders.decision_reminders, MONDAY) == 1
    assert run(reminders.decision_reminders, MONDAY + datetime.timedelta(days=1)) == 0
    assert Notification.objects.get().event == "decision_overdue"
    assert "غشت" not in mailoutbox[0].subject and "1 مارس 2026" in mailoutbox[0].subject


def test_done_far_or_ownerless_decisions_remind_nobody(owner, item, mailoutbox, run):
    decision(item, TODAY + datetime.timedelta(days=2), owner.person, Decision.FollowUp.DONE)
    decision(item, TODAY + datetime.timedelta(days=10), owner.person)
    decision(item, TODAY + datetime.timedelta(days=2), None)
    assert run(reminders.decision_reminders, MONDAY) == 0
    assert mailoutbox == []


def test_an_inactive_owner_is_not_reminded(owner, item, mailoutbox, run):
    decision(item, TODAY + datetime.timedelta(days=2), owner.person)
    owner.is_active = False
    owner.save()
    assert run(reminders.decision_reminders, MONDAY) == 0


def test_the_monday_digest_goes_to_owners_and_the_summary_to_the_secretariat(
    owner, item, staff, mailoutbox, run
):
    secretariat = staff("secretariat-1", roles.SECRETARIAT)
    decision(item, TODAY - datetime.timedelta(days=20), owner.person, text="قرار متأخر")
    decision(item, TODAY + datetime.timedelta(days=20), owner.person, text="قرار مفتوح")
    decision(item, None, None, text="قرار بلا مسؤول")
    assert run(reminders.weekly_digest, MONDAY) == 2
    assert run(reminders.weekly_digest, MONDAY + datetime.timedelta(hours=5)) == 0
    digest = next(m for m in mailoutbox if m.to == ["owner@example.org"])
    text, html = parts(digest)
    assert "قرار متأخر" in text and "قرار مفتوح" in text and "قرار بلا مسؤول" not in text
    summary = next(m for m in mailoutbox if m.to == [secretariat.email])
    text = parts(summary)[0]
    assert "قرار بلا مسؤول" in text and "قرار متأخر" in text and "قرار مفتوح" not in text
    assert "3" in summary.subject


@pytest.mark.parametrize(
    "when",
    [MONDAY.replace(hour=7, minute=59), MONDAY - datetime.timedelta(days=1)],
    ids=["monday-07:59", "sunday"],
)
def test_no_digest_outside_monday_from_eight(owner, item, when, run):
    decision(item, TODAY, owner.person)
    assert run(reminders.weekly_digest, when) == 0


def test_the_digest_time_is_casablancas(owner, item, run):
    decision(item, TODAY, owner.person)
    # Monday 6 April 2026, 07:30 UTC is 08:30 in Casablanca (UTC+1 outside Ramadan)...
    assert run(reminders.weekly_digest, datetime.datetime(2026, 4, 6, 7, 30, tzinfo=datetime.UTC))
    # ... and during Ramadan (UTC+0), 07:30 UTC is still 07:30 there: too early.
    assert not run(
        reminders.weekly_digest, datetime.datetime(2026, 3, 2, 7, 30, tzinfo=datetime.UTC)
    )


@pytest.fixture
def tomorrow(owner, staff):
    meeting = Meeting.objects.create(
        starts_at=MONDAY + datetime.timedelta(hours=20),
        status=Meeting.Status.PLANNED,
        venue_ar="المقر المركزي",
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title_ar="الوضع السياسي")
    AgendaItem.objects.create(meeting=meeting, order=2, title_ar="التحضير للمؤتمر")
    Attendance.objects.create(meeting=meeting, person=owner.person)
    excused = staff("excused")
    Attendance.objects.create(
        meeting=meeting,
        person=Person.objects.create(name="Excused", user=excused),
        status=Attendance.Status.EXCUSED,
    )
    return meeting


def test_the_agenda_goes_to_those_expected_the_day_before(tomorrow, mailoutbox, run):
    assert run(reminders.meeting_agenda, MONDAY - datetime.timedelta(hours=5)) == 0  # > 24 h
    assert run(reminders.meeting_agenda, MONDAY) == 1
    assert run(reminders.meeting_agenda, MONDAY + datetime.timedelta(hours=1)) == 0
    (message,) = mailoutbox
    assert message.to == ["owner@example.org"]
    text, html = parts(message)
    assert "1. الوضع السياسي" in text and "2. التحضير للمؤتمر" in html
    assert "3 مارس 2026" in text  # the meeting's date, Moroccan month


def test_a_meeting_cancelled_after_its_reminder_was_queued_sends_nothing(
    tomorrow, settings, mailoutbox, run
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    run(reminders.meeting_agenda, MONDAY)
    queued = Mail.objects.get()
    tomorrow.status = Meeting.Status.CANCELLED
    tomorrow.save()
    with time_machine.travel(MONDAY, tick=False):
        assert mail.deliver.call(queued.pk) == Mail.Status.CANCELLED
    assert mailoutbox == []


def test_run_periodic_runs_them(owner, item, mailoutbox, capsys, run_periodic):
    decision(item, TODAY + datetime.timedelta(days=1), owner.person)
    with time_machine.travel(MONDAY, tick=False):
        run_periodic("decision_reminders")
    assert "decision_reminders: 1" in capsys.readouterr().out


def test_dates_in_arabic_messages_use_moroccan_months(owner, item, run, mailoutbox):
    monday = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=CASABLANCA)
    decision(item, datetime.date(2026, 5, 6), owner.person)
    run(reminders.decision_reminders, monday)
    text, html = parts(mailoutbox[0])
    assert "6 ماي 2026" in mailoutbox[0].subject and "6 ماي 2026" in html
    assert "مايو" not in text + html
