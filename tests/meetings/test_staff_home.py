"""The admin home starts with "this week", for each role; a regional secretary sees their
region's version."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common import roles
from meetings.models import AgendaItem, Communique, Meeting
from regions.models import Congress, Region, RegionalAccess


@pytest.fixture
def week(make_decision):
    meeting = Meeting.objects.create(
        starts_at=timezone.now() + datetime.timedelta(days=2), status=Meeting.Status.PLANNED
    )
    AgendaItem.objects.create(meeting=meeting, order=1, title_ar="الدخول السياسي")
    make_decision(due_date=timezone.localdate() - datetime.timedelta(days=1))
    make_decision(due_date=timezone.localdate() - datetime.timedelta(days=8))
    Communique.objects.create(title_ar="بلاغ في طور الإعداد", slug="draft", body_ar="نص")
    Congress.objects.create(
        region=Region.objects.get(code="04"),
        date=datetime.date(2020, 1, 11),
        status=Congress.Status.SUBMITTED,
    )
    Congress.objects.create(
        region=Region.objects.get(code="08"),
        date=datetime.date(2020, 1, 18),
        status=Congress.Status.HELD,
    )
    return meeting


def home(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "ar"
    return client.get(reverse("admin:index")).content.decode()


def test_the_secretariat_sees_the_week(client, secretariat, week):
    html = home(client, secretariat)
    assert "هذا الأسبوع" in html
    assert "الدخول السياسي" in html  # the next meeting's agenda
    assert reverse("admin:meetings_meeting_prepare", args=[week.pk]) in html
    assert f'href="{reverse("admin:meetings_decision_board")}#overdue">2</a>' in html
    assert "جهة الرباط-سلا-القنيطرة" in html  # awaiting validation
    for name in ["regions_congress_dashboard", "regions_mandate_register"]:
        assert reverse(f"admin:{name}") in html


def test_an_editor_sees_the_communiques_waiting_for_their_role(client, editor, week):
    html = home(client, editor)
    assert "بلاغ في طور الإعداد" in html
    assert "الدخول السياسي" in html
    assert 'class="overdue-count"' in html  # editors read the decisions


def test_an_approver_sees_no_draft(client, approver, week):
    html = home(client, approver)
    assert "بلاغات في انتظاري" in html and "بلاغ في طور الإعداد" not in html


def test_a_regional_secretary_sees_their_region_only(client, make_user, week):
    secretary = make_user("regional", roles.REGIONAL_SECRETARY)
    RegionalAccess.objects.create(user=secretary, region=Region.objects.get(code="08"))
    html = home(client, secretary)
    assert "جهتي" in html and "درعة-تافيلالت" in html
    assert "الرباط-سلا-القنيطرة" not in html
    assert "overdue-count" not in html and reverse("admin:meetings_decision_board") not in html
    assert "الدخول السياسي" not in html
    assert reverse("admin:regions_congress_dashboard") in html


def test_the_home_makes_few_queries(client, secretariat, week):
    client.force_login(secretariat)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("admin:index"))
    assert len(queries) <= 12
