"""Congresses, their elections and their step log; the submit, validate and send-back
buttons call regions.workflow."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from common.admin import ReadOnlyAdmin
from common.workflow import WorkflowError, forbidden_when_not_allowed

from .. import access, workflow
from ..forms import CongressForm, PrivateFileInput, SendBackForm
from ..models import (
    Congress,
    CongressTransition,
    Election,
)
from . import views
from .scoped import RegionOnlyFilter, RegionScoped, RegionScopedAdmin


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
        (
            None,
            {"fields": ["level", "region", "provinces", "date", "venue", "is_public", "status"]},
        ),
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
        workflow.record_outcome(form.instance, actor=request.user)

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
        steps = {
            "submit": (workflow.submit, _("The outcome was submitted to the bureau.")),
            "validate": (
                workflow.validate,
                _("The outcome was validated; the elected officials' mandates start."),
            ),
            "send-back": (workflow.send_back, _("The outcome was sent back to the region.")),
        }
        if step not in steps:
            raise Http404
        take, done = steps[step]
        try:
            with forbidden_when_not_allowed():
                take(congress, actor=request.user, comment=request.POST.get("comment", ""))
        except WorkflowError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, done)
        return redirect("admin:regions_congress_change", congress.pk)


@admin.register(CongressTransition)
class CongressTransitionAdmin(RegionScopedAdmin, ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["congress", "action", "from_status", "to_status", "actor", "at"]
    list_filter = ["action"]
    list_select_related = ["congress__region", "actor"]
    date_hierarchy = "at"


# People and mandates ------------------------------------------------------------------------
