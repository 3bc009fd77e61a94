"""Every public page makes the same, small number of queries whatever the archive's size.

Each page is requested once with an empty page cache, so the count includes the cache's own
query: the time of the next scheduled publication (one aggregate), made when the cache's
generation is started.
"""

import pytest
from django.core.cache import cache

from public.related import store_related
from readers.models import Reply

pytestmark = pytest.mark.django_db

PAGES = [
    # (address, queries) — the cache's generation query, then the page's own:
    ("/", 3),  # count of public communiqués, the page of them
    # the communiqué with its views, whether replies are closed and whether any is approved
    # (none is: they are not read); the related ones (stored sharing ones and the most recent)
    ("seed", 3),
    ("/archive/", 2),  # years with their counts
    ("/2020/", 2),  # months of the year with their counts
    ("/2024/12/", 3),  # count of the month's communiqués, the page of them
    ("/search/?q=بلاغ", 3),  # the ranked matches (their count), the page of matches
    ("/feed/rss/", 2),  # the latest communiqués
    ("/feed/atom/", 2),  # the latest communiqués
    ("/regions/draa-tafilalet/", 4),  # region with its secretary, count, page of communiqués
    ("/sitemap.xml", 2),  # the public communiqués with their translations
]


@pytest.mark.parametrize(("address", "queries"), PAGES)
@pytest.mark.parametrize("archive_size", [10, 200])
def test_queries_per_page_do_not_grow_with_the_archive(
    client, seed, make_many, django_assert_num_queries, address, queries, archive_size
):
    make_many(archive_size)
    if address == "seed":
        store_related(seed)  # as the workflow does at each step; a row never ranked costs one more
    url = seed.get_absolute_url() if address == "seed" else address
    cache.clear()
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_a_cached_page_costs_no_query(client, seed, django_assert_num_queries):
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200


def test_approved_replies_cost_one_query_and_only_where_there_are_some(
    client, seed, django_assert_num_queries
):
    store_related(seed)
    Reply.objects.create(communique=seed, name="قارئ", text="رد ينتظر الإشراف")
    cache.clear()
    with django_assert_num_queries(3):  # a reply waiting for moderation is not shown
        page = client.get(seed.get_absolute_url()).content.decode()
    assert "رد ينتظر الإشراف" not in page
    for n in range(3):
        Reply.objects.create(
            communique=seed, name="قارئ", text=f"رد مقبول {n}", status=Reply.Status.APPROVED
        )
    cache.clear()
    with django_assert_num_queries(4):  # all the approved replies in one query
        page = client.get(seed.get_absolute_url()).content.decode()
    assert "رد مقبول 0" in page and "رد مقبول 2" in page and "رد ينتظر الإشراف" not in page
