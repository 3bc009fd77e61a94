"""The public page cache, shared by every gunicorn host through `CACHE_URL` (see
docs/performance.md).

Two layers:

- `PageCacheMiddleware`, placed before the session, locale, CSRF, auth and message middleware,
  answers a cache hit by itself: an anonymous GET or HEAD (no session cookie at all) is looked up
  under a normalised key, together with the cache *generation*, in one round trip, and the
  stored bytes go back without sessions, auth, messages, CSRF, the URL resolver or a template.
  On a miss it lets the request through and stores what comes back, if the view allows it.
- `public_page`, the decorator on every public view, is what allows it: it marks the response
  as a public page and names the query parameters the view reads. For a signed-in user it
  marks the response private instead, so a page made for staff never reaches a reader.

Every cached page records the generation it was made under and is served only while that
generation is current. `invalidate_public_pages()` starts a new generation, so every page cached
before is forgotten at once. The generation also remembers when the next scheduled communiqué
becomes public: a page never outlives that moment, and the first request after it starts a new
generation by itself, so a scheduled communiqué appears on time without any job having run.

The key holds the scheme, the host, the path and the known query parameters only, normalised
(`?page=01&utm_source=x` and `?page=1` are one page, the first page is the bare path): an unknown
parameter never makes a new entry. When the backend fails, a circuit breaker skips it for
`PUBLIC_PAGE_CACHE_BREAKER_SECONDS` and logs one line: pages are then rendered as with no cache.

With a read replica (``DATABASE_REPLICA_URL``), an anonymous reader's page is rendered from it,
but a generation records the primary's WAL position when it starts, and until the replica has
replayed that position pages are rendered from the primary: a page is never refilled from a
replica that has not yet seen the publication (see ``common.replica`` and docs/deploy.md).
"""

import datetime
import hashlib
import logging
import time
import unicodedata
import uuid
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.exceptions import DisallowedHost, MiddlewareNotUsed
from django.db.models import Min
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from redis.exceptions import RedisError

from common import replica
from common.malformed import query_problem
from meetings.models import Communique

from .search import MAX_QUERY_LENGTH, parse_query

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
# How long a page may stay cached when nothing invalidates it (a safety net, not a freshness
# rule: publication, correction and withdrawal invalidate at once).
PAGE_SECONDS = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)
BREAKER_SECONDS = getattr(settings, "PUBLIC_PAGE_CACHE_BREAKER_SECONDS", 10)
CACHE_ALIAS = "pages"
# What a failing cache backend raises: Redis's errors, and sockets' for the others.
CACHE_ERRORS = (RedisError, OSError)


# The circuit breaker ----------------------------------------------------------------------------


