"""Every public page makes the same, small number of queries whatever the archive's size.

Each page is requested once with an empty page cache, so the count includes the cache's own
query: the time of the next scheduled publication (one aggregate), made when the cache's
generation is started.
"""

import pytest
from django.core.cache import cache

from public.related import store_related

pytestmark = pytest.mark.django_db

PAGES = [
    # (address, queries) — the cache's generation query, then the page's own:
    ("/", 3),  # count of public communiqués, the page of them
    # the communiqué with its views and whether replies are closed; the related ones (stored
    # sharing ones and the most recent); its approved replies
    ("seed", 4),
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
