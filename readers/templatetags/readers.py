"""The readers' part of a communiqué page: view count, approved replies and the reply form."""

from django import template

from meetings.models import Communique

from ..counting import pending_views
from ..forms import ReplyForm
from ..numbers import reader_number
from ..page import with_reader_facts
from ..replies import approved_replies, closed_reason

register = template.Library()


@register.inclusion_tag("readers/includes/communique_readers.html")
def communique_readers(communique):
    if not hasattr(communique, "replies_closed"):  # a row fetched without the facts
        communique = with_reader_facts(Communique.objects.filter(pk=communique.pk)).get()
    reason = closed_reason(communique, closed=communique.replies_closed)
    return {
        "communique": communique,
        "views": reader_number((communique.reader_views or 0) + pending_views(communique.pk)),
        "replies": list(approved_replies(communique)),
        "closed_reason": reason,
        "form": None if reason else ReplyForm(communique_id=communique.pk),
    }


@register.filter
def number(value):
    return reader_number(value)
