"""The communiqué card of the public lists, written in Python: a list page shows up to ten, and
an `{% include %}` per card was a large part of rendering them (docs/performance.md)."""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .public import iso_datetime, long_date

register = template.Library()

EXCERPT_WORDS = 36


@register.simple_tag
def communique_card(c, level=2, excerpt=None, no_excerpt=False) -> SafeString:
    """A link to the communiqué `c` with its date, whether it was corrected, and an excerpt:
    the given one (search results), else the body's first words unless `no_excerpt`."""
    corrected = (
        format_html(' · <span class="corrected-tag">{}</span>', _("corrected"))
        if c.corrected_at
        else ""
    )
    if excerpt:
        text = format_html('<p class="excerpt">{}</p>', excerpt)
    elif not no_excerpt:
        words = Truncator(c.body).words(EXCERPT_WORDS, truncate=" …")
        text = format_html('<p class="excerpt">{}</p>', conditional_escape(words))
    else:
        text = ""
    return format_html(
        '<article class="card">\n'
        '  <h{level} class="card-title"><a href="{url}">{title}</a></h{level}>\n'
        '  <p class="meta"><time datetime="{iso}">{date}</time>{corrected}</p>\n'
        "  {text}\n"
        "</article>\n",
        level=int(level),
        url=c.get_absolute_url(),
        title=c.title,
        iso=iso_datetime(c.published_at),
        date=long_date(c.published_at),
        corrected=corrected,
        text=text,
    )
