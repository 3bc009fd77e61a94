"""Email subscription with double opt-in (see docs/readers.md).

A request stores the address as unconfirmed and mails a signed link that expires after
READERS_CONFIRM_DAYS; confirming deletes the request and records the subscriber with the time
of consent. A link works once: a second click finds no request. Unsubscribing deletes the
subscriber.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .mailing import send_confirmation
from .models import PendingSubscription, Subscriber

CONFIRM_SALT = "readers.subscription.confirm"


class SubscriptionError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def request_subscription(email: str, language: str) -> PendingSubscription:
    email = email.strip().lower()
    pending = PendingSubscription.objects.create(email=email, language=language)
    token = signing.dumps({"n": pending.nonce}, salt=CONFIRM_SALT)
    transaction.on_commit(lambda: send_confirmation.enqueue(pending.pk, token))
    return pending


def confirm(token: str, now=None) -> Subscriber:
    """Turn a request into a subscription; raises SubscriptionError with the reason."""
    max_age = settings.READERS_CONFIRM_DAYS * 24 * 3600
    try:
        nonce = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)["n"]
    except signing.SignatureExpired as error:
        raise SubscriptionError(
            _("This confirmation link has expired: subscribe again to get a new one.")
        ) from error
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise SubscriptionError(_("This confirmation link is not valid.")) from error
    with transaction.atomic():
        pending = PendingSubscription.objects.select_for_update().filter(nonce=nonce).first()
        if pending is None:
            raise SubscriptionError(
                _("This confirmation link has already been used (or has expired).")
            )
        subscriber, _created = Subscriber.objects.get_or_create(
            email=pending.email,
            language=pending.language,
            defaults={"consented_at": now or timezone.now()},
        )
        PendingSubscription.objects.filter(email=pending.email, language=pending.language).delete()
    return subscriber


def unsubscribe(token: str) -> Subscriber:
    """Delete the subscriber; raises SubscriptionError when there is none (any more)."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise SubscriptionError(
            _("This address is not subscribed (any more): there is nothing to do.")
        )
    subscriber.delete()
    return subscriber
