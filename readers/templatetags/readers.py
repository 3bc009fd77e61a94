"""The readers' part of a communiqué page: view count, approved replies and the reply form."""

from django import template

from ..counting import pending_views
from ..forms import ReplyForm
from ..numbers import reader_number
from ..replies import approved_replies, closed_reason

register = template.Library()


@register.inclusion_tag("readers/includes/communique_readers.html")
def communique_readers(communique):
    """`communique` as fetched through `readers.page.with_reader_facts` (the public page's own
    query brings what this part needs)."""
    reason = closed_reason(communique, closed=communique.replies_closed)
    return {
        "communique": communique,
        "views": reader_number((communique.reader_views or 0) + pending_views(communique.pk)),
        "replies": list(approved_replies(communique)) if communique.has_replies else [],
        "closed_reason": reason,
        "form": None if reason else ReplyForm(communique_id=communique.pk),
    }


@register.filter
def number(value):
    return reader_number(value)
