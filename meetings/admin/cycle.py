"""The meeting page's cycle actions: prepare the agenda, the minutes (page, PDF, adoption),
and the archive of a period's minutes as one PDF (see docs/meetings-cycle.md)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from common.dates import long_date
from common.workflow import NotAllowed, WorkflowError

from .. import agenda, minutes
from ..models import Meeting, Minutes, MinutesArchive


def _meeting(request, model_admin, object_id, permission="view"):
    meeting = model_admin.get_object(request, unquote(object_id))
    if meeting is None:
        raise Http404
    allowed = getattr(model_admin, f"has_{permission}_permission")(request, meeting)
    if not allowed:
        raise PermissionDenied
    return meeting


def _page(request, model_admin, template, meeting, title, **extra):
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "original": meeting,
            "title": title,
            **extra,
        },
    )


def prepare_view(request, model_admin, object_id):
    meeting = _meeting(request, model_admin, object_id, "change")
    if meeting.status != Meeting.Status.PLANNED:
        messages.error(request, _("Only a planned meeting's agenda is prepared."))
        return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    if request.method == "POST":
        accepted = [key for key, value in request.POST.items() if value == "accept"]
        added = agenda.accept(meeting, accepted)
        for item in added:
            model_admin.log_change(request, meeting, gettext("Agenda item added: %s") % item)
        if added:
            messages.success(
                request,
                ngettext(
                    "%(count)d item added to the agenda.",
                    "%(count)d items added to the agenda.",
                    len(added),
                )
                % {"count": len(added)},
            )
        else:
            messages.info(request, _("Nothing was added to the agenda."))
        return redirect(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    return _page(
        request,
        model_admin,
        "admin/meetings/meeting/prepare.html",
        meeting,
        gettext("Prepare the agenda"),
        proposals=agenda.proposals(meeting),
    )


def minutes_view(request, model_admin, object_id):
    meeting = _meeting(request, model_admin, object_id)
    record = minutes.minutes_of(meeting)
    if request.method == "POST":
        if not request.user.has_perm("meetings.change_minutes"):
            raise PermissionDenied
        try:
            if "adopt" in request.POST:
                at = Meeting.objects.filter(pk=_number(request.POST.get("adopted_at"))).first()
                if at is None:
                    raise WorkflowError(gettext("Choose the meeting that adopted the minutes."))
                minutes.adopt(record, at=at, actor=request.user)
                model_admin.log_change(request, meeting, gettext("Minutes adopted"))
                messages.success(request, _("The minutes are adopted."))
            else:
                minutes.edit_notes(record, notes=request.POST.get("notes", ""), actor=request.user)
                messages.success(request, _("The secretary's notes are saved."))
        except NotAllowed as refusal:
            raise PermissionDenied(refusal.message) from refusal
        except WorkflowError as refusal:
            messages.error(request, refusal.message)
        return redirect(reverse("admin:meetings_meeting_minutes", args=[meeting.pk]))
    loaded = minutes.load(meeting.pk)
    later = Meeting.objects.filter(starts_at__gt=meeting.starts_at).exclude(
        status=Meeting.Status.CANCELLED
    )
    return _page(
        request,
        model_admin,
        "admin/meetings/meeting/minutes.html",
        meeting,
        gettext("Minutes of the meeting"),
        minutes=record,
        date=long_date(meeting.starts_at),
        body=minutes.body_html(loaded),
        later_meetings=later.order_by("starts_at")[:12],
        may_change=request.user.has_perm("meetings.change_minutes")
        and record.status == Minutes.Status.DRAFT,
    )


def minutes_pdf_view(request, model_admin, object_id):
    meeting = _meeting(request, model_admin, object_id)
    minutes.minutes_of(meeting)
    content = minutes.pdf(minutes.load(meeting.pk), base_url=request.build_absolute_uri("/"))
    day = timezone.localtime(meeting.starts_at).date()
    return _pdf_response(content, f"minutes-{day:%Y-%m-%d}.pdf")


class ArchiveForm(forms.Form):
    start = forms.DateField(label=_("from"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("to"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


def archive_view(request, model_admin):
    """The form for a period's minutes as one PDF; the PDF itself is built by the task queue
    (`minutes.build_archive`) and fetched from `archive_status_view`."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    year = _number(request.GET.get("year"))
    data = request.GET.copy()
    if year and 1900 < year < 3000:
        data.update({"start": f"{year}-01-01", "end": f"{year}-12-31"})
    form = ArchiveForm(data if "start" in data else None)
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        archive = minutes.request_archive(start, end, request.user)
        return redirect("admin:meetings_minutes_archive_status", archive.pk)
    years = Meeting.objects.dates("starts_at", "year", order="DESC")
    recent = MinutesArchive.objects.filter(requested_by=request.user).order_by("-created_at")
    return _page(
        request,
        model_admin,
        "admin/meetings/meeting/archive.html",
        None,
        gettext("Archive of minutes"),
        form=form,
        years=[d.year for d in years],
        recent=recent[:5],
    )


def _archive(request, model_admin, archive_id) -> MinutesArchive:
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    archive = MinutesArchive.objects.filter(pk=archive_id).first()
    if archive is None:
        raise Http404(gettext("This archive no longer exists: make it again."))
    return archive


def archive_status_view(request, model_admin, archive_id):
    """Where a requested archive stands; the page reloads itself until it is ready."""
    archive = _archive(request, model_admin, archive_id)
    return _page(
        request,
        model_admin,
        "admin/meetings/meeting/archive_status.html",
        None,
        gettext("Archive of minutes"),
        archive=archive,
        start=long_date(archive.start, weekday=False),
        end=long_date(archive.end, weekday=False),
        pending=archive.status in (MinutesArchive.Status.QUEUED, MinutesArchive.Status.BUILDING),
    )


def archive_download_view(request, model_admin, archive_id):
    archive = _archive(request, model_admin, archive_id)
    if archive.status != MinutesArchive.Status.READY or not archive.path.is_file():
        return redirect("admin:meetings_minutes_archive_status", archive.pk)
    return FileResponse(
        archive.path.open("rb"), content_type="application/pdf", filename=archive.filename
    )


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
