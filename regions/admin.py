from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Congress, Mandate, Person, Province, Region


@admin.register(Region)
class RegionAdmin(TabbedTranslationAdmin):
    list_display = ["code", "name", "name_fr", "province_count"]
    search_fields = ["name_ar", "name_fr", "code"]
    readonly_fields = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(province_count=Count("provinces"))

    @admin.display(description=_("provinces"), ordering="province_count")
    def province_count(self, region):
        return region.province_count


@admin.register(Province)
class ProvinceAdmin(TabbedTranslationAdmin):
    list_display = ["name", "name_fr", "kind", "region", "code"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name_ar", "name_fr", "code"]


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ["person", "region", "province", "congress"]
    fields = ["person", "office", "region", "province", "congress", "start_date", "end_date"]


class PersonMandateInline(MandateInline):
    fields = ["office", "region", "province", "congress", "start_date", "end_date"]


class CongressMandateInline(MandateInline):
    verbose_name = _("officer elected by this congress")
    verbose_name_plural = _("officers elected by this congress")
    fields = ["person", "office", "region", "province", "start_date", "end_date"]


class CongressForm(forms.ModelForm):
    class Meta:
        model = Congress
        fields = ["level", "region", "provinces", "date", "venue", "delegates", "status"]

    def clean(self):
        cleaned = super().clean()
        # Provinces are a many-to-many: the model cannot check them before it is saved.
        if "provinces" in cleaned and cleaned.get("region"):
            self.instance.level = cleaned.get("level", self.instance.level)
            self.instance.region = cleaned["region"]
            try:
                self.instance.clean_provinces(cleaned["provinces"])
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned


@admin.register(Congress)
class CongressAdmin(TabbedTranslationAdmin):
    form = CongressForm
    list_display = ["__str__", "level", "region", "date", "status", "delegates"]
    list_filter = ["status", "level", "region"]
    list_select_related = ["region"]
    date_hierarchy = "date"
    search_fields = ["region__name_ar", "region__name_fr", "venue_ar", "venue_fr"]
    autocomplete_fields = ["region", "provinces"]
    inlines = [CongressMandateInline]


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ["name", "name_fr", "gender", "is_bureau_member", "user"]
    list_filter = ["is_bureau_member", "gender"]
    list_select_related = ["user"]
    search_fields = ["name_ar", "name_fr", "email"]
    autocomplete_fields = ["user"]
    inlines = [PersonMandateInline]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["person", "office", "region", "province", "start_date", "end_date"]
    list_filter = ["office", "region"]
    list_select_related = ["person", "region", "province"]
    date_hierarchy = "start_date"
    search_fields = ["person__name_ar", "person__name_fr"]
    autocomplete_fields = ["person", "region", "province", "congress"]
