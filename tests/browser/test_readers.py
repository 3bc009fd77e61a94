"""A reader in Chromium: the page's script counts the view once (not again on reload) and
shows the count; the reply form sends a reply that waits for moderation."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Communique
from readers.models import Reply

pytestmark = [
    pytest.mark.browser,
    # Restore the migrated data (regions, roles) for the transactional tests that follow.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Headless Chromium says «HeadlessChrome», which the counter rightly takes for a bot.
PERSON = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


@pytest.fixture
def communique(db, settings):
    settings.READERS_REDIS_URL = ""  # straight to the database: what the test reads back
    settings.READERS_REPLY_MIN_SECONDS = 1
    return Communique.objects.create(
        title_ar="بلاغ المكتب السياسي",
        body_ar="عقد المكتب السياسي اجتماعه.",
        slug="balagh-readers",
        status=Communique.Status.PUBLISHED,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )


def test_a_reader_is_counted_once_and_can_reply(live_server, communique, reader, screenshot):
    page = reader.context.browser.new_page(user_agent=PERSON, locale="ar-MA")
    url = live_server.url + communique.get_absolute_url()
    page.goto(url)
    # Polled through a locator: a predicate string would be eval'd in the page, which its CSP
    # forbids.
    expect(page.locator("[data-view-count]")).to_have_text("1")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.text_content("[data-view-count]") == "1"
    page.fill("#id_name", "قارئ")
    page.fill("#id_text", "تحية للمكتب السياسي")
    page.wait_for_timeout(1100)  # the minimum fill time
    page.click(".reply-form button[type=submit]")
    page.wait_for_selector("p[role=status]")
    screenshot(page, "readers-reply-sent")
    assert Reply.objects.get().status == Reply.Status.PENDING
    assert not page.is_visible("input[name=website]")
