"""The communiqué's audit trail and revisions: written by the workflow only, read here."""

from django.contrib import admin

from common.admin import ReadOnlyAdmin

from ..models import CommuniqueRevision, CommuniqueTransition


class CommuniqueTransitionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["communique", "from_status", "to_status", "actor", "at", "comment"]
    list_filter = ["to_status"]
    list_select_related = ["communique", "actor"]
    date_hierarchy = "at"
    search_fields = ["communique__title_ar", "comment"]


class CommuniqueRevisionAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["communique", "language", "author", "created_at", "note"]
    list_filter = ["language"]
    list_select_related = ["communique", "author"]
    date_hierarchy = "created_at"
    search_fields = ["communique__title_ar", "title"]


admin.site.register(CommuniqueTransition, CommuniqueTransitionAdmin)
admin.site.register(CommuniqueRevision, CommuniqueRevisionAdmin)