class Breaker:
    """Skips the cache for `seconds` after a call to it failed, and says so in one log line.

    Per process (each gunicorn worker has its own): a dead Redis costs each worker one failed
    call every `seconds`, instead of a timeout and a traceback on every request. A generation
    that could not be started while the cache was unreachable is started as soon as it answers
    again, so a publication made during an outage is not hidden behind pages cached before it.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.open_until = 0.0
        self.missed_invalidation = False

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def call(self, operation: Callable, *args, default=None, **kwargs):
        if self.is_open:
            return default
        try:
            result = operation(*args, **kwargs)
        except CACHE_ERRORS as error:
            self.open_until = time.monotonic() + self.seconds
            logger.warning(
                "Page cache unreachable (%s: %s); rendering pages without it for %s s.",
                type(error).__name__,
                error,
                self.seconds,
            )
            return default
        return result

    def reset(self) -> None:
        self.open_until = 0.0
        self.missed_invalidation = False
        local_pages.clear()


breaker = Breaker(BREAKER_SECONDS)


def page_store():
    return caches[CACHE_ALIAS]


class LocalPages:
    """This process's copy of the pages it served lately, in front of the shared cache.

    A copy is served only while this process's copy of the generation was read from the shared
    cache less than `PUBLIC_PAGE_CACHE_LOCAL_SECONDS` ago (0.5 s): past that, the next request
    reads the generation and its page again in one round trip, and a new generation empties
    the copy. A publication therefore reaches every reader of every host within that time,
    and at once in the process that made it.
    """

    size = 200

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.generation = None
        self.checked = 0.0
        self.pages = OrderedDict()

    def fresh_generation(self) -> dict | None:
        seconds = getattr(settings, "PUBLIC_PAGE_CACHE_LOCAL_SECONDS", 0.5)
        if self.generation is not None and time.monotonic() - self.checked < seconds:
            return self.generation
        return None

    def remember(self, generation: dict | None) -> None:
        if generation is None or generation != self.generation:
            self.pages.clear()
        self.generation = generation
        self.checked = time.monotonic()

    def get(self, key: str) -> dict | None:
        return self.pages.get(key)

    def put(self, key: str, entry: dict) -> None:
        if self.generation is not None and entry["generation"] == self.generation["token"]:
            self.pages[key] = entry
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


local_pages = LocalPages()


# Generations ------------------------------------------------------------------------------------


def invalidate_public_pages() -> None:
    """Forget every cached public page: called after a communiqué is published, corrected or
    withdrawn (from transaction.on_commit)."""
    local_pages.clear()
    generation = _new_generation(timezone.now())
    done = breaker.call(page_store().set, GENERATION_KEY, generation, timeout=None, default=False)
    breaker.missed_invalidation = done is False


def on_communique_changed(sender, *, public: bool, **kwargs) -> None:
    """Receiver of ``meetings.signals.communique_changed`` (sent after commit)."""
    if public:
        invalidate_public_pages()


def _new_generation(now: datetime.datetime) -> dict:
    upcoming = Communique.objects.filter(
        status=Communique.Status.SCHEDULED, published_at__gt=now
    ).aggregate(next=Min("published_at"))["next"]
    # Read after the publication's commit: the position the replica must reach first.
    position = replica.publication_position()
    return {"token": uuid.uuid4().hex, "next": upcoming, "position": position}


def _current_generation(stored: dict | None, now: datetime.datetime) -> dict:
    """The generation to use, given the one read from the cache (None when missing)."""
    if stored is None:
        fresh = _new_generation(now)
        if breaker.call(page_store().add, GENERATION_KEY, fresh, timeout=None):
            return fresh
        # Another host added its own first: everybody uses the stored one.
        return breaker.call(page_store().get, GENERATION_KEY) or fresh
    if stored["next"] is not None and stored["next"] <= now:
        # A scheduled communiqué has just become public: every page made before is stale.
        fresh = _new_generation(now)
        breaker.call(page_store().set, GENERATION_KEY, fresh, timeout=None)
        return fresh
    return stored


# Keys -------------------------------------------------------------------------------------------


class Unkeyable(Exception):
    """A request the cache does not try to key: an odd parameter value, rendered and never
    stored; or any parameter that `common.malformed` refuses, answered by Django with 400."""


def _page_number(value: str) -> str | None:
    """`?page=`: the number without leading zeros, the first page as no parameter at all, and
    the generic views' `last`. Anything else (`abc`, `٣`, ` 3`) is answered by the view, a 404
    or a page, but never stored or served from the cache, so it cannot stand for another."""
    if value.isascii() and value.isdigit() and len(value) <= 6:
        number = int(value)
        return None if number == 1 else str(number)
    if value == "last":
        return value
    raise Unkeyable(value)


def _search_words(value: str) -> str:
    """`?q=`: what the search page shows back (the cleaned query), and whether it was cut.
    A value no reader types (far too long, control characters) is never keyed: the request
    goes on to the checks that refuse it (bureau.middleware.RejectMalformedRequests)."""
    if len(value) > 2 * MAX_QUERY_LENGTH or any(unicodedata.category(ch)[0] == "C" for ch in value):
        raise Unkeyable(value)
    query = parse_query(value)
    return query.text + ("…" if len(value) > len(query.text) + 1 else "")


# The query parameters a public view may read, each with its normaliser; `public_page` says
# which of them a view reads. Every other parameter is ignored by the views and by the key.
KNOWN_PARAMETERS = {"page": _page_number, "q": _search_words}


def known_parameters(query: QueryDict, names) -> tuple:
    """The normalised values of the parameters `names` found in `query`."""
    found = []
    for name in names:
        value = query.get(name)
        if value is not None:
            normalised = KNOWN_PARAMETERS[name](value)
            if normalised is not None:
                found.append((name, normalised))
    return tuple(found)


def page_key(scheme: str, host: str, path: str, parameters: tuple) -> str:
    """The scheme and the host (a page names its own absolute address), the path and the
    normalised parameters; hashed to keep keys short whatever the request."""
    address = f"{scheme}://{host.lower()}{path}"
    digest = hashlib.sha256(repr((address, parameters)).encode()).hexdigest()
    return f"public-pages:{digest}"


def _page_key(request: HttpRequest) -> str:
    if query_problem(request.META.get("QUERY_STRING", ""), request.GET):
        raise Unkeyable("malformed query string")  # Django answers it with 400
    parameters = known_parameters(request.GET, KNOWN_PARAMETERS)
    return page_key(request.scheme, request.get_host(), request.path, parameters)


def is_current(entry: dict | None, generation: dict | None, now: datetime.datetime) -> bool:
    """Whether a stored page may be served: made under the generation still in force."""
    return (
        entry is not None
        and generation is not None
        and entry["generation"] == generation["token"]
        and (generation["next"] is None or generation["next"] > now)
    )


def _needs_redirect(request: HttpRequest) -> bool:
    """SecurityMiddleware, inside, sends plain HTTP to HTTPS: never answer it from here."""
    return settings.SECURE_SSL_REDIRECT and not request.is_secure()


# Never public pages: static files (WhiteNoise answers them) and the back office.
NEVER_CACHED = (settings.STATIC_URL, "/admin/")


def _is_anonymous_read(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(NEVER_CACHED)
    )


# The cache itself -------------------------------------------------------------------------------


def _is_storable(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
    )


def _entry(response: HttpResponse, generation: dict, now: datetime.datetime) -> dict:
    return {
        "generation": generation["token"],
        "content": response.content,
        "status": response.status_code,
        "headers": dict(_public(response).items()),
        "etag": f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"',
        "modified": now.timestamp(),
    }


def _response(request: HttpRequest, entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["modified"]), response=response
    )


def lookup(key: str) -> tuple[dict | None, dict | None] | None:
    """The page stored under `key` if it is current (else None), and the generation in force;
    None when the shared cache has just failed. From this process's copy while its generation
    is fresh, else in one round trip: the generation and the page together."""
    now = timezone.now()
    generation = local_pages.fresh_generation()
    if generation is not None:
        entry = local_pages.get(key)
        if is_current(entry, generation, now):
            return entry, generation
    found = breaker.call(page_store().get_many, [GENERATION_KEY, key])
    if found is None:
        return None
    generation = found.get(GENERATION_KEY)
    local_pages.remember(generation)
    entry = found.get(key)
    if is_current(entry, generation, now):
        local_pages.put(key, entry)
        return entry, generation
    return None, generation


class PageCacheMiddleware:
    """Serves and stores public pages; first in MIDDLEWARE, so that a stored page keeps every
    header the stack gave it (SecurityMiddleware's too, made for the key's scheme), and before
    everything that a stored page does not need. `public.wsgi_cache.PageCacheApp` serves the
    same entries one step earlier, before Django's request handling."""

    def __init__(self, get_response):
        if isinstance(caches[CACHE_ALIAS], DummyCache):
            raise MiddlewareNotUsed("The page cache is off (CACHE_URL=dummycache://).")
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _is_anonymous_read(request) or breaker.is_open or _needs_redirect(request):
            return self.get_response(request)
        if breaker.missed_invalidation:
            invalidate_public_pages()  # a publication made while the cache was unreachable
        try:
            key = _page_key(request)
        except (DisallowedHost, Unkeyable):
            # A bad host gets Django's own 400; an odd parameter value, the uncached page.
            return self.get_response(request)
        found = lookup(key)
        if found is None:  # the cache has just failed: render as if there were none
            return self.get_response(request)
        entry, stored = found
        if entry is not None:
            return _response(request, entry)

        # The view renders from the replica only once it has replayed this generation's start.
        request.page_cache_position = (stored or {}).get("position")
        response = self.get_response(request)
        names = getattr(response, "page_cache_parameters", None)
        if names is None or not _is_storable(response):
            return response
        if known_parameters(request.GET, names) != known_parameters(request.GET, KNOWN_PARAMETERS):
            # A parameter this view does not read (`/feed/atom/?page=7`): the same page as
            # without it, answered but not stored again under another key.
            return _public(response)
        now = timezone.now()
        generation = _current_generation(stored, now)
        entry = _entry(response, generation, now)
        timeout = PAGE_SECONDS
        if generation["next"] is not None:
            timeout = min(timeout, int((generation["next"] - now).total_seconds()))
        if timeout > 0 and breaker.call(page_store().set, key, entry, timeout=timeout) is not False:
            local_pages.remember(generation)
            local_pages.put(key, entry)
        return _response(request, entry)


