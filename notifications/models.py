"""What notifications keep: each user's preferences, the in-admin notifications, and the
outgoing mail queue (one row per message, the record that it is sent once)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    COMMUNIQUE_SUBMITTED = "communique_submitted", _("A communiqué awaits approval")
    CHANGES_REQUESTED = "changes_requested", _("Changes are requested on my communiqué")
    COMMUNIQUE_APPROVED = "communique_approved", _("A communiqué awaits publication")
    COMMUNIQUE_PUBLISHED = "communique_published", _("My communiqué is published")
    COMMUNIQUE_SCHEDULED = "communique_scheduled", _("My communiqué is scheduled")
    COMMUNIQUE_WITHDRAWN = "communique_withdrawn", _("My communiqué is withdrawn")
    COMMUNIQUE_CORRECTED = "communique_corrected", _("My communiqué is corrected")
    CONGRESS_SUBMITTED = "congress_submitted", _("A congress outcome awaits validation")
    CONGRESS_VALIDATED = "congress_validated", _("My congress outcome is validated")
    CONGRESS_SENT_BACK = "congress_sent_back", _("My congress outcome is sent back")
    DECISION_DUE = "decision_due", _("A decision of mine is due in 3 days")
    DECISION_OVERDUE = "decision_overdue", _("A decision of mine is overdue")
    WEEKLY_DIGEST = "weekly_digest", _("Weekly digest of my decisions")
    SECRETARIAT_SUMMARY = "secretariat_summary", _("Weekly summary of every decision")
    MEETING_AGENDA = "meeting_agenda", _("The agenda of a meeting I attend, the day before")


class Language(models.TextChoices):
    ARABIC = "ar", "العربية"
    FRENCH = "fr", "Français"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class Preference(models.Model):
    """One user's language for messages, the events they want no email about, and the secret
    of their private calendar address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language of messages"),
        max_length=2,
        choices=Language,
        blank=True,
        help_text=_("Empty: the site's language."),
    )
    email_off = models.JSONField(
        _("events without email"),
        default=list,
        blank=True,
        help_text=_("Kinds of event this user is told about in the admin only."),
    )
    calendar_token = models.CharField(
        _("calendar token"), max_length=64, unique=True, default=new_calendar_token
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user)

    def message_language(self) -> str:
        return self.language or settings.LANGUAGE_CODE

    def wants_email(self, event: str) -> bool:
        return event not in self.email_off


class Mail(models.Model):
    """One outgoing message. Its unique ``key`` is what makes a message go out at most once
    for the same event and recipient, whoever queues it and however often the task runs."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("given up")
        CANCELLED = "cancelled", _("cancelled")

    key = models.CharField(_("key"), max_length=200, unique=True)
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("plain text"))
    html = models.TextField(_("HTML"), blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    # A named check run just before sending (see mail.register_guard): a message whose reason
    # has gone (a cancelled meeting) is cancelled instead of sent.
    guard = models.CharField(_("guard"), max_length=100, blank=True)
    guard_args = models.JSONField(_("guard arguments"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.to} — {self.subject}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """What a user is told, in the admin, whether or not an email goes with it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    event = models.CharField(_("event"), max_length=30, choices=Event)
    # Names the occurrence (e.g. one transition of one communiqué): one notification per
    # occurrence and recipient.
    key = models.CharField(_("key"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("link"), max_length=500)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    mail = models.ForeignKey(
        Mail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("email"),
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], name="notifications_once_per_event_and_recipient"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.title
