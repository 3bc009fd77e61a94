"""Change-list titles and «Add» buttons that name their object as Arabic grammar wants it.

Django builds «اختر %s لتغييره» and «أضف %s» from ``verbose_name``, which is in the nominative:
«اختر مؤتمر لتغييره». An object of a verb takes the accusative («اختر مؤتمرا لتغييره») and the
pronoun agrees with the noun («اختر جهة لتغييرها»), so each admin states its own phrases.
"""

from dataclasses import dataclass

from django.contrib.admin.options import IS_POPUP_VAR
from django.utils.translation import gettext_noop

# The inlines' «Add another …» button is built by Django's JavaScript data from this msgid; our
# catalog translates it with a verbal noun, which needs no accusative: «إضافة بند».
gettext_noop("Add another %(verbose_name)s")


@dataclass(frozen=True)
class Titles:
    change: str  # _("Select a congress to change"): «اختر مؤتمرا لتغييره»
    view: str  # for whoever may only view: «اختر مؤتمرا لعرضه»
    add: str = ""  # the change list's button: «أضف مؤتمرا»


class NamedInTitles:
    """A ModelAdmin mixin: ``titles`` replace Django's change-list title and «Add» button
    (templates/admin/change_list_object_tools.html reads ``add_label``)."""

    titles: Titles

    def changelist_view(self, request, extra_context=None):
        context = {}
        if IS_POPUP_VAR not in request.GET:  # a popup keeps Django's «Select …»
            can_change = self.has_change_permission(request)
            context["title"] = self.titles.change if can_change else self.titles.view
        if self.titles.add:
            context["add_label"] = self.titles.add
        return super().changelist_view(request, {**context, **(extra_context or {})})
