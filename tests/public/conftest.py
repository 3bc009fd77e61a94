"""Public communiqués to read, as the workflow leaves them."""

import datetime
import itertools

import pytest
from django.core.cache import cache
from django.utils import translation

from meetings.models import AgendaItem, Communique
from public.cache import breaker
from regions.models import Region
from tests.conftest import at

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """An empty page cache (the `pages` alias shares the default's memory in tests), with its
    circuit breaker closed: a test that kills the cache does not leak into the next."""
    cache.clear()
    breaker.reset()
    yield
    cache.clear()
    breaker.reset()


@pytest.fixture(autouse=True)
def arabic_addresses():
    """A request leaves its language active: addresses computed in tests stay Arabic."""
    translation.activate("ar")
    yield
    translation.activate("ar")


@pytest.fixture
def make_many(db):
    """`count` published communiqués in one query, a day apart, the newest on 2024-12-31."""

    def make(count):
        last = at(2024, 12, 31)
        Communique.objects.bulk_create(
            Communique(
                title=f"بلاغ رقم {n}",
                title_ar=f"بلاغ رقم {n}",
                body=f"نص البلاغ رقم {n} حول الأوضاع العامة.",
                body_ar=f"نص البلاغ رقم {n} حول الأوضاع العامة.",
                slug=f"bulk-{n}",
                status=Communique.Status.PUBLISHED,
                published_at=last - datetime.timedelta(days=n),
            )
            for n in range(count)
        )

    return make


@pytest.fixture
def region(db):
    return Region.objects.get(code="08")  # Drâa-Tafilalet


@pytest.fixture
def seed(make_communique, make_meeting, region):
    """The seed communiqué of 21 January 2020, in Arabic and French."""
    meeting = make_meeting(
        day=datetime.date(2020, 1, 21), items=[(AgendaItem.Topic.CONGRESSES, [region])]
    )
    return make_communique(
        meeting=meeting,
        slug="اجتماع-المكتب-السياسي-21-يناير-2020",
        title="بلاغ صحفي حول اجتماع المكتب السياسي ليوم الثلاثاء 21 يناير 2020",
        body="سجل المكتب السياسي باعتزاز نجاح المؤتمر الجهوي بجهة درعة-تافيلالت.\n\n"
        "وقيم اللقاءات التواصلية حول خطة «تجدر وانصهار».",
        title_fr="Communiqué du Bureau politique du mardi 21 janvier 2020",
        body_fr="Le Bureau politique salue la réussite du congrès régional de Drâa-Tafilalet.",
        published_at=at(2020, 1, 21, 21),
    )
