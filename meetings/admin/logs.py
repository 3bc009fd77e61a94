"""The communiqué's audit trail and revisions: written by the workflow only, read here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin import ListRows, ReadOnlyAdmin
from common.admin_titles import NamedInTitles, Titles

from ..models import Communique, CommuniqueRevision, CommuniqueTransition


class CommuniqueTransitionAdmin(NamedInTitles, ReadOnlyAdmin, ListRows, admin.ModelAdmin):
    titles = Titles(
        change=_("Select a communiqué step to change"), view=_("Select a communiqué step to view")
    )
    list_display = ["communique", "from_status", "to_status", "actor", "at", "comment"]
    list_filter = ["to_status"]
    list_select_related = ["communique", "actor"]
    list_defer = Communique.long_columns("communique")
    date_hierarchy = "at"
    search_fields = ["communique__title_ar", "comment"]


class CommuniqueRevisionAdmin(NamedInTitles, ReadOnlyAdmin, ListRows, admin.ModelAdmin):
    titles = Titles(
        change=_("Select a saved version to change"), view=_("Select a saved version to view")
    )
    list_display = ["communique", "language", "author", "created_at", "note"]
    list_filter = ["language"]
    list_select_related = ["communique", "author"]
    list_defer = Communique.long_columns("communique")
    date_hierarchy = "created_at"
    search_fields = ["communique__title_ar", "title"]


admin.site.register(CommuniqueTransition, CommuniqueTransitionAdmin)
admin.site.register(CommuniqueRevision, CommuniqueRevisionAdmin)
