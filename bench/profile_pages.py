"""Where an uncached public page spends its CPU, for docs/performance.md.

Run against a database loaded as bench/run loads it, with the page cache off:

    CACHE_URL=dummycache:// .venv/bin/python manage.py shell -c \
        "import runpy; runpy.run_path('bench/profile_pages.py')['main']()"

For each page: the median CPU time of a request in-process (Django's test client, thread CPU
time, so other load on the machine matters little) and its queries; then, for the page named in
PROFILE_PAGE (communique by default), cProfile's functions by their own time.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.encoding import iri_to_uri

from meetings.models import Communique

SEARCH = "/search/?q=%D8%AF%D8%B1%D8%B9%D8%A9+%D8%AA%D8%A7%D9%81%D9%8A%D9%84%D8%A7%D9%84%D8%AA"
REPEATS = 200


def pages() -> dict[str, str]:
    seed = Communique.objects.public().get(slug="اجتماع-المكتب-السياسي-21-يناير-2020")
    return {
        "robots.txt": "/robots.txt",
        "home": "/",
        "communique": iri_to_uri(seed.get_absolute_url()),
        "archive": "/2020/01/",
        "search": SEARCH,
        "feed": "/feed/atom/",
    }


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    write = sys.stdout.write
    addresses = pages()
    write(f"{'page':<12} {'cpu ms (median)':>16} {'queries':>8}\n")
    for name, url in addresses.items():
        assert client.get(url).status_code == 200, url
        timings = []
        for _ in range(REPEATS):
            started = time.thread_time()
            client.get(url)
            timings.append((time.thread_time() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        write(f"{name:<12} {statistics.median(timings):>16.2f} {len(queries):>8}\n")
    url = addresses[os.environ.get("PROFILE_PAGE", "communique")]
    profile = cProfile.Profile(time.thread_time)
    profile.enable()
    for _ in range(REPEATS):
        client.get(url)
    profile.disable()
    pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(40)
