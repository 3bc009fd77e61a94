"""Template helpers of the public site."""

import datetime
import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from common import dates

register = template.Library()

# As django.utils.html.json_script does: nothing in the data can close its <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def long_date(value: datetime.datetime | datetime.date | None) -> str:
    """A date as a reader of the active language writes it: «الثلاثاء 21 يناير 2020» in Arabic
    (Moroccan month names), «mardi 1er octobre 2019», «Tuesday 21 January 2020»."""
    return dates.long_date(value) if value else ""


@register.filter
def month_name(value: datetime.date) -> str:
    """«يناير 2020», «janvier 2020», «January 2020»."""
    return dates.month_year(value)


@register.filter
def iso_datetime(value: datetime.datetime | None) -> str:
    """ISO 8601 to the second, as <time datetime> and schema.org expect."""
    return value.isoformat(timespec="seconds") if value else ""


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, communique) -> str:
    """schema.org NewsArticle data for search engines and link previews, safely escaped."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": communique.title,
        "inLanguage": get_language(),
        "datePublished": iso_datetime(communique.published_at),
        "dateModified": iso_datetime(communique.corrected_at or communique.published_at),
        "mainEntityOfPage": context.get("canonical_url", ""),
        "publisher": {"@type": "Organization", "name": context.get("ORGANISATION_NAME", "")},
        "url": request.build_absolute_uri(communique.get_absolute_url()),
    }
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)),
    )
