"""A decision's follow-up: who may see and update it, and the one way an entry is added.

The decision's ``follow_up``, ``progress`` and ``followed_up_at`` are copies of its latest
entry, kept here so the board reads them without looking at the timeline (see
docs/meetings-cycle.md).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.workflow import InvalidTransition, NotAllowed, WorkflowError
from regions import access

from .models import Decision, FollowUpEntry, Meeting

OPEN_STATES = (Decision.FollowUp.OPEN, Decision.FollowUp.IN_PROGRESS)

REFUSALS = {
    "cancelled": _("This decision was taken at a cancelled meeting: it has no follow-up."),
    "progress": _("Progress is a percentage, from 0 to 100."),
    "status": _("Choose a follow-up status from the list."),
    "not_allowed": _("You may not update the follow-up of this decision."),
}


def is_regional(user) -> bool:
    """A regional secretary: tied to regions, not to the bureau. Bureau decisions are not theirs."""
    if not access.is_restricted(user):
        return False
    return bool(access.region_ids(user)) or user.has_perm("regions.submit_congress")


def decisions_for(user) -> QuerySet[Decision]:
    """The decisions this user may see: all for the bureau's roles, their own for a responsible
    person with a linked account, none for a regional secretary."""
    decisions = Decision.objects.all()
    if not (user.is_authenticated and user.is_active) or is_regional(user):
        return decisions.none()
    if user.has_perm("meetings.view_decision"):
        return decisions
    return decisions.filter(responsible_person__user=user)


def can_see_board(user) -> bool:
    return (
        user.is_staff
        and not is_regional(user)
        and (user.has_perm("meetings.view_decision") or hasattr(user, "person"))
    )


def can_add_entry(user, decision: Decision) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff) or is_regional(user):
        return False
    if user.has_perm("meetings.add_followupentry"):
        return True
    person_id = decision.responsible_person_id
    return bool(person_id) and getattr(getattr(user, "person", None), "pk", None) == person_id


def add_entry(
    decision: Decision,
    *,
    actor,
    status: str = "",
    progress: int | None = None,
    note: str = "",
    document=None,
    now=None,
) -> FollowUpEntry:
    """Record one step of the follow-up; the decision takes its status and progress."""
    if not can_add_entry(actor, decision):
        raise NotAllowed(REFUSALS["not_allowed"])
    if status and status not in Decision.FollowUp.values:
        raise WorkflowError(REFUSALS["status"])
    if progress is not None and not (isinstance(progress, int) and 0 <= progress <= 100):
        raise WorkflowError(REFUSALS["progress"])
    with transaction.atomic():
        locked = (
            Decision.objects.select_for_update(of=("self",))
            .select_related("agenda_item__meeting")
            .get(pk=decision.pk)
        )
        if locked.agenda_item.meeting.status == Meeting.Status.CANCELLED:
            raise InvalidTransition(REFUSALS["cancelled"])
        if progress is None:
            progress = 100 if status == Decision.FollowUp.DONE else locked.progress
        entry = FollowUpEntry.objects.create(
            decision=locked,
            author=actor,
            at=now or timezone.now(),
            status=status,
            progress=progress,
            note=note,
            document=document or "",
        )
        refresh(locked)
    for field in ("follow_up", "progress", "followed_up_at"):
        setattr(decision, field, getattr(locked, field))
    return entry


def refresh(decision: Decision) -> None:
    """Copy the latest entry's state onto the decision (the latest status set, if any)."""
    entries = decision.entries.order_by("-at", "-pk")
    latest = entries.first()
    if latest is None:
        return
    last_status = entries.exclude(status="").values_list("status", flat=True).first()
    decision.follow_up = last_status or decision.follow_up
    decision.progress = latest.progress
    decision.followed_up_at = latest.at
    decision.save(update_fields=["follow_up", "progress", "followed_up_at"])
