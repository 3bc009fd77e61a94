"""Regions and provinces."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from common.admin_titles import NamedInTitles, Titles

from ..models import (
    Province,
    Region,
)
from .scoped import RegionOnlyFilter, RegionScopedAdmin


@admin.register(Region)
class RegionAdmin(NamedInTitles, RegionScopedAdmin, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a region to change"),
        view=_("Select a region to view"),
        add=_("Add a region"),
    )
    list_display = ["code", "name", "name_fr", "province_count"]
    search_fields = ["name_ar", "name_fr", "code"]
    readonly_fields = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(province_count=Count("provinces"))

    @admin.display(description=_("provinces"), ordering="province_count")
    def province_count(self, region):
        return region.province_count


@admin.register(Province)
class ProvinceAdmin(NamedInTitles, RegionScopedAdmin, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a province or prefecture to change"),
        view=_("Select a province or prefecture to view"),
        add=_("Add a province or prefecture"),
    )
    list_display = ["name", "name_fr", "kind", "region", "code"]
    list_filter = ["kind", RegionOnlyFilter]
    list_select_related = ["region"]
    search_fields = ["name_ar", "name_fr", "code"]


# Congresses ---------------------------------------------------------------------------------
