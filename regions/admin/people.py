"""People, their mandates (the officials register) and regional secretaries' accesses."""

from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from common import roles
from common.admin_titles import NamedInTitles, Titles

from .. import access
from ..models import (
    Mandate,
    Person,
    RegionalAccess,
    office_title,
)
from . import views
from .scoped import RegionOnlyFilter, RegionScoped, RegionScopedAdmin


class PersonMandateInline(RegionScoped, admin.TabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ["region", "province", "congress"]
    fields = ["office", "region", "province", "congress", "start_date", "end_date"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        office = formset.form.base_fields.get("office")
        if obj is not None and obj.is_woman and office is not None:
            # The person is known: her offices read «كاتبة جهوية», «conseillère communale».
            office.choices = [
                (value, office_title(value, obj) if value else label)
                for value, label in office.choices
            ]
        return formset

    # A regional secretary keeps mandates on the mandates page, where each is checked alone.
    def has_add_permission(self, request, obj):
        return not access.is_restricted(request.user) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        restricted = access.is_restricted(request.user)
        return not restricted and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        restricted = access.is_restricted(request.user)
        return not restricted and super().has_delete_permission(request, obj)


@admin.register(Person)
class PersonAdmin(NamedInTitles, RegionScopedAdmin, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a person to change"),
        view=_("Select a person to view"),
        add=_("Add a person"),
    )
    list_display = ["name", "name_fr", "region", "gender", "is_bureau_member", "user"]
    list_filter = ["is_bureau_member", "gender", RegionOnlyFilter]
    list_select_related = ["user", "region"]
    search_fields = ["name_ar", "name_fr", "email"]
    autocomplete_fields = ["user", "region"]
    inlines = [PersonMandateInline]

    # Accounts and bureau membership are the bureau's to set.
    BUREAU_ONLY = ["user", "is_bureau_member"]

    def get_exclude(self, request, obj=None):
        if access.is_restricted(request.user):
            return self.BUREAU_ONLY
        return super().get_exclude(request, obj)

    def get_list_display(self, request):
        fields = super().get_list_display(request)
        if access.is_restricted(request.user):
            return [f for f in fields if f not in self.BUREAU_ONLY]
        return fields

    def get_list_filter(self, request):
        if access.is_restricted(request.user):
            return ["gender"]
        return super().get_list_filter(request)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not access.can_delete_person(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if access.is_restricted(request.user) and "region" in form.base_fields:
            # A record no region keeps would vanish from its author's view.
            form.base_fields["region"].required = True
        return form


@admin.register(Mandate)
class MandateAdmin(NamedInTitles, RegionScopedAdmin, admin.ModelAdmin):
    titles = Titles(
        change=_("Select a mandate to change"),
        view=_("Select a mandate to view"),
        add=_("Add a mandate"),
    )
    list_display = [
        "person",
        "office_title",
        "region",
        "province",
        "start_date",
        "end_date",
        "congress",
    ]
    list_filter = ["office", RegionOnlyFilter]
    list_select_related = ["person", "region", "province", "congress__region"]
    date_hierarchy = "start_date"
    search_fields = ["person__name_ar", "person__name_fr"]
    autocomplete_fields = ["person", "region", "province", "congress"]
    change_list_template = "admin/regions/mandate/change_list.html"

    @admin.display(description=_("office"), ordering="office")
    def office_title(self, mandate):
        return mandate.get_office_display()  # «كاتبة جهوية» for a woman

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "register/",
                wrap(lambda request: views.register(request, self)),
                name="regions_mandate_register",
            ),
            *super().get_urls(),
        ]

    def get_exclude(self, request, obj=None):
        if access.is_restricted(request.user):
            return ["congress"]  # set only by a validated congress outcome
        return super().get_exclude(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not access.can_change_mandate(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not access.can_change_mandate(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "office" and access.is_restricted(request.user):
            kwargs["choices"] = [
                (value, label)
                for value, label in Mandate.Office.choices
                if value not in access.RESERVED_OFFICES
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if access.is_restricted(request.user) and "region" in form.base_fields:
            form.base_fields["region"].required = True
        return form


@admin.register(RegionalAccess)
class RegionalAccessAdmin(NamedInTitles, RegionScopedAdmin, admin.ModelAdmin):
    titles = Titles(
        change=_("Select a regional access to change"),
        view=_("Select a regional access to view"),
        add=_("Add a regional access"),
    )
    list_display = ["user", "region", "mandate", "ends_on"]
    list_filter = ["region"]
    list_select_related = [
        "user",
        "region",
        "mandate__person",
        "mandate__region",
        "mandate__province",
    ]
    search_fields = ["user__username", "user__person__name_ar", "user__person__name_fr"]
    autocomplete_fields = ["region", "mandate"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only accounts in the regional secretaries' role can be tied to a region.
            kwargs["queryset"] = User.objects.filter(
                groups__name=roles.REGIONAL_SECRETARY, is_active=True
            ).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
