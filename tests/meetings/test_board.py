"""The follow-up board: its groups, filters, exports and its constant number of queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings import board
from meetings.models import AgendaItem, Decision, Meeting
from regions.models import Person, Region

Status = Decision.FollowUp
BOARD = "admin:meetings_decision_board"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def world(make_decision, secretariat):
    """One decision per case the board tells apart."""
    decisions = {
        "overdue": make_decision(due_date=days(-2), follow_up=Status.IN_PROGRESS),
        "soon": make_decision(due_date=days(5)),
        "undated": make_decision(),
        "later": make_decision(due_date=days(30)),
        "no action": make_decision(follow_up="", due_date=days(-5)),
        "dropped": make_decision(follow_up=Status.DROPPED, due_date=days(-5)),
        "done recently": make_decision(follow_up=Status.DONE, due_date=days(-9)),
        "done long ago": make_decision(follow_up=Status.DONE, due_date=days(-90)),
    }
    Decision.objects.filter(pk=decisions["done recently"].pk).update(
        followed_up_at=timezone.now() - datetime.timedelta(days=3)
    )
    Decision.objects.filter(pk=decisions["done long ago"].pk).update(
        followed_up_at=timezone.now() - datetime.timedelta(days=60)
    )
    return decisions


def shown(groups):
    return {g.slug: [d.pk for d in g.rows] for g in groups}


def test_the_board_groups_open_decisions(world, secretariat):
    groups = board.build(secretariat, board.Filters())
    assert shown(groups) == {
        "overdue": [world["overdue"].pk],
        "due-soon": [world["soon"].pk],
        "undated": [world["undated"].pk],
        "done": [world["done recently"].pk],
    }
    assert [g.count for g in groups] == [1, 1, 1, 1]
    assert groups[0].rows[0].days_late == 2


def test_an_overdue_decision_says_so_in_arabic_with_its_days(client, world, secretariat):
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    html = client.get(reverse(BOARD)).content.decode()
    assert "متأخر، 2 يوم" in html
    assert "تتبع القرارات" in html


def test_filters(make_decision, secretariat):
    draa = Region.objects.get(code="08")
    nadia = Person.objects.create(name_ar="نادية العلوي")
    by_person = make_decision(due_date=days(-1), responsible_person=nadia)
    by_body = make_decision(due_date=days(-1), responsible_body="قطب التنظيم")
    in_draa = make_decision(due_date=days(-1), kind=Decision.Kind.RECOMMENDATION)
    in_draa.agenda_item.regions.add(draa)
    committee = make_decision(due_date=days(-1))
    Meeting.objects.filter(pk=committee.agenda_item.meeting_id).update(
        organ=Meeting.Organ.CENTRAL_COMMITTEE
    )

    def overdue(**query):
        groups = board.build(secretariat, board.Filters.from_query(query))
        return shown(groups)["overdue"]

    assert overdue(owner=f"p:{nadia.pk}") == [by_person.pk]
    assert overdue(owner="b:قطب التنظيم") == [by_body.pk]
    assert overdue(region=str(draa.pk)) == [in_draa.pk]
    assert overdue(kind="recommendation") == [in_draa.pk]
    assert overdue(organ="central_committee") == [committee.pk]
    assert overdue(meeting=str(by_body.agenda_item.meeting_id)) == [by_body.pk]
    choices = board.filter_choices(secretariat)
    assert (f"p:{nadia.pk}", "نادية العلوي") in choices["owners"]
    assert ("b:قطب التنظيم", "قطب التنظيم") in choices["owners"]


def many_decisions(count):
    """``count`` open decisions over 20 meetings, with owners and regions, in bulk."""
    people = [Person.objects.create(name_ar=f"عضو {n}") for n in range(5)]
    items = []
    for n in range(20):
        meeting = Meeting.objects.create(
            starts_at=timezone.now() - datetime.timedelta(days=40 + n),
            status=Meeting.Status.HELD,
        )
        item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="بند")
        item.regions.add(Region.objects.get(code="08"))
        items.append(item)
    Decision.objects.bulk_create(
        Decision(
            agenda_item=items[n % 20],
            order=n,
            text_ar=f"قرار {n}",
            text=f"قرار {n}",
            follow_up=Status.OPEN,
            due_date=None if n % 3 == 0 else days(n % 14 - 7),
            responsible_person=people[n % 5] if n % 2 else None,
            responsible_body="" if n % 2 else "قطب التنظيم",
        )
        for n in range(count)
    )


def board_queries(client, **query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(BOARD), query)
    assert response.status_code == 200
    return len(queries)


def test_the_board_makes_at_most_11_queries_for_10_or_1000_decisions(client, secretariat):
    client.force_login(secretariat)
    many_decisions(10)
    few = board_queries(client)
    many_decisions(990)
    assert Decision.objects.count() == 1000
    # The board's 10, and the admin header's unread notification count.
    assert board_queries(client) == few <= 11
    assert board_queries(client, group="overdue", region="1") <= 11


def test_a_long_group_is_cut_with_a_link_to_all_of_it(secretariat):
    many_decisions(900)
    groups = board.build(secretariat, board.Filters())
    undated = next(g for g in groups if g.slug == "undated")
    assert undated.count == 300 and len(undated.rows) == board.ROWS_PER_GROUP
    overdue = next(g for g in groups if g.slug == "overdue")
    assert overdue.cut and len(overdue.rows) == board.ROWS_PER_GROUP
    whole = board.build(secretariat, board.Filters(), only="overdue")
    assert len(whole) == 1 and len(whole[0].rows) == overdue.count <= board.GROUP_PAGE_ROWS


def test_csv_export(client, world, secretariat):
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    response = client.get(reverse("admin:meetings_decision_board_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "المجموعة"
    assert len(rows) == 5  # every decision on the board, however long its group
    overdue = rows[1]
    assert overdue[0] == "متأخرة" and overdue[6] == "2" and overdue[8] == "0"


def test_pdf_export_and_print_stylesheet(client, world, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("admin:meetings_decision_board_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    html = client.get(reverse(BOARD)).content.decode()
    assert "admin-extra/cycle.css" in html and "data-print" in html  # no inline handler: CSP


def test_one_step_from_the_board(client, world, secretariat):
    client.force_login(secretariat)
    decision = world["soon"]
    back = reverse(BOARD) + "?kind=decision"
    response = client.post(
        reverse("admin:meetings_decision_follow_up", args=[decision.pk]),
        {"status": "in_progress", "progress": "25", "note": "", "next": back},
    )
    assert response.status_code == 302 and response["Location"] == back
    decision.refresh_from_db()
    assert (decision.follow_up, decision.progress) == (Status.IN_PROGRESS, 25)


def test_an_outside_next_address_is_not_followed(client, world, secretariat):
    client.force_login(secretariat)
    decision = world["soon"]
    response = client.post(
        reverse("admin:meetings_decision_follow_up", args=[decision.pk]),
        {"progress": "25", "next": "https://example.com/"},
    )
    assert response["Location"] == reverse("admin:meetings_decision_change", args=[decision.pk])


def test_a_responsible_person_sees_and_updates_their_own_decisions(client, make_user, world):
    owner = make_user("owner")
    person = Person.objects.create(name_ar="نادية العلوي", user=owner)
    mine = world["overdue"]
    Decision.objects.filter(pk=mine.pk).update(responsible_person=person)
    client.force_login(owner)
    html = client.get(reverse(BOARD)).content.decode()
    assert f'id="decision-{mine.pk}"' in html
    assert f'id="decision-{world["soon"].pk}"' not in html
    assert html.count('class="entry-row') == 1
    client.post(reverse("admin:meetings_decision_follow_up", args=[mine.pk]), {"progress": "90"})
    mine.refresh_from_db()
    assert mine.progress == 90
    response = client.post(
        reverse("admin:meetings_decision_follow_up", args=[world["soon"].pk]), {"progress": "90"}
    )
    assert response.status_code == 404
