"""The readers' part of a communiqué page: view count, approved replies and the reply form."""

from django import template
from django.db.models import Exists, OuterRef, Sum

from meetings.models import Communique

from ..counting import pending_views
from ..forms import ReplyForm
from ..models import ReplyClosure
from ..numbers import reader_number
from ..replies import approved_replies, closed_reason

register = template.Library()


@register.inclusion_tag("readers/includes/communique_readers.html")
def communique_readers(communique):
    # One query for the views counted so far and whether a moderator closed the replies.
    facts = (
        Communique.objects.filter(pk=communique.pk)
        .annotate(
            views=Sum("view_counts__count"),
            closed=Exists(ReplyClosure.objects.filter(communique=OuterRef("pk"))),
        )
        .values("views", "closed")
        .get()
    )
    reason = closed_reason(communique, closed=facts["closed"])
    return {
        "communique": communique,
        "views": reader_number((facts["views"] or 0) + pending_views(communique.pk)),
        "replies": list(approved_replies(communique)),
        "closed_reason": reason,
        "form": None if reason else ReplyForm(communique_id=communique.pk),
    }


@register.filter
def number(value):
    return reader_number(value)
