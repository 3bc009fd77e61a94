"""Reader replies: when they are open, and moderation (see docs/readers.md)."""

import datetime
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models import Communique

from .models import Reply, ReplyClosure
from .signals import replies_changed


def closed_reason(communique: Communique, now=None, *, closed: bool | None = None) -> str:
    """Why a reader may not reply to this communiqué now, or "" when they may. ``closed``:
    whether a moderator closed them, when the caller already knows."""
    now = now or timezone.now()
    if communique.status == Communique.Status.WITHDRAWN:
        return _("This communiqué was withdrawn: replies are closed.")
    public = (Communique.Status.PUBLISHED, Communique.Status.SCHEDULED)
    if communique.status not in public or not communique.published_at <= now:
        return _("This communiqué is not public: replies are closed.")
    if closed is None:
        closed = ReplyClosure.objects.filter(communique=communique).exists()
    if closed:
        return _("Replies to this communiqué are closed.")
    days = settings.READERS_REPLY_DAYS
    if days and communique.published_at < now - datetime.timedelta(days=days):
        return _("Replies close %(days)s days after publication.") % {"days": days}
    return ""


def approved_replies(communique: Communique):
    # With the communiqué's id: the related manager reads it to attach `communique` to each
    # reply, and would fetch it row by row were it deferred.
    return communique.replies.approved().only("communique_id", "name", "text", "created_at")


def moderate(replies, status: str, moderator) -> int:
    """Set the status of these replies in bulk; the pages whose visible replies changed are
    refreshed once the change is committed. Returns how many replies changed."""
    replies = replies.exclude(status=status)
    affected = set(
        replies.filter(status=Reply.Status.APPROVED).values_list("communique_id", flat=True)
    )
    if status == Reply.Status.APPROVED:
        affected |= set(replies.values_list("communique_id", flat=True))
    with transaction.atomic():
        changed = replies.update(status=status, moderated_by=moderator, moderated_at=timezone.now())
        if affected:
            communiques = list(Communique.objects.filter(pk__in=affected))
            transaction.on_commit(
                partial(replies_changed.send, sender=Reply, communiques=communiques)
            )
    return changed
