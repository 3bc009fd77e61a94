"""A reader in a real browser (Debian's Chromium through Playwright): reads, follows, switches
language, searches, on a phone and on a desktop, with an automated accessibility check."""

import io

import pytest
from django.core.management import call_command
from django.utils.translation import get_language_info

from meetings.models import Communique

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}
# The elements that stick out of the viewport, named for the failure message.
WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => {
    const r = e.getBoundingClientRect();
    return r.left < -1 || r.right > innerWidth + 1;
  })
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().width)"""


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    return Communique.objects.get(slug="اجتماع-المكتب-السياسي-21-يناير-2020")


def test_reader_follows_a_communique_switches_to_french_and_back_and_searches(
    live_server, demo, reader, screenshot
):
    page = reader
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.get_attribute("html", "dir") == "rtl"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('700 20px \"Noto Kufi Arabic\"', 'بلاغ')")
    screenshot(page, "home-desktop")

    page.get_by_role("link", name=demo.title_ar).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == demo.title_ar
    assert "الثلاثاء 21 يناير 2020" in page.locator("article.communique").inner_text()
    screenshot(page, "communique-desktop")

    page.get_by_role("link", name=get_language_info("fr")["name_local"]).click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{live_server.url}/fr/2020/")
    assert page.get_attribute("html", "dir") == "ltr"
    assert page.locator("h1").inner_text() == demo.title_fr
    screenshot(page, "communique-french")

    page.get_by_role("link", name=get_language_info("ar")["name_local"]).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == demo.title_ar

    page.get_by_role("searchbox").first.fill("انصهار")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_load_state()
    results = page.locator("main")
    assert demo.title_ar in results.inner_text()
    assert page.locator("main mark").count() >= 1
    screenshot(page, "search-desktop")


@pytest.mark.parametrize("name", ["home", "communique", "search", "archive", "region"])
def test_phone_pages_are_right_to_left_without_horizontal_scrolling(
    live_server, demo, reader, screenshot, name
):
    page = reader
    page.set_viewport_size(PHONE)
    address = {
        "home": "/",
        "communique": demo.get_absolute_url(),
        "search": "/search/?q=درعة+تافيلالت",
        "archive": "/2020/01/",
        "region": "/regions/draa-tafilalet/",
    }[name]
    page.goto(f"{live_server.url}{address}")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    wide = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 360px: {wide}"
    screenshot(page, f"{name}-phone")


@pytest.mark.parametrize(
    "address",
    ["/", "{seed}", "/fr{seed}", "/search/?q=انصهار", "/archive/", "/regions/draa-tafilalet/"],
)
def test_pages_have_no_serious_accessibility_violation(
    live_server, demo, reader, axe_violations, address
):
    reader.goto(live_server.url + address.format(seed=demo.get_absolute_url()))
    assert axe_violations(reader) == []


def test_keyboard_reaches_the_skip_link_first_and_focus_is_visible(live_server, demo, reader):
    page = reader
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_print_stylesheet_shows_the_communique_alone(live_server, demo, reader):
    page = reader
    page.goto(f"{live_server.url}{demo.get_absolute_url()}")
    page.emulate_media(media="print")
    assert page.locator(".site-nav").is_hidden()
    assert page.locator(".related").is_hidden()
    assert page.locator("article h1").is_visible()
