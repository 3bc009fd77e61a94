"""Outgoing mail through the task queue, for any app (see docs/notifications.md).

``send()`` records the message and queues its delivery once the caller's transaction has
committed. The ``deliver`` task sends it, retrying with backoff when SMTP fails; the row's
unique key and its status, read under a row lock, make a message go out at most once even
when the task runs twice. ``retry_stale`` (a periodic job) re-queues what a lost task left.
"""

import datetime
import logging
from collections.abc import Callable
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import Mail

log = logging.getLogger(__name__)

# Waits before the 2nd, 3rd... attempt; after the last one the message is given up.
BACKOFF = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=6),
]
MAX_ATTEMPTS = len(BACKOFF) + 1
# A pending message this late has lost its queued task (a worker stopped mid-way...).
STALE_AFTER = datetime.timedelta(minutes=10)
# The queue's clock (the database's) and the worker's may differ a little.
CLOCK_SKEW = datetime.timedelta(seconds=30)

_guards: dict[str, Callable[..., bool]] = {}


def register_guard(name: str, check: Callable[..., bool]) -> None:
    """Register ``check(**guard_args)``: False when the message is no longer wanted."""
    _guards[name] = check


def send(
    *,
    key: str,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    language: str = "",
    guard: str = "",
    guard_args: dict | None = None,
) -> Mail | None:
    """Queue one message under ``key``; returns it, or None when ``key`` was already used
    (nothing is queued twice). Safe inside a transaction: delivery starts after commit."""
    if guard and guard not in _guards:
        raise ValueError(f"Unknown mail guard {guard!r}")
    mail, created = Mail.objects.get_or_create(
        key=key,
        defaults={
            "to": to,
            "subject": subject,
            "text": text,
            "html": html,
            "language": language,
            "guard": guard,
            "guard_args": guard_args or {},
            "next_attempt_at": timezone.now(),
        },
    )
    if not created:
        return None
    transaction.on_commit(partial(enqueue, mail.pk))
    return mail


def enqueue(mail_id: int, run_after: datetime.datetime | None = None) -> None:
    """Queue a delivery; a queue that refuses leaves the row to ``retry_stale``."""
    job = deliver
    if run_after is not None:
        if not deliver.get_backend().supports_defer:
            return  # the inline backend cannot wait: retry_stale re-queues it when due
        job = deliver.using(run_after=run_after)
    try:
        job.enqueue(mail_id)
    except Exception:  # a queue failure must never fail the step that queued the message
        log.exception("Could not queue mail %s; retry_stale will", mail_id)


@task()
def deliver(mail_id: int) -> str:
    """Send one queued message; returns its status afterwards."""
    now = timezone.now()
    with transaction.atomic():
        mail = Mail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.status != Mail.Status.PENDING:
            return mail.status if mail else "gone"
        if mail.next_attempt_at and mail.next_attempt_at > now + CLOCK_SKEW:
            return "not yet"  # a duplicate queued before its time: the retry will come
        if mail.guard and not _guards[mail.guard](**mail.guard_args):
            mail.status = Mail.Status.CANCELLED
            mail.save(update_fields=["status"])
            return mail.status
        mail.attempts += 1
        try:
            _message(mail).send()
        except Exception as error:  # SMTP down, refused, timed out...: retried below
            log.warning("Mail %s: attempt %s failed", mail.pk, mail.attempts, exc_info=True)
            mail.last_error = f"{type(error).__name__}: {error}"[:2000]
            if mail.attempts >= MAX_ATTEMPTS:
                mail.status = Mail.Status.FAILED
                mail.next_attempt_at = None
            else:
                mail.next_attempt_at = now + BACKOFF[mail.attempts - 1]
                transaction.on_commit(partial(enqueue, mail.pk, mail.next_attempt_at))
        else:
            mail.status = Mail.Status.SENT
            mail.sent_at = timezone.now()
            mail.next_attempt_at = None
        mail.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"])
        return mail.status


def _message(mail: Mail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        headers={"Auto-Submitted": "auto-generated"},
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    return message


def retry_stale(now: datetime.datetime) -> int:
    """Periodic job: queue again every pending message whose attempt is overdue."""
    late = Mail.objects.filter(
        status=Mail.Status.PENDING, next_attempt_at__lte=now - STALE_AFTER
    ).values_list("pk", flat=True)
    ids = list(late)
    for mail_id in ids:
        enqueue(mail_id)
    return len(ids)
