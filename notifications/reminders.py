"""Periodic jobs (registered in apps.py, run by ``manage.py run_periodic``): decision
reminders, the Monday digest and the meeting agenda the day before. Each occurrence has a
key, so a second run the same day, or a run on two hosts, tells nobody twice."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from meetings.models import Attendance, Decision, Meeting

from . import mail, recipients
from .compose import Message, admin_url, notify
from .models import Event

DUE_SOON = datetime.timedelta(days=3)
# An overdue decision is reminded once; older ones stay in the weekly digest.
OVERDUE_WINDOW = datetime.timedelta(days=7)
DIGEST_WEEKDAY, DIGEST_HOUR = 0, 8  # Monday 08:00, Africa/Casablanca (TIME_ZONE)
AGENDA_AHEAD = datetime.timedelta(hours=24)

OPEN = [Decision.FollowUp.OPEN, Decision.FollowUp.IN_PROGRESS]


def _open_decisions():
    return Decision.objects.filter(follow_up__in=OPEN).select_related(
        "responsible_person__user__notification_preference", "agenda_item__meeting"
    )


def _owner(decision):
    person = decision.responsible_person
    return person.user if person and person.user_id else None


def _short(decision) -> str:
    return Truncator(" ".join(decision.text.split())).chars(80)


def _day(value) -> str:
    return date_format(value)  # "21 يناير 2026" in Arabic, "21 janvier 2026" in French


def decision_reminders(now: datetime.datetime) -> int:
    """Owners of open decisions due within 3 days, or overdue since last week, once each."""
    today = timezone.localdate(now)
    told = 0
    due = _open_decisions().filter(
        Q(due_date__gt=today, due_date__lte=today + DUE_SOON)
        | Q(due_date__lt=today, due_date__gte=today - OVERDUE_WINDOW)
    )
    for decision in due.order_by("due_date", "pk"):
        owner = _owner(decision)
        if owner is None:
            continue  # nobody to remind: the secretariat's summary lists it
        event = Event.DECISION_DUE if decision.due_date > today else Event.DECISION_OVERDUE
        key = f"{event}-{decision.pk}-{decision.due_date.isoformat()}"
        told += notify(event, key, [owner], lambda user, d=decision, e=event: _reminder(d, e))
    return told


def _reminder(decision, event) -> Message:
    values = {"text": _short(decision), "date": _day(decision.due_date)}
    if event == Event.DECISION_DUE:
        subject = _("Decision due on %(date)s: %(text)s") % values
        intro = _("A decision you are responsible for is due on %(date)s:") % values
    else:
        subject = _("Decision overdue since %(date)s: %(text)s") % values
        intro = _("A decision you are responsible for was due on %(date)s:") % values
    return Message(
        subject=subject,
        intro=intro,
        items=[decision.text],
        link=admin_url("meetings_decision_change", decision.pk),
        link_label=_("Open the decision"),
    )


def weekly_digest(now: datetime.datetime) -> int:
    """On Monday from 08:00: each owner's open decisions, and the summary to the secretariat."""
    local = timezone.localtime(now)
    if local.weekday() != DIGEST_WEEKDAY or local.hour < DIGEST_HOUR:
        return 0
    today = local.date()
    week = "{}-W{:02d}".format(*today.isocalendar()[:2])
    decisions = list(_open_decisions().order_by("due_date", "pk"))
    by_owner = {}
    for decision in decisions:
        owner = _owner(decision)
        if owner is not None:
            by_owner.setdefault(owner.pk, (owner, []))[1].append(decision)
    told = 0
    for owner, owned in by_owner.values():
        told += notify(
            Event.WEEKLY_DIGEST,
            f"digest-{week}",
            [owner],
            lambda user, owned=owned: _digest(owned, today),
        )
    told += notify(
        Event.SECRETARIAT_SUMMARY,
        f"summary-{week}",
        recipients.secretariat(),
        lambda user: _summary(decisions, today),
    )
    return told


