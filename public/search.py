"""Search of the public communiqués as readers type it (docs/search.md).

The query goes through the normaliser that built the index (common.normalise): each word
becomes its keys, any of which may match, and every word must match. A word in Latin script
that names a region or province («Draa», «Skhirat») stands for its Arabic name. On PostgreSQL
the keys are matched against the communiqué's GIN-indexed tsvector (meetings.search_index) and
ranked, title and place names first, near ties by recency; when nothing matches, the nearest
spellings in the vocabulary (pg_trgm) give a «did you mean». On SQLite the same keys are matched
as whole words in the stored keys. Translations are searched with their language's stemmer
and, on PostgreSQL, without accents.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from django.conf import settings
from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramDistance,
)
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections
from django.db.models import (
    Case,
    DateTimeField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from common import normalise
from common.prepared import Param, id_params, id_values, prepared
from meetings.models import Communique, SearchWord
from meetings.search_index import CONFIG
from regions import places

from .related import CARD_FIELDS, readable

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# At most this many matches, the most recent, are ranked (and counted).
MAX_RANKED = 1000
# What a query word is worth where it is found: in the title or a place name, or in the body.
TITLE_SCORE = 1.0
BODY_SCORE = 0.4
NEAR_SPELLINGS = 3  # vocabulary keys tried for a word that matches nothing
MAX_TRIGRAM_DISTANCE = 0.8  # that is, a trigram similarity of at least 0.2
NEAR_RESULTS = 10
TRANSLATION_CONFIGS = {"fr": "french", "en": "english"}
# What a result shows (its card, and the excerpt from the body in the reader's language): the
# long columns it does not show (the index, the other languages' bodies) are not read.
RESULT_FIELDS = [*CARD_FIELDS, f"body_{settings.LANGUAGE_CODE}"]
# A near result also gives the spelling it uses («هل تقصد…»).
NEAR_FIELDS = [*RESULT_FIELDS, "title_ar", "body_ar", "search_title", "search_body"]

# A term: any of its alternatives; an alternative: all of its words; a word: any of its keys.
Term = tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True)
class Query:
    text: str  # what the reader typed, cleaned, to show back
    words: tuple[str, ...]  # normalised words worth searching for
    typed: tuple[str, ...] = ()  # the same words as the reader typed them

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(raw: str | None) -> Query:
    """A reader's query made safe: bounded, without control characters, split into words."""
    raw = (raw or "")[: MAX_QUERY_LENGTH * 2]
    cleaned = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch == " ")
    cleaned = " ".join(cleaned.split())[:MAX_QUERY_LENGTH]
    pairs = normalise.typed_words(cleaned)[:MAX_TERMS]
    return Query(
        text=cleaned,
        words=tuple(word for _typed, word in pairs),
        typed=tuple(typed for typed, _word in pairs),
    )


def term(word: str) -> Term:
    """How one query word may match: its keys, or the Arabic names of the places it spells."""
    if normalise.is_arabic(word):
        return ((normalise.keys(word),),)
    named = dict.fromkeys(places.named_in_latin(word))
    if named:
        return tuple(tuple(places.keys(place)) for place in named)
    return (((word,),),)


def _tsquery(terms: list[Term]) -> SearchQuery:
    """The terms as a tsquery."""
    return SearchQuery(_tsquery_text(terms), search_type="raw", config=CONFIG)


def _tsquery_text(terms: list[Term]) -> str:
    """The terms in tsquery's syntax."""

    def any_of(parts):
        return "(" + " | ".join(parts) + ")"

    def all_of(parts):
        return "(" + " & ".join(parts) + ")"

    # Keys are made of letters and digits only (normalise.words splits on everything else).
    return all_of(
        any_of(all_of(any_of(f"'{key}'" for key in keys) for keys in alt) for alt in t)
        for t in terms
    )


