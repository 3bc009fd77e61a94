"""The regions back office. Every admin here narrows its rows, choices and autocompletes through
regions.access, and answers 404 for an object the user may not see."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from meetings import roles

from . import access, views, workflow
from .forms import CongressForm, PrivateFileInput, SendBackForm
from .models import (
    Congress,
    CongressTransition,
    Election,
    Mandate,
    Person,
    Province,
    Region,
    RegionalAccess,
)

RegionOnlyFilter = ("region", admin.RelatedOnlyFieldListFilter)


class RegionScoped:
    """Rows and the choices of related fields (hence autocompletes) narrowed by access."""

    def get_queryset(self, request):
        return access.scope(request.user, super().get_queryset(request))

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        model = db_field.remote_field.model
        if not access.is_scoped(model):
            return queryset
        if queryset is None:
            queryset = model._default_manager.using(db)
        return access.scope(request.user, queryset)


class RegionScopedAdmin(RegionScoped):
    def get_actions(self, request):
        actions = super().get_actions(request)
        if access.is_restricted(request.user):
            # A bulk delete checks no object one by one.
            actions.pop("delete_selected", None)
        return actions

    def get_object(self, request, object_id, from_field=None):
        # The admin would redirect with "doesn't exist"; a foreign object is simply not found.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj


@admin.register(Region)
class RegionAdmin(RegionScopedAdmin, TabbedTranslationAdmin):
    list_display = ["code", "name", "name_fr", "province_count"]
    search_fields = ["name_ar", "name_fr", "code"]
    readonly_fields = ["code"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(province_count=Count("provinces"))

    @admin.display(description=_("provinces"), ordering="province_count")
    def province_count(self, region):
        return region.province_count


@admin.register(Province)
class ProvinceAdmin(RegionScopedAdmin, TabbedTranslationAdmin):
    list_display = ["name", "name_fr", "kind", "region", "code"]
    list_filter = ["kind", RegionOnlyFilter]
    list_select_related = ["region"]
    search_fields = ["name_ar", "name_fr", "code"]


# Congresses ---------------------------------------------------------------------------------


class ElectionInline(RegionScoped, admin.TabularInline):
    """The outcome as the region logs it; mandates follow when the bureau validates."""

    model = Election
    extra = 0
    autocomplete_fields = ["person", "province"]
    fields = ["person", "office", "province"]

    def _editable(self, request, congress):
        return congress is None or access.can_change_congress(request.user, congress)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


@admin.register(Congress)
class CongressAdmin(RegionScopedAdmin, TabbedTranslationAdmin):
    form = CongressForm
    list_display = ["__str__", "level", "region", "date", "status", "delegates"]
    list_filter = ["status", "level", RegionOnlyFilter]
    list_select_related = ["region"]
    date_hierarchy = "date"
    search_fields = ["region__name_ar", "region__name_fr", "venue_ar", "venue_fr"]
    autocomplete_fields = ["region", "provinces"]
    readonly_fields = ["status", "elected_officials", "minutes_link"]
    fieldsets = [
        (None, {"fields": ["level", "region", "provinces", "date", "venue", "status"]}),
        (_("Outcome"), {"fields": ["delegates", "summary", "minutes", "elected_officials"]}),
    ]
    inlines = [ElectionInline]
    change_form_template = "admin/regions/congress/change_form.html"
    change_list_template = "admin/regions/congress/change_list.html"

    def has_change_permission(self, request, obj=None):
        if obj is not None and not access.can_change_congress(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and access.is_restricted(request.user):
            if obj.status != Congress.Status.PLANNED:
                return False
        return super().has_delete_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only, a stored file would be shown with its storage URL, which it has none of.
        return [
            (
                name,
                {
                    **options,
                    "fields": ["minutes_link" if f == "minutes" else f for f in options["fields"]],
                },
            )
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "minutes" in form.base_fields:
            widget = PrivateFileInput()
            if obj is not None:
                widget.download_url = self.minutes_url(obj)
            form.base_fields["minutes"].widget = widget
        return form

    def minutes_url(self, congress):
        return reverse("admin:regions_congress_minutes", args=[congress.pk])

    @admin.display(description=_("minutes (PDF)"))
    def minutes_link(self, congress):
        if not congress.minutes:
            return "—"
        return format_html('<a href="{}">{}</a>', self.minutes_url(congress), _("Download"))

    @admin.display(description=_("officials it elected"))
    def elected_officials(self, congress):
        mandates = congress.elected_mandates.select_related("person", "province")
        if not mandates:
            return _("None yet: the bureau's validation turns the outcome into mandates.")
        return format_html_join(
            mark_safe("<br>"),
            "{} — {} ({})",
            ((m.person, m.get_office_display(), m.territory) for m in mandates),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        workflow.record_outcome(form.instance, request.user)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "dashboard/",
                wrap(lambda request: views.dashboard(request, self)),
                name="regions_congress_dashboard",
            ),
            path(
                "<path:object_id>/minutes/",
                wrap(self.minutes_view),
                name="regions_congress_minutes",
            ),
            path(
                "<path:object_id>/transition/<str:step>/",
                wrap(self.transition_view),
                name="regions_congress_transition",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        congress = self.get_object(request, unquote(object_id))
        user = request.user
        context = {
            "transitions": congress.transitions.select_related("actor"),
            "can_submit": congress.status == Congress.Status.HELD
            and user.has_perm("regions.submit_congress"),
            "can_validate": congress.status == Congress.Status.SUBMITTED
            and user.has_perm("regions.validate_congress"),
            "send_back_form": SendBackForm(),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    def minutes_view(self, request, object_id):
        congress = self.get_object(request, unquote(object_id))
        if not self.has_view_permission(request, congress):
            raise PermissionDenied
        if not congress.minutes:
            raise Http404
        response = FileResponse(
            congress.minutes.open("rb"),
            as_attachment=True,
            filename=f"congress-{congress.pk}-minutes.pdf",
            content_type="application/pdf",
        )
        response["Cache-Control"] = "private, no-store"
        return response

    def transition_view(self, request, object_id, step):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        congress = self.get_object(request, unquote(object_id))
        if not self.has_view_permission(request, congress):
            raise PermissionDenied
        try:
            if step == "submit":
                workflow.submit_congress(congress, request.user)
                done = _("The outcome was submitted to the bureau.")
            elif step == "validate":
                workflow.validate_congress(congress, request.user)
                done = _("The outcome was validated; the elected officials' mandates start.")
            elif step == "send-back":
                comment = request.POST.get("comment", "")
                workflow.send_back_congress(congress, request.user, comment)
                done = _("The outcome was sent back to the region.")
            else:
                raise Http404
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
        return redirect("admin:regions_congress_change", congress.pk)


@admin.register(CongressTransition)
class CongressTransitionAdmin(RegionScopedAdmin, admin.ModelAdmin):
    list_display = ["congress", "action", "from_status", "to_status", "actor", "at"]
    list_filter = ["action"]
    list_select_related = ["congress__region", "actor"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# People and mandates ------------------------------------------------------------------------


class PersonMandateInline(RegionScoped, admin.TabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ["region", "province", "congress"]
    fields = ["office", "region", "province", "congress", "start_date", "end_date"]

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
class PersonAdmin(RegionScopedAdmin, TabbedTranslationAdmin):
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
class MandateAdmin(RegionScopedAdmin, admin.ModelAdmin):
    list_display = ["person", "office", "region", "province", "start_date", "end_date", "congress"]
    list_filter = ["office", RegionOnlyFilter]
    list_select_related = ["person", "region", "province", "congress__region"]
    date_hierarchy = "start_date"
    search_fields = ["person__name_ar", "person__name_fr"]
    autocomplete_fields = ["person", "region", "province", "congress"]
    change_list_template = "admin/regions/mandate/change_list.html"

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
class RegionalAccessAdmin(RegionScopedAdmin, admin.ModelAdmin):
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
