"""The API's answers in the shared cache (see docs/readers.md).

The public page cache keys a page on the query parameters the site's pages read (`page`, `q`);
the API reads others (`lang`, `from`, `to`, `region`), so it keeps its own entries, keyed on
the scheme, host, path and the whole query. They belong to a *generation* that every public
workflow step and every congress step replaces (readers/apps.py), and never outlive the next
scheduled publication.
"""

import hashlib
import uuid
from functools import wraps

from django.core.cache import cache
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone

from meetings.models import Communique

GENERATION_KEY = "readers-api:generation"
SECONDS = 600
KEPT_HEADERS = ("Content-Type", "Access-Control-Allow-Origin")


def invalidate(sender=None, **kwargs) -> None:
    """Receiver of the workflows' signals: every answer given so far is forgotten."""
    if kwargs.get("public", True):
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY) or "none"
    return generation


def _timeout(now) -> int:
    upcoming = Communique.objects.filter(
        status=Communique.Status.SCHEDULED, published_at__gt=now
    ).aggregate(next=Min("published_at"))["next"]
    if upcoming is None:
        return SECONDS
    return min(SECONDS, int((upcoming - now).total_seconds()))


def cached_answer(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        address = (request.scheme, request.get_host(), request.path, sorted(request.GET.lists()))
        digest = hashlib.sha256(repr((_generation(), address)).encode()).hexdigest()
        key = f"readers-api:{digest}"
        entry = cache.get(key)
        if entry is None:
            response = view(request, *args, **kwargs)
            if response.status_code not in (200, 400, 404):
                return response
            entry = {
                "content": response.content,
                "status": response.status_code,
                "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
            }
            timeout = _timeout(timezone.now())
            if timeout > 0:
                cache.set(key, entry, timeout=timeout)
        return HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])

    return wrapper