def _sqlite_match(terms: list[Term], field: str = "search_document") -> Q:
    def has(key):
        return Q(**{f"{field}__contains": f" {key} "})

    match = Q()
    for t in terms:
        alternatives = Q()
        for alternative in t:
            every = Q()
            for keys in alternative:
                some = Q()
                for key in keys:
                    some |= has(key)
                every &= some
            alternatives |= every
        match &= alternatives
    return match


class Ranked:
    """The matches of a search, best first, as a paginator reads them: the ids of the matches
    (at most MAX_RANKED) are ranked in one query, which also counts them; a page then reads its
    own rows by id, without the long columns it does not show (docs/search.md)."""

    def __init__(
        self,
        queryset: QuerySet,
        read_ranked: Callable[[], list[tuple]] | None,
        scored: bool = False,
    ):
        self._queryset = queryset
        # Reads the (pk, score) or (pk,) rows, newest first; None: nothing can match.
        self._read_ranked = read_ranked
        self._scored = scored
        self._ids: list[int] | None = None

    def ids(self) -> list[int]:
        if self._ids is None:
            rows = self._read_ranked() if self._read_ranked is not None else []
            if self._scored:
                # Stable: communiqués that score alike stay newest first.
                rows.sort(key=itemgetter(1), reverse=True)
            self._ids = [row[0] for row in rows]
        return self._ids

    def count(self) -> int:
        return len(self.ids())

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1 or None][0]
        ids = self.ids()[index]
        if not ids:
            return []
        if len(ids) <= PAGE_ROWS:
            rows = _page_rows(**id_values(ids, PAGE_ROWS))
        else:
            rows = self._queryset.filter(pk__in=ids).order_by().only(*_fields(RESULT_FIELDS))
        by_pk = {row.pk: row for row in rows}
        return [by_pk[pk] for pk in ids if pk in by_pk]


PAGE_ROWS = 10  # the results of a page


@prepared
def _page_rows() -> QuerySet:
    """A page's results by id: prepared, as they are read on every search
    (common/prepared.py). Not filtered again: the ids were ranked among the readable ones by
    the same request."""
    return (
        Communique.plain()
        .filter(pk__in=id_params(PAGE_ROWS))
        .order_by()
        .only(*_fields(RESULT_FIELDS))
    )


def _rows(queryset: QuerySet, *names: str) -> list[tuple]:
    """The columns `names` of a values_list() of plain columns, read with a cursor: a thousand
    rows cost a few milliseconds through the ORM's (and modeltranslation's) iterables. The
    columns are found by name, as the SQL may select them in another order."""
    try:
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        selected = [column[0] for column in cursor.description]
        row = itemgetter(*(selected.index(name) for name in names))
        return [row(found) if len(names) > 1 else (row(found),) for found in cursor.fetchall()]


def _fields(fields: list[str]) -> set[str]:
    """`fields` and the body in the active language, which a card's excerpt reads."""
    return {*fields, f"body_{get_language() or settings.LANGUAGE_CODE}"}


def search(queryset: QuerySet, query: Query) -> Ranked:
    """The communiqués of `queryset` whose Arabic text matches every word of `query`, best
    first."""
    if not query:
        return Ranked(queryset, None)
    found, score = _scored(queryset, [term(word) for word in query.words], query.words)
    ranked = _ranked_ids(found, score)
    columns = ("pk",) if score is None else ("pk", "rank")
    return Ranked(queryset, lambda: _rows(ranked, *columns), scored=score is not None)


def search_readable(query: Query, now) -> Ranked:
    """`search(readable(now=now), query)`: the public search. On PostgreSQL its ranking query
    is built and compiled once per pattern of scoring words (common/prepared.py), not on every
    search: that cost about 2 ms of Python (docs/performance.md)."""
    queryset = readable(now=now)
    if not query or connection.vendor != "postgresql":
        return search(queryset, query)
    terms = [term(word) for word in query.words]
    scoring = _scoring(query.words)
    values = {"now": now, "all": _tsquery_text(terms)}
    values.update((f"word{n}", _tsquery_text([t])) for n, t in enumerate(terms) if scoring[n])
    ranking = _prepared_ranking(scoring)
    return Ranked(queryset, lambda: ranking.tuples(**values), scored=any(scoring))


