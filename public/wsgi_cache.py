"""The page cache's front door: serves stored public pages straight from the WSGI environ,
before Django builds a request, sends its signals or runs any middleware (docs/performance.md).

It answers only what `PageCacheMiddleware` would answer from the cache, with the same entry and
the same headers: an anonymous GET or HEAD (no session cookie) for an allowed host, not due an
HTTPS redirect, whose page is stored under the current generation. Everything else, and any
request it is unsure of, goes to Django unchanged.
"""

from http import HTTPStatus

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import QueryDict
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from common.malformed import query_problem

from .cache import (
    KNOWN_PARAMETERS,
    NEVER_CACHED,
    Unkeyable,
    breaker,
    known_parameters,
    lookup,
    page_key,
)

# What a 304 keeps of the full answer (as django.utils.cache's does).
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "date", "etag", "expires", "vary"}


class PageCacheApp:
    """Wraps Django's WSGI application (bureau/wsgi.py)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.application(environ, start_response)
        entry = (lookup(key) or (None, None))[0]
        if entry is None:
            return self.application(environ, start_response)  # Django renders and stores it
        headers = [
            *entry["headers"].items(),
            ("ETag", entry["etag"]),
            ("Last-Modified", http_date(entry["modified"])),
        ]
        if _not_modified(environ, entry):
            kept = [
                (name, value) for name, value in headers if name.lower() in NOT_MODIFIED_HEADERS
            ]
            start_response("304 Not Modified", kept + [("Last-Modified", headers[-1][1])])
            return [b""]
        start_response(f"{entry['status']} {HTTPStatus(entry['status']).phrase}", headers)
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [entry["content"]]

    def _key(self, environ) -> str | None:
        """The page's cache key, or None when Django must answer this request itself."""
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD") or breaker.is_open:
            return None
        if breaker.missed_invalidation or environ.get("HTTP_IF_MATCH"):
            return None
        if settings.SESSION_COOKIE_NAME in parse_cookie(environ.get("HTTP_COOKIE", "")):
            return None
        # The rest depends on the address alone: worked out once for each address lately
        # asked (a search's words are normalised to make its key, a quarter of a hit's cost).
        address = tuple(environ.get(name, "") for name in ADDRESS)
        if settings.SECURE_PROXY_SSL_HEADER:  # the scheme a trusted proxy gives
            address += (environ.get(settings.SECURE_PROXY_SSL_HEADER[0], ""),)
        try:
            return _keys[address]
        except KeyError:
            pass
        key = _address_key(environ)
        if sum(map(len, address)) <= MAX_ADDRESS_KEPT:  # a few hundred kilobytes at most
            if len(_keys) >= MAX_KEYS_KEPT:
                _keys.clear()
            _keys[address] = key
        return key


# What an address's key is made of: its scheme, host, script name, path and query string.
ADDRESS = (
    "wsgi.url_scheme",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "SCRIPT_NAME",
    "SCRIPT_URL",
    "REDIRECT_URL",
    "PATH_INFO",
    "QUERY_STRING",
)
MAX_KEYS_KEPT = 1_000
MAX_ADDRESS_KEPT = 500  # characters
_keys: dict[tuple, str | None] = {}


@receiver(setting_changed)
def forget_keys(**kwargs) -> None:
    _keys.clear()


def _address_key(environ) -> str | None:
    """The key of the page at the request's address, or None when Django must answer it."""
    if settings.USE_X_FORWARDED_HOST:
        return None
    scheme = _scheme(environ)
    host = environ.get("HTTP_HOST") or _server_host(environ, scheme)
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return None
    if settings.SECURE_SSL_REDIRECT and scheme != "https":
        return None
    path_info = get_path_info(environ)
    if path_info.startswith(NEVER_CACHED):
        return None
    script_name = get_script_name(environ)
    path = "{}/{}".format(script_name.rstrip("/"), path_info.replace("/", "", 1))
    query_string = environ.get("QUERY_STRING", "")
    query = QueryDict(query_string.encode("latin-1"))
    if query_problem(query_string, query):
        return None  # Django answers it with 400, as it would without the cache
    try:
        return page_key(scheme, host, path, known_parameters(query, KNOWN_PARAMETERS))
    except Unkeyable:
        return None


def _server_host(environ, scheme: str) -> str:
    """As HttpRequest.get_host() without a Host header: the server's name and port."""
    port = environ["SERVER_PORT"]
    default = "443" if scheme == "https" else "80"
    return environ["SERVER_NAME"] + ("" if port == default else f":{port}")


def _scheme(environ) -> str:
    """As HttpRequest.scheme: the proxy's header when one is trusted, else the server's."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            value, *_rest = value.split(",", 1)
            return "https" if value.strip() == secure_value else "http"
    return environ["wsgi.url_scheme"]


def _not_modified(environ, entry: dict) -> bool:
    """If-None-Match first, then If-Modified-Since, as django.utils.cache does for GET."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        wanted = {etag.removeprefix("W/") for etag in parse_etags(if_none_match)}
        return "*" in wanted or entry["etag"] in wanted
    since = parse_http_date_safe(environ.get("HTTP_IF_MODIFIED_SINCE") or "")
    return since is not None and int(entry["modified"]) <= since
