"""The minutes (محضر) of a meeting: what they say, their adoption, and their PDFs.

The body is rendered from the meeting itself (attendance, agenda, decisions, the follow-up it
reviewed) until a later meeting adopts the minutes; the adopted body is kept as it was, and
adopted minutes are never edited again (see docs/meetings-cycle.md).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from common.organisation import organisation_name
from common.pdf import html_to_pdf
from common.workflow import InvalidTransition, NotAllowed
from regions.models import Person

from .dates import arabic_date
from .models import AgendaItem, Attendance, Decision, FollowUpEntry, Meeting, Minutes

REFUSALS = {
    "adopted": _("These minutes are already adopted."),
    "earlier": _("Minutes are adopted at a later meeting than the one they record."),
    "cancelled": _("A cancelled meeting adopts nothing."),
    "read_only": _("Adopted minutes cannot be edited."),
    "not_allowed": _("You may not adopt or edit minutes."),
}


def long_date(day, weekday: bool = True) -> str:
    """«الثلاثاء 21 يناير 2020» in Arabic (Moroccan months), «mardi 21 janvier 2020» otherwise."""
    if (get_language() or "ar").startswith("ar"):
        return arabic_date(day, weekday=weekday)
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date()
    return date_format(day, "l j F Y" if weekday else "j F Y")


def minutes_of(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


def _meetings_with_content():
    decisions = Decision.objects.select_related("responsible_person").order_by("order")
    reviewed = Decision.objects.select_related(
        "agenda_item__meeting", "responsible_person"
    ).prefetch_related(Prefetch("entries", FollowUpEntry.objects.order_by("at", "pk")))
    return Meeting.objects.prefetch_related(
        Prefetch("attendance", Attendance.objects.select_related("person")),
        Prefetch(
            "agenda_items",
            AgendaItem.objects.order_by("order").prefetch_related(
                Prefetch("decisions", decisions),
                Prefetch("reviewed_decisions", reviewed),
            ),
        ),
    ).select_related("minutes", "minutes__adopted_at")


def context(meeting: Meeting) -> dict:
    """Everything the minutes say about one meeting (fetched with the prefetches above)."""
    attendance = {status: [] for status in Attendance.Status.values}
    for row in meeting.attendance.all():
        attendance[row.status].append(row.person)
    members = None
    if meeting.organ == Meeting.Organ.POLITICAL_BUREAU:
        members = _bureau_size()
    present = len(attendance[Attendance.Status.PRESENT])
    ends = meeting.starts_at + datetime.timedelta(days=1)
    reviewed = []
    for item in meeting.agenda_items.all():
        for decision in item.reviewed_decisions.all():
            entries = [e for e in decision.entries.all() if e.at < ends]
            reviewed.append({"decision": decision, "entry": entries[-1] if entries else None})
    return {
        "meeting": meeting,
        "date": long_date(meeting.starts_at),
        "present": attendance[Attendance.Status.PRESENT],
        "excused": attendance[Attendance.Status.EXCUSED],
        "absent": attendance[Attendance.Status.ABSENT],
        "members": members,
        "quorum": None if members is None else present * 2 > members,
        "items": list(meeting.agenda_items.all()),
        "reviewed": reviewed,
    }


def _bureau_size() -> int:
    return Person.objects.filter(is_bureau_member=True).count()


def body_html(meeting: Meeting) -> str:
    """The minutes' body: adopted minutes keep the body they were adopted with."""
    minutes = getattr(meeting, "minutes", None)
    if minutes is not None and minutes.status == Minutes.Status.ADOPTED and minutes.adopted_html:
        return mark_safe(minutes.adopted_html)  # rendered by our own template at adoption
    return render_to_string("meetings/minutes_body.html", context(meeting))


def load(meeting_id: int) -> Meeting:
    return _meetings_with_content().get(pk=meeting_id)


def adopt(minutes: Minutes, *, at: Meeting, actor, now=None) -> Minutes:
    """Record that meeting ``at`` adopted these minutes; their body is kept from now on."""
    if not actor.has_perm("meetings.change_minutes"):
        raise NotAllowed(REFUSALS["not_allowed"])
    with transaction.atomic():
        locked = Minutes.objects.select_for_update().get(pk=minutes.pk)
        if locked.status == Minutes.Status.ADOPTED:
            raise InvalidTransition(REFUSALS["adopted"])
        if at.starts_at <= locked.meeting.starts_at:
            raise InvalidTransition(REFUSALS["earlier"])
        if at.status == Meeting.Status.CANCELLED:
            raise InvalidTransition(REFUSALS["cancelled"])
        locked.adopted_html = render_to_string(
            "meetings/minutes_body.html", context(load(locked.meeting_id))
        )
        locked.status = Minutes.Status.ADOPTED
        locked.adopted_at = at
        locked.adopted_by = actor
        locked.adopted_on = now or timezone.now()
        locked.save()
    return locked


def edit_notes(minutes: Minutes, *, notes: str, actor) -> Minutes:
    if not actor.has_perm("meetings.change_minutes"):
        raise NotAllowed(REFUSALS["not_allowed"])
    with transaction.atomic():
        locked = Minutes.objects.select_for_update().get(pk=minutes.pk)
        if locked.status == Minutes.Status.ADOPTED:
            raise InvalidTransition(REFUSALS["read_only"])
        locked.notes = notes
        locked.save(update_fields=["notes"])
    return locked


def pdf(meeting: Meeting, base_url: str | None = None) -> bytes:
    html = render_to_string(
        "meetings/minutes_pdf.html",
        {"documents": [_document(meeting)], "organisation": organisation_name()},
    )
    return html_to_pdf(html, base_url)


def archive_meetings(start: datetime.date, end: datetime.date):
    """The meetings held between two days (inclusive), oldest first, with their content."""
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    last = timezone.make_aware(datetime.datetime.combine(end, datetime.time.max))
    return (
        _meetings_with_content()
        .filter(status=Meeting.Status.HELD, starts_at__range=(first, last))
        .order_by("starts_at")
    )


def archive_pdf(start: datetime.date, end: datetime.date, base_url: str | None = None) -> bytes:
    """All minutes of a period as one PDF, with a table of contents and page numbers."""
    meetings = list(archive_meetings(start, end))
    html = render_to_string(
        "meetings/minutes_pdf.html",
        {
            "documents": [_document(m) for m in meetings],
            "organisation": organisation_name(),
            "archive": {
                "start": arabic_date(start, weekday=False),
                "end": arabic_date(end, weekday=False),
            },
        },
    )
    return html_to_pdf(html, base_url)


def _document(meeting: Meeting) -> dict:
    minutes = getattr(meeting, "minutes", None)
    return {
        "meeting": meeting,
        "date": long_date(meeting.starts_at),
        "minutes": minutes,
        "body": body_html(meeting),
    }
