"""What readers leave behind: view counts, moderated replies and email subscriptions
(see docs/readers.md). Nothing here keeps an IP address."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.text import PlainCharField
from meetings.models import Communique


class ViewCount(models.Model):
    """How many readers opened a communiqué in one month (flushed from Redis by a periodic
    job, see readers/counting.py)."""

    communique = models.ForeignKey(
        Communique,
        on_delete=models.CASCADE,
        related_name="view_counts",
        verbose_name=_("communiqué"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        ordering = ["-month", "-count"]
        verbose_name = _("view count")
        verbose_name_plural = _("view counts")
        constraints = [
            models.UniqueConstraint(
                fields=["communique", "month"], name="readers_viewcount_one_per_month"
            ),
        ]

    def __str__(self):
        return f"{self.communique} — {self.month:%Y-%m}: {self.count}"


class FlushedBatch(models.Model):
    """A batch of counts moved from Redis, recorded in the same transaction as the counts: a
    flush retried after a crash finds it and does not add the batch twice."""

    token = models.CharField(max_length=64, unique=True)
    flushed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.token


class ReplyQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Reply.Status.APPROVED)

    def pending(self):
        return self.filter(status=Reply.Status.PENDING)


class Reply(models.Model):
    """A reader's reply under a communiqué, shown only once a moderator approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        SPAM = "spam", _("spam")

    communique = models.ForeignKey(
        Communique, on_delete=models.CASCADE, related_name="replies", verbose_name=_("communiqué")
    )
    name = PlainCharField(_("name"), max_length=80)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Never shown; only for the moderators.")
    )
    text = models.TextField(_("reply"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    objects = ReplyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reader reply")
        verbose_name_plural = _("reader replies")
        permissions = [("moderate_reply", _("Can approve, reject or mark reader replies as spam"))]
        indexes = [models.Index(fields=["communique", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"


class ReplyClosure(models.Model):
    """Replies closed on one communiqué (they also close by themselves after
    READERS_REPLY_DAYS days)."""

    communique = models.OneToOneField(
        Communique,
        on_delete=models.CASCADE,
        related_name="reply_closure",
        verbose_name=_("communiqué"),
    )
    closed_at = models.DateTimeField(_("closed at"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    class Meta:
        verbose_name = _("closed replies")
        verbose_name_plural = _("closed replies")

    def __str__(self):
        return str(self.communique)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class PendingSubscription(models.Model):
    """An address that asked to subscribe and has not confirmed yet: deleted on confirmation,
    and purged once its link has expired."""

    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    nonce = models.CharField(max_length=64, unique=True, default=new_token)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)

    class Meta:
        verbose_name = _("unconfirmed subscription")
        verbose_name_plural = _("unconfirmed subscriptions")

    def __str__(self):
        return f"{self.email} ({self.language})"


class Subscriber(models.Model):
    """A confirmed address: it receives the communiqués that exist in its language. Deleted,
    not flagged, when it unsubscribes."""

    email = models.EmailField(_("email"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    consented_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        ordering = ["-consented_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "language"], name="readers_subscriber_once_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.language})"


class Mailing(models.Model):
    """One sending of a communiqué to the subscribers: number 1 when it is published, a
    further number only when a publisher asks for a correction to be sent."""

    communique = models.ForeignKey(
        Communique, on_delete=models.CASCADE, related_name="mailings", verbose_name=_("communiqué")
    )
    number = models.PositiveSmallIntegerField(_("sending"), default=1)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")
        constraints = [
            models.UniqueConstraint(
                fields=["communique", "number"], name="readers_mailing_once_per_number"
            ),
        ]

    def __str__(self):
        return f"{self.communique} #{self.number}"


class Delivery(models.Model):
    """One message of a mailing to one subscriber: the unique pair makes a retried batch skip
    whoever already received it."""

    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("mailing")
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="+", verbose_name=_("subscriber")
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "subscriber"], name="readers_delivery_once_per_subscriber"
            ),
        ]
        indexes = [
            models.Index(
                fields=["mailing"], condition=Q(sent_at__isnull=True), name="readers_unsent"
            )
        ]

    def __str__(self):
        return f"{self.mailing} → {self.subscriber_id}"


class CommuniqueViews(Communique):
    """The communiqués as the admin's view count list shows them."""

    class Meta:
        proxy = True
        verbose_name = _("views of a communiqué")
        verbose_name_plural = _("views per communiqué")
