"""The bell and the calendar address in a real browser, on a phone and on a desktop: the count
shows, nothing sticks out sideways, and the copy button (a static script) copies."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from common import roles
from notifications.models import Notification

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 1; })
  .slice(0, 5).map(e => e.tagName + '.' + e.className)"""


@pytest.fixture
def approver(db):
    user = User.objects.create_user("approver", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.APPROVER))
    for n in range(3):
        Notification.objects.create(
            recipient=user,
            event="communique_submitted",
            key=f"k{n}",
            title=f"بلاغ للمصادقة رقم {n}",
            url="/admin/",
        )
    return user


@pytest.mark.parametrize(
    ("name", "viewport"),
    [("phone", {"width": 360, "height": 740}), ("desktop", {"width": 1280, "height": 900})],
)
def test_the_bell_and_the_copy_button(live_server, approver, reader, screenshot, name, viewport):
    page = reader
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "approver")
    page.fill("#id_password", "pw")
    page.click("input[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".bureau-bell-count").inner_text() == "3"
    assert page.evaluate(WIDER_THAN_THE_SCREEN) == []
    screenshot(page, f"admin-bell-{name}")

    page.locator(".bureau-bell").click()
    page.wait_for_load_state()
    assert page.locator("#result_list a.bureau-unread").count() == 3
    page.locator("#result_list a.bureau-unread").first.click()
    page.wait_for_load_state()
    assert page.locator(".bureau-bell-count").inner_text() == "2"

    page.get_by_role("link", name="إعدادات إشعاراتي").click()
    page.wait_for_load_state()
    address = page.input_value("#calendar-address")
    assert address.startswith("https://bureau.example.org/calendar/") and address.endswith(".ics")
    button = page.locator("[data-copy-target=calendar-address]")
    button.click()
    # The clipboard answers asynchronously: wait for the button to say so.
    expect(button).to_have_text("تم النسخ")
    assert errors == []
    screenshot(page, f"admin-notification-settings-{name}")
