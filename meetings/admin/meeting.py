from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from common.admin_titles import NamedInTitles, Titles

from ..forms import AttendanceForm
from ..models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
)


class AttendanceInline(admin.TabularInline):
    model = Attendance
    form = AttendanceForm
    extra = 0
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class AgendaItemInline(TranslationTabularInline):
    model = AgendaItem
    extra = 0
    fields = ["order", "title", "topic"]
    show_change_link = True  # decisions are edited under their agenda item


class DedicatingDecisionInline(admin.TabularInline):
    """Decisions of earlier meetings that dedicate this one to a topic: part of its agenda."""

    model = Decision
    fk_name = "target_meeting"
    extra = 0
    can_delete = False
    fields = ["agenda_item", "kind", "text", "follow_up"]
    readonly_fields = fields
    verbose_name = _("decision that sets this meeting's agenda")
    verbose_name_plural = _("decisions that set this meeting's agenda")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("agenda_item__meeting")


@admin.register(Meeting)
class MeetingAdmin(NamedInTitles, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a meeting to change"),
        view=_("Select a meeting to view"),
        add=_("Add a meeting"),
    )
    list_display = [
        "__str__",
        "starts_at",
        "organ",
        "kind",
        "status",
        "focus",
        "item_count",
        "communique_link",
    ]
    list_filter = ["status", "organ", "kind"]
    list_select_related = ["communique"]
    date_hierarchy = "starts_at"
    search_fields = ["focus_ar", "focus_fr", "venue_ar", "agenda_items__title_ar"]
    readonly_fields = ["communique_link", "decisions_overview"]
    inlines = [DedicatingDecisionInline, AgendaItemInline, AttendanceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("agenda_items"))

    @admin.display(description=_("agenda items"), ordering="item_count")
    def item_count(self, meeting):
        return meeting.item_count

    @admin.display(description=_("decisions"))
    def decisions_overview(self, meeting):
        """The decisions of every agenda item, in order (each is edited under its item)."""
        if not meeting.pk:
            return "—"
        decisions = Decision.objects.filter(agenda_item__meeting=meeting).select_related(
            "agenda_item"
        )
        if not decisions:
            return "—"
        rows = format_html_join(
            "",
            '<li><a href="{}">{}. {}</a> — {}</li>',
            (
                (
                    reverse("admin:meetings_agendaitem_change", args=[d.agenda_item_id]),
                    d.agenda_item.order,
                    d.get_kind_display(),
                    d.text,
                )
                for d in decisions.order_by("agenda_item__order", "order")
            ),
        )
        return format_html('<ol class="bureau-decisions">{}</ol>', rows)

    @admin.display(description=_("communiqué"))
    def communique_link(self, meeting):
        """The meeting's communiqué, or the way to compose it once the meeting is held."""
        communique = getattr(meeting, "communique", None)
        if communique:
            url = reverse("admin:meetings_communique_change", args=[communique.pk])
            return format_html('<a href="{}">{}</a>', url, communique.get_status_display())
        if meeting.pk and meeting.status == Meeting.Status.HELD:
            url = reverse("admin:meetings_communique_compose")
            return format_html(
                '<a href="{}?meeting={}">{}</a>', url, meeting.pk, _("Compose the communiqué")
            )
        return "—"


@admin.register(Attendance)
class AttendanceAdmin(NamedInTitles, admin.ModelAdmin):
    titles = Titles(
        change=_("Select an attendance record to change"),
        view=_("Select an attendance record to view"),
        add=_("Add an attendance record"),
    )
    list_display = ["person", "meeting", "status_label"]
    list_filter = ["status"]
    list_select_related = ["person", "meeting"]
    search_fields = ["person__name_ar", "person__name_fr"]
    autocomplete_fields = ["meeting", "person"]

    @admin.display(description=_("attendance"), ordering="status")
    def status_label(self, attendance):
        return attendance.get_status_display()  # «حاضرة» for a woman


class DecisionInline(TranslationTabularInline):
    model = Decision
    extra = 0
    fields = [
        "order",
        "kind",
        "text",
        "responsible_person",
        "responsible_body",
        "due_date",
        "target_meeting",
        "follow_up",
    ]
    autocomplete_fields = ["responsible_person", "target_meeting"]


@admin.register(AgendaItem)
class AgendaItemAdmin(NamedInTitles, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select an agenda item to change"),
        view=_("Select an agenda item to view"),
        add=_("Add an agenda item"),
    )
    list_display = ["title", "meeting", "order", "topic"]
    list_filter = ["topic", "meeting__organ"]
    list_select_related = ["meeting"]
    search_fields = ["title_ar", "title_fr", "summary_ar"]
    autocomplete_fields = ["meeting", "regions", "provinces", "congresses"]
    inlines = [DecisionInline]


@admin.register(Decision)
class DecisionAdmin(NamedInTitles, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a decision to change"),
        view=_("Select a decision to view"),
        add=_("Add a decision"),
    )
    list_display = ["short_text", "kind", "meeting_date", "responsible", "due_date", "follow_up"]
    list_filter = ["follow_up", "kind", ("due_date", admin.EmptyFieldListFilter)]
    list_editable = ["follow_up"]  # the secretariat updates follow-up from the list
    list_select_related = ["agenda_item__meeting", "responsible_person"]
    date_hierarchy = "agenda_item__meeting__starts_at"
    search_fields = ["text_ar", "text_fr", "responsible_body"]
    autocomplete_fields = ["agenda_item", "responsible_person", "target_meeting"]

    @admin.display(description=_("decision"))
    def short_text(self, decision):
        return decision.text[:90]

    @admin.display(description=_("meeting"), ordering="agenda_item__meeting__starts_at")
    def meeting_date(self, decision):
        return decision.agenda_item.meeting.starts_at.date()

    @admin.display(description=_("responsible"))
    def responsible(self, decision):
        return decision.responsible_person or decision.responsible_body
