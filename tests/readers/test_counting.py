"""View counts: one per reader per half hour, no bots or prefetches, no address kept; moved to
the database by the periodic job, which survives a Redis restart and adds up two hosts."""

import pytest
from django.urls import reverse

from common import periodic
from readers import counting
from readers.models import FlushedBatch, ViewCount

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def beacon(client, communique, address="203.0.113.5", agent=BROWSER, **headers):
    return client.post(
        reverse("readers:view_beacon", args=[communique.pk]),
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=agent,
        **headers,
    )


def stored(communique):
    return sum(ViewCount.objects.filter(communique=communique).values_list("count", flat=True))


def test_a_reader_counts_once_per_half_hour(client, make_communique, view_redis):
    communique = make_communique()
    first = beacon(client, communique).json()
    again = beacon(client, communique).json()
    other = beacon(client, communique, address="198.51.100.7").json()
    assert (first["counted"], again["counted"], other["counted"]) == (True, False, True)
    assert other["count"] == 2
    seen = list(view_redis.scan_iter(match=counting.SEEN_PREFIX + "*"))
    assert len(seen) == 2
    assert all(0 < view_redis.ttl(key) <= 30 * 60 for key in seen)
    # Once the half hour is over (the key expires), the same reader counts again.
    view_redis.delete(*seen)
    assert beacon(client, communique).json()["count"] == 3


@pytest.mark.parametrize(
    ("agent", "headers"),
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
        ("", {}),
        ("curl/8.5.0", {}),
        (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch"}),
        (BROWSER, {"HTTP_SEC_PURPOSE": "prefetch;prerender"}),
        (BROWSER, {"HTTP_PURPOSE": "prefetch"}),
    ],
)
def test_bots_and_prefetches_are_not_counted(client, make_communique, view_redis, agent, headers):
    communique = make_communique()
    answer = beacon(client, communique, agent=agent, **headers).json()
    assert answer["counted"] is False and answer["count"] == 0


def test_no_address_is_kept_anywhere(client, make_communique, view_redis):
    communique = make_communique()
    beacon(client, communique, address="203.0.113.77")
    counting.flush_view_counts()
    for key in view_redis.scan_iter():
        assert b"203.0.113.77" not in key
        if view_redis.type(key) == b"string":
            assert b"203.0.113.77" not in view_redis.get(key)
    assert {f.name for f in ViewCount._meta.fields} == {"id", "communique", "month", "count"}


def test_the_periodic_job_moves_counts_to_the_database_once(client, make_communique, view_redis):
    assert periodic.jobs()["flush_view_counts"] is counting.flush_view_counts
    communique = make_communique()
    beacon(client, communique)
    beacon(client, communique, address="198.51.100.7")
    assert counting.flush_view_counts() == 2
    assert counting.flush_view_counts() == 0
    assert stored(communique) == 2
    assert beacon(client, communique, address="192.0.2.9").json()["count"] == 3


def test_a_flush_retried_after_a_crash_does_not_count_twice(client, make_communique, view_redis):
    communique = make_communique()
    beacon(client, communique)
    # A host renamed the batch and committed it, then died before deleting it from Redis.
    view_redis.rename(counting.PENDING_KEY, counting.FLUSHING_PREFIX + "crashed")
    FlushedBatch.objects.create(token="crashed")
    ViewCount.objects.create(
        communique=communique, month=counting.month_of(communique.published_at), count=1
    )
    counting.flush_view_counts()
    assert stored(communique) == 1
    assert not list(view_redis.scan_iter(match=counting.FLUSHING_PREFIX + "*"))


def test_counts_survive_a_redis_restart(client, make_communique, view_redis, redis_server):
    communique = make_communique()
    beacon(client, communique)
    beacon(client, communique, address="198.51.100.7")
    counting.flush_view_counts()
    redis_server.stop()
    # While Redis is down the page still answers; the view is simply not counted.
    down = beacon(client, communique, address="192.0.2.1")
    assert down.status_code == 200 and down.json() == {**down.json(), "counted": False, "count": 2}
    redis_server.start()
    assert beacon(client, communique, address="192.0.2.2").json()["count"] == 3
    counting.flush_view_counts()
    assert stored(communique) == 3


