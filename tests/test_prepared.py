"""Queries compiled once and run again with new values (common/prepared.py)."""

import datetime
import gc
import weakref

import pytest
from django.core.paginator import Paginator
from django.db import connection, models
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from common.prepared import MAX_KEPT_OFFSET, Param, PreparedList, prepared
from meetings.models import Communique

pytestmark = pytest.mark.django_db

builds = []


@prepared
def public_by_slug():
    builds.append(translation.get_language())
    now = Param("now", models.DateTimeField())
    return Communique.plain().public(now=now).filter(slug=Param("slug", models.CharField()))


@pytest.fixture(autouse=True)
def fresh():
    public_by_slug.forget()
    builds.clear()


def test_each_call_runs_with_its_own_values_and_the_query_is_built_once(make_communique):
    first = make_communique(slug="الأول")
    second = make_communique(slug="الثاني")
    now = timezone.now()
    assert [c.pk for c in public_by_slug(now=now, slug="الأول")] == [first.pk]
    assert [c.pk for c in public_by_slug(now=now, slug="الثاني")] == [second.pk]
    assert public_by_slug(now=now, slug="لا-يوجد") == []
    assert builds == ["ar"]  # built and compiled once
    found = public_by_slug(now=now, slug="الثاني")[0]
    assert found.title == second.title and found.published_at == second.published_at


def test_a_time_is_converted_as_the_database_stores_it(make_communique):
    scheduled = make_communique(Communique.Status.SCHEDULED, slug="المقبل")
    assert public_by_slug(now=timezone.now(), slug="المقبل") == []
    later = scheduled.published_at + datetime.timedelta(minutes=1)
    assert [c.pk for c in public_by_slug(now=later, slug="المقبل")] == [scheduled.pk]


def test_compiled_once_per_language_and_again_after_a_settings_change(make_communique):
    make_communique(slug="بلاغ")
    now = timezone.now()
    public_by_slug(now=now, slug="بلاغ")
    with translation.override("fr"):
        public_by_slug(now=now, slug="بلاغ")
        public_by_slug(now=now, slug="بلاغ")
    public_by_slug(now=now, slug="بلاغ")
    assert builds == ["ar", "fr"]
    with override_settings(TIME_ZONE="Africa/Casablanca"):
        public_by_slug(now=now, slug="بلاغ")
    assert builds == ["ar", "fr", "ar"]


def test_a_missing_value_is_an_error_not_a_query_without_it(make_communique):
    make_communique(slug="بلاغ")
    with pytest.raises(KeyError):
        public_by_slug(slug="بلاغ")


@prepared
def public_newest_first():
    return Communique.plain().public(now=Param("now", models.DateTimeField()))


def test_counted_and_read_page_by_page_as_the_queryset_is(make_communique):
    for n in range(5):
        make_communique(slug=f"بلاغ-{n}")
    make_communique(Communique.Status.SCHEDULED, slug="المقبل")
    now = timezone.now()
    expected = [c.pk for c in Communique.objects.public(now=now)]
    assert public_newest_first.count(now=now) == len(expected) == 5
    pages = Paginator(PreparedList(public_newest_first, now=now), 2)
    assert [[c.pk for c in pages.page(n).object_list] for n in (1, 2, 3)] == [
        expected[0:2],
        expected[2:4],
        expected[4:5],
    ]
    assert public_newest_first.rows(3, 3, now=now) == []


def test_only_the_first_pages_are_kept_compiled(make_communique):
    public_newest_first.forget()
    make_communique()
    now = timezone.now()
    public_newest_first.rows(0, 10, now=now)
    public_newest_first.rows(MAX_KEPT_OFFSET, MAX_KEPT_OFFSET + 10, now=now)
    public_newest_first.rows(MAX_KEPT_OFFSET, MAX_KEPT_OFFSET + 10, now=now)
    assert [key[0] for key in public_newest_first.compiled] == [("slice", 0, 10)]
    assert public_newest_first.rows(MAX_KEPT_OFFSET, MAX_KEPT_OFFSET + 10, now=now) == []


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statements are prepared on PostgreSQL only"
)


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@postgresql_only
def test_postgresql_keeps_the_statements_and_django_still_counts_the_queries(make_communique):
    make_communique(slug="بلاغ")
    now = timezone.now()
    with CaptureQueriesContext(connection) as queries:
        assert len(public_by_slug(now=now, slug="بلاغ")) == 1
        assert public_by_slug(now=now, slug="لا-يوجد") == []
        assert public_newest_first.count(now=now) == 1
    assert len(queries) == 3
    kept = prepared_statements()
    # Bound on the server ($1…), once per statement however often it runs.
    assert sum('"slug" = ($' in statement for statement in kept) == 1
    assert sum(statement.startswith("SELECT COUNT(*)") for statement in kept) == 1


@postgresql_only
def test_without_prepared_statements_the_queries_run_as_any_other(make_communique):
    make_communique(slug="بلاغ")
    connection.ensure_connection()
    threshold = connection.connection.prepare_threshold
    connection.connection.prepare_threshold = None  # as DB_PREPARED_STATEMENTS=0 leaves it
    try:
        assert len(public_by_slug(now=timezone.now(), slug="بلاغ")) == 1
        assert not any('"slug" = ($' in statement for statement in prepared_statements())
    finally:
        connection.connection.prepare_threshold = threshold


def _by_slug_newest_id_first():
    now = Param("now", models.DateTimeField())
    slug = Param("slug", models.CharField())
    return Communique.plain().public(now=now).filter(slug=slug).order_by("-pk")


public_by_slug_planned_each_time = prepared(_by_slug_newest_id_first, plan_once=False)


@postgresql_only
def test_a_query_planned_each_time_is_compiled_once_but_not_prepared(make_communique):
    make_communique(slug="بلاغ")
    now = timezone.now()
    for _ in range(3):
        assert len(public_by_slug_planned_each_time(now=now, slug="بلاغ")) == 1
    assert not any('ORDER BY "meetings_communique"."id" DESC' in s for s in prepared_statements())
    assert len(public_by_slug_planned_each_time.compiled) == 1


def test_a_prepared_query_made_on_the_fly_is_not_kept_alive_by_its_settings_receiver():
    query = prepared(_by_slug_newest_id_first)
    alive = weakref.ref(query)
    del query
    gc.collect()
    assert alive() is None


def test_a_module_level_prepared_query_still_forgets_when_a_setting_changes(make_communique):
    make_communique(slug="بلاغ")
    public_by_slug(now=timezone.now(), slug="بلاغ")
    assert public_by_slug.compiled
    with override_settings(TIME_ZONE="Africa/Casablanca"):
        assert not public_by_slug.compiled
