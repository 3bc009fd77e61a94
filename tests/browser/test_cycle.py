"""The secretariat's week in a real browser, at 1280×800 and 1024×768: from /admin/ to what is
overdue, a follow-up entry, the next meeting's agenda prepared from the open decisions, and the
seed meeting's minutes; with the admin fixes checked on the pages on the way."""

import datetime
import io

import pytest
from django.core.management import call_command

from meetings.models import AgendaItem, Meeting

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENS = {"desktop": {"width": 1280, "height": 800}, "laptop": {"width": 1024, "height": 768}}
# What sticks out of the viewport, named for the failure message.
WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => { const r = e.getBoundingClientRect();
                 return r.width && (r.left < -1 || r.right > innerWidth + 1); })
  .slice(0, 5)
  .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width))"""
# Links that a click would miss: another element lies on top of their middle.
COVERED_LINKS = """(selector) => [...document.querySelectorAll(selector)].filter(a => {
  a.scrollIntoView({block: 'center'});
  const r = a.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !a.contains(hit);
}).map(a => a.outerHTML)"""
# The page's title and subtitle against each object tool.
TITLE_OVERLAPS = """() => {
  const titles = [...document.querySelectorAll('#content > h1, #content > h2')];
  const tools = [...document.querySelectorAll('.object-tools li')];
  const meet = (a, b) =>
    !(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left);
  return titles.flatMap(t => tools
    .filter(o => meet(t.getBoundingClientRect(), o.getBoundingClientRect()))
    .map(o => t.textContent.trim().slice(0, 30) + ' / ' + o.textContent.trim()));
}"""


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    return Meeting.objects.get(starts_at__date=datetime.date(2020, 1, 21))


def check_layout(page, name, screenshot):
    page.evaluate("document.fonts.ready")
    wide = page.evaluate(WIDER_THAN_THE_SCREEN)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{name} is wider than the screen by {overflow}px: {wide}"
    assert page.evaluate(TITLE_OVERLAPS) == [], name
    screenshot(page, name)


def log_in(page, base):
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", "demo")
    page.click("input[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_secretariats_week(live_server, demo, reader, screenshot, screen):
    page = reader
    page.set_viewport_size(SCREENS[screen])
    base = live_server.url
    log_in(page, base)

    # The home says what is overdue and links to the board.
    assert "هذا الأسبوع" in page.locator("#staff-home").inner_text()
    overdue = page.locator("a.overdue-count")
    assert int(overdue.inner_text()) >= 1
    check_layout(page, f"cycle-home-{screen}", screenshot)
    overdue.click()
    page.wait_for_load_state()
    board = page.locator("#overdue")
    assert "متأخر" in board.inner_text()
    check_layout(page, f"cycle-board-{screen}", screenshot)

    # One follow-up entry, in one step, from the board.
    row = board.locator("tbody tr.entry-row").first
    row.locator("input[name=progress]").fill("75")
    row.locator("input[name=note]").fill("انعقدت خمسة لقاءات")
    row.get_by_role("button", name="تسجيل").click()
    page.wait_for_load_state()
    assert (
        "تم تحيين نسبة الإنجاز: 75٪ — انعقدت خمسة لقاءات"
        in page.locator(".messagelist").inner_text()
    )
    assert "75٪" in page.locator("#overdue tbody tr").first.inner_text()

    # The next meeting's agenda, prepared from the open decisions.
    page.goto(f"{base}/admin/")
    page.get_by_role("link", name="إعداد جدول الأعمال").click()
    page.wait_for_load_state()
    assert "تتبع تنفيذ القرارات" in page.locator("#content-main").inner_text()
    check_layout(page, f"cycle-prepare-{screen}", screenshot)
    page.get_by_role("button", name="إضافة البنود المقبولة").click()
    page.wait_for_load_state()
    assert "عدد البنود المضافة إلى جدول الأعمال" in page.locator(".messagelist").inner_text()
    prepared = Meeting.objects.get(status=Meeting.Status.PLANNED)
    review = prepared.agenda_items.get(proposal=AgendaItem.Proposal.FOLLOW_UP)
    assert review.reviewed_decisions.exists()

    # The seed meeting's page: edit links clickable, numbering single, the minutes linked.
    page.goto(f"{base}/admin/meetings/meeting/{demo.pk}/change/")
    assert page.evaluate(COVERED_LINKS, ".inline-related a.inlinechangelink") == []
    decisions = page.locator("ul.bureau-decisions").inner_text()
    assert "1. 1." not in decisions and "البند 1:" in decisions
    check_layout(page, f"cycle-meeting-{screen}", screenshot)
    page.locator(".object-tools").get_by_role("link", name="المحضر", exact=True).click()
    page.wait_for_load_state()
    assert "الثلاثاء 21 يناير 2020" in page.locator(".minutes-header").inner_text()
    check_layout(page, f"cycle-minutes-{screen}", screenshot)
    pdf = page.request.get(f"{base}/admin/meetings/meeting/{demo.pk}/minutes.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body()[:4] == b"%PDF"

    # The agenda item and communiqué pages fit the screen, titles clear of the buttons.
    item = demo.agenda_items.get(order=4)
    page.goto(f"{base}/admin/meetings/agendaitem/{item.pk}/change/")
    check_layout(page, f"cycle-agenda-item-{screen}", screenshot)
    page.goto(f"{base}/admin/meetings/communique/{demo.communique.pk}/change/")
    check_layout(page, f"cycle-communique-{screen}", screenshot)


def test_the_date_picker_shows_moroccan_months(live_server, demo, reader, screenshot):
    page = reader
    page.set_viewport_size(SCREENS["desktop"])
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/meetings/meeting/{demo.pk}/change/")
    page.fill("#id_starts_at_0", "2020-05-05")
    page.locator("#calendarlink0").click()
    caption = page.locator("#calendarbox0 caption")
    assert caption.inner_text() == "ماي 2020"
    page.locator("#calendarbox0 .calendarnav-next").click()
    assert caption.inner_text() == "يونيو 2020"
    page.locator("#calendarbox0 .calendarnav-next").click()
    assert caption.inner_text() == "يوليوز 2020"
    screenshot(page, "cycle-date-picker")


def test_the_favicon_is_served_to_the_browser(live_server, reader):
    response = reader.request.get(f"{live_server.url}/favicon.ico")
    assert response.ok and "svg" in response.headers["content-type"]
