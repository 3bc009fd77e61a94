"""The bureau's work: meetings, their attendance, agenda and decisions (the communiqués they
produce are in communique.py)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from common.dates import long_date, validate_sensible_date
from common.text import PlainCharField, PlainTextField
from regions.models import Congress, Person, Province, Region


class Meeting(models.Model):
    class Organ(models.TextChoices):
        POLITICAL_BUREAU = "political_bureau", _("Political Bureau")
        CENTRAL_COMMITTEE = "central_committee", _("Central Committee")
        PRESIDENCY_COUNCIL = "presidency_council", _("Presidency Council")

    class Kind(models.TextChoices):
        WEEKLY = "weekly", _("weekly")
        EXTRAORDINARY = "extraordinary", _("extraordinary")
        THEMATIC = "thematic", _("thematic")

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("meeting status", "planned")
        HELD = "held", pgettext_lazy("meeting status", "held")
        CANCELLED = "cancelled", pgettext_lazy("meeting status", "cancelled")

    organ = models.CharField(
        _("organ"), max_length=20, choices=Organ, default=Organ.POLITICAL_BUREAU
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind, default=Kind.WEEKLY)
    starts_at = models.DateTimeField(_("date and time"), validators=[validate_sensible_date])
    venue = PlainCharField(_("venue"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    focus = PlainCharField(
        _("focus"),
        max_length=300,
        blank=True,
        help_text=_(
            "The subject the meeting is dedicated to, as the communiqué says it: "
            "“dedicated to …”, e.g. defining the orientations of the provincial congresses."
        ),
    )
    attendees = models.ManyToManyField(
        Person, through="Attendance", related_name="meetings", verbose_name=_("attendees")
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        # The admin's lists in their default order (docs/performance.md, admin changelists).
        indexes = [models.Index(fields=["-starts_at", "-id"], name="meeting_newest_first")]

    def __str__(self):
        # "21 يناير 2020" in Arabic, "1er octobre 2019" in French: an ISO date reads
        # backwards inside right-to-left text.
        date = long_date(self.starts_at, weekday=False)
        return f"{self.get_organ_display()} — {self.get_kind_display()} — {date}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    # The same statuses said of a woman: «حاضرة», «présente».
    OF_A_WOMAN = {
        Status.PRESENT: pgettext_lazy("woman", "present"),
        Status.EXCUSED: pgettext_lazy("woman", "excused"),
        Status.ABSENT: pgettext_lazy("woman", "absent"),
    }

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("person")
    )
    status = models.CharField(
        _("attendance"), max_length=10, choices=Status, default=Status.PRESENT
    )

    class Meta:
        ordering = ["person__name_ar"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="meetings_attendance_once_per_meeting",
                violation_error_message=_("This person is already on this meeting's attendance."),
            ),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_status_display()}"

    def get_status_display(self) -> str:
        """The status agreeing with the person: «حاضر», «حاضرة»."""
        return str(Attendance.status_label(self.status, self.person))

    @staticmethod
    def status_label(status: str, person: Person | None) -> str:
        if person is not None and person.is_woman:
            return str(Attendance.OF_A_WOMAN[status])
        return str(Attendance.Status(status).label)


class AgendaItem(models.Model):
    class Topic(models.TextChoices):
        ORGANISATION = "organisation", _("organisation")
        CONGRESSES = "congresses", _("congresses")
        OUTREACH = "outreach", _("outreach and communication")
        ELECTIONS = "elections", _("elections and elected officials")
        POLITICS = "politics", _("national politics")
        ECONOMY = "economy", _("economy and society")
        INTERNATIONAL = "international", _("international affairs")

    class Proposal(models.TextChoices):
        DEDICATED = "dedicated", _("dedicated by a decision")
        FOLLOW_UP = "follow_up", _("follow-up of decisions")
        CONGRESSES = "congresses", _("coming congresses")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = PlainCharField(
        _("title"),
        max_length=300,
        help_text=_("The subject, as the communiqué names it: “the bureau studied …”."),
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic, default=Topic.POLITICS)
    summary = PlainTextField(
        _("discussion summary"),
        blank=True,
        help_text=_(
            "The discussion's main points, as the communiqué goes on: “bearing in mind on "
            "this occasion …”."
        ),
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="agenda_items", verbose_name=_("regions")
    )
    provinces = models.ManyToManyField(
        Province, blank=True, related_name="agenda_items", verbose_name=_("provinces")
    )
    congresses = models.ManyToManyField(
        Congress, blank=True, related_name="agenda_items", verbose_name=_("congresses")
    )
    # Where a prepared item came from (see docs/meetings-cycle.md): the decision that dedicates
    # the meeting, or one of the standing proposals; each at most once per meeting.
    source_decision = models.ForeignKey(
        "Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placed_items",
        verbose_name=_("from decision"),
    )
    proposal = models.CharField(_("prepared as"), max_length=12, choices=Proposal, blank=True)
    reviewed_decisions = models.ManyToManyField(
        "Decision",
        blank=True,
        related_name="reviewed_in",
        verbose_name=_("decisions reviewed"),
        help_text=_("Earlier decisions whose follow-up this item reviews."),
    )

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="meetings_agendaitem_unique_order",
                violation_error_message=_("Two agenda items of a meeting cannot share a position."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "source_decision"],
                name="meetings_agendaitem_decision_once",
                violation_error_message=_("This decision is already on this meeting's agenda."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "proposal"],
                condition=Q(proposal__in=["follow_up", "congresses"]),
                name="meetings_agendaitem_proposal_once",
                violation_error_message=_("This item is already on this meeting's agenda."),
            ),
        ]

    def __str__(self):
        return f"{self.order}. {self.title}"


class Decision(models.Model):
    """What the bureau resolved under an agenda item; its kind is the communiqué's verb."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("decision (decided)")
        APPROVAL = "approval", _("approval (approved)")
        RECOMMENDATION = "recommendation", _("recommendation (recommended)")
        POSITION = "position", _("position (recorded)")
        STATEMENT = "statement", _("statement (affirmed)")
        COMMENDATION = "commendation", _("commendation (commended)")
        CONGRATULATION = "congratulation", _("congratulation (congratulated)")
        EVALUATION = "evaluation", _("evaluation (evaluated)")

    class FollowUp(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DECISION)
    text = PlainTextField(
        _("text"), help_text=_("What follows the verb, e.g. “to dedicate its next meeting to …”.")
    )
    responsible_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("responsible person"),
    )
    responsible_body = PlainCharField(_("responsible body"), max_length=200, blank=True)
    due_date = models.DateField(
        _("due date"), null=True, blank=True, validators=[validate_sensible_date]
    )
    target_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dedicating_decisions",
        verbose_name=_("target meeting"),
        help_text=_("The meeting this decision is due at, or that it dedicates to a topic."),
    )
    target_organ = models.CharField(
        _("next meeting of"),
        max_length=20,
        choices=Meeting.Organ,
        blank=True,
        help_text=_(
            "When the target meeting is not planned yet: the next meeting of this organ, "
            "found when it is created."
        ),
    )
    # The current state, copied from the latest follow-up entry (meetings.followup keeps it).
    follow_up = models.CharField(
        _("follow-up"),
        max_length=15,
        choices=FollowUp,
        blank=True,
        help_text=_("Leave empty when the decision asks for no action."),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    followed_up_at = models.DateTimeField(_("last follow-up"), null=True, blank=True)

    class Meta:
        ordering = ["agenda_item", "order"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100),
                name="meetings_decision_progress_percent",
                violation_error_message=_("Progress is a percentage, from 0 to 100."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:80]}"

    def clean(self):
        meeting = self.agenda_item.meeting if self.agenda_item_id else None
        if meeting and self.due_date:
            held_on = timezone.localtime(meeting.starts_at).date()
            if self.due_date < held_on:
                raise ValidationError(
                    {"due_date": _("A decision cannot fall due before the meeting that took it.")}
                )
