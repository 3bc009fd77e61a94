"""The parts of every page that depend on the language alone are rendered once per language
(public/templatetags/site.py): each language still gets its own, and a changed setting shows."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db


def nav_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="([^"]+)"', nav)


def test_each_language_keeps_its_own_navigation_footer_and_font(client, seed, settings):
    settings.DEBUG = False  # the parts are kept only when not debugging
    for _round in range(2):  # the second round is served from what the first rendered
        arabic = client.get("/").content.decode()
        french = client.get("/fr/").content.decode()
        english = client.get("/en/").content.decode()
        assert nav_links(arabic) == ["/", "/archive/", "/regions/"]
        assert nav_links(french) == ["/fr/", "/fr/archive/", "/fr/regions/"]
        assert nav_links(english) == ["/en/", "/en/archive/", "/en/regions/"]
        assert '<meta property="og:locale" content="ar_MA">' in arabic
        assert '<meta property="og:locale" content="fr_MA">' in french
        assert "noto-naskh-arabic-arabic-400" in arabic and "noto-naskh-arabic-latin-400" in french
        assert ">Archives<" in french and ">Archive<" in english
        assert 'action="/fr/search/"' in french and 'href="/fr/feed/atom/"' in french
        assert "© حزب التقدم والاشتراكية" in arabic
        assert "© Parti du Progrès et du Socialisme" in french


def test_a_changed_organisation_name_shows_at_once(client, seed, settings):
    settings.DEBUG = False
    assert "© حزب التقدم والاشتراكية" in client.get("/").content.decode()
    renamed = {"ar": "حزب الاختبار", "fr": "Parti d'essai", "en": "Test party"}
    with override_settings(ORGANISATION_NAME=renamed):
        cache.clear()  # the page cache would answer with the page rendered before
        html = client.get("/").content.decode()
    assert "© حزب الاختبار" in html
    assert '<meta property="og:site_name" content="حزب الاختبار">' in html


def test_the_search_page_has_its_own_search_form_and_keeps_the_query(client, seed):
    html = client.get("/search/", {"q": "درعة"}).content.decode()
    assert 'id="site-search"' not in html
    assert 'value="درعة"' in html
    assert 'id="site-search"' in client.get("/").content.decode()
