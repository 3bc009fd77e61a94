"""The follow-up board (تتبع القرارات): open decisions in groups, in a constant number of queries.

Every group comes from one query (a window numbers the rows of each group, so a long group is
cut without a query per group); the counts from another; the filters' choices from three more.
See docs/meetings-cycle.md.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.models import Region

from .followup import OPEN_STATES, decisions_for
from .models import Decision, Meeting

OVERDUE, DUE_SOON, UNDATED, DONE = 1, 2, 3, 4
GROUPS = {
    OVERDUE: ("overdue", _("Overdue")),
    DUE_SOON: ("due-soon", _("Due within 7 days")),
    UNDATED: ("undated", _("No due date")),
    DONE: ("done", _("Done in the last 30 days")),
}
SOON_DAYS = 7
DONE_DAYS = 30
ROWS_PER_GROUP = 50  # a longer group shows its first rows and a link to all of them
GROUP_PAGE_ROWS = 500  # one group shown alone: its first 500 (the CSV export has them all)
MEETING_CHOICES = 52  # the meeting filter offers a year of meetings (a row's date filters too)


@dataclass
class Filters:
    organ: str = ""
    person: int | None = None
    body: str = ""
    region: int | None = None
    meeting: int | None = None
    kind: str = ""

    @classmethod
    def from_query(cls, query) -> Filters:
        owner = query.get("owner", "")
        return cls(
            organ=query.get("organ", "") if query.get("organ") in Meeting.Organ.values else "",
            person=_number(owner[2:]) if owner.startswith("p:") else None,
            body=owner[2:] if owner.startswith("b:") else "",
            region=_number(query.get("region")),
            meeting=_number(query.get("meeting")),
            kind=query.get("kind", "") if query.get("kind") in Decision.Kind.values else "",
        )

    def apply(self, decisions: QuerySet) -> QuerySet:
        if self.organ:
            decisions = decisions.filter(agenda_item__meeting__organ=self.organ)
        if self.person:
            decisions = decisions.filter(responsible_person_id=self.person)
        if self.body:
            decisions = decisions.filter(responsible_body=self.body)
        if self.region:
            decisions = decisions.filter(agenda_item__regions=self.region)
        if self.meeting:
            decisions = decisions.filter(agenda_item__meeting_id=self.meeting)
        if self.kind:
            decisions = decisions.filter(kind=self.kind)
        return decisions


@dataclass
class Group:
    number: int
    slug: str
    label: str
    count: int = 0
    rows: list = field(default_factory=list)

    @property
    def cut(self) -> bool:
        return self.count > len(self.rows)


def grouped(decisions: QuerySet, today: datetime.date) -> QuerySet:
    """The decisions that belong on the board, each annotated with its group."""
    month_ago = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=DONE_DAYS), datetime.time())
    )
    group = Case(
        When(Q(follow_up__in=OPEN_STATES, due_date__lt=today), then=Value(OVERDUE)),
        When(
            Q(follow_up__in=OPEN_STATES, due_date__lte=today + datetime.timedelta(days=SOON_DAYS)),
            then=Value(DUE_SOON),
        ),
        When(Q(follow_up__in=OPEN_STATES, due_date__isnull=True), then=Value(UNDATED)),
        When(Q(follow_up=Decision.FollowUp.DONE, followed_up_at__gte=month_ago), then=Value(DONE)),
        default=None,
        output_field=IntegerField(),
    )
    return decisions.annotate(group=group).filter(group__isnull=False)


def build(user, filters: Filters, *, today=None, only: str = "", limit=ROWS_PER_GROUP):
    """The board's groups, for this user and these filters (each cut at ``limit`` rows, or
    whole when ``limit`` is None). ``only`` keeps one group, up to GROUP_PAGE_ROWS rows."""
    today = today or timezone.localdate()
    decisions = grouped(filters.apply(decisions_for(user)), today)
    groups = {n: Group(n, slug, str(label)) for n, (slug, label) in GROUPS.items()}
    # A region filter joins one row per decision (an item names a region once): no DISTINCT.
    for row in decisions.values("group").annotate(n=Count("pk")).order_by():
        groups[row["group"]].count = row["n"]
    if only:
        keep = [n for n, g in groups.items() if g.slug == only]
        decisions = decisions.filter(group__in=keep)
        limit = limit and GROUP_PAGE_ROWS
    rows = decisions.select_related("agenda_item__meeting", "responsible_person")
    if limit:
        rank = Window(
            RowNumber(),
            partition_by=[F("group")],
            order_by=[F("due_date").asc(nulls_last=True), F("pk").asc()],
        )
        rows = rows.annotate(rank=rank).filter(rank__lte=limit)
    for decision in rows.order_by("group", F("due_date").asc(nulls_last=True), "pk"):
        decision.days_late = (today - decision.due_date).days if decision.group == OVERDUE else 0
        groups[decision.group].rows.append(decision)
    return [g for g in groups.values() if not only or g.slug == only]


def filter_choices(user, today=None) -> dict:
    """What the filters offer: owners and meetings with decisions on the board, every region."""
    today = today or timezone.localdate()
    on_board = grouped(decisions_for(user), today)
    owners = set(
        on_board.values_list(
            "responsible_person_id", "responsible_person__name", "responsible_body"
        ).distinct()
    )
    people = sorted({(pid, name) for pid, name, _ in owners if pid}, key=lambda p: p[1])
    bodies = sorted({body for pid, _, body in owners if not pid and body})
    meetings = Meeting.objects.filter(pk__in=on_board.values("agenda_item__meeting_id")).order_by(
        "-starts_at"
    )
    return {
        "owners": [(f"p:{pid}", name) for pid, name in people] + [(f"b:{b}", b) for b in bodies],
        "meetings": list(meetings),
        "regions": list(Region.objects.all()),
        "organs": Meeting.Organ.choices,
        "kinds": Decision.Kind.choices,
    }


def owner(decision: Decision) -> str:
    return str(decision.responsible_person or decision.responsible_body or "—")


def _number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
