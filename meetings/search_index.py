"""What the search index holds for a communiqué (the query side is public.search).

Each communiqué stores the normalised keys of its Arabic title and body (common.normalise), the
title's keys together with the place names its text mentions, so that both weigh the most. On
PostgreSQL a generated, GIN-indexed tsvector of these keys (title and places at weight A, body
at B) serves the full-text search; elsewhere the same column is the keys as plain text. See
docs/search.md.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Concat

from common import normalise
from regions import places

# The simple configuration only lowercases: the keys are already normalised.
CONFIG = "simple"


class SearchDocument(Func):
    """The generated search column: a weighted tsvector on PostgreSQL, space-separated keys
    (padded with spaces, for whole-key matching) on other databases."""

    output_field = SearchVectorField()

    def __init__(self, title="search_title", body="search_body", **extra):
        super().__init__(F(title), F(body), **extra)

    def as_sql(self, compiler, connection, **extra_context):
        title, body = self.get_source_expressions()
        text = Concat(Value(" "), title, Value(" "), body, Value(" "), output_field=TextField())
        return compiler.compile(text)

    def as_postgresql(self, compiler, connection, **extra_context):
        title, body = self.get_source_expressions()
        vector = SearchVector(title, config=CONFIG, weight="A") + SearchVector(
            body, config=CONFIG, weight="B"
        )
        return compiler.compile(vector)


def document(title: str, body: str) -> dict[str, str]:
    """The search fields of a communiqué with this Arabic title and body."""
    title_words, body_words = normalise.words(title or ""), normalise.words(body or "")
    title_keys = [normalise.keys(w) for w in title_words]
    body_keys = [normalise.keys(w) for w in body_words]
    named = places.mentioned([normalise.readings(w) for w in title_words + ["-"] + body_words])
    place_keys = [keys for place in dict.fromkeys(named) for keys in places.keys(place)]
    return {
        "search_title": " ".join(" ".join(k) for k in title_keys + place_keys),
        "search_body": " ".join(" ".join(k) for k in body_keys),
    }