@lru_cache(maxsize=MAX_TERMS * 8)  # bounded: a query has at most MAX_TERMS words
def _prepared_ranking(scoring: tuple[bool, ...]) -> prepared:
    """The ranking of `search()` for a query whose words score as `scoring` says (True: in
    the title scores more), with the tsqueries as parameters: `all` for the whole query,
    `word<n>` for each scoring word."""

    def matches(name: str) -> SearchQuery:
        return SearchQuery(Param(name, TextField()), search_type="raw", config=CONFIG)

    def build() -> QuerySet:
        found = readable(now=Param("now", DateTimeField())).filter(search_document=matches("all"))
        scored = [
            _title_score(Q(search_title_document=matches(f"word{n}")))
            for n, scores in enumerate(scoring)
            if scores
        ]
        return _ranked_ids(found, _total(scored))

    # Planned for each search: a plan made once cannot see how rare the words are, and at
    # 50,000 communiqués it took twice as long (docs/performance.md).
    return prepared(build, plan_once=False)


def _ranked_ids(found: QuerySet, score) -> QuerySet:
    """The ids of the newest MAX_RANKED of `found`, with their `score` unless None."""
    newest = found.order_by("-published_at", "-pk")
    if score is None:
        return newest.values_list("pk")[:MAX_RANKED]
    return newest.annotate(rank=score).values_list("pk", "rank")[:MAX_RANKED]


def matching(queryset: QuerySet, terms: list[Term], words: tuple[str, ...]) -> QuerySet:
    """The communiqués of `queryset` that match every term (one per query word), best first,
    as one query (search() ranks the same way in two)."""
    found, score = _scored(queryset, terms, words)
    newest = found.order_by("-published_at", "-pk").values("pk")[:MAX_RANKED]
    found = queryset.filter(pk__in=newest)
    if score is None:
        return found.order_by("-published_at", "-pk")
    return found.annotate(rank=score).order_by("-rank", "-published_at", "-pk")


def _scored(queryset: QuerySet, terms: list[Term], words: tuple[str, ...]):
    """The communiqués of `queryset` that match every term (one per query word), and what
    each scores (None when no word scores).

    Each word scores by where it is found: in the title or a place name, or only in the body,
    however often; communiqués that score alike come newest first. A query that matches
    thousands ranks the most recent of them only, so that a search's work stays bounded
    however large the archive grows.
    """
    postgres = connection.vendor == "postgresql"
    if postgres:
        found = queryset.filter(search_document=_tsquery(terms))
    else:  # whole keys in the stored text
        found = queryset.filter(_sqlite_match(terms))
    scored = [
        _title_score(
            Q(search_title_document=_tsquery([t]))
            if postgres
            else _sqlite_match([t], "search_title_document")
        )
        for t, scores in zip(terms, _scoring(words), strict=True)
        if scores
    ]
    return found, _total(scored)


def _scoring(words: tuple[str, ...]) -> tuple[bool, ...]:
    """Which words score more where they are in a title: not those most titles carry."""
    return tuple(not normalise.is_common_in_titles(word) for word in words)


def _title_score(in_title: Q) -> Case:
    """What a word scores: more where `in_title` (it is in the title or a place name)."""
    return Case(When(in_title, then=Value(TITLE_SCORE)), default=Value(BODY_SCORE))


def _total(scored: list) -> ExpressionWrapper | None:
    if not scored:
        return None
    return ExpressionWrapper(sum(scored[1:], scored[0]), output_field=FloatField())


