"""Recording, submitting, validating and sending back a congress outcome."""

import datetime

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from regions import access, workflow
from regions.models import Congress, CongressTransition, Election, Mandate, RegionalAccess

from .conftest import CONGRESS_DAY, PDF
from .test_forged_posts import congress_data, election_row, management

NOW = datetime.datetime(2020, 1, 20, 10, 0, tzinfo=datetime.UTC)


def complete(world, secretary_person):
    """Fill in what a submission needs: delegates, summary, minutes, the elected secretary."""
    congress = world["congress"]
    congress.delegates = 212
    congress.summary_ar = "ملخص"
    congress.minutes.save("minutes.pdf", ContentFile(PDF), save=False)
    congress.save()
    Election.objects.create(
        congress=congress, person=secretary_person, office=Mandate.Office.REGIONAL_SECRETARY
    )
    return congress


def step_url(congress, step):
    return reverse("admin:regions_congress_transition", args=[congress.pk, step])


def change_url(congress):
    return reverse("admin:regions_congress_change", args=[congress.pk])


@pytest.fixture
def submitted(own, draa_secretary):
    congress = complete(own, draa_secretary.person)
    workflow.submit(congress, actor=draa_secretary)
    return congress


def test_secretary_submits_a_complete_outcome(client, draa_secretary, own):
    congress = complete(own, draa_secretary.person)
    client.force_login(draa_secretary)
    with time_machine.travel(NOW, tick=False):
        response = client.post(step_url(congress, "submit"))
    assert response.status_code == 302
    congress.refresh_from_db()
    assert congress.status == Congress.Status.SUBMITTED
    step = congress.transitions.get()
    assert (step.action, step.from_status, step.to_status) == ("submitted", "held", "submitted")
    assert (step.actor, step.at) == (draa_secretary, NOW)


def test_an_incomplete_outcome_cannot_be_submitted(client, draa_secretary, own):
    client.force_login(draa_secretary)
    response = client.post(step_url(own["congress"], "submit"), follow=True)
    assert response.status_code == 200
    [message] = list(response.context["messages"])
    assert message.level_tag == "error"
    with pytest.raises(workflow.InvalidTransition):
        workflow.submit(own["congress"], actor=draa_secretary)
    own["congress"].refresh_from_db()
    assert own["congress"].status == Congress.Status.HELD
    assert not CongressTransition.objects.exists()


def test_a_congress_still_to_come_cannot_be_submitted(draa_secretary, own):
    congress = complete(own, draa_secretary.person)
    with time_machine.travel(datetime.date(2020, 1, 1)):
        with pytest.raises(workflow.InvalidTransition):
            workflow.submit(congress, actor=draa_secretary)


def test_the_bureau_does_not_submit_for_a_region(secretariat, draa_secretary, own):
    congress = complete(own, draa_secretary.person)
    with pytest.raises(workflow.NotAllowed):
        workflow.submit(congress, actor=secretariat)


def test_recording_a_planned_congress_that_took_place_marks_it_held(client, draa_secretary, draa):
    congress = Congress.objects.create(region=draa, date=CONGRESS_DAY)
    client.force_login(draa_secretary)
    data = congress_data(draa, delegates="212")
    assert client.post(change_url(congress), data).status_code == 302
    congress.refresh_from_db()
    assert (congress.status, congress.delegates) == (Congress.Status.HELD, 212)
    assert congress.transitions.get().action == CongressTransition.Action.RECORDED


def test_a_submitted_outcome_is_read_only_for_the_secretary(client, draa_secretary, own, submitted):
    client.force_login(draa_secretary)
    page = client.get(change_url(submitted))
    assert page.status_code == 200
    assert step_url(submitted, "submit") not in page.content.decode()
    assert reverse("admin:regions_congress_minutes", args=[submitted.pk]) in page.content.decode()
    data = congress_data(
        own["region"],
        delegates="1",
        **management("elections", 2, 2),
        **election_row(0, own["election"]),
        **election_row(1, submitted.elections.get(office="regional_secretary")),
    )
    assert client.post(change_url(submitted), data).status_code == 403
    submitted.refresh_from_db()
    assert submitted.delegates == 212


def test_secretariat_validates_and_the_elected_take_office(
    client, secretariat, draa_secretary, own, submitted
):
    previous = own["secretary_mandate"]
    former_member = Mandate.objects.create(
        person=own["former"],
        office=Mandate.Office.REGIONAL_SECRETARIAT,
        region=own["region"],
        start_date=datetime.date(2016, 1, 9),
    )
    client.force_login(secretariat)
    page = client.get(change_url(submitted))
    assert step_url(submitted, "validate") in page.content.decode()
    with time_machine.travel(NOW, tick=False):
        assert client.post(step_url(submitted, "validate")).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Congress.Status.VALIDATED
    previous.refresh_from_db()
    former_member.refresh_from_db()
    assert previous.end_date == CONGRESS_DAY
    assert former_member.end_date == CONGRESS_DAY
    elected = submitted.elected_mandates.order_by("-office")
    assert [(m.person, m.office, m.start_date, m.end_date) for m in elected] == [
        (draa_secretary.person, "regional_secretary", CONGRESS_DAY, None),
        (own["person"], "regional_secretariat", CONGRESS_DAY, None),
    ]
    today = Mandate.objects.current().filter(office="regional_secretary", region=own["region"])
    assert [m.person for m in today] == [draa_secretary.person]
    # The new secretary's account now ends with the mandate.
    assert RegionalAccess.objects.get(user=draa_secretary).mandate == elected[0]
    step = submitted.transitions.get(action="validated")
    assert (step.from_status, step.actor, step.at) == ("submitted", secretariat, NOW)


