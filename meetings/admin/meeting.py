"""Meetings, their attendance, agenda items and decisions in the admin; the cycle's pages
(board, agenda preparation, minutes) are wired here and live in board.py and cycle.py."""

from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from common.admin import ListRows, ReadOnlyAdmin
from common.admin_history import TranslatedHistoryMixin
from common.admin_titles import NamedInTitles, Titles

from .. import followup
from ..forms import AttendanceForm
from ..models import (
    AgendaItem,
    Attendance,
    Communique,
    Decision,
    FollowUpEntry,
    Meeting,
    Minutes,
)
from . import board, cycle


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
    fields = ["order", "title", "topic", "source_decision"]
    readonly_fields = ["source_decision"]
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
class MeetingAdmin(NamedInTitles, TranslatedHistoryMixin, ListRows, TabbedTranslationAdmin):
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
    list_defer = Communique.long_columns("communique")
    date_hierarchy = "starts_at"
    search_fields = ["focus_ar", "focus_fr", "venue_ar", "agenda_items__title_ar"]
    readonly_fields = ["communique_link", "minutes_links", "decisions_overview"]
    change_form_template = "admin/meetings/meeting/change_form.html"
    inlines = [DedicatingDecisionInline, AgendaItemInline, AttendanceInline]

    def get_queryset(self, request):
        # A subquery per row shown, not a join grouped over every meeting
        # (docs/performance.md, admin changelists).
        items = (
            AgendaItem.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return super().get_queryset(request).annotate(item_count=Coalesce(Subquery(items), 0))

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
            '<li><a href="{}">{} {}</a> — {}</li>',
            (
                (
                    reverse("admin:meetings_decision_change", args=[d.pk]),
                    _("item %(order)s:") % {"order": d.agenda_item.order},
                    d.get_kind_display(),
                    d.text,
                )
                for d in decisions.order_by("agenda_item__order", "order")
            ),
        )
        # A plain list: the item's number is in the text, so the list adds no second one.
        return format_html('<ul class="bureau-decisions">{}</ul>', rows)

    @admin.display(description=_("minutes"))
    def minutes_links(self, meeting):
        if not meeting.pk or meeting.status == Meeting.Status.CANCELLED:
            return "—"
        state = getattr(meeting, "minutes", None)
        label = state.get_status_display() if state else Minutes.Status.DRAFT.label
        return format_html(
            '<a href="{}">{}</a> ({}) · <a href="{}">PDF</a>',
            reverse("admin:meetings_meeting_minutes", args=[meeting.pk]),
            _("Minutes of the meeting"),
            label,
            reverse("admin:meetings_meeting_minutes_pdf", args=[meeting.pk]),
        )

    def get_urls(self):
        view = self.admin_site.admin_view

        def bound(function):
            return view(lambda request, *args, **kwargs: function(request, self, *args, **kwargs))

        return [
            path("minutes/archive/", bound(cycle.archive_view), name="meetings_minutes_archive"),
            path(
                "minutes/archive/<uuid:archive_id>/",
                bound(cycle.archive_status_view),
                name="meetings_minutes_archive_status",
            ),
            path(
                "minutes/archive/<uuid:archive_id>/pdf/",
                bound(cycle.archive_download_view),
                name="meetings_minutes_archive_pdf",
            ),
            path(
                "<path:object_id>/prepare/",
                bound(cycle.prepare_view),
                name="meetings_meeting_prepare",
            ),
            path(
                "<path:object_id>/minutes/",
                bound(cycle.minutes_view),
                name="meetings_meeting_minutes",
            ),
            path(
                "<path:object_id>/minutes.pdf",
                bound(cycle.minutes_pdf_view),
                name="meetings_meeting_minutes_pdf",
            ),
            *super().get_urls(),
        ]

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
class AttendanceAdmin(NamedInTitles, ListRows, admin.ModelAdmin):
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


class DecisionInline(TranslationStackedInline):
    """Stacked: a decision's three texts and its owner side by side would not fit any screen."""

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
        "target_organ",
    ]
    autocomplete_fields = ["responsible_person", "target_meeting"]


