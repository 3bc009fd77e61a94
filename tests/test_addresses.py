"""Dated addresses formatted without reverse() (common/addresses.py) are reverse()'s own."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse, set_script_prefix
from django.utils import translation

from common.addresses import dated_address

SLUGS = [
    "اجتماع-المكتب-السياسي-21-يناير-2020",
    "bulletin-du-bureau",
    "a_b-c",
    "بلاغ-٢٠٢٠",  # Arabic-Indic digits
    "ﻻ-ligature-é",
]
DAYS = [datetime.date(1999, 12, 31), datetime.date(2020, 1, 2), datetime.date(2026, 11, 30)]


def reversed_by_django(viewname, day, slug):
    kwargs = {"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}"}
    return reverse(viewname, kwargs={**kwargs, "slug": slug})


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
@pytest.mark.parametrize("viewname", ["public:communique_detail", "public:communique_pdf"])
def test_the_same_address_as_reverse_in_every_language(language, viewname):
    with translation.override(language):
        for day in DAYS:
            for slug in SLUGS:
                expected = reversed_by_django(viewname, day, slug)
                assert dated_address(viewname, day, slug) == expected


def test_under_a_script_prefix_and_after_it_changes():
    day, slug = DAYS[1], SLUGS[0]
    try:
        set_script_prefix("/bureau/")
        with translation.override("fr"):
            address = dated_address("public:communique_detail", day, slug)
            assert address.startswith("/bureau/fr/2020/01/02/")
            assert address == reversed_by_django("public:communique_detail", day, slug)
    finally:
        set_script_prefix("/")
    assert dated_address("public:communique_detail", day, slug).startswith("/2020/01/02/")


@override_settings(ROOT_URLCONF="tests.urls_without_dates")
def test_a_view_whose_address_is_not_dated_as_expected_is_reversed_every_time():
    day = DAYS[1]
    assert dated_address("elsewhere", day, "slug") == "/elsewhere/slug/2020-01-02/"
    assert dated_address("elsewhere", day, "other") == "/elsewhere/other/2020-01-02/"
