"""The next meeting's agenda, prepared from the last ones (see docs/meetings-cycle.md).

A decision that targets a planned meeting puts an item on it at once, linked to the decision;
one that targets "the next meeting of organ X" is resolved when that meeting is created. The
"prepare the agenda" action proposes the dedicated items, a review of the open decisions that
fall due before the meeting, and the congresses of the coming weeks; staff accept or drop each.
Constraints on AgendaItem make sure nothing is added twice, even by two people at once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from regions.models import Congress

from .followup import OPEN_STATES
from .models import AgendaItem, Decision, Meeting

CONGRESS_WEEKS = 4
LANGUAGES = ("ar", "fr", "en")
FOLLOW_UP_TITLE = _("Follow-up of the implementation of decisions")
CONGRESSES_TITLE = _("Coming regional and provincial congresses")


@dataclass
class Proposal:
    key: str
    kind: str
    title: str
    decisions: list = field(default_factory=list)
    congresses: list = field(default_factory=list)
    present: bool = False


def _day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.starts_at).date()


def _in_every_language(message) -> dict[str, str]:
    titles = {}
    for language in LANGUAGES:
        with translation.override(language):
            titles[f"title_{language}"] = str(message)
    return titles


def _next_order(meeting: Meeting) -> int:
    return (meeting.agenda_items.aggregate(last=Max("order"))["last"] or 0) + 1


def _dedicated_titles(decision: Decision) -> dict[str, str]:
    return {
        f"title_{language}": (getattr(decision, f"text_{language}") or "")[:300]
        for language in LANGUAGES
    }


def place_dedicated(decision: Decision) -> AgendaItem | None:
    """Put a decision's item on the planned meeting it targets (once)."""
    target = decision.target_meeting
    if target is None or target.status != Meeting.Status.PLANNED:
        return None
    if target.agenda_items.filter(source_decision=decision).exists():
        return None
    try:
        with transaction.atomic():
            return AgendaItem.objects.create(
                meeting=target,
                order=_next_order(target),
                topic=decision.agenda_item.topic,
                source_decision=decision,
                proposal=AgendaItem.Proposal.DEDICATED,
                **_dedicated_titles(decision),
            )
    except IntegrityError:  # placed meanwhile by someone else
        return None


def resolve_next_meeting(meeting: Meeting) -> list[Decision]:
    """A new meeting is "the next meeting of its organ" for the decisions waiting for one.

    Their items are placed once the transaction commits: the admin saves a new meeting's own
    agenda items after the meeting, and they keep the first positions."""
    if meeting.status != Meeting.Status.PLANNED:
        return []
    waiting = list(
        Decision.objects.filter(
            target_organ=meeting.organ,
            target_meeting__isnull=True,
            agenda_item__meeting__starts_at__lt=meeting.starts_at,
        ).select_related("agenda_item")
    )
    Decision.objects.filter(pk__in=[d.pk for d in waiting]).update(target_meeting=meeting)
    for decision in waiting:
        decision.target_meeting = meeting
        transaction.on_commit(lambda decision=decision: place_dedicated(decision))
    return waiting


def due_for_review(meeting: Meeting):
    """Open decisions of the same organ, taken earlier, falling due by the meeting's day."""
    return (
        Decision.objects.filter(
            follow_up__in=OPEN_STATES,
            due_date__lte=_day(meeting),
            agenda_item__meeting__organ=meeting.organ,
            agenda_item__meeting__starts_at__lt=meeting.starts_at,
        )
        .select_related("agenda_item__meeting", "responsible_person")
        .order_by("due_date", "pk")
    )


def coming_congresses(meeting: Meeting):
    day = _day(meeting)
    return Congress.objects.filter(
        status=Congress.Status.PLANNED,
        date__gte=day,
        date__lte=day + datetime.timedelta(weeks=CONGRESS_WEEKS),
    ).select_related("region")


def proposals(meeting: Meeting) -> list[Proposal]:
    items = list(meeting.agenda_items.all())
    placed = {item.source_decision_id for item in items if item.source_decision_id}
    standing = {item.proposal for item in items}
    found = [
        Proposal(
            key=f"decision-{decision.pk}",
            kind=AgendaItem.Proposal.DEDICATED,
            title=decision.text,
            decisions=[decision],
            present=decision.pk in placed,
        )
        for decision in meeting.dedicating_decisions.select_related("agenda_item__meeting")
    ]
    review = list(due_for_review(meeting))
    if review:
        found.append(
            Proposal(
                key=AgendaItem.Proposal.FOLLOW_UP,
                kind=AgendaItem.Proposal.FOLLOW_UP,
                title=str(FOLLOW_UP_TITLE),
                decisions=review,
                present=AgendaItem.Proposal.FOLLOW_UP in standing,
            )
        )
    congresses = list(coming_congresses(meeting))
    if congresses:
        found.append(
            Proposal(
                key=AgendaItem.Proposal.CONGRESSES,
                kind=AgendaItem.Proposal.CONGRESSES,
                title=str(CONGRESSES_TITLE),
                congresses=congresses,
                present=AgendaItem.Proposal.CONGRESSES in standing,
            )
        )
    return found


def accept(meeting: Meeting, keys) -> list[AgendaItem]:
    """Add the accepted proposals that are not on the agenda yet; return the new items."""
    keys = set(keys)
    added = []
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        for proposal in proposals(meeting):
            if proposal.key not in keys or proposal.present:
                continue
            added.append(_add(meeting, proposal))
    return added


def _add(meeting: Meeting, proposal: Proposal) -> AgendaItem:
    order = _next_order(meeting)
    if proposal.kind == AgendaItem.Proposal.DEDICATED:
        decision = proposal.decisions[0]
        return AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            topic=decision.agenda_item.topic,
            source_decision=decision,
            proposal=proposal.kind,
            **_dedicated_titles(decision),
        )
    if proposal.kind == AgendaItem.Proposal.FOLLOW_UP:
        item = AgendaItem.objects.create(
            meeting=meeting,
            order=order,
            topic=AgendaItem.Topic.ORGANISATION,
            proposal=proposal.kind,
            **_in_every_language(FOLLOW_UP_TITLE),
        )
        item.reviewed_decisions.set(proposal.decisions)
        return item
    item = AgendaItem.objects.create(
        meeting=meeting,
        order=order,
        topic=AgendaItem.Topic.CONGRESSES,
        proposal=proposal.kind,
        **_in_every_language(CONGRESSES_TITLE),
    )
    item.congresses.set(proposal.congresses)
    item.regions.set({c.region for c in proposal.congresses})
    return item


def on_decision_saved(sender, instance, **kwargs):
    if instance.target_meeting_id and not kwargs.get("raw"):
        place_dedicated(instance)


def on_meeting_saved(sender, instance, created, **kwargs):
    if created and not kwargs.get("raw"):
        resolve_next_meeting(instance)
