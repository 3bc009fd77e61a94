"""The public page cache, shared by every gunicorn host through `CACHE_URL`.

Every cached page records the *generation* it was made under, and is served only while that
generation is current. `invalidate_public_pages()` starts a new generation, so every page cached
before is forgotten at once, whatever the backend; one request reads both the generation and
the page in a single round trip. The
generation also remembers when the next scheduled communiqué becomes public: a page never
outlives that moment, and the first request after it starts a new generation by itself, so a
scheduled communiqué appears on time without any job having run.

Only anonymous GET/HEAD requests (no session cookie at all) read or fill the cache, and only
responses that set no cookie and are not marked private are stored: a page made for a logged-in
user, or a staff preview, never reaches a reader. When the backend is down (django-redis with
IGNORE_EXCEPTIONS) every lookup misses and pages are rendered each time: slower, never broken.
"""

import datetime
import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from meetings.models import Communique

GENERATION_KEY = "public-pages:generation"
# How long a page may stay cached when nothing invalidates it (a safety net, not a freshness
# rule: publication, correction and withdrawal invalidate at once).
PAGE_SECONDS = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)


def invalidate_public_pages() -> None:
    """Forget every cached public page: called after a communiqué is published, corrected or
    withdrawn (from transaction.on_commit)."""
    cache.set(GENERATION_KEY, _new_generation(timezone.now()), timeout=None)


def on_communique_changed(sender, *, public: bool, **kwargs) -> None:
    """Receiver of ``meetings.signals.communique_changed`` (sent after commit)."""
    if public:
        invalidate_public_pages()


def _new_generation(now: datetime.datetime) -> dict:
    upcoming = Communique.objects.filter(
        status=Communique.Status.SCHEDULED, published_at__gt=now
    ).aggregate(next=Min("published_at"))["next"]
    return {"token": uuid.uuid4().hex, "next": upcoming}


def _current_generation(stored: dict | None, now: datetime.datetime) -> dict:
    """The generation to use, given the one read from the cache (None when missing)."""
    if stored is None:
        fresh = _new_generation(now)
        if cache.add(GENERATION_KEY, fresh, timeout=None):
            return fresh
        # Another host added its own first: everybody uses the stored one (unless the cache
        # is down, where nothing is stored and nothing is shared).
        return cache.get(GENERATION_KEY) or fresh
    if stored["next"] is not None and stored["next"] <= now:
        # A scheduled communiqué has just become public: every page made before is stale.
        fresh = _new_generation(now)
        cache.set(GENERATION_KEY, fresh, timeout=None)
        return fresh
    return stored


def _page_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-pages:{get_language()}:{path}"


def _is_storable(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
    )


def private_response(response: HttpResponse) -> HttpResponse:
    """Mark a response that no cache, ours or anyone's, may keep (staff views, previews)."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def public_page(view):
    """Serve `view` from the shared page cache, with ETag and Last-Modified."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            response = view(request, *args, **kwargs)
            return private_response(response) if request.method in ("GET", "HEAD") else response
        now = timezone.now()
        # One round trip: the current generation and this page as last stored; the page is
        # good only if it was made under the current generation.
        key = _page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = _current_generation(found.get(GENERATION_KEY), now)
        entry = found.get(key)
        if entry is not None and entry["generation"] != generation["token"]:
            entry = None
        if entry is None:
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True) is False:
                response.render()  # a TemplateResponse (the sitemap)
            if not _is_storable(response):
                return response
            entry = {
                "generation": generation["token"],
                "content": response.content,
                "status": response.status_code,
                "headers": dict(response.items()),
                "etag": f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"',
                "modified": now.timestamp(),
            }
            timeout = PAGE_SECONDS
            if generation["next"] is not None:
                timeout = min(timeout, int((generation["next"] - now).total_seconds()))
            if timeout > 0:
                cache.set(key, entry, timeout=timeout)
        response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["modified"])
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        # A signed-in user gets another page (and no shared copy): say so to HTTP caches too.
        patch_vary_headers(response, ("Cookie",))
        return get_conditional_response(
            request, etag=entry["etag"], last_modified=int(entry["modified"]), response=response
        )

    return cached_view