@admin.register(AgendaItem)
class AgendaItemAdmin(NamedInTitles, TranslatedHistoryMixin, ListRows, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select an agenda item to change"),
        view=_("Select an agenda item to view"),
        add=_("Add an agenda item"),
    )
    list_display = ["title", "meeting", "order", "topic"]
    list_filter = ["topic", "meeting__organ"]
    list_select_related = ["meeting"]
    search_fields = ["title_ar", "title_fr", "summary_ar"]
    autocomplete_fields = [
        "meeting",
        "regions",
        "provinces",
        "congresses",
        "source_decision",
        "reviewed_decisions",
    ]
    readonly_fields = ["proposal"]
    inlines = [DecisionInline]


class FollowUpEntryInline(admin.TabularInline):
    """The decision's timeline, read only: entries are added by the form below the page."""

    model = FollowUpEntry
    extra = 0
    can_delete = False
    fields = ["at", "author", "describe", "document_link"]
    readonly_fields = fields
    verbose_name_plural = _("follow-up timeline")

    @admin.display(description=_("entry"))
    def describe(self, entry):
        return entry.describe()

    @admin.display(description=_("document"))
    def document_link(self, entry):
        # A private file: linked through the view that checks who may read it.
        if not entry.document:
            return "—"
        url = reverse("admin:meetings_followupentry_document", args=[entry.pk])
        return format_html('<a href="{}">{}</a>', url, entry.document.name.rsplit("/", 1)[-1])

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


@admin.register(Decision)
class DecisionAdmin(NamedInTitles, TranslatedHistoryMixin, ListRows, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a decision to change"),
        view=_("Select a decision to view"),
        add=_("Add a decision"),
    )
    list_display = ["short_text", "kind", "meeting_date", "responsible", "due_date", "follow_up"]
    list_filter = ["follow_up", "kind", ("due_date", admin.EmptyFieldListFilter)]
    list_select_related = ["agenda_item__meeting", "responsible_person"]
    date_hierarchy = "agenda_item__meeting__starts_at"
    search_fields = ["text_ar", "text_fr", "responsible_body"]
    show_full_result_count = False  # docs/performance.md, admin changelists
    autocomplete_fields = ["agenda_item", "responsible_person", "target_meeting"]
    # The state comes from the latest follow-up entry (meetings.followup), never typed in.
    readonly_fields = ["follow_up", "progress", "followed_up_at"]
    inlines = [FollowUpEntryInline]
    change_form_template = "admin/meetings/decision/change_form.html"
    change_list_template = "admin/meetings/decision/change_list.html"

    def get_queryset(self, request):
        return followup.decisions_for(request.user).select_related(
            "agenda_item__meeting", "responsible_person"
        )

    def has_view_permission(self, request, obj=None):
        if followup.is_regional(request.user):
            return False
        if obj is not None and followup.can_add_entry(request.user, obj):
            return True
        return super().has_view_permission(request, obj)

    def has_module_permission(self, request):
        return followup.can_see_board(request.user) or super().has_module_permission(request)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        decision = self.get_object(request, object_id)
        extra = {
            "may_add_entry": decision is not None
            and followup.can_add_entry(request.user, decision),
            "status_choices": Decision.FollowUp.choices,
        }
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def get_urls(self):
        view = self.admin_site.admin_view

        def bound(function):
            return view(lambda request, *args, **kwargs: function(request, self, *args, **kwargs))

        return [
            path("board/", bound(board.board_view), name="meetings_decision_board"),
            path("board/export.csv", bound(board.board_csv), name="meetings_decision_board_csv"),
            path("board/export.pdf", bound(board.board_pdf), name="meetings_decision_board_pdf"),
            path(
                "<path:object_id>/follow-up/",
                bound(board.add_entry_view),
                name="meetings_decision_follow_up",
            ),
            path(
                "follow-up/<int:entry_id>/document/",
                bound(board.document_view),
                name="meetings_followupentry_document",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("decision"))
    def short_text(self, decision):
        return decision.text[:90]

    @admin.display(description=_("meeting"), ordering="agenda_item__meeting__starts_at")
    def meeting_date(self, decision):
        return decision.agenda_item.meeting.starts_at.date()

    @admin.display(description=_("responsible"))
    def responsible(self, decision):
        return decision.responsible_person or decision.responsible_body


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """The list of minutes and their state; each is read and adopted on its meeting's page."""

    list_display = ["meeting", "status", "adopted_at", "adopted_on", "minutes_page"]
    list_filter = ["status"]
    list_select_related = ["meeting", "adopted_at"]

    @admin.display(description=_("minutes"))
    def minutes_page(self, record):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:meetings_meeting_minutes", args=[record.meeting_id]),
            _("Minutes of the meeting"),
        )
