"""What the readers' part of a communiqué page needs from the database, brought by the page's
own query."""

from django.db.models import BooleanField, IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from .models import ReplyClosure, ViewCount


def with_reader_facts(communiques: QuerySet) -> QuerySet:
    """`communiques` with what the readers' part needs from the database beside the replies
    (the views counted so far, whether a moderator closed the replies), so that the page's
    own query brings it.

    Written as SQL: the same two subqueries built from `Subquery`/`Exists` cost about 1 ms of
    Python to resolve and compile on every uncached page (docs/performance.md). They name the
    communiqué table itself, so `communiques` must be a plain query of that table."""
    communique = communiques.model._meta.db_table
    views = ViewCount._meta
    closures = ReplyClosure._meta
    return communiques.annotate(
        reader_views=RawSQL(
            f'SELECT SUM(v."count") FROM "{views.db_table}" v'
            f' WHERE v."communique_id" = "{communique}"."id"',
            (),
            output_field=IntegerField(),
        ),
        replies_closed=RawSQL(
            f'EXISTS (SELECT 1 FROM "{closures.db_table}" c'
            f' WHERE c."communique_id" = "{communique}"."id")',
            (),
            output_field=BooleanField(),
        ),
    )
