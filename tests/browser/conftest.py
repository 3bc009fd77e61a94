"""Playwright with Debian's Chromium (docs/testing.md): no browser download, ever.

Whether Chromium is there is decided at collection time (tests/conftest.py): without it these
tests are skipped before any fixture runs, unless REQUIRE_BROWSER=1 (CI), where it is an error.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

# live_server runs Django in a thread while sync Playwright runs an event loop in this one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.conftest import CHROMIUM

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


@pytest.fixture
def reader():
    """A Playwright page in Chromium, or a skip (a failure under REQUIRE_BROWSER=1).

    Playwright is started and stopped around each test rather than once per session: while its
    event loop runs, Django hands this thread other connection objects, and the database
    restore between transactional tests (serialized_rollback) would not find its data.
    Request this fixture after `live_server` and the data fixtures.
    """
    from playwright.sync_api import sync_playwright  # installed: checked at collection

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser.new_page(locale="ar-MA")
        finally:
            browser.close()
            # The connections the test opened while the event loop ran: left open, one of them
            # held the test database when it was dropped at the end of the run.
            connections.close_all()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def axe_violations():
    """Run axe-core (vendored from npm, see vendor/) in the page; return its serious findings."""

    def run(page) -> list[dict]:
        # The site's Content-Security-Policy refuses inline scripts, so axe is not added as a
        # <script> element: Playwright evaluates it through the DevTools protocol instead.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run
