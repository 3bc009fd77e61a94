"""The communiqué in the admin: its form, the workflow's buttons, corrections, preview, the audit
trail and the comparison of revisions. Every step calls ``meetings.workflow``, which checks
the actor's rights again: a button that is not shown cannot be forged into a change."""

import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.utils import build_localized_fieldname

from common.admin import ListRows
from common.admin_titles import NamedInTitles, Titles
from common.workflow import forbidden_when_not_allowed

from .. import diff, preview, workflow
from ..forms import TEXT_FIELDS, CommuniqueForm, ComposeForm, CorrectionForm, language_name
from ..models import Communique

# Set by the workflow only: shown on the change page, never edited there.
WORKFLOW_FIELDS = [
    "status",
    "published_at",
    "text_edited_by",
    "approved_by",
    "version",
    "corrected_at",
    "correction_note_ar",
    "correction_note_fr",
    "correction_note_en",
]


class CommuniqueAdmin(NamedInTitles, ListRows, TabbedTranslationAdmin):
    titles = Titles(
        change=_("Select a communiqué to change"),
        view=_("Select a communiqué to view"),
        add=_("Add a communiqué"),
    )
    form = CommuniqueForm
    change_form_template = "admin/meetings/communique/change_form.html"
    change_list_template = "admin/meetings/communique/change_list.html"
    list_display = ["title", "status", "published_at", "meeting", "text_edited_by", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["meeting", "text_edited_by"]
    list_defer = Communique.long_columns()
    date_hierarchy = "published_at"
    search_fields = ["title_ar", "title_fr", "slug"]
    # One count, not two (docs/performance.md, admin changelists).
    show_full_result_count = False
    autocomplete_fields = ["meeting"]
    prepopulated_fields = {"slug": ["title_ar"]}
    fieldsets = [
        (None, {"fields": ["meeting", "title", "slug", "body", "seen_version"]}),
        (
            _("Workflow"),
            {"fields": WORKFLOW_FIELDS},
        ),
    ]
    add_fieldsets = [(None, {"fields": ["meeting", "title", "slug", "body"]})]
    readonly_fields = WORKFLOW_FIELDS

    def view_on_site(self, obj):
        # Only what readers can see has a public page; the preview serves the rest.
        if workflow.effective_status(obj) == Communique.Status.PUBLISHED:
            return obj.get_absolute_url()
        return None

    # Who may do what ---------------------------------------------------------------------

    def has_change_permission(self, request, obj=None):
        """The text form is editable only while the text may change (before publication)."""
        if obj is not None and not workflow.can_edit_text(obj, request.user):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Only a draft may disappear; anything further along keeps its audit trail.
        if obj is not None and obj.status != Communique.Status.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    # Saving goes through the workflow ------------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with forbidden_when_not_allowed():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.StaleCommunique:
            # Lost a race between the form's check and the save: the form comes back with the
            # person's text kept and what the other person changed (its check now sees it).
            with forbidden_when_not_allowed():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.WorkflowError as refusal:
            # Lost a race after the form was checked: nothing was saved.
            messages.error(request, refusal.message)
            return redirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        if not change:
            workflow.create_draft(obj, actor=request.user)
            return
        changes = {
            f: form.cleaned_data[f] for f in workflow.EDITABLE_FIELDS if f in form.cleaned_data
        }
        result = workflow.edit(
            obj, actor=request.user, changes=changes, version=form.cleaned_data["seen_version"]
        )
        if result.approval_withdrawn:
            messages.warning(
                request,
                _("The text changed after approval, so the communiqué is back in review."),
            )

    # The change page -----------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        communique = self.get_object(request, unquote(object_id))
        if communique is not None and self.has_view_permission(request, communique):
            extra_context = {**(extra_context or {}), **self.workflow_context(request, communique)}
        return super().change_view(request, object_id, form_url, extra_context)

    def workflow_context(self, request, communique):
        user = request.user
        actions = workflow.available_actions(communique, user)
        own_text = (
            workflow.effective_status(communique) == Communique.Status.IN_REVIEW
            and user.has_perm("meetings.approve_communique")
            and workflow.is_own_text(communique, user)
        )
        return {
            "workflow_actions": actions,
            "effective_status": workflow.effective_status(communique),
            "own_text_hint": own_text,
            "transitions": communique.transitions.select_related("actor"),
            "revisions": communique.revisions.select_related("author"),
            "preview_languages": [(code, language_name(code)) for code in workflow.LANGUAGES],
            "now": timezone.localtime(),
        }

    # Extra pages ---------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("compose/", view(self.compose_view), name="meetings_communique_compose"),
            path(
                "<path:object_id>/transition/<str:action>/",
                view(self.transition_view),
                name="meetings_communique_transition",
            ),
            path(
                "<path:object_id>/correct/",
                view(self.correct_view),
                name="meetings_communique_correct",
            ),
            path(
                "<path:object_id>/preview/<str:language>/",
                view(self.preview_view),
                name="meetings_communique_preview",
            ),
            path(
                "<path:object_id>/compare/",
                view(self.compare_view),
                name="meetings_communique_compare",
            ),
            *super().get_urls(),
        ]

    def _get_viewable(self, request, object_id):
        communique = self.get_object(request, unquote(object_id))
        if communique is None:
            raise Http404
        if not self.has_view_permission(request, communique):
            raise PermissionDenied
        return communique

    def _change_url(self, communique):
        return reverse("admin:meetings_communique_change", args=[quote(communique.pk)])

    def _page(self, request, template, communique, title, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": communique,
                "title": title,
                "has_view_permission": True,
                **context,
            },
        )

    def transition_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        communique = self._get_viewable(request, object_id)
        step = workflow.ACTIONS.get(action)
        if step is None or step.own_page:
            raise Http404
        arguments = {
            "comment": request.POST.get("comment", ""),
            "version": _integer(request.POST.get("version")),
        }
        if step.needs_time:
            arguments["when"] = _local_datetime(request.POST.get("publish_at", ""))
        try:
            with forbidden_when_not_allowed():
                step.run(communique, actor=request.user, **arguments)
        except workflow.WorkflowError as refusal:
            messages.error(request, refusal.message)
        else:
            self.log_change(request, communique, str(step.label))
            messages.success(request, step.done)
        return redirect(self._change_url(communique))

    def correct_view(self, request, object_id):
        communique = self._get_viewable(request, object_id)
        step = workflow.ACTIONS["correct"]
        if not request.user.has_perm(step.permission):
            raise PermissionDenied
        if not step.allowed(communique, request.user):
            messages.error(request, step.refuse(communique).message)
            return redirect(self._change_url(communique))
        form = CorrectionForm(request.POST or None, communique=communique)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                with forbidden_when_not_allowed():
                    step.run(
                        communique,
                        actor=request.user,
                        changes={f: data[f] for f in TEXT_FIELDS},
                        notes={
                            lang: data[build_localized_fieldname("correction_note", lang)]
                            for lang in workflow.LANGUAGES
                        },
                        version=data["version"],
                    )
            except workflow.WorkflowError as refusal:
                form.add_error(None, refusal.message)
            else:
                self.log_change(request, communique, gettext("Corrected"))
                messages.success(request, step.done)
                return redirect(self._change_url(communique))
        return self._page(
            request,
            "admin/meetings/communique/correct.html",
            communique,
            gettext("Correct a published communiqué"),
            form=form,
        )

    def preview_view(self, request, object_id, language):
        if language not in workflow.LANGUAGES:
            raise Http404
        communique = self._get_viewable(request, object_id)
        with translation.override(language):
            response = preview.render(request, communique)
            if hasattr(response, "render"):
                response.render()
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def compare_view(self, request, object_id):
        communique = self._get_viewable(request, object_id)
        revisions = list(communique.revisions.select_related("author"))
        by_id = {str(r.pk): r for r in revisions}
        old, new = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
        if (old is None or new is None) and len(revisions) >= 2:
            new = revisions[0]
            older = [r for r in revisions[1:] if r.language == new.language]
            old = older[0] if older else revisions[1]
        if old is not None and new is not None and old.created_at > new.created_at:
            old, new = new, old
        comparison = None
        if old is not None and new is not None:
            body = diff.word_diff(old.body, new.body)
            comparison = {
                "title": diff.diff_html(old.title, new.title),
                "body": diff.diff_html(old.body, new.body),
                "counts": diff.counts(body + diff.word_diff(old.title, new.title)),
                "direction": "rtl"
                if translation.get_language_info(new.language)["bidi"]
                else "ltr",
            }
        return self._page(
            request,
            "admin/meetings/communique/compare.html",
            communique,
            gettext("Compare revisions"),
            revisions=revisions,
            old=old,
            new=new,
            comparison=comparison,
        )

    def compose_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        initial = {"meeting": request.GET.get("meeting")} if request.GET.get("meeting") else None
        form = ComposeForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                with forbidden_when_not_allowed():
                    communique = workflow.compose_draft(
                        form.cleaned_data["meeting"], actor=request.user
                    )
            except workflow.WorkflowError as refusal:
                form.add_error("meeting", refusal.message)
            else:
                self.log_addition(request, communique, gettext("Composed from the meeting"))
                messages.success(
                    request,
                    _("The draft was composed from the meeting: revise it, then submit it."),
                )
                return redirect(self._change_url(communique))
        return self._page(
            request,
            "admin/meetings/communique/compose.html",
            None,
            gettext("Compose a communiqué from a meeting"),
            form=form,
        )


def _integer(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _local_datetime(value: str) -> datetime.datetime | None:
    """A browser's datetime-local value, read in the site's time zone."""
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


admin.site.register(Communique, CommuniqueAdmin)
