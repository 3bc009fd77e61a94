"""Admin helpers shared by the apps."""

import datetime

from django.conf import settings
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.db.models import Exists
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext


class ReadOnlyAdmin:
    """For logs written by a workflow only (audit trails, revisions): shown, never edited."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ListRowsChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        self.result_list = self.model_admin.list_rows(self.result_list)


class ListRows:
    """A changelist that reads and writes its rows for less (docs/performance.md).

    ``list_rows(queryset)`` narrows the rows the list shows, by default with ``defer()`` of the
    fields named in ``list_defer`` (the long texts no column reads); the counts, filters,
    actions and change pages keep the admin's queryset.
    """

    list_defer = ()

    def list_rows(self, queryset):
        return queryset.defer(*self.list_defer) if self.list_defer else queryset

    def get_changelist(self, request, **kwargs):
        return ListRowsChangeList

    def action_checkbox(self, obj):
        """Django's checkbox, the same markup written at once instead of through the form
        widget's templates, a tenth of a list's time (docs/performance.md)."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(gettext("Select this object for an action - {}"), str(obj)),
        )


def years_with_rows(queryset, field_name: str, first, last) -> list[int]:
    """The years between ``first`` and ``last`` (local dates or datetimes) in which
    ``queryset`` has a row, in one query that probes each year through an index on
    ``field_name``, where a list of distinct years reads every row (docs/performance.md,
    admin changelists)."""
    if isinstance(first, datetime.datetime):
        zone = timezone.get_current_timezone() if settings.USE_TZ else None

        def start(year):
            moment = datetime.datetime(year, 1, 1)
            return timezone.make_aware(moment, zone) if zone else moment

    else:

        def start(year):
            return datetime.date(year, 1, 1)

    years = range(first.year, last.year + 1)
    probes = {
        f"year_{year}": Exists(
            queryset.order_by().filter(
                **{f"{field_name}__gte": start(year), f"{field_name}__lt": start(year + 1)}
            )
        )
        for year in years
    }
    found = queryset.order_by().annotate(**probes).values(*probes)[:1].get()
    return [year for year in years if found[f"year_{year}"]]
