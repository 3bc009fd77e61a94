"""Mail to subscribers, sent by the task queue (see docs/readers.md).

A publication creates one ``Mailing`` (number 1: a second publish signal finds it and sends
nothing). Its subscribers are walked in batches of READERS_MAIL_BATCH, each batch a task; a
``Delivery`` row per subscriber and mailing makes a retried batch skip whoever already got the
message. A message that fails is retried by a later task, with a growing delay, up to
MAX_ATTEMPTS times.
"""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import default_task_backend, task

from meetings.models import Communique

from .models import Delivery, Mailing, PendingSubscription, Subscriber

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _later(task_, attempt: int):
    """The task to enqueue for a retry: delayed where the backend can delay."""
    if not default_task_backend.supports_defer:
        return task_
    delay = datetime.timedelta(minutes=2**attempt)
    return task_.using(run_after=timezone.now() + delay)


# Publication -----------------------------------------------------------------------------------


def on_communique_changed(sender, *, communique, action, **kwargs) -> None:
    """Receiver of ``meetings.signals.communique_changed``: a publication is mailed once."""
    if action not in ("publish", "publish_due"):
        return
    mailing, created = Mailing.objects.get_or_create(communique=communique, number=1)
    if created:
        start(mailing)


def resend(communique: Communique, *, requested_by) -> Mailing:
    """Send a public communiqué again (after a correction), because a publisher asked."""
    with transaction.atomic():
        last = (
            Mailing.objects.select_for_update()
            .filter(communique=communique)
            .order_by("-number")
            .first()
        )
        mailing = Mailing.objects.create(
            communique=communique,
            number=(last.number + 1) if last else 1,
            requested_by=requested_by,
        )
    start(mailing)
    return mailing


def start(mailing: Mailing) -> None:
    transaction.on_commit(partial(send_mailing_batch.enqueue, mailing.pk, 0))


@task()
def send_mailing_batch(mailing_id: int, after: int) -> int:
    """Create the deliveries of the next batch of subscribers after ``after``, chain the next
    batch, and send this one. Returns how many messages went out."""
    mailing = Mailing.objects.select_related("communique").get(pk=mailing_id)
    communique = mailing.communique
    if not Communique.objects.public().filter(pk=communique.pk).exists():
        return 0  # withdrawn meanwhile
    subscribers = list(
        Subscriber.objects.filter(language__in=communique.languages(), pk__gt=after)
        .order_by("pk")
        .values_list("pk", flat=True)[: settings.READERS_MAIL_BATCH]
    )
    if not subscribers:
        return 0
    Delivery.objects.bulk_create(
        [Delivery(mailing=mailing, subscriber_id=pk) for pk in subscribers], ignore_conflicts=True
    )
    if len(subscribers) == settings.READERS_MAIL_BATCH:
        transaction.on_commit(partial(send_mailing_batch.enqueue, mailing_id, subscribers[-1]))
    return _deliver(mailing, subscribers, attempt=1)


@task()
def retry_deliveries(mailing_id: int, subscriber_ids: list[int], attempt: int) -> int:
    mailing = Mailing.objects.select_related("communique").get(pk=mailing_id)
    return _deliver(mailing, subscriber_ids, attempt=attempt)


def _deliver(mailing: Mailing, subscriber_ids: list[int], *, attempt: int) -> int:
    deliveries = (
        Delivery.objects.filter(mailing=mailing, subscriber_id__in=subscriber_ids)
        .filter(sent_at__isnull=True)
        .select_related("subscriber")
    )
    sent, failed = 0, []
    with get_connection() as connection:
        for delivery in deliveries:
            message = communique_message(mailing.communique, delivery.subscriber)
            message.connection = connection
            try:
                message.send()
            except Exception as error:  # noqa: BLE001 - one bad address must not stop a batch
                log.warning(
                    "Mailing %s to subscriber %s failed", mailing.pk, delivery.subscriber_id
                )
                Delivery.objects.filter(pk=delivery.pk).update(
                    attempts=attempt, error=str(error)[:300]
                )
                failed.append(delivery.subscriber_id)
                continue
            Delivery.objects.filter(pk=delivery.pk).update(
                sent_at=timezone.now(), attempts=attempt, error=""
            )
            sent += 1
    if failed and attempt < MAX_ATTEMPTS:
        retry = _later(retry_deliveries, attempt)
        transaction.on_commit(partial(retry.enqueue, mailing.pk, failed, attempt + 1))
    return sent


def communique_message(communique: Communique, subscriber: Subscriber) -> EmailMessage:
    with translation.override(subscriber.language):
        unsubscribe_url = absolute(reverse("readers:unsubscribe", args=[subscriber.token]))
        context = {
            "title": getattr(communique, f"title_{subscriber.language}") or communique.title_ar,
            "body": getattr(communique, f"body_{subscriber.language}") or communique.body_ar,
            "url": absolute(communique.get_absolute_url()),
            "unsubscribe_url": unsubscribe_url,
            "communique": communique,
        }
        body = render_to_string("readers/email/communique.txt", context)
    return EmailMessage(
        subject=context["title"],
        body=body,
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


# Confirmation ----------------------------------------------------------------------------------


@task()
def send_confirmation(pending_id: int, token: str, attempt: int = 1) -> bool:
    """Mail the confirmation link of a subscription request; retried when the server fails."""
    pending = PendingSubscription.objects.filter(pk=pending_id).first()
    if pending is None:
        return False  # confirmed or purged meanwhile
    with translation.override(pending.language):
        context = {"confirm_url": absolute(reverse("readers:confirm", args=[token]))}
        subject = render_to_string("readers/email/confirm_subject.txt", context).strip()
        body = render_to_string("readers/email/confirm.txt", context)
    try:
        EmailMessage(subject=subject, body=body, to=[pending.email]).send()
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            raise
        log.warning("Confirmation mail failed (attempt %s), retrying", attempt)
        _later(send_confirmation, attempt).enqueue(pending_id, token, attempt + 1)
        return False
    return True


def purge_pending(now=None) -> int:
    """Periodic job: forget requests whose confirmation link has expired."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.READERS_CONFIRM_DAYS)
    deleted, _ = PendingSubscription.objects.filter(requested_at__lt=limit).delete()
    return deleted
