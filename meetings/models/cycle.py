"""The weekly cycle around the meetings: follow-up of decisions and minutes (see
docs/meetings-cycle.md)."""

import datetime
import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.text import PlainTextField
from regions.storage import private_storage

from .core import Decision, Meeting


class FollowUpEntry(models.Model):
    """One dated step of a decision's follow-up; the latest sets the decision's state."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="entries", verbose_name=_("decision")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    status = models.CharField(
        _("new status"),
        max_length=15,
        choices=Decision.FollowUp,
        blank=True,
        help_text=_("Leave empty to keep the current status."),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), validators=[MaxValueValidator(100)]
    )
    note = PlainTextField(_("note"), blank=True)
    document = models.FileField(
        _("document"), upload_to="follow-up/%Y/", storage=private_storage, blank=True
    )

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("follow-up entry")
        verbose_name_plural = _("follow-up entries")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="meetings_followupentry_progress_percent",
                violation_error_message=_("Progress is a percentage, from 0 to 100."),
            ),
        ]

    def __str__(self):
        return self.describe()

    def describe(self) -> str:
        """«تم تحيين التتبع: قيد الإنجاز (60٪) — …», in the active language."""
        if self.status:
            text = _("Follow-up updated: %(status)s (%(progress)s%%)") % {
                "status": self.get_status_display(),
                "progress": self.progress,
            }
        else:
            text = _("Progress updated: %(progress)s%%") % {"progress": self.progress}
        return f"{text} — {self.note}" if self.note else str(text)


class Minutes(models.Model):
    """The minutes (محضر) of a meeting: a draft until a later meeting adopts them."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("meeting")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    notes = PlainTextField(
        _("secretary's notes"), blank=True, help_text=_("Printed at the end of the minutes.")
    )
    adopted_at = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_minutes",
        verbose_name=_("adopted at"),
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adoption recorded by"),
    )
    adopted_on = models.DateTimeField(_("adoption recorded on"), null=True, blank=True)
    # The body as adopted: later edits to the meeting do not change adopted minutes.
    adopted_html = models.TextField(editable=False, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(adopted_at__isnull=False),
                name="meetings_minutes_adopted_at_a_meeting",
                violation_error_message=_("Adopted minutes name the meeting that adopted them."),
            ),
        ]

    def __str__(self):
        return _("Minutes of %(meeting)s") % {"meeting": self.meeting}


class MinutesArchive(models.Model):
    """All the minutes of a period as one PDF, built by the task queue: a year's minutes take
    longer to print than a request may last (docs/meetings-cycle.md). The file lives under
    PRIVATE_MEDIA_ROOT for a day."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be built")
        BUILDING = "building", _("being built")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    meetings = models.PositiveIntegerField(_("meetings"), default=0)
    created_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)

    KEPT_FOR = datetime.timedelta(days=1)

    class Meta:
        verbose_name = _("archive of minutes")
        verbose_name_plural = _("archives of minutes")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="archive_period")
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"

    @property
    def path(self) -> Path:
        return Path(settings.PRIVATE_MEDIA_ROOT) / "minutes-archives" / f"{self.pk}.pdf"

    @property
    def filename(self) -> str:
        return f"minutes-{self.start:%Y%m%d}-{self.end:%Y%m%d}.pdf"
