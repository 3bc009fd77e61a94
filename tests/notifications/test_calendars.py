"""Private calendars by secret address, and the public congress calendar (RFC 5545)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from common import roles
from meetings.models import AgendaItem, Attendance, Decision, Meeting
from notifications.models import Preference
from regions.models import Congress, Person, Region, RegionalAccess

NEXT_WEEK = timezone.now() + datetime.timedelta(days=7)


@pytest.fixture
def member(staff):
    user = staff("member", roles.EDITOR)
    Person.objects.create(name="Member", name_ar="عضو المكتب", user=user)
    return user


@pytest.fixture
def meeting(member):
    meeting = Meeting.objects.create(
        starts_at=NEXT_WEEK.replace(microsecond=0), venue_ar="المقر المركزي، الرباط"
    )
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="الوضع السياسي; تقييم")
    Attendance.objects.create(meeting=meeting, person=member.person)
    Decision.objects.create(
        agenda_item=item,
        text_ar="إعداد تقرير عن التنظيم",
        responsible_person=member.person,
        due_date=NEXT_WEEK.date() + datetime.timedelta(days=14),
        follow_up=Decision.FollowUp.OPEN,
    )
    return meeting


def address(user):
    preference, _ = Preference.objects.get_or_create(user=user)
    return reverse("private_calendar", args=[preference.calendar_token])


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert b"\n" not in body.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))  # folded
    return body, Calendar.from_ical(body)


def events(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_a_private_calendar_lists_meetings_with_agenda_and_due_decisions(client, member, meeting):
    body, calendar = fetch(client, address(member))  # no session
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["tzid"] == "Africa/Casablanca"
    found = events(calendar)
    event = found[f"meeting-{meeting.pk}@bureau.example.org"]
    assert event.decoded("dtstart") == timezone.localtime(meeting.starts_at)
    assert event.decoded("dtstart").tzinfo.key == "Africa/Casablanca"
    assert b"DTSTART;TZID=Africa/Casablanca:" in body
    assert "1. الوضع السياسي; تقييم" in str(event["description"])
    assert str(event["location"]) == "المقر المركزي، الرباط"
    assert "dtstamp" in event
    decision = meeting.agenda_items.get().decisions.get()
    due = found[f"decision-{decision.pk}@bureau.example.org"]
    assert due.decoded("dtstart") == decision.due_date
    assert "إعداد تقرير" in str(due["summary"])
    # Stable UIDs: the same address twice gives the same events.
    assert set(events(fetch(client, address(member))[1])) == set(found)


def test_meetings_one_does_not_attend_are_not_listed(client, staff, meeting):
    other = staff("other", roles.EDITOR)
    assert not events(fetch(client, address(other))[1])


def test_the_secretariat_sees_every_meeting_and_congress(client, staff, meeting):
    secretariat = staff("secretariat-1", roles.SECRETARIAT)
    Congress.objects.create(region=Region.objects.get(code="09"), date=NEXT_WEEK.date())
    found = events(fetch(client, address(secretariat))[1])
    assert any(uid.startswith("meeting-") for uid in found)
    assert any(uid.startswith("congress-") for uid in found)


def test_a_regional_secretary_sees_only_their_regions_congresses(client, staff):
    secretary = staff("secretary", roles.REGIONAL_SECRETARY)
    RegionalAccess.objects.create(user=secretary, region=Region.objects.get(code="08"))
    own = Congress.objects.create(region=Region.objects.get(code="08"), date=NEXT_WEEK.date())
    Congress.objects.create(region=Region.objects.get(code="09"), date=NEXT_WEEK.date())
    found = events(fetch(client, address(secretary))[1])
    assert list(found) == [f"congress-{own.pk}@bureau.example.org"]


@pytest.mark.parametrize("token", ["nope", "x" * 43, ""])
def test_an_invalid_token_answers_404(client, db, token):
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_a_regenerated_token_answers_404_and_the_new_one_works(client, member, meeting):
    old = address(member)
    client.force_login(member)
    preference = member.notification_preference
    page = reverse("admin:notifications_preference_change", args=[preference.pk])
    response = client.post(page, {"language": "", "email_on": [], "_regenerate_calendar": "1"})
    assert response.status_code == 302
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(address(member)).status_code == 200


def test_an_inactive_users_calendar_answers_404(client, member):
    url = address(member)
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 404


def test_the_own_settings_page_shows_the_address_and_a_copy_button(client, member):
    client.force_login(member)
    response = client.get(reverse("admin:notifications_preference_mine"), follow=True)
    html = response.content.decode()
    token = member.notification_preference.calendar_token
    assert f"https://bureau.example.org/calendar/{token}.ics" in html
    assert 'data-copy-target="calendar-address"' in html
    assert "notifications/copy.js" in html
    assert "<script>" not in html.split("</head>")[1]  # no inline script


def test_the_public_calendar_lists_upcoming_public_congresses_only(client, db):
    region = Region.objects.get(code="08")
    shown = Congress.objects.create(region=region, date=NEXT_WEEK.date(), is_public=True)
    Congress.objects.create(region=region, date=NEXT_WEEK.date())  # not public
    Congress.objects.create(region=region, date=datetime.date(2020, 1, 1), is_public=True)  # past
    found = events(fetch(client, "/calendar.ics")[1])
    assert list(found) == [f"congress-{shown.pk}@bureau.example.org"]
    assert found[f"congress-{shown.pk}@bureau.example.org"].decoded("dtstart") == shown.date


def test_congresses_are_private_by_default(db):
    assert Congress._meta.get_field("is_public").default is False


def test_public_pages_link_the_calendar(client, db):
    assert 'href="/calendar.ics"' in client.get("/").content.decode()


def test_a_calendars_queries_do_not_grow_with_meetings(client, member, django_assert_num_queries):
    url = address(member)

    def add_meetings(count):
        for day in range(count):
            meeting = Meeting.objects.create(
                starts_at=NEXT_WEEK + datetime.timedelta(days=day + 1), venue_ar="الرباط"
            )
            AgendaItem.objects.create(meeting=meeting, order=1, title_ar="بند")
            Attendance.objects.create(meeting=meeting, person=member.person)

    add_meetings(1)
    # 1 the token's settings and user, 2-3 the user's permissions (own, groups), 4 the
    # meetings, 5 their agenda items, 6 the decisions, 7 the congresses.
    with django_assert_num_queries(7):
        client.get(url)
    add_meetings(10)
    with django_assert_num_queries(7):
        assert len(events(fetch(client, url)[1])) == 11
