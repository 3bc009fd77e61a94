import base64
import hashlib
import logging
import re

from django.conf import settings
from django.db import OperationalError
from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation

from common.malformed import path_problem, query_problem

logger = logging.getLogger(__name__)


class BureauLocaleMiddleware(LocaleMiddleware):
    """The public site takes its language from the URL (Arabic unprefixed, /fr/, /en/).

    Django then gives every unprefixed path the default language, which would pin the back
    office to Arabic; the admin instead follows the user's choice (the language cookie set by
    the switcher), then the browser's Accept-Language.
    """

    back_office_prefix = "/admin/"

    def process_request(self, request):
        if not request.path_info.startswith(self.back_office_prefix):
            return super().process_request(request)
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


# Input no page understands -------------------------------------------------------------------


class RejectMalformedRequests:
    """400 Bad Request for input that can only be an attack or a broken client: NUL bytes (which
    PostgreSQL text cannot hold), invalid UTF-8, over-long values, and date parts Python cannot
    count with (the rules: common/malformed.py). Every view and admin filter behind it can then
    trust its strings. Placed after the locale middleware: the page says so in the reader's
    language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = self.problem(request)
        if problem:
            logger.info("Bad request %s: %s", request.path[:200], problem)
            if request.path_info.startswith("/api/"):
                # The open data API answers in JSON, as its description says (docs/readers.md).
                return JsonResponse({"error": f"Malformed request: {problem}."}, status=400)
            return render(request, "400.html", status=400)
        return self.get_response(request)

    @staticmethod
    def problem(request) -> str:
        return path_problem(request.META.get("PATH_INFO", ""), request.path) or query_problem(
            request.META.get("QUERY_STRING", ""), request.GET
        )


# Headers -------------------------------------------------------------------------------------


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header of settings.PERMISSIONS_POLICY on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


JSON_LD = re.compile(rb'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.DOTALL)


class JsonLdHashMiddleware:
    """Allow a page's JSON-LD blocks in its Content-Security-Policy by their SHA-256 hash.

    A hash rather than a nonce: public pages are served from the shared page cache, where a
    nonce written into the HTML would no longer match the header of a later response. Placed
    after CSPMiddleware, so its `_csp_update` is read on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if response.streaming or not content_type.startswith("text/html"):
            return response
        hashes = [
            f"'sha256-{base64.b64encode(hashlib.sha256(block).digest()).decode()}'"
            for block in JSON_LD.findall(response.content)
        ]
        if hashes:
            response._csp_update = {"script-src": hashes}
        return response


# The database ----------------------------------------------------------------------------------

# PostgreSQL's lock_not_available and query_canceled: a lock or statement timeout ran out.
TIMEOUT_SQLSTATES = {"55P03", "57014"}


class DatabaseTimeoutMiddleware:
    """A request that waited too long on the database (settings: DB_LOCK_TIMEOUT_MS,
    DB_STATEMENT_TIMEOUT_MS) answers 503 with a "busy, try again" page in the reader's language,
    and changes nothing (its transaction was rolled back)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError):
            return None
        cause = exception.__cause__
        if getattr(cause, "sqlstate", None) not in TIMEOUT_SQLSTATES:
            return None
        logger.warning("Database timeout on %s %s: %s", request.method, request.path, cause)
        response = render(request, "database_busy.html", status=503)
        response["Retry-After"] = "5"
        return response
