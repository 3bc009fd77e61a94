"""iCalendar (RFC 5545) feeds: a user's private calendar and the public congress calendar.

Times carry TZID=Africa/Casablanca with its VTIMEZONE (Morocco's clock moves around
Ramadan, which calendar apps must know); congresses and due dates are all-day events."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from meetings.models import Decision, Meeting
from regions import access
from regions.models import Congress

from .compose import admin_url

MEETING_LENGTH = datetime.timedelta(hours=3)  # meetings have a start, not an end


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "bureau.invalid"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Bureau//Calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _event(uid: str, summary: str, now, **fields) -> Event:
    event = Event()
    event.add("uid", f"{uid}@{_domain()}")
    event.add("dtstamp", now)
    event.add("summary", summary)
    for name, value in fields.items():
        if value:
            event.add(name.replace("_", "-"), value)
    return event


def _finish(calendar: Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def meetings_for(user: AbstractBaseUser):
    """The meetings a user attends, or all of them for those who organise meetings."""
    meetings = Meeting.objects.all()
    if not user.has_perm("meetings.change_meeting"):
        meetings = meetings.filter(attendance__person__user=user).distinct()
    return meetings.prefetch_related("agenda_items").order_by("starts_at")


def user_calendar(user: AbstractBaseUser, now: datetime.datetime | None = None) -> bytes:
    now = now or timezone.now()
    calendar = _calendar(_("Bureau — my meetings and deadlines"))
    for meeting in meetings_for(user):
        start = timezone.localtime(meeting.starts_at)
        agenda = "\n".join(f"{item.order}. {item.title}" for item in meeting.agenda_items.all())
        calendar.add_component(
            _event(
                f"meeting-{meeting.pk}",
                str(meeting),
                now,
                dtstart=start,
                dtend=start + MEETING_LENGTH,
                location=meeting.venue,
                description=agenda,
                url=admin_url("meetings_meeting_change", meeting.pk),
                status="CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED",
            )
        )
    decisions = Decision.objects.filter(
        responsible_person__user=user, due_date__isnull=False
    ).exclude(follow_up=Decision.FollowUp.DROPPED)
    for decision in decisions.order_by("due_date", "pk"):
        calendar.add_component(
            _event(
                f"decision-{decision.pk}",
                _("Due: %(decision)s") % {"decision": " ".join(decision.text.split())[:120]},
                now,
                dtstart=decision.due_date,
                dtend=decision.due_date + datetime.timedelta(days=1),
                description=decision.text,
                url=admin_url("meetings_decision_change", decision.pk),
            )
        )
    congresses = access.congresses(user).select_related("region")
    for congress in congresses.order_by("date", "pk"):
        calendar.add_component(
            _congress(congress, now, admin_url("regions_congress_change", congress.pk))
        )
    return _finish(calendar)


def _congress(congress: Congress, now, url: str = "") -> Event:
    return _event(
        f"congress-{congress.pk}",
        str(congress),
        now,
        dtstart=congress.date,
        dtend=congress.date + datetime.timedelta(days=1),
        location=congress.venue,
        url=url,
    )


def public_calendar(now: datetime.datetime | None = None) -> bytes:
    """Upcoming congresses that staff marked public."""
    now = now or timezone.now()
    calendar = _calendar(_("Regional congresses"))
    congresses = Congress.objects.filter(
        Q(is_public=True), date__gte=timezone.localdate(now)
    ).select_related("region")
    for congress in congresses.order_by("date", "pk"):
        calendar.add_component(_congress(congress, now))
    return _finish(calendar)
