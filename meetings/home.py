"""The staff home's "this week": what needs doing, for the person looking (docs/meetings-cycle.md).

The bureau's roles see the next meeting, the communiqués waiting for their role, the overdue
decisions and the congresses awaiting validation; a regional secretary sees their region's
congresses instead, and no bureau decision.
"""

from __future__ import annotations

from django.utils import timezone

from regions import access
from regions.models import Congress

from . import board, followup
from .models import Communique, Meeting

# The communiqués each permission waits on: what its holder is the next to act on.
WAITING_FOR = [
    ("meetings.submit_communique", Communique.Status.DRAFT),
    ("meetings.approve_communique", Communique.Status.IN_REVIEW),
    ("meetings.publish_communique", Communique.Status.APPROVED),
]


def this_week(user, now=None) -> dict:
    now = now or timezone.now()
    if followup.is_regional(user):
        return _regional(user)
    week = {"regional": False}
    if user.has_perm("meetings.view_meeting"):
        week["next_meeting"] = (
            Meeting.objects.filter(starts_at__gte=now, status=Meeting.Status.PLANNED)
            .prefetch_related("agenda_items")
            .order_by("starts_at")
            .first()
        )
    statuses = [status for perm, status in WAITING_FOR if user.has_perm(perm)]
    if statuses:
        week["communiques"] = list(
            Communique.objects.filter(status__in=statuses).order_by("-updated_at")[:10]
        )
    if followup.can_see_board(user):
        today = timezone.localdate(now)
        on_board = board.grouped(followup.decisions_for(user), today)
        week["overdue"] = on_board.filter(group=board.OVERDUE).count()
    if user.has_perm("regions.validate_congress"):
        week["awaiting"] = list(
            access.congresses(user)
            .filter(status=Congress.Status.SUBMITTED)
            .select_related("region")
            .order_by("date")
        )
    return week


def _regional(user) -> dict:
    congresses = access.congresses(user).select_related("region").order_by("-date")
    return {
        "regional": True,
        "regions": list(access.regions(user)),
        "to_record": [c for c in congresses if c.status == Congress.Status.HELD],
        "submitted": [c for c in congresses if c.status == Congress.Status.SUBMITTED],
        "planned": [c for c in congresses if c.status == Congress.Status.PLANNED],
    }
