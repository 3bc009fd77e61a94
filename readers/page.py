"""What the readers' part of a communiqué page needs from the database, brought by the page's
own query."""

from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Subquery, Sum

from .models import ReplyClosure, ViewCount


def with_reader_facts(communiques: QuerySet) -> QuerySet:
    """`communiques` with what the readers' part needs from the database beside the replies
    (the views counted so far, whether a moderator closed the replies), so that the page's
    own query brings it."""
    views = (
        ViewCount.objects.filter(communique=OuterRef("pk"))
        .values("communique")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return communiques.annotate(
        reader_views=Subquery(views, output_field=IntegerField()),
        replies_closed=Exists(ReplyClosure.objects.filter(communique=OuterRef("pk"))),
    )
