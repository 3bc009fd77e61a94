"""The page cache's front layer: normalised keys per host, unknown parameters ignored, hits
served before sessions, auth and the URL resolver, and a circuit breaker when Redis is gone."""

import logging
from unittest import mock

import pytest
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import caches
from django.middleware.csrf import CsrfViewMiddleware
from django.test import override_settings
from django.urls.resolvers import URLResolver

from public.cache import breaker, invalidate_public_pages, local_pages

from .test_cache import DEAD_REDIS

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_writes():
    """Every page the cache stores, as the list of keys written (the generation aside)."""
    pages = caches["pages"]
    written = []
    original = pages.set

    def spy(key, value, *args, **kwargs):
        if key != "public-pages:generation":
            written.append(key)
        return original(key, value, *args, **kwargs)

    with mock.patch.object(pages, "set", spy):
        yield written


def test_equivalent_addresses_share_one_entry(
    client, make_many, page_writes, django_assert_num_queries
):
    make_many(25)
    assert client.get("/").status_code == 200
    assert len(page_writes) == 1
    with django_assert_num_queries(0):
        for variant in ["/?page=1", "/?page=01", "/?utm_source=x", "/?page=1&junk=&x=y"]:
            assert client.get(variant).status_code == 200, variant
    assert client.get("/?page=2").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/?page=002&ref=mail").status_code == 200
    assert len(page_writes) == 2


def test_search_key_is_the_cleaned_query(client, seed, page_writes, django_assert_num_queries):
    first = client.get("/search/?q=انصهار")
    assert "<mark>وانصهار</mark>" in first.content.decode()
    with django_assert_num_queries(0):
        again = client.get("/search/?q=%20انصهار&page=1&lang=xx")
    assert again.content == first.content
    assert len(page_writes) == 1


def test_unknown_parameters_make_no_new_entry(client, seed, page_writes):
    client.get("/")
    for n in range(20):
        assert client.get(f"/?junk={n}").status_code == 200
    assert len(page_writes) == 1
    # A known parameter that this page does not read is answered but not stored again.
    client.get("/feed/atom/")
    for n in range(2, 6):
        feed = client.get(f"/feed/atom/?page={n}")
        assert feed.status_code == 200
        assert "public" in feed["Cache-Control"]
    assert len(page_writes) == 2
    # Out-of-range pages are 404s, which are never stored.
    assert client.get("/?page=99").status_code == 404
    assert client.get("/?page=abc").status_code == 404
    assert len(page_writes) == 2


def test_each_host_has_its_own_entry(client, seed):
    url = seed.get_absolute_url()
    here = client.get(url, HTTP_HOST="testserver")
    there = client.get(url, HTTP_HOST="localhost")
    assert 'rel="canonical" href="http://testserver/' in here.content.decode()
    assert 'rel="canonical" href="http://localhost/' in there.content.decode()
    # Served again from each host's own entry.
    assert 'href="http://localhost/' in client.get(url, HTTP_HOST="localhost").content.decode()
    assert client.get(url, HTTP_HOST="evil.example").status_code == 400


def test_a_hit_skips_sessions_auth_messages_csrf_and_the_resolver(
    client, seed, django_assert_num_queries
):
    url = seed.get_absolute_url()
    first = client.get(url)
    skipped = [
        (SessionMiddleware, "process_request"),
        (AuthenticationMiddleware, "process_request"),
        (MessageMiddleware, "process_request"),
        (CsrfViewMiddleware, "process_view"),
        (URLResolver, "resolve"),
    ]
    with mock.patch("django.template.base.Template.render") as render:
        spies = [mock.patch.object(cls, name, autospec=True) for cls, name in skipped]
        started = [spy.start() for spy in spies]
        try:
            with django_assert_num_queries(0):
                hit = client.get(url)
        finally:
            for spy in spies:
                spy.stop()
    assert hit.status_code == 200
    assert hit.content == first.content
    for called in started:
        called.assert_not_called()
    render.assert_not_called()
    # The headers of the full path are kept, and SecurityMiddleware still adds its own.
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Content-Language"] == "ar"


def test_a_session_cookie_is_never_served_a_stored_page(client, seed, publisher):
    url = seed.get_absolute_url()
    client.get(url)
    client.cookies["sessionid"] = "not-a-real-session"
    response = client.get(url)
    assert "no-store" in response["Cache-Control"]
    client.force_login(publisher)
    assert "publisher" in client.get(url).content.decode()


def test_conditional_requests_on_a_hit(client, seed, django_assert_num_queries):
    url = seed.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
        modified = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert modified.status_code == 304
        assert client.head(url).status_code == 200
    assert client.get(url, headers={"if-none-match": '"stale"'}).content == first.content


@override_settings(CACHES=DEAD_REDIS)
def test_a_dead_redis_is_skipped_after_one_logged_failure(
    client, seed, caplog, django_assert_num_queries
):
    caplog.set_level(logging.WARNING, logger="public.cache")
    url = seed.get_absolute_url()
    assert client.get(url).status_code == 200
    assert len(caplog.records) == 1
    assert "Page cache unreachable" in caplog.records[0].getMessage()
    assert caplog.records[0].exc_info is None  # one line, no traceback
    assert breaker.is_open
    caplog.clear()
    pages = caches["pages"]
    with mock.patch.object(pages, "get_many", wraps=pages.get_many) as lookup:
        # The page's own two queries only: no generation is computed for a cache that is away.
        with django_assert_num_queries(2 * 5):
            for _ in range(5):
                assert client.get("/").status_code == 200
        lookup.assert_not_called()
    assert caplog.records == []
    invalidate_public_pages()  # the workflow's hook does not fail either
    assert breaker.missed_invalidation
    # Once the breaker's time is up, Redis is tried again (and fails again, logged once).
    breaker.open_until = 0
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert len(caplog.records) == 1


def test_a_publication_missed_during_an_outage_is_applied_when_redis_answers(
    client, make_communique
):
    make_communique(title="بلاغ قديم")
    assert "بلاغ جديد" not in client.get("/").content.decode()  # cached
    make_communique(title="بلاغ جديد")
    with override_settings(CACHES=DEAD_REDIS):
        invalidate_public_pages()  # the publication's hook, while Redis is away
    assert breaker.missed_invalidation
    breaker.open_until = 0  # the breaker's seconds are over; Redis answers again
    assert "بلاغ جديد" in client.get("/").content.decode()
    assert not breaker.missed_invalidation


def test_the_process_copy_serves_hits_without_redis_while_its_generation_is_fresh(
    client, seed, settings
):
    settings.PUBLIC_PAGE_CACHE_LOCAL_SECONDS = 60
    url = seed.get_absolute_url()
    first = client.get(url)
    pages = caches["pages"]
    with mock.patch.object(pages, "get_many", wraps=pages.get_many) as shared:
        assert client.get(url).content == first.content
        shared.assert_not_called()
        # Another host starts a new generation: seen once this copy's time is up.
        pages.set("public-pages:generation", {"token": "elsewhere", "next": None}, None)
        assert client.get(url).status_code == 200
        shared.assert_not_called()
        local_pages.checked = 0.0
        client.get(url)
        assert shared.call_count == 1
    # A publication in this process empties its copy at once.
    invalidate_public_pages()
    assert local_pages.generation is None and not local_pages.pages
