"""The retrieval set (tests/public/retrieval.py) against the demo, through the search itself.

Reports recall@1 and recall@10 at the end of the run; every query must find its
communiqué within its allowed rank. bench/search runs the same set with thousands of generated
communiqués beside the demo.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from public.views import readable

from ..conftest import REPORTS
from .retrieval import MISSPELT, QUERIES, evaluate


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def report(request, result, label):
    """Shown at the end of the run (tests/conftest.py prints the reports)."""
    lines = [
        f"{label}: {len(result['ranks'])} queries, recall@1 {result['recall@1']:.3f}, "
        f"recall@10 {result['recall@10']:.3f}"
    ]
    lines += [f"  {q!r}: {slug} at rank {r}, allowed {a}" for q, slug, a, r in result["misses"]]
    request.config.stash.setdefault(REPORTS, []).extend(lines)


@pytest.mark.django_db
def test_the_demo_is_found_by_the_retrieval_set(demo, request):
    assert len(QUERIES) >= 80
    result = evaluate(readable(), QUERIES)
    report(request, result, f"retrieval set on {connection.vendor}")
    assert result["misses"] == []
    assert result["recall@10"] >= 0.95
    assert result["recall@1"] >= 0.8


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="near spellings need pg_trgm")
def test_misspelt_queries_are_found_through_near_spellings(demo, request):
    result = evaluate(readable(), MISSPELT)
    report(request, result, "misspelt queries")
    assert result["misses"] == []
