"""A communiqué's audit trail and revisions: written by the workflow only."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.dates import date_time
from common.text import PlainCharField, PlainTextField

from .communique import Communique


class CommuniqueTransition(models.Model):
    """One step of a communiqué's workflow: who moved it from where to where, and why."""

    communique = models.ForeignKey(
        Communique,
        on_delete=models.CASCADE,
        related_name="transitions",
        verbose_name=_("communiqué"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=10, choices=Communique.Status, blank=True)
    to_status = models.CharField(_("to"), max_length=10, choices=Communique.Status)
    comment = PlainTextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class CommuniqueRevision(models.Model):
    """The title and body of one language as they were after a save."""

    communique = models.ForeignKey(
        Communique, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("communiqué")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    title = PlainCharField(_("title"), max_length=300)
    body = PlainTextField(_("body"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    note = PlainCharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.get_language_display()} — {date_time(self.created_at)}"
