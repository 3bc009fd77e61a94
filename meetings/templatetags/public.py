"""Template helpers of the public site."""

import datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language

from meetings.dates import MONTHS_AR, arabic_date

register = template.Library()


@register.filter
def long_date(value: datetime.datetime | datetime.date | None) -> str:
    """A date as a reader of the active language writes it: «الثلاثاء 21 يناير 2020» in Arabic
    (Moroccan month names), «mardi 21 janvier 2020», «Tuesday 21 January 2020»."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if (get_language() or "ar").startswith("ar"):
        return arabic_date(value)
    return formats.date_format(value, "l j F Y")


@register.filter
def month_name(value: datetime.date) -> str:
    """«يناير 2020», «janvier 2020», «January 2020»."""
    if (get_language() or "ar").startswith("ar"):
        return f"{MONTHS_AR[value.month - 1]} {value.year}"
    return formats.date_format(value, "F Y")


@register.filter
def iso_datetime(value: datetime.datetime | None) -> str:
    return value.isoformat() if value else ""
