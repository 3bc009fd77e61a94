"""Dates: written out in words, in the active language or a given one, and the range of dates
people may give.

The Arabic date is defined once: its format in ``bureau/formats/ar/formats.py`` and its
Moroccan month names in the Arabic catalog (``locale/moroccan-months.ar.po.in``); see
docs/arabic.md. French writes the first of the month «1er».

The range is wide enough for the party's history and any plan, narrow enough that "the next
day, month or year" is always a date Python and the database can hold (a year 9999 publication
time broke every page listing it).
"""

import datetime
import re
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

_FIRST_OF_MONTH = re.compile(r"\b1 ")
FIRST_YEAR = 1900
LAST_YEAR = 2999
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


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
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return _long_date(local_day(value), weekday, language)


# The lists write the same few hundred dates again and again; the catalogs and formats do not
# change while the process runs (a test's changed setting forgets them).
@lru_cache(maxsize=4096)
def _long_date(day: datetime.date, weekday: bool, language: str) -> str:
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


def validate_sensible_date(value: datetime.date | datetime.datetime | None) -> None:
    if value is not None and value.year not in YEARS:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


@receiver(setting_changed)
def forget_dates_in_words(**kwargs) -> None:
    _long_date.cache_clear()
