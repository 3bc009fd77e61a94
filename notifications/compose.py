"""Messages as their recipient reads them: one structure, rendered as plain text and as HTML
in the recipient's language (Arabic right to left), with absolute links from SITE_URL."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_bidi

from . import mail
from .models import Notification, Preference


@dataclass
class Message:
    subject: str
    intro: str
    link: str  # absolute URL of the admin page concerned
    link_label: str
    items: list[str] = field(default_factory=list)
    comment: str = ""

    def __post_init__(self):
        # A header is one line: a title with a line break must not break the mail.
        self.subject = " ".join(str(self.subject).splitlines()).strip()[:300]


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def admin_url(name: str, *args) -> str:
    return absolute(reverse(f"admin:{name}", args=args))


def preference_of(user) -> Preference:
    try:
        return user.notification_preference
    except Preference.DoesNotExist:
        return Preference(user=user)


def render(message: Message, language: str) -> tuple[str, str]:
    """The plain-text and HTML parts, in the active language."""
    context = {
        "message": message,
        "language": language,
        "direction": "rtl" if get_language_bidi() else "ltr",
        "settings_link": admin_url("notifications_preference_mine"),
    }
    return (
        render_to_string("notifications/email/message.txt", context),
        render_to_string("notifications/email/message.html", context),
    )


def notify(
    event: str,
    key: str,
    recipients: Iterable,
    compose: Callable[..., Message],
    *,
    guard: str = "",
    guard_args: dict | None = None,
) -> int:
    """Tell each active recipient once about this occurrence of ``event``: a notification in
    the admin, and an email when they have an address and want one. ``compose(user)`` runs
    in the recipient's language. Returns how many were told (none twice)."""
    told = 0
    seen = set()
    for user in recipients:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        preference = preference_of(user)
        language = preference.message_language()
        with translation.override(language):
            message = compose(user)
            with transaction.atomic():
                notification, created = Notification.objects.get_or_create(
                    recipient=user,
                    key=key,
                    defaults={"event": event, "title": message.subject, "url": message.link},
                )
                if not created:
                    continue
                told += 1
                if user.email and preference.wants_email(event):
                    text, html = render(message, language)
                    notification.mail = mail.send(
                        key=f"{key}:user-{user.pk}",
                        to=user.email,
                        subject=message.subject,
                        text=text,
                        html=html,
                        language=language,
                        guard=guard,
                        guard_args=guard_args,
                    )
                    notification.save(update_fields=["mail"])
    return told
