"""The address of a dated page, `…/<yyyy>/<mm>/<dd>/<slug>/`, without Django's `reverse()` on
every call: that costs about 30 µs, and a list page shows a dozen communiqués. The address is
reversed once per view, language, script prefix and URLconf with sample values; later calls
put their own in its place, quoted as `reverse()` quotes them (docs/performance.md)."""

import datetime
from urllib.parse import quote

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language

_SAMPLE = {"year": 2000, "month": "01", "day": "02", "slug": "slug"}
_SAMPLE_TAIL = "2000/01/02/slug/"
_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted
# What comes before the date, per view, language, script prefix and URLconf; None where the
# view's address does not end as expected (then reverse() runs every time).
_heads: dict[tuple, str | None] = {}


def dated_address(viewname: str, day: datetime.date, slug: str) -> str:
    """`reverse(viewname, kwargs={year, month, day, slug})` for a view whose address ends with
    `<yyyy>/<mm>/<dd>/<slug>/`."""
    key = (viewname, get_language(), get_script_prefix(), get_urlconf())
    try:
        head = _heads[key]
    except KeyError:
        sample = reverse(viewname, kwargs=_SAMPLE)
        head = sample.removesuffix(_SAMPLE_TAIL) if sample.endswith(_SAMPLE_TAIL) else None
        _heads[key] = head
    if head is None:
        kwargs = {"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}"}
        return reverse(viewname, kwargs={**kwargs, "slug": slug})
    return f"{head}{day.year:04d}/{day.month:02d}/{day.day:02d}/{quote(slug, safe=_SAFE)}/"


def _forget(**kwargs) -> None:
    _heads.clear()


setting_changed.connect(_forget)
