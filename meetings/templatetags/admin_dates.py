"""The admin's date hierarchy, with its list of years read through an index
(docs/performance.md, admin changelists)."""

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.db.models import Max, Min
from django.utils import timezone

from common.admin import years_with_rows

register = template.Library()


@register.inclusion_tag("admin/date_hierarchy.html")
def date_hierarchy_by_index(cl):
    """Django's ``{% date_hierarchy cl %}``, the same links; only the first level, the years,
    is found with one probe a year instead of a scan of every row."""
    field_name = cl.date_hierarchy
    if any(cl.params.get(f"{field_name}__{part}") for part in ("year", "month", "day")):
        return date_hierarchy(cl)
    bounds = cl.queryset.aggregate(first=Min(field_name), last=Max(field_name))
    first, last = bounds["first"], bounds["last"]
    if first is None or last is None:
        return date_hierarchy(cl)
    if timezone.is_aware(first):
        first, last = timezone.localtime(first), timezone.localtime(last)
    if first.year == last.year:
        return date_hierarchy(cl)
    year_field = f"{field_name}__year"
    return {
        "show": True,
        "back": None,
        "choices": [
            {
                "link": cl.get_query_string({year_field: str(year)}, [f"{field_name}__"]),
                "title": str(year),
            }
            for year in years_with_rows(cl.queryset, field_name, first, last)
        ],
    }