def test_two_hosts_counts_add_up(client, make_communique, view_redis, redis_server, settings):
    """Each host may count in its own Redis: their flushes add up in the database. Hosts that
    share one Redis also share who has been counted."""
    communique = make_communique()
    beacon(client, communique, address="203.0.113.1")
    beacon(client, communique, address="203.0.113.2")
    settings.READERS_REDIS_URL = redis_server.url(1)  # the second host
    other_host = counting.client()
    other_host.flushdb()
    beacon(client, communique, address="203.0.113.3")
    assert counting.flush_view_counts() == 1
    settings.READERS_REDIS_URL = redis_server.url(0)
    assert counting.flush_view_counts() == 2
    assert stored(communique) == 3
    # Same Redis, another host: the reader counted by the first is not counted again.
    assert beacon(client, communique, address="203.0.113.1").json()["counted"] is False
    other_host.flushdb()


def test_without_redis_views_go_to_the_database(client, make_communique, settings):
    settings.READERS_REDIS_URL = ""
    communique = make_communique()
    assert beacon(client, communique).json()["count"] == 1
    assert stored(communique) == 1


def test_counts_are_written_as_the_page_writes_numbers(client, make_communique, settings):
    settings.READERS_REDIS_URL = ""
    communique = make_communique(title_fr="Communiqué", body_fr="Texte.")
    ViewCount.objects.create(
        communique=communique, month=counting.month_of(communique.published_at), count=12344
    )
    arabic = beacon(client, communique).json()
    assert arabic["display"] == "12\u202f345"
    page = client.get(communique.get_absolute_url()).content.decode()
    assert "12\u202f345" in page
    english = client.post(
        f"/en{reverse('readers:view_beacon', args=[communique.pk])}",
        REMOTE_ADDR="198.51.100.1",
        HTTP_USER_AGENT=BROWSER,
    )
    assert english.json()["display"] == "12,346"


def test_the_page_stays_cached_and_the_beacon_is_not(
    client, make_communique, settings, django_assert_num_queries
):
    settings.READERS_REDIS_URL = ""
    communique = make_communique()
    page = client.get(communique.get_absolute_url())
    assert b"readers/readers.js" in page.content
    assert reverse("readers:view_beacon", args=[communique.pk]).encode() in page.content
    with django_assert_num_queries(0):
        assert client.get(communique.get_absolute_url()).status_code == 200
    response = beacon(client, communique)
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_only_public_communiques_have_a_beacon(client, make_communique, settings):
    settings.READERS_REDIS_URL = ""
    draft = make_communique(status="draft", published_at=None)
    assert beacon(client, draft).status_code == 404
    assert client.get(reverse("readers:view_beacon", args=[draft.pk])).status_code == 405


def test_the_beacon_costs_two_queries(
    client, make_communique, view_redis, django_assert_num_queries
):
    """Whether the communiqué is public, and its stored count (the rest is Redis)."""
    communique = make_communique()
    with django_assert_num_queries(2):
        assert beacon(client, communique).json()["counted"] is True


def test_behind_the_proxy_readers_are_told_apart_by_the_forwarded_address(
    client, make_communique, settings
):
    settings.READERS_REDIS_URL = ""
    settings.READERS_PROXY_COUNT = 1
    communique = make_communique()
    proxy = {"address": "127.0.0.1"}
    first = beacon(client, communique, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.1")
    second = beacon(client, communique, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.2")
    # A client cannot pass for someone else by writing the header itself.
    forged = beacon(client, communique, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.2")
    assert [r.json()["counted"] for r in (first, second, forged)] == [True, True, False]
