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
    this = f'"{communiques.model._meta.db_table}"."id"'

    def rows_about_this(model, condition: str = "") -> str:
        return f'FROM "{model._meta.db_table}" x WHERE x."communique_id" = {this}{condition}'

    approved = ' AND x."status" = %s'
    return communiques.annotate(
        reader_views=RawSQL(
            f'SELECT SUM(x."count") {rows_about_this(ViewCount)}', (), output_field=IntegerField()
        ),
        replies_closed=RawSQL(
            f"EXISTS (SELECT 1 {rows_about_this(ReplyClosure)})", (), output_field=BooleanField()
        ),
        has_replies=RawSQL(
            f"EXISTS (SELECT 1 {rows_about_this(Reply, approved)})",
            (Reply.Status.APPROVED.value,),
            output_field=BooleanField(),
        ),
    )
