"""The WSGI front door of the page cache: stored pages answered before Django handles the
request, with the same bytes and headers; everything else handed to Django untouched."""

from urllib.parse import unquote_to_bytes

import pytest
from django.utils.encoding import iri_to_uri

from public.cache import invalidate_public_pages
from public.wsgi_cache import PageCacheApp

pytestmark = pytest.mark.django_db


class Django:
    """Stands for Django's WSGI application: records that it was asked."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"rendered by Django"]


def call(path, method="get", **headers):
    django = Django()
    path, _, query = iri_to_uri(path).partition("?")
    environ = {
        "REQUEST_METHOD": method.upper(),
        "SCRIPT_NAME": "",
        "PATH_INFO": unquote_to_bytes(path).decode("iso-8859-1"),  # as a WSGI server gives it
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        **headers,
    }
    answer = {}

    def start_response(status, response_headers):
        answer["status"] = status
        answer["headers"] = dict(response_headers)

    body = b"".join(PageCacheApp(django)(environ, start_response))
    return answer["status"], answer["headers"], body, django.calls


def test_a_stored_page_is_answered_without_django(client, seed, django_assert_num_queries):
    url = seed.get_absolute_url()
    stored = client.get(url)
    with django_assert_num_queries(0):
        status, headers, body, calls = call(url)
    assert (status, calls) == ("200 OK", 0)
    assert body == stored.content
    assert headers["ETag"] == stored["ETag"]
    assert headers["Last-Modified"] == stored["Last-Modified"]
    for name in ("Content-Type", "Content-Language", "X-Frame-Options", "Cache-Control", "Vary"):
        assert headers[name] == stored[name], name
    assert headers["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware's, kept
    # Unknown parameters and an equivalent page number find the same entry.
    assert call(url + "?utm_source=x&page=1")[3] == 0
    status, headers, body, calls = call(url, method="head")
    assert (status, body, calls) == ("200 OK", b"", 0)


def test_conditional_requests_get_304(client, seed):
    url = seed.get_absolute_url()
    stored = client.get(url)
    status, headers, body, calls = call(url, HTTP_IF_NONE_MATCH=stored["ETag"])
    assert (status, body, calls) == ("304 Not Modified", b"", 0)
    assert headers["ETag"] == stored["ETag"]
    status, *_ = call(url, HTTP_IF_MODIFIED_SINCE=stored["Last-Modified"])
    assert status == "304 Not Modified"
    assert call(url, HTTP_IF_NONE_MATCH='"other"')[0] == "200 OK"
    assert call(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")[0] == "200 OK"


def test_everything_else_goes_to_django(client, seed, settings):
    url = seed.get_absolute_url()
    client.get(url)
    assert call(url, HTTP_COOKIE="sessionid=abc")[3] == 1  # a signed-in user, maybe
    assert call(url, method="post")[3] == 1
    assert call(url, HTTP_HOST="evil.example")[3] == 1  # Django answers 400
    assert call("/2020/01/?page=abc")[3] == 1
    assert call("/archive/")[3] == 1  # never stored yet
    invalidate_public_pages()
    assert call(url)[3] == 1  # made under an old generation
    client.get(url)
    assert call(url)[3] == 0
    settings.SECURE_SSL_REDIRECT = True
    assert call(url)[3] == 1  # plain HTTP: SecurityMiddleware redirects it
    assert call(url, HTTP_X_FORWARDED_PROTO="https")[3] == 1  # an entry of its own scheme
    client.get(url, HTTP_X_FORWARDED_PROTO="https")
    status, headers, _body, calls = call(url, HTTP_X_FORWARDED_PROTO="https")
    assert (status, calls) == ("200 OK", 0)
    assert 'rel="canonical" href="https://testserver' in _body.decode()


@pytest.mark.parametrize(
    "query", ["x=%00", "utm_source=%FF", "x=" + "a" * 20_000, "created__year=99999"]
)
def test_a_malformed_query_string_is_never_answered_from_the_cache(client, seed, query):
    """Django refuses it with 400 (common.malformed); a stored page must not answer it with 200,
    even where the parameter is one the pages ignore."""
    client.get("/")
    assert call("/?utm_source=news")[3] == 0  # the stored page
    assert call(f"/?{query}")[3] == 1  # handed to Django
    assert client.get(f"/?{query}").status_code == 400  # through the middleware layer too


def test_each_address_key_is_worked_out_once(client, seed, monkeypatch):
    from public import wsgi_cache

    worked_out = []
    address_key = wsgi_cache._address_key

    def counting(environ):
        worked_out.append(environ["QUERY_STRING"])
        return address_key(environ)

    monkeypatch.setattr(wsgi_cache, "_address_key", counting)
    monkeypatch.setattr(wsgi_cache, "_keys", {})
    client.get("/search/", {"q": "درعة تافيلالت"})
    search = "/search/?q=درعة+تافيلالت"
    assert [call(search)[3], call(search)[3], call(search)[3]] == [0, 0, 0]
    assert len(worked_out) == 1
    long_query = "/search/?q=درعة+تافيلالت&utm_source=" + "x" * 600  # not kept: too long
    assert [call(long_query)[3], call(long_query)[3]] == [0, 0]
    assert len(worked_out) == 3
    assert call(search, HTTP_COOKIE="sessionid=abc")[3] == 1  # the cookie is checked each time
