"""«قد يعجبك أيضا»: the communiqués shown under a communiqué, and which communiqués a reader of
each language may read at all.

The related ones are those sharing the most regions, then topics, with this communiqué's
meeting, then the most recent. Ranking the sharing ones is a page's costliest query, so it runs
when the workflow changes the communiqué (`store_related`, on `communique_changed`) and its
result is kept in `Communique.related_ids`; a page then reads those rows by id and fills up
with the most recent, which stay live (see docs/performance.md).
"""

import datetime

from django.conf import settings
from django.db.models import Count, DateTimeField, F, IntegerField, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import get_language

from common.prepared import Param, id_params, id_values, prepared
from meetings.models import AgendaItem, Communique

RELATED_COUNT = 4
EPOCH = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)  # before any communiqué
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
# What a card shows: enough for the «you may also like» list, without the long texts.
CARD_FIELDS = ["slug", "status", "published_at", "created_at", "corrected_at"] + [
    f"title_{code}" for code in LANGUAGE_CODES
]


def readable(language: str | None = None, now=None) -> QuerySet:
    """The public communiqués a reader of ``language`` (the active one) can read ``now``."""
    language = language or get_language() or DEFAULT_LANGUAGE
    return Communique.plain().public(now=now).readable_in(language)


def listed(language: str | None = None, now=None) -> QuerySet:
    """`readable()` with only what a list's card shows (its excerpt from the body in the
    reader's language): not the search index nor the other languages' texts."""
    language = language or get_language() or DEFAULT_LANGUAGE
    return readable(language, now=now).only(*CARD_FIELDS, f"body_{language}")


@prepared
def listed_now() -> QuerySet:
    """`listed()` prepared (common/prepared.py), for the home page: count it and read its pages
    with `PreparedList(listed_now, now=…)`."""
    return listed(now=Param("now", DateTimeField()))


def sharing_communiques(communique: Communique, language: str) -> QuerySet:
    """The readable communiqués whose meetings share a region or a topic with this one's,
    ranked: shared regions count twice, then shared topics, then recency."""
    if communique.meeting_id is None:
        return Communique.objects.none()
    items = AgendaItem.objects.filter(meeting_id=communique.meeting_id)
    regions = items.filter(regions__isnull=False).values("regions")
    topics = items.values("topic")
    meetings = AgendaItem.objects.filter(Q(regions__in=regions) | Q(topic__in=topics))
    return (
        readable(language)
        .exclude(pk=communique.pk)
        .filter(meeting__in=meetings.values("meeting"))
        .annotate(
            shared_regions=Count(
                "meeting__agenda_items__regions",
                filter=Q(meeting__agenda_items__regions__in=regions),
                distinct=True,
            ),
            shared_topics=Count(
                "meeting__agenda_items__topic",
                filter=Q(meeting__agenda_items__topic__in=topics),
                distinct=True,
            ),
        )
        .order_by((F("shared_regions") * 2 + F("shared_topics")).desc(), "-published_at", "-pk")
    )


def store_related(communique: Communique) -> None:
    """Rank and keep the sharing communiqués of `communique`, for every reading language."""
    ranked = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            ranked[code] = list(
                sharing_communiques(communique, code).values_list("pk", flat=True)[:RELATED_COUNT]
            )
    Communique.objects.filter(pk=communique.pk).update(related_ids=ranked)
    communique.related_ids = ranked


def on_communique_changed(sender, *, communique: Communique, **kwargs) -> None:
    """Receiver of ``meetings.signals.communique_changed`` (sent after commit)."""
    store_related(communique)


@prepared
def _related_rows() -> QuerySet:
    """The readable communiqués among the stored ones (`id_params`), and enough of the most
    recent to fill the list whichever of those are gone: those published since the Nth newest.
    A bound on the date, not `pk IN (the newest N)`, so that PostgreSQL reads both sides of
    the OR through indexes instead of scanning the archive."""
    others = (
        readable(now=Param("now", DateTimeField()))
        .exclude(pk=Param("pk", IntegerField()))
        .only(*CARD_FIELDS)
    )
    stored = id_params(RELATED_COUNT)
    newest = 2 * RELATED_COUNT
    since = others.order_by("-published_at").values("published_at")[newest - 1 : newest]
    return others.filter(
        Q(pk__in=stored) | Q(published_at__gte=Coalesce(Subquery(since), Value(EPOCH)))
    )


def related_communiques(communique: Communique) -> list[Communique]:
    """The communiqués shown under `communique`: the stored sharing ones still readable, then
    the most recent. One query (two when nothing was ever stored for it)."""
    language = get_language() or DEFAULT_LANGUAGE
    stored = (communique.related_ids or {}).get(language)
    if stored is None:
        # Never ranked (a row written outside the workflow): rank it now, without keeping it.
        ranked = sharing_communiques(communique, language).values("pk")[:RELATED_COUNT]
        stored = [row["pk"] for row in ranked]
    stored = stored[:RELATED_COUNT]
    rows = _related_rows(now=timezone.now(), pk=communique.pk, **id_values(stored, RELATED_COUNT))
    found = {c.pk: c for c in rows}
    sharing = [found[pk] for pk in stored if pk in found]
    rest = sorted(  # in the model's order, newest first
        (c for c in rows if c.pk not in stored),
        key=lambda c: (c.published_at, c.created_at),
        reverse=True,
    )
    return (sharing + rest)[:RELATED_COUNT]
