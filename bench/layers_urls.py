"""Bureau's URLs plus two pages for bench/run that do part of a public page's work: how far a
page could go without its template.

- `/layers/communique-data/` reads what the communiqué page reads (the communiqué with its
  readers' facts, and its related list), through the same decorator, middleware and
  gunicorn, and answers the page's bytes saved by bench/run instead of rendering them.
- `/layers/search-data/` does the same for the search page: ranking, a page of results and
  their excerpts.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

from bureau.urls import urlpatterns as bureau_urlpatterns
from public.cache import public_page
from public.excerpts import snippet
from public.related import related_communiques
from public.search import parse_query, search_readable
from public.views import public_communique_by_slug

PAGES = Path(os.environ["BENCH_PAGES"])
SEED_SLUG = "اجتماع-المكتب-السياسي-21-يناير-2020"


def saved(name: str) -> HttpResponse:
    return HttpResponse(
        (PAGES / f"{name}.body").read_bytes(),
        content_type=(PAGES / f"{name}.type").read_text().strip(),
    )


@public_page
def communique_data(request):
    communique = public_communique_by_slug(now=timezone.now(), slug=SEED_SLUG)[0]
    related = related_communiques(communique)
    assert len(related) == 4
    return saved("communique")


@public_page(parameters=("q",))
def search_data(request):
    query = parse_query(request.GET.get("q"))
    found = search_readable(query, timezone.now())
    excerpts = [snippet(c.body, query) for c in found[0:10]]
    assert found.count() and excerpts
    return saved("search")


urlpatterns = [
    path("layers/communique-data/", communique_data),
    path("layers/search-data/", search_data),
    *bureau_urlpatterns,
]
