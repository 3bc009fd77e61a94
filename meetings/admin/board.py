"""The follow-up board in the admin: the page, its CSV and PDF exports, and the one-step
follow-up entry that the board and the decision page post to (see docs/meetings-cycle.md)."""

import csv

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.organisation import organisation_name
from common.pdf import html_to_pdf
from common.workflow import NotAllowed, WorkflowError

from .. import board, followup
from ..forms import FollowUpEntryForm
from ..models import Decision, FollowUpEntry


def _context(request, model_admin, limit=board.ROWS_PER_GROUP):
    if not followup.can_see_board(request.user):
        raise PermissionDenied
    filters = board.Filters.from_query(request.GET)
    only = request.GET.get("group", "")
    today = timezone.localdate()
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Follow-up of decisions"),
        "today": today,
        "groups": board.build(request.user, filters, today=today, only=only, limit=limit),
        "only": only,
        "filters": filters,
        "query": request.GET.urlencode(),
        # The same options under every row: rendered once, not once per row.
        "status_options": format_html_join(
            "", '<option value="{}">{}</option>', Decision.FollowUp.choices
        ),
        "may_add": request.user.has_perm("meetings.add_followupentry"),
        "person_id": getattr(getattr(request.user, "person", None), "pk", None),
    }


def board_view(request, model_admin):
    context = _context(request, model_admin)
    context.update(board.filter_choices(request.user, today=context["today"]))
    return TemplateResponse(request, "admin/meetings/decision/board.html", context)


CSV_COLUMNS = [
    _("group"),
    _("meeting"),
    _("kind"),
    _("decision"),
    _("responsible"),
    _("due date"),
    _("days late"),
    _("follow-up"),
    _("progress (%)"),
]


def board_csv(request, model_admin):
    """Every decision of the board's groups (the page shows the first of each)."""
    context = _context(request, model_admin, limit=None)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="decisions-follow-up.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Arabic as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(c) for c in CSV_COLUMNS])
    for group in context["groups"]:
        for decision in group.rows:
            writer.writerow(
                [
                    group.label,
                    timezone.localtime(decision.agenda_item.meeting.starts_at).date().isoformat(),
                    decision.get_kind_display(),
                    decision.text,
                    board.owner(decision),
                    decision.due_date.isoformat() if decision.due_date else "",
                    decision.days_late or "",
                    decision.get_follow_up_display(),
                    decision.progress,
                ]
            )
    return response


def board_pdf(request, model_admin):
    context = _context(request, model_admin)
    context["organisation"] = organisation_name()
    html = render_to_string("admin/meetings/decision/board_pdf.html", context, request=request)
    pdf = html_to_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="decisions-follow-up.pdf"'
    return response


def add_entry_view(request, model_admin, object_id):
    """One step: the board's row form and the decision page's form both post here."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    decision = get_object_or_404(
        followup.decisions_for(request.user).select_related("agenda_item__meeting"),
        pk=unquote(object_id),
    )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
        back = reverse("admin:meetings_decision_change", args=[decision.pk])
    form = FollowUpEntryForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    try:
        entry = followup.add_entry(
            decision,
            actor=request.user,
            status=data["status"],
            progress=data["progress"],
            note=data["note"],
            document=data["document"],
        )
    except NotAllowed as refusal:
        raise PermissionDenied(refusal.message) from refusal
    except WorkflowError as refusal:
        messages.error(request, refusal.message)
    else:
        model_admin.log_change(request, decision, entry.describe())
        messages.success(request, entry.describe())
    return redirect(back)


def document_view(request, model_admin, entry_id):
    entry = get_object_or_404(FollowUpEntry.objects.select_related("decision"), pk=entry_id)
    if not followup.decisions_for(request.user).filter(pk=entry.decision_id).exists():
        raise PermissionDenied
    if not entry.document:
        raise Http404
    return FileResponse(entry.document.open("rb"), as_attachment=True)
