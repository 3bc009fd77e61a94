"""Dates as Moroccan Arabic writes them: Moroccan month names, Western digits."""

import datetime

from django.utils import timezone

MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)
# Python's weekday(): Monday is 0.
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def arabic_date(day: datetime.date, weekday: bool = True) -> str:
    """«الثلاثاء 21 يناير 2020» (or «21 يناير 2020» without the weekday)."""
    if isinstance(day, datetime.datetime):
        day = (timezone.localtime(day) if timezone.is_aware(day) else day).date()
    text = f"{day.day} {MONTHS_AR[day.month - 1]} {day.year}"
    return f"{WEEKDAYS_AR[day.weekday()]} {text}" if weekday else text
