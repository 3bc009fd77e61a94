"""What the search index holds for a communiqué (the query side is public.search).

Each communiqué stores the normalised keys of its Arabic title and body (common.normalise), the
title's keys together with the place names its text mentions, so that both weigh the most. On
PostgreSQL a generated, GIN-indexed tsvector of these keys (title and places at weight A, body
at B) finds the matches, and a second, small one of the title's keys ranks them; elsewhere the
same columns are the keys as plain text. See
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
    """A generated search column over stored keys: a tsvector on PostgreSQL (the title at
    weight A, the body at B), the keys padded with spaces on other databases (for whole-key
    matching). Without a body, the title's alone: small enough to rank every match."""

    output_field = SearchVectorField()

    def __init__(self, title="search_title", body="search_body", **extra):
        fields = [F(title)] + ([F(body)] if body else [])
        super().__init__(*fields, **extra)

    def as_sql(self, compiler, connection, **extra_context):
        parts = [Value(" ")]
        for expression in self.get_source_expressions():
            parts += [expression, Value(" ")]
        return compiler.compile(Concat(*parts, output_field=TextField()))

    def as_postgresql(self, compiler, connection, **extra_context):
        title, *body = self.get_source_expressions()
        vector = SearchVector(title, config=CONFIG, weight="A")
        if body:
            vector = vector + SearchVector(body[0], config=CONFIG, weight="B")
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