def search_translation(queryset: QuerySet, query: Query, language: str) -> QuerySet:
    """The communiqués whose `language` translation matches every word of `query`: few and
    unindexed, stemmed for their language and without accents on PostgreSQL, by substring
    elsewhere."""
    if not query:
        return queryset.none()
    title, body = f"title_{language}", f"body_{language}"
    if connection.vendor == "postgresql":
        config = TRANSLATION_CONFIGS.get(language, "simple")
        vector = SearchVector(Unaccent(F(title)), weight="A", config=config) + SearchVector(
            Unaccent(F(body)), weight="B", config=config
        )
        words = SearchQuery(" ".join(query.words), config=config)
        return (
            queryset.annotate(document=vector)
            .filter(document=words)
            .annotate(rank=SearchRank(F("document"), words))
            .order_by("-rank", "-published_at", "-pk")
        )
    connection.ensure_connection()
    connection.connection.create_function("fold", 1, _fold_or_none, deterministic=True)
    folded = {
        "folded_title": _sql_fold(Coalesce(title, Value(""))),
        "folded_body": _sql_fold(Coalesce(body, Value(""))),
    }
    queryset = queryset.alias(**folded)
    for word in query.words:
        queryset = queryset.filter(Q(folded_title__contains=word) | Q(folded_body__contains=word))
    return queryset.order_by("-published_at", "-pk")


def _sql_fold(expression):
    return Func(expression, function="fold", output_field=TextField())


def _fold_or_none(text):
    return None if text is None else normalise.fold(text)


# Near spellings ------------------------------------------------------------------------------


def _lookup_key(word: str) -> str:
    """The key a misspelt word is compared by: its most reduced one of three letters or more."""
    keys = sorted(normalise.keys(word), key=len)
    return next((k for k in keys if len(k) >= 3), keys[-1])


def near_misses(queryset: QuerySet, query: Query) -> tuple[str, list]:
    """When nothing matches: the communiqués found with the nearest spellings of the query's
    Arabic words (pg_trgm distance in the index's vocabulary), and the query as they spell it
    («هل تقصد…»). Two queries. ("", []) on other databases or when nothing is near."""
    if connection.vendor != "postgresql" or not query:
        return "", []
    arabic = [i for i, w in enumerate(query.words) if normalise.is_arabic(w)]
    if not arabic:
        return "", []
    nearest = [
        SearchWord.objects.annotate(
            distance=TrigramDistance("key", _lookup_key(query.words[i])),
            position=Value(i, output_field=IntegerField()),
        )
        .filter(distance__lte=MAX_TRIGRAM_DISTANCE)
        .order_by("distance")
        .values_list("position", "key")[:NEAR_SPELLINGS]
        for i in arabic
    ]
    candidates: dict[int, list[str]] = {}
    for position, key in nearest[0].union(*nearest[1:], all=True):
        candidates.setdefault(position, []).append(key)
    terms = []
    for i, word in enumerate(query.words):
        if i in arabic:
            terms.append(
                ((tuple(dict.fromkeys([*normalise.keys(word), *candidates.get(i, [])])),),)
            )
        else:
            terms.append(term(word))
    found = matching(queryset, terms, query.words).only(*_fields(NEAR_FIELDS))
    results = list(found[:NEAR_RESULTS])
    if not results:
        return "", []
    return _spelled_as(results[0], query, candidates), results


def _spelled_as(found, query: Query, candidates: dict[int, list[str]]) -> str:
    """The query with each word that `found` does not hold replaced by its near spelling as
    `found` writes it."""
    text = f"{found.title_ar} {found.body_ar}"
    held = set(found.search_title.split()) | set(found.search_body.split())
    spelled = []
    for i, word in enumerate(query.words):
        replacement = query.typed[i] if i < len(query.typed) else word
        if not held & set(normalise.keys(word)):
            near = [k for k in candidates.get(i, []) if k in held]
            replacement = _written(text, near[0]) if near else word
        spelled.append(replacement)
    return " ".join(spelled)


def _written(text: str, key: str) -> str:
    """The first word of `text` that has `key`, as the text writes it (without punctuation)."""
    for token in re.findall(r"\w+", text):
        if key in normalise.token_keys(token):
            return token
    return key
