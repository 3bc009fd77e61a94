"""What the readers' part of a communiqué page needs from the database, brought by the page's
own query."""

from django.db.models import BooleanField, IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from .models import Reply, ReplyClosure, ViewCount


def with_reader_facts(communiques: QuerySet) -> QuerySet:
    """`communiques` with what the readers' part needs from the database (the views counted so
    far, whether a moderator closed the replies, whether any reply is shown), so that the
    page's own query brings it, and the replies are read only where there are some.

    Written as SQL: the same subqueries built from `Subquery`/`Exists` cost about 1 ms of
    Python to resolve and compile on every uncached page (docs/performance.md). They name the
    communiqué table itself, so `communiques` must be a plain query of that table."""
    communique = communiques.model._meta.db_table
    views = ViewCount._meta
    closures = ReplyClosure._meta
    replies = Reply._meta
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
        has_replies=RawSQL(
            f'EXISTS (SELECT 1 FROM "{replies.db_table}" r'
            f' WHERE r."communique_id" = "{communique}"."id" AND r."status" = %s)',
            (Reply.Status.APPROVED.value,),
            output_field=BooleanField(),
        ),
    )
