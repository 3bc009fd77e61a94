"""Admin helpers shared by the apps."""

from django.contrib.admin.views.main import ChangeList


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
    """A changelist that reads fewer columns than the change page (docs/performance.md).

    ``list_rows(queryset)`` narrows the rows the list shows, e.g. ``defer()`` of the long texts
    no column reads; the counts, filters, actions and change pages keep the admin's queryset.
    """

    def list_rows(self, queryset):
        return queryset

    def get_changelist(self, request, **kwargs):
        return ListRowsChangeList
