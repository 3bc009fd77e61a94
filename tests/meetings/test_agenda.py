"""The next meeting prepared from the last ones: dedicated items, the review of open decisions
and the coming congresses, each accepted or dropped, none added twice."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import agenda
from meetings.models import AgendaItem, Decision, Meeting
from regions.models import Congress, Region

Proposal = AgendaItem.Proposal


def planned(days_ahead=7, **fields):
    return Meeting.objects.create(
        starts_at=timezone.now() + datetime.timedelta(days=days_ahead),
        status=Meeting.Status.PLANNED,
        **fields,
    )


def test_a_decision_targeting_a_planned_meeting_puts_one_item_on_it(make_decision):
    target = planned()
    decision = make_decision(text_ar="تخصيص اجتماعه المقبل لقطب التنظيم")
    decision.target_meeting = target
    decision.save()
    decision.save()
    item = target.agenda_items.get()
    assert item.source_decision == decision
    assert item.title_ar == "تخصيص اجتماعه المقبل لقطب التنظيم"
    assert list(decision.placed_items.all()) == [item]


def test_the_next_meeting_of_an_organ_is_resolved_when_it_is_created(
    make_decision, django_capture_on_commit_callbacks
):
    decision = make_decision(target_organ=Meeting.Organ.POLITICAL_BUREAU)
    other = make_decision(target_organ=Meeting.Organ.CENTRAL_COMMITTEE)
    with django_capture_on_commit_callbacks(execute=True):
        target = planned()
    decision.refresh_from_db()
    other.refresh_from_db()
    assert decision.target_meeting == target
    assert other.target_meeting is None
    assert target.agenda_items.get().source_decision == decision


@pytest.fixture
def prepared_world(make_decision):
    target = planned(days_ahead=10)
    dedicating = make_decision()
    Decision.objects.filter(pk=dedicating.pk).update(target_meeting=target)  # before the item
    due = make_decision(due_date=timezone.localdate() + datetime.timedelta(days=5))
    overdue = make_decision(due_date=timezone.localdate() - datetime.timedelta(days=3))
    make_decision(due_date=timezone.localdate() + datetime.timedelta(days=40))  # not yet
    make_decision(due_date=timezone.localdate(), follow_up=Decision.FollowUp.DONE)  # done
    congress = Congress.objects.create(
        region=Region.objects.get(code="09"),
        date=timezone.localdate() + datetime.timedelta(days=20),
    )
    Congress.objects.create(  # too far ahead
        region=Region.objects.get(code="07"),
        date=timezone.localdate() + datetime.timedelta(days=90),
    )
    return {
        "meeting": target,
        "dedicating": dedicating,
        "review": [overdue, due],
        "congress": congress,
    }


def test_the_proposals(prepared_world):
    world = prepared_world
    proposals = {p.kind: p for p in agenda.proposals(world["meeting"])}
    assert proposals[Proposal.DEDICATED].decisions == [world["dedicating"]]
    assert proposals[Proposal.FOLLOW_UP].decisions == world["review"]
    assert proposals[Proposal.CONGRESSES].congresses == [world["congress"]]
    assert not any(p.present for p in proposals.values())


def test_accepted_proposals_are_added_once_and_dropped_ones_not_at_all(prepared_world):
    world = prepared_world
    meeting = world["meeting"]
    proposals = agenda.proposals(meeting)
    keys = [p.key for p in proposals if p.kind != Proposal.CONGRESSES]  # congresses dropped
    added = agenda.accept(meeting, keys)
    assert [item.order for item in added] == [1, 2]
    assert agenda.accept(meeting, keys) == []
    items = {item.proposal: item for item in meeting.agenda_items.all()}
    assert set(items) == {Proposal.DEDICATED, Proposal.FOLLOW_UP}
    assert items[Proposal.DEDICATED].source_decision == world["dedicating"]
    assert (
        list(items[Proposal.FOLLOW_UP].reviewed_decisions.order_by("due_date")) == world["review"]
    )
    assert items[Proposal.FOLLOW_UP].title_ar == "تتبع تنفيذ القرارات"
    assert all(p.present for p in agenda.proposals(meeting) if p.kind != Proposal.CONGRESSES)
    agenda.accept(meeting, [Proposal.CONGRESSES])
    item = meeting.agenda_items.get(proposal=Proposal.CONGRESSES)
    assert list(item.congresses.all()) == [world["congress"]]


def test_prepare_the_agenda_in_the_admin(client, secretariat, prepared_world):
    meeting = prepared_world["meeting"]
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    url = reverse("admin:meetings_meeting_prepare", args=[meeting.pk])
    page = client.get(url).content.decode()
    assert "تتبع تنفيذ القرارات" in page and "قبول" in page and "استبعاد" in page
    proposals = agenda.proposals(meeting)
    choices = {p.key: "accept" for p in proposals}
    choices[Proposal.CONGRESSES] = "drop"
    response = client.post(url, choices, follow=True)
    assert "عدد البنود المضافة إلى جدول الأعمال: 2" in response.content.decode()
    client.post(url, choices)
    assert meeting.agenda_items.count() == 2
    change = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert url in change.content.decode()


def test_only_a_planned_meeting_is_prepared(client, secretariat, make_decision):
    held = make_decision().agenda_item.meeting
    client.force_login(secretariat)
    response = client.get(reverse("admin:meetings_meeting_prepare", args=[held.pk]))
    assert response.status_code == 302
    assert held.agenda_items.count() == 1


def test_an_editor_cannot_prepare_an_agenda(client, editor, prepared_world):
    client.force_login(editor)
    url = reverse("admin:meetings_meeting_prepare", args=[prepared_world["meeting"].pk])
    assert client.post(url, {Proposal.FOLLOW_UP: "accept"}).status_code == 403
    assert not prepared_world["meeting"].agenda_items.exists()


def test_a_new_meetings_own_items_keep_their_places(
    client, secretariat, make_decision, django_capture_on_commit_callbacks
):
    """Created in the admin with its first item, the meeting gets the waiting decision's item
    after it."""
    decision = make_decision(target_organ=Meeting.Organ.POLITICAL_BUREAU)
    client.force_login(secretariat)
    day = timezone.localdate() + datetime.timedelta(days=3)
    data = {
        "organ": "political_bureau",
        "kind": "weekly",
        "starts_at_0": day.isoformat(),
        "starts_at_1": "17:00",
        "status": "planned",
        "agenda_items-TOTAL_FORMS": "1",
        "agenda_items-INITIAL_FORMS": "0",
        "agenda_items-0-order": "1",
        "agenda_items-0-title_ar": "الوضع السياسي",
        "agenda_items-0-topic": "politics",
        "attendance-TOTAL_FORMS": "0",
        "attendance-INITIAL_FORMS": "0",
        "dedicating_decisions-TOTAL_FORMS": "0",
        "dedicating_decisions-INITIAL_FORMS": "0",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:meetings_meeting_add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get(starts_at__date=day)
    items = list(meeting.agenda_items.order_by("order"))
    assert [(i.order, i.source_decision_id) for i in items] == [(1, None), (2, decision.pk)]