def _line(decision, today) -> str:
    if decision.due_date is None:
        return _short(decision)
    if decision.due_date < today:
        when = _("overdue since %(date)s") % {"date": _day(decision.due_date)}
    else:
        when = _("due on %(date)s") % {"date": _day(decision.due_date)}
    return f"{_short(decision)} — {when}"


def _overdue(decisions, today) -> int:
    return sum(1 for d in decisions if d.due_date and d.due_date < today)


def _digest(decisions, today) -> Message:
    counts = {"open": len(decisions), "overdue": _overdue(decisions, today)}
    return Message(
        subject=_("Your decisions this week: %(open)s open, %(overdue)s overdue") % counts,
        intro=_("The decisions you are responsible for that are still open:"),
        items=[_line(d, today) for d in decisions],
        link=admin_url("meetings_decision_changelist"),
        link_label=_("Open the decisions"),
    )


def _summary(decisions, today) -> Message:
    unowned = [d for d in decisions if _owner(d) is None]
    counts = {
        "open": len(decisions),
        "overdue": _overdue(decisions, today),
        "unowned": len(unowned),
    }
    late_or_unowned = [d for d in decisions if d in unowned or (d.due_date and d.due_date < today)]
    items = []
    for decision in late_or_unowned:
        owner = decision.responsible_person or _("no owner")
        items.append(f"{_line(decision, today)} — {owner}")
    return Message(
        subject=_(
            "Decisions this week: %(open)s open, %(overdue)s overdue, %(unowned)s without an owner"
        )
        % counts,
        intro=_("Overdue decisions, and open decisions that have no owner:")
        if items
        else _("No decision is overdue and every open decision has an owner."),
        items=items,
        link=admin_url("meetings_decision_changelist"),
        link_label=_("Open the decisions"),
    )


def meeting_agenda(now: datetime.datetime) -> int:
    """The agenda of each planned meeting starting within 24 hours, to those expected."""
    told = 0
    meetings = Meeting.objects.filter(
        status=Meeting.Status.PLANNED, starts_at__gt=now, starts_at__lte=now + AGENDA_AHEAD
    ).prefetch_related("agenda_items")
    for meeting in meetings:
        expected = [
            attendance.person.user
            for attendance in Attendance.objects.filter(
                meeting=meeting,
                status=Attendance.Status.PRESENT,
                person__user__isnull=False,
            ).select_related("person__user__notification_preference")
        ]
        told += notify(
            Event.MEETING_AGENDA,
            f"agenda-{meeting.pk}-{meeting.starts_at.isoformat()}",
            expected,
            lambda user, m=meeting: _agenda(m),
            guard="meeting_still_planned",
            guard_args={"meeting_id": meeting.pk, "starts_at": meeting.starts_at.isoformat()},
        )
    return told


def _agenda(meeting) -> Message:
    local = timezone.localtime(meeting.starts_at)
    values = {"meeting": str(meeting), "when": date_format(local, "DATETIME_FORMAT")}
    intro = _("The meeting starts on %(when)s.") % values
    if meeting.venue:
        intro += " " + _("Venue: %(venue)s.") % {"venue": meeting.venue}
    items = [f"{item.order}. {item.title}" for item in meeting.agenda_items.all()]
    return Message(
        subject=_("Meeting tomorrow: %(meeting)s") % values,
        intro=intro + (" " + _("Agenda:") if items else ""),
        items=items,
        link=admin_url("meetings_meeting_change", meeting.pk),
        link_label=_("Open the meeting"),
    )


def meeting_still_planned(meeting_id: int, starts_at: str) -> bool:
    """A reminder queued for a meeting since cancelled or moved is not sent."""
    return Meeting.objects.filter(
        pk=meeting_id,
        status=Meeting.Status.PLANNED,
        starts_at=datetime.datetime.fromisoformat(starts_at),
    ).exists()


mail.register_guard("meeting_still_planned", meeting_still_planned)
