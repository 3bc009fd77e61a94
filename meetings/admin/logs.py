"""The communiqué's audit trail and revisions: written by the workflow only, read here."""

from django.contrib import admin

from ..models import CommuniqueRevision, CommuniqueTransition


class ReadOnlyLogAdmin(admin.ModelAdmin):
    """The audit trail and the revisions are written by the workflow only."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CommuniqueTransitionAdmin(ReadOnlyLogAdmin):
    list_display = ["communique", "from_status", "to_status", "actor", "at", "comment"]
    list_filter = ["to_status"]
    list_select_related = ["communique", "actor"]
    date_hierarchy = "at"
    search_fields = ["communique__title_ar", "comment"]


class CommuniqueRevisionAdmin(ReadOnlyLogAdmin):
    list_display = ["communique", "language", "author", "created_at", "note"]
    list_filter = ["language"]
    list_select_related = ["communique", "author"]
    date_hierarchy = "created_at"
    search_fields = ["communique__title_ar", "title"]


admin.site.register(CommuniqueTransition, CommuniqueTransitionAdmin)
admin.site.register(CommuniqueRevision, CommuniqueRevisionAdmin)
