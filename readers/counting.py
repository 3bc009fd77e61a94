"""View counts (see docs/readers.md).

A reader's page loads a static script that sends one beacon POST. The beacon ignores bots
(user agent), prefetches and prerenders (Sec-Purpose / Purpose headers) and a reader who comes
back within REPEAT_SECONDS. A reader is recognised by a salted hash of address, browser and
communiqué, kept in Redis only for those 30 minutes; the salt is random and changes daily, so
the hash cannot be traced back once it expires. Nothing else about the reader is kept.

Counts are incremented in one Redis hash shared by every app host, and moved into
``ViewCount`` rows by the periodic job ``flush_view_counts``. A flush first renames the hash
(so increments arriving meanwhile start a new one), then adds the batch to the database in one
transaction that also records the batch's token: run twice, or after a crash between the
commit and the deletion, it never adds a batch twice.

Without READERS_REDIS_URL (development), the Django cache recognises readers and views go
straight to the database.
"""

import datetime
import hashlib
import logging
import re
import secrets
import uuid
from functools import lru_cache

import redis
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from meetings.models import Communique

from .addresses import client_address
from .models import FlushedBatch, ViewCount

log = logging.getLogger(__name__)

REPEAT_SECONDS = 30 * 60
SALT_SECONDS = 2 * 24 * 3600
PENDING_KEY = "readers:views:pending"
FLUSHING_PREFIX = "readers:views:flushing:"
SALT_KEY = "readers:views:salt:"
SEEN_PREFIX = "readers:views:seen:"

BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|scrape|fetch|preview|monitor|headless|phantom|python|curl|wget|"
    r"httpclient|java/|okhttp|go-http|libwww|facebookexternalhit|whatsapp|telegram|lighthouse",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_AGENTS.search(user_agent))


def is_prefetch(request) -> bool:
    purpose = (
        request.headers.get("Sec-Purpose", "")
        + request.headers.get("Purpose", "")
        + request.headers.get("X-Purpose", "")
        + request.headers.get("X-Moz", "")
    )
    return "prefetch" in purpose.lower() or "preview" in purpose.lower()


@lru_cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)


def client() -> redis.Redis | None:
    url = getattr(settings, "READERS_REDIS_URL", "")
    return _client(url) if url else None


def month_of(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def _field(communique_id: int, month: datetime.date) -> str:
    return f"{communique_id}:{month:%Y-%m}"


def _reader_key(salt: bytes, request, communique_id: int) -> str:
    reader = "|".join([client_address(request), request.headers.get("User-Agent", "")])
    digest = hashlib.sha256(salt + f"{reader}|{communique_id}".encode()).hexdigest()
    return SEEN_PREFIX + digest[:32]


_salts: dict[str, bytes] = {}


def _shared_salt(connection: redis.Redis, salt_key: str) -> bytes:
    """Today's salt, the same on every host (the first to ask sets it); kept in memory after."""
    if salt_key not in _salts:
        connection.set(salt_key, secrets.token_hex(16), nx=True, ex=SALT_SECONDS)
        salt = connection.get(salt_key)
        if not salt:
            return b""
        _salts.clear()  # yesterday's goes
        _salts[salt_key] = salt
    return _salts[salt_key]


def record_view(request, communique_id: int, now=None) -> bool:
    """Count this reader's view of a communiqué if it is one; True when it was counted."""
    if is_bot(request.headers.get("User-Agent", "")) or is_prefetch(request):
        return False
    now = now or timezone.now()
    salt_key = SALT_KEY + f"{now:%Y-%m-%d}"
    connection = client()
    if connection is None:
        # Development: the Django cache remembers the readers, the database counts.
        salt = cache.get_or_set(salt_key, secrets.token_hex(16), SALT_SECONDS).encode()
        if not cache.add(_reader_key(salt, request, communique_id), 1, REPEAT_SECONDS):
            return False
        return _record_in_database(communique_id, month_of(now))
    try:
        salt = _shared_salt(connection, salt_key)
        seen = _reader_key(salt, request, communique_id)
        if not connection.set(seen, 1, nx=True, ex=REPEAT_SECONDS):
            return False
        connection.hincrby(PENDING_KEY, _field(communique_id, month_of(now)), 1)
    except redis.RedisError:
        log.warning("View not counted: Redis is unreachable", exc_info=True)
        return False
    return True


def _record_in_database(communique_id: int, month: datetime.date) -> bool:
    updated = ViewCount.objects.filter(communique_id=communique_id, month=month).update(
        count=F("count") + 1
    )
    if not updated:
        ViewCount.objects.get_or_create(communique_id=communique_id, month=month)
        ViewCount.objects.filter(communique_id=communique_id, month=month).update(
            count=F("count") + 1
        )
    return True


def total_views(communique_id: int, now=None) -> int:
    """Views counted so far: those in the database plus those still waiting in Redis."""
    stored = ViewCount.objects.filter(communique_id=communique_id).aggregate(n=Sum("count"))["n"]
    return (stored or 0) + pending_views(communique_id, now)


def pending_views(communique_id: int, now=None) -> int:
    connection = client()
    if connection is None:
        return 0
    this_month = month_of(now or timezone.now())
    last_month = (this_month - datetime.timedelta(days=1)).replace(day=1)
    fields = [_field(communique_id, this_month), _field(communique_id, last_month)]
    try:
        values = connection.hmget(PENDING_KEY, fields)
    except redis.RedisError:
        return 0
    return sum(int(v) for v in values if v)


def flush_view_counts(now=None) -> int:
    """Periodic job: move the counts waiting in Redis to the database; returns how many views
    it moved. Safe to run on several hosts at once, or again after a crash."""
    connection = client()
    if connection is None:
        return 0
    moved = 0
    try:
        if connection.exists(PENDING_KEY):
            try:
                connection.rename(PENDING_KEY, FLUSHING_PREFIX + uuid.uuid4().hex)
            except redis.ResponseError:
                pass  # another host renamed it first: it is among the batches below
        for key in connection.scan_iter(match=FLUSHING_PREFIX + "*", count=100):
            moved += _flush_batch(connection, key.decode())
    except redis.RedisError:
        log.warning("View counts not flushed: Redis is unreachable", exc_info=True)
    return moved


def _flush_batch(connection: redis.Redis, key: str) -> int:
    counts = connection.hgetall(key)
    token = key.removeprefix(FLUSHING_PREFIX)
    moved = 0
    parsed = []
    for field, value in counts.items():
        communique_id, month = field.decode().split(":")
        parsed.append((int(communique_id), datetime.date.fromisoformat(f"{month}-01"), int(value)))
    existing = set(
        Communique.objects.filter(pk__in={c for c, _m, _v in parsed}).values_list("pk", flat=True)
    )
    with transaction.atomic():
        _batch, created = FlushedBatch.objects.get_or_create(token=token)
        if created:
            for communique_id, month, value in parsed:
                if communique_id not in existing:
                    continue  # deleted since it was read
                ViewCount.objects.get_or_create(communique_id=communique_id, month=month)
                ViewCount.objects.filter(communique_id=communique_id, month=month).update(
                    count=F("count") + value
                )
                moved += value
    connection.delete(key)
    # A batch's token only has to outlive the retries of its own flush.
    FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - datetime.timedelta(days=7)).delete()
    return moved
