"""The site's own small answers, outside the public pages and the admin: the favicon, the
load balancer's health check, and the answer when the primary database cannot be reached
(see docs/deploy.md)."""

import sys
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error
from django.views.generic import RedirectView

from common.replica import REPLICA, has_replica

RETRY_AFTER_SECONDS = 30
# PostgreSQL's connection exceptions (class 08), the server shutting down or starting
# (57P01-57P03), and a write sent to a read-only server (25006). No SQLSTATE at all: the
# connection could not even be opened.
UNREACHABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "25006")


def _database_answers(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        # Drop the broken connection now, so the next check connects afresh.
        connections[alias].close_if_unusable_or_obsolete()
        return False


def _cache_answers() -> bool:
    # The shared cache swallows its errors (a stopped Redis must not break pages): a value
    # written and read back is the only proof that it answers.
    key, token = "health-check", uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    return cache.get(key) == token


@never_cache
def health(request: HttpRequest) -> HttpResponse:
    """200 when this host can serve the public pages (the database they read from answers),
    else 503; the body says which part failed. The shared cache is reported but does not
    fail the check: it is the same Redis for every host, the pages render without it (the
    page cache's circuit breaker), and failing here would take every host out of the
    balancer at once. Cheap: two queries at most and two cache round trips."""
    checks = {"primary": "ok" if _database_answers(DEFAULT_DB_ALIAS) else "down"}
    readable = checks["primary"] == "ok"
    if has_replica():
        checks["replica"] = "ok" if _database_answers(REPLICA) else "down"
        readable = readable or checks["replica"] == "ok"
    checks["database"] = "ok" if readable else "down"
    checks["cache"] = "ok" if _cache_answers() else "down"
    return JsonResponse(checks, status=200 if readable else 503)


def primary_unreachable(error: BaseException | None) -> bool:
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(UNREACHABLE_SQLSTATES)


def server_error(request: HttpRequest) -> HttpResponse:
    """An error page for every uncaught error; when the primary database cannot be reached
    (stopped, restarting, failing over), a 503 that says the site is read-only for a moment
    instead of a 500. Rendered without the request: its context (the user) needs the database."""
    if primary_unreachable(sys.exc_info()[1]):
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return django_server_error(request)


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on every page that names no icon (the admin's
    error pages, PDFs, feeds): a temporary redirect to the SVG icon, whose address carries
    its content hash in production, so a new icon is picked up."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.svg")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=86400)
        return response
