"""The minutes (محضر) of a meeting: what they say, their adoption, and their PDFs.

The body is rendered from the meeting itself (attendance, agenda, decisions, the follow-up it
reviewed) until a later meeting adopts the minutes; the adopted body is kept as it was, and
adopted minutes are never edited again (see docs/meetings-cycle.md).
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from common.dates import long_date
from common.organisation import organisation_name
from common.pdf import html_to_pdf
from common.workflow import InvalidTransition, NotAllowed
from regions.models import Person

from .models import (
    AgendaItem,
    Attendance,
    Decision,
    FollowUpEntry,
    Meeting,
    Minutes,
    MinutesArchive,
)

logger = logging.getLogger(__name__)

REFUSALS = {
    "adopted": _("These minutes are already adopted."),
    "earlier": _("Minutes are adopted at a later meeting than the one they record."),
    "cancelled": _("A cancelled meeting adopts nothing."),
    "read_only": _("Adopted minutes cannot be edited."),
    "not_allowed": _("You may not adopt or edit minutes."),
}


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
                "start": long_date(start, weekday=False, language="ar"),
                "end": long_date(end, weekday=False, language="ar"),
            },
        },
    )
    return html_to_pdf(html, base_url)


def request_archive(start: datetime.date, end: datetime.date, user) -> MinutesArchive:
    """Queue the PDF of a period's minutes; the task queue builds it once this commits. The
    same request while one is still waiting or being built (a second click) gets that one."""
    pending = MinutesArchive.objects.filter(
        start=start,
        end=end,
        requested_by=user,
        status__in=[MinutesArchive.Status.QUEUED, MinutesArchive.Status.BUILDING],
    ).first()
    if pending:
        return pending
    archive = MinutesArchive.objects.create(start=start, end=end, requested_by=user)
    transaction.on_commit(lambda: build_archive.enqueue(str(archive.pk)))
    return archive


@task()
def build_archive(archive_id: str) -> None:
    """Build a queued archive's PDF. Run again for the same archive, it does nothing."""
    claimed = MinutesArchive.objects.filter(
        pk=archive_id, status=MinutesArchive.Status.QUEUED
    ).update(status=MinutesArchive.Status.BUILDING)
    if not claimed:
        return
    archive = MinutesArchive.objects.get(pk=archive_id)
    try:
        count = archive_meetings(archive.start, archive.end).count()
        content = archive_pdf(archive.start, archive.end, base_url=settings.SITE_URL or None)
        archive.path.parent.mkdir(parents=True, exist_ok=True)
        partial = archive.path.with_suffix(".partial")
        partial.write_bytes(content)
        partial.rename(archive.path)  # never a half-written file under the final name
    except Exception:
        logger.exception("The archive of minutes %s could not be built", archive_id)
        status, count = MinutesArchive.Status.FAILED, 0
    else:
        status = MinutesArchive.Status.READY
    MinutesArchive.objects.filter(pk=archive_id).update(
        status=status, meetings=count, finished_at=timezone.now()
    )


def remove_old_archives(now: datetime.datetime) -> int:
    """Periodic job: the archives requested more than a day ago go, files and rows."""
    old = MinutesArchive.objects.filter(created_at__lt=now - MinutesArchive.KEPT_FOR)
    for archive in old:
        archive.path.unlink(missing_ok=True)
    removed, _by_model = old.delete()
    return removed


def _document(meeting: Meeting) -> dict:
    minutes = getattr(meeting, "minutes", None)
    return {
        "meeting": meeting,
        "date": long_date(meeting.starts_at),
        "minutes": minutes,
        "body": body_html(meeting),
    }