def _public(response: HttpResponse) -> HttpResponse:
    # A signed-in user gets another page (and no shared copy): say so to HTTP caches too.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    patch_vary_headers(response, ("Cookie",))
    return response


# The views' side --------------------------------------------------------------------------------


def private_response(response: HttpResponse) -> HttpResponse:
    """Mark a response that no cache, ours or anyone's, may keep (staff views, previews)."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def _render(view, request, args, kwargs) -> HttpResponse:
    response = view(request, *args, **kwargs)
    if getattr(response, "is_rendered", True) is False:
        response.render()  # a TemplateResponse (the sitemap): its queries run now
    return response


def public_page(view=None, *, parameters: tuple[str, ...] = ()):
    """Let `PageCacheMiddleware` serve `view` from the shared page cache; `parameters` are the
    query parameters the view reads (names of `KNOWN_PARAMETERS`)."""
    unknown = set(parameters) - set(KNOWN_PARAMETERS)
    if unknown:
        raise ValueError(f"No normaliser for the query parameters {sorted(unknown)}.")

    def decorate(view):
        @wraps(view)
        def cached_view(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            if not _is_anonymous_read(request):  # staff read the primary: their own changes
                return private_response(view(request, *args, **kwargs))
            position = getattr(request, "page_cache_position", None)
            response = replica.read_public(position, lambda: _render(view, request, args, kwargs))
            response.page_cache_parameters = parameters
            return response

        return cached_view

    return decorate(view) if view is not None else decorate
