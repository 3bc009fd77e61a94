"""Queries compiled once and run again with new values (common/prepared.py)."""

import datetime

import pytest
from django.db import models
from django.test import override_settings
from django.utils import timezone, translation

from common.prepared import Param, prepared
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