def test_public_offices_are_not_ended_by_a_congress(secretariat, own, submitted):
    workflow.validate(submitted, actor=secretariat)
    own["mandate"].refresh_from_db()
    assert own["mandate"].end_date is None


@pytest.mark.parametrize("step", ["validate", "send-back"])
def test_a_secretary_cannot_validate_or_send_back(client, draa_secretary, submitted, step):
    client.force_login(draa_secretary)
    assert client.post(step_url(submitted, step), {"comment": "ok"}).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Congress.Status.SUBMITTED
    with pytest.raises(workflow.NotAllowed):
        workflow.validate(submitted, actor=draa_secretary)
    with pytest.raises(workflow.NotAllowed):
        workflow.send_back(submitted, actor=draa_secretary, comment="ok")


@pytest.mark.parametrize("role", ["editor", "approver", "publisher"])
def test_other_bureau_roles_cannot_validate(client, request, submitted, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert client.post(step_url(submitted, "validate")).status_code in (403, 404)
    with pytest.raises(workflow.NotAllowed):
        workflow.validate(submitted, actor=user)
    submitted.refresh_from_db()
    assert submitted.status == Congress.Status.SUBMITTED


def test_sending_back_needs_a_comment(secretariat, submitted):
    with pytest.raises(workflow.InvalidTransition):
        workflow.send_back(submitted, actor=secretariat, comment="  ")
    submitted.refresh_from_db()
    assert submitted.status == Congress.Status.SUBMITTED


def test_a_sent_back_outcome_is_the_regions_to_correct_again(
    client, secretariat, draa_secretary, own, submitted
):
    client.force_login(secretariat)
    response = client.post(step_url(submitted, "send-back"), {"comment": "Joindre la liste."})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Congress.Status.HELD
    step = submitted.transitions.first()
    assert (step.action, step.actor, step.comment) == (
        "sent_back",
        secretariat,
        "Joindre la liste.",
    )
    assert not submitted.elected_mandates.exists()
    client.force_login(draa_secretary)
    page = client.get(change_url(submitted))
    assert "Joindre la liste." in page.content.decode()
    assert step_url(submitted, "submit") in page.content.decode()
    assert access.can_change_congress(draa_secretary, submitted)


def test_a_validated_outcome_is_final_for_the_secretary(
    client, secretariat, draa_secretary, own, submitted
):
    workflow.validate(submitted, actor=secretariat)
    client.force_login(draa_secretary)
    page = client.get(change_url(submitted))
    assert page.status_code == 200
    assert draa_secretary.person.name in page.content.decode()  # the officials it elected
    data = congress_data(own["region"], delegates="1", **management("elections"))
    assert client.post(change_url(submitted), data).status_code == 403
    with pytest.raises(workflow.NotAllowed):
        workflow.record_outcome(submitted, actor=draa_secretary)
    with pytest.raises(workflow.InvalidTransition):
        workflow.send_back(submitted, actor=secretariat, comment="trop tard")


def test_validation_is_refused_when_the_register_has_a_later_holder(secretariat, own, submitted):
    Mandate.objects.filter(pk=own["secretary_mandate"].pk).update(
        end_date=datetime.date(2019, 1, 1)
    )
    Mandate.objects.create(
        person=own["former"],
        office=Mandate.Office.REGIONAL_SECRETARY,
        region=own["region"],
        start_date=datetime.date(2020, 2, 1),
    )
    with pytest.raises(workflow.InvalidTransition):
        workflow.validate(submitted, actor=secretariat)
    submitted.refresh_from_db()
    assert submitted.status == Congress.Status.SUBMITTED
    assert not submitted.elected_mandates.exists()


def test_every_step_is_logged_with_its_actor(client, secretariat, draa_secretary, own):
    congress = complete(own, draa_secretary.person)
    workflow.record_outcome(congress, actor=draa_secretary)
    workflow.submit(congress, actor=draa_secretary)
    workflow.send_back(congress, actor=secretariat, comment="Le nombre de délégués ?")
    workflow.record_outcome(congress, actor=draa_secretary)
    workflow.submit(congress, actor=draa_secretary)
    workflow.validate(congress, actor=secretariat)
    log = list(congress.transitions.order_by("at", "id"))
    assert [(s.action, s.actor) for s in log] == [
        ("recorded", draa_secretary),
        ("submitted", draa_secretary),
        ("sent_back", secretariat),
        ("recorded", draa_secretary),
        ("submitted", draa_secretary),
        ("validated", secretariat),
    ]
    assert all(s.at <= timezone.now() for s in log)
