"""Dates written out in words, in the active language or a given one.

The Arabic date is defined once: its format in ``bureau/formats/ar/formats.py`` and its
Moroccan month names in the Arabic catalog (``locale/moroccan-months.ar.po.in``); see
docs/arabic.md. French writes the first of the month «1er».
"""

import datetime
import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

_FIRST_OF_MONTH = re.compile(r"\b1 ")


def local_day(value: datetime.date | datetime.datetime) -> datetime.date:
    """The calendar day of ``value`` where the site is (a datetime is stored in UTC)."""
    if isinstance(value, datetime.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value


def long_date(
    value: datetime.date | datetime.datetime, *, weekday: bool = True, language: str = ""
) -> str:
    """«الثلاثاء 21 يناير 2020», «mardi 1er octobre 2019», «Tuesday 21 January 2020»
    (without the weekday: «21 يناير 2020»)."""
    day = local_day(value)
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        text = date_format(day, "l j F Y" if weekday else "j F Y")
    if language.startswith("fr") and day.day == 1:
        text = _FIRST_OF_MONTH.sub("1er ", text, count=1)
    return text


def month_year(value: datetime.date, *, language: str = "") -> str:
    """«يناير 2020», «janvier 2020», «January 2020»."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return date_format(value, "F Y")


def date_time(value: datetime.datetime) -> str:
    """A moment in local time, in the active language: «29 نونبر 2026، 22:08»."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")
