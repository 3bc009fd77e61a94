"""The admin's small fixes: the date picker's Moroccan months, the favicon, single numbering."""

import datetime
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Decision, Meeting


def test_the_date_picker_speaks_moroccan_arabic(admin_client):
    """The calendar (admin/js/calendar.js) takes its month names from this catalog."""
    admin_client.cookies["django_language"] = "ar"
    script = admin_client.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    months = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو"]
    months += ["يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]
    english = ["January", "February", "March", "April", "May", "June", "July", "August"]
    english += ["September", "October", "November", "December"]
    assert [catalog[month] for month in english] == months
    abbreviations = [catalog[f"abbrev. month {month}\x04{month[:3]}"] for month in english]
    assert abbreviations == months


def test_the_djangojs_catalog_is_compiled():
    po = Path(settings.BASE_DIR) / "locale" / "ar" / "LC_MESSAGES" / "djangojs.po"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime - 1


def test_the_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.svg")
    assert "max-age=86400" in response["Cache-Control"]
    assert finders.find("img/favicon.svg")


def test_the_meeting_page_numbers_decisions_once(admin_client):
    meeting = Meeting.objects.create(
        starts_at=timezone.make_aware(datetime.datetime(2020, 1, 21, 17)),
        status=Meeting.Status.HELD,
    )
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="بند")
    Decision.objects.create(agenda_item=item, text_ar="قرار")
    html = admin_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk])).content
    html = html.decode()
    assert '<ul class="bureau-decisions">' in html and "1. 1." not in html
