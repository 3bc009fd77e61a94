"""Search of the public communiqués as an Arabic reader expects it.

Both the stored text and the query are normalised the same way (hamza forms, taa marbuta, alef
maqsura, tatweel, diacritics; see docs/arabic.md). On PostgreSQL the normalised Arabic text is
indexed with the stemming `arabic` configuration and the exact-word `simple` one, ORed, because
the Snowball stemmer alone mangles words such as «بلاغ» (migration 0003 creates the function and
the GIN index). On SQLite the same Python normalisation is registered as a SQL function and the
query's light stems are matched as substrings.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    ExpressionWrapper,
    FloatField,
    IntegerField,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import Func, RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12

DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # tashkeel, dagger alef, tatweel
LETTERS = str.maketrans("أإآٱىةؤئ", "اااايهوي")
# Everything that is neither a letter nor a digit separates words (punctuation, quotes, SQL).
SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)
PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
SUFFIXES = ("ات", "ون", "ين", "ان", "يه", "ه")

# On PostgreSQL, migration 0003 adds this generated, GIN-indexed column (unknown to the model).
PG_DOCUMENT = "meetings_communique.search_document"
PG_QUERY = "(plainto_tsquery('arabic'::regconfig, %s) || plainto_tsquery('simple'::regconfig, %s))"


def normalize(text: str) -> str:
    """Arabic text folded for comparison: one alef, ه for ة, ي for ى and ئ, no diacritics."""
    text = unicodedata.normalize("NFKC", text)
    return DIACRITICS.sub("", text).translate(LETTERS).casefold()


def light_stem(word: str) -> str:
    """Strip one article-like prefix and one plural or feminine suffix, keeping three letters."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix) :]
            break
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


@dataclass(frozen=True)
class Query:
    text: str  # what the reader typed, cleaned, to show back
    terms: tuple[str, ...]  # normalised words

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(raw: str | None) -> Query:
    """A reader's query made safe: bounded, without control characters, split into words."""
    raw = (raw or "")[: MAX_QUERY_LENGTH * 2]
    cleaned = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C" or ch == " ")
    cleaned = " ".join(cleaned.split())[:MAX_QUERY_LENGTH]
    words = [w for w in SEPARATORS.split(normalize(cleaned)) if w]
    unique = tuple(dict.fromkeys(words))[:MAX_TERMS]
    return Query(text=cleaned, terms=unique)


def _sqlite_normalized(expression):
    return Func(expression, function="ar_normalize", output_field=TextField())


def search(queryset: QuerySet, query: Query) -> QuerySet:
    """The communiqués of `queryset` matching every word of `query`, best first."""
    if not query:
        return queryset.none()
    if connection.vendor == "postgresql":
        words = " ".join(query.terms)
        return (
            queryset.extra(where=[f"{PG_DOCUMENT} @@ {PG_QUERY}"], params=[words, words])
            .annotate(
                rank=RawSQL(
                    f"ts_rank_cd({PG_DOCUMENT}, {PG_QUERY})",
                    (words, words),
                    output_field=FloatField(),
                )
            )
            .order_by("-rank", "-published_at", "-pk")
        )
    connection.ensure_connection()
    connection.connection.create_function("ar_normalize", 1, _normalize_or_none, deterministic=True)
    stems = [light_stem(term) for term in query.terms]
    text = Concat(
        Coalesce("title_ar", Value("")),
        Value(" "),
        Coalesce("body_ar", Value("")),
        output_field=TextField(),
    )
    queryset = queryset.alias(
        document=_sqlite_normalized(text),
        title_document=_sqlite_normalized(Coalesce("title_ar", Value(""))),
    )
    for stem in stems:
        queryset = queryset.filter(document__contains=stem)
    # Ranked by how many of the words the title holds, then by recency.
    rank = sum(
        (Case(When(title_document__contains=s, then=1), default=0) for s in stems),
        Value(0),
    )
    return queryset.annotate(rank=ExpressionWrapper(rank, output_field=IntegerField())).order_by(
        "-rank", "-published_at", "-pk"
    )


def _normalize_or_none(text):
    return None if text is None else normalize(text)


def snippet(text: str, query: Query, width: int = 240) -> SafeString:
    """An excerpt of `text` around the first matching word, matching words in <mark>."""
    stems = [light_stem(term) for term in query.terms]
    tokens = re.split(r"(\W+)", text)
    matches = [i for i, tok in enumerate(tokens) if _matches(tok, stems)]
    if not matches:
        excerpt = text[:width]
        return mark_safe(escape(excerpt) + ("…" if len(text) > width else ""))
    # Start a little before the first match, on a word boundary.
    start = matches[0]
    length = 0
    while start > 0 and length < width // 3:
        start -= 1
        length += len(tokens[start])
    out, length = [], 0
    for i in range(start, len(tokens)):
        if length > width:
            break
        piece = escape(tokens[i])
        out.append(f"<mark>{piece}</mark>" if i in matches else piece)
        length += len(tokens[i])
    prefix = "…" if start > 0 else ""
    suffix = "…" if length > width else ""
    return mark_safe(prefix + "".join(out).strip() + suffix)


def _matches(token: str, stems: list[str]) -> bool:
    if not token or not token[0].isalnum():
        return False
    folded = normalize(token)
    return any(stem in folded for stem in stems)
