"""The range of dates people may give: wide enough for the party's history and any plan, narrow
enough that "the next day, month or year" is always a date Python and the database can hold
(a year 9999 publication time broke every page listing it)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 1900
LAST_YEAR = 2999
YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


def validate_sensible_date(value: datetime.date | datetime.datetime | None) -> None:
    if value is not None and value.year not in YEARS:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
