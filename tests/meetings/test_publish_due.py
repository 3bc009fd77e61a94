"""Scheduled publishing: public at its time with no job, recorded when publish_due runs."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from meetings import workflow
from meetings.models import Communique

Status = Communique.Status
NOON = timezone.make_aware(datetime.datetime(2026, 3, 2, 12, 0))
SCHEDULED_FOR = NOON + datetime.timedelta(hours=3)


@pytest.fixture
def scheduled(make_communique, publisher):
    with time_machine.travel(NOON, tick=False):
        communique = make_communique(Status.APPROVED)
        workflow.schedule(communique, actor=publisher, when=SCHEDULED_FOR)
    return communique


def public_url(communique):
    return reverse(
        "public:communique_detail",
        kwargs={"year": 2026, "month": "03", "day": "02", "slug": communique.slug},
    )


def test_a_scheduled_communique_is_hidden_until_its_time(client, scheduled):
    with time_machine.travel(SCHEDULED_FOR - datetime.timedelta(seconds=1), tick=False):
        assert not Communique.objects.public().filter(pk=scheduled.pk).exists()
        assert client.get(public_url(scheduled)).status_code == 404


def test_a_scheduled_communique_is_public_at_its_time_without_any_job(client, scheduled):
    with time_machine.travel(SCHEDULED_FOR, tick=False):
        assert Communique.objects.public().filter(pk=scheduled.pk).exists()
        response = client.get(public_url(scheduled))
    assert response.status_code == 200
    assert scheduled.title_ar in response.content.decode()
    scheduled.refresh_from_db()
    assert scheduled.status == Status.SCHEDULED  # nothing ran, yet readers see it


def test_publish_due_publishes_what_is_due_and_logs_it_at_the_scheduled_time(scheduled):
    with time_machine.travel(SCHEDULED_FOR + datetime.timedelta(minutes=7), tick=False):
        out = io.StringIO()
        call_command("publish_due", stdout=out)
    assert out.getvalue().strip() == "1 scheduled communiqué(s) published."
    scheduled.refresh_from_db()
    assert scheduled.status == Status.PUBLISHED
    assert scheduled.published_at == SCHEDULED_FOR
    step = scheduled.transitions.last()
    assert (step.from_status, step.to_status, step.at, step.actor) == (
        Status.SCHEDULED,
        Status.PUBLISHED,
        SCHEDULED_FOR,
        None,
    )


def test_publish_due_leaves_what_is_not_due_and_runs_twice_safely(scheduled):
    with time_machine.travel(SCHEDULED_FOR - datetime.timedelta(minutes=1), tick=False):
        assert workflow.publish_due() == 0
    with time_machine.travel(SCHEDULED_FOR, tick=False):
        assert workflow.publish_due() == 1
        assert workflow.publish_due() == 0
    assert scheduled.transitions.filter(to_status=Status.PUBLISHED).count() == 1


def test_publish_due_queries(scheduled, make_communique, publisher, django_assert_num_queries):
    with time_machine.travel(NOON, tick=False):
        other = make_communique(Status.APPROVED, slug="other")
        workflow.schedule(other, actor=publisher, when=SCHEDULED_FOR)
    with time_machine.travel(SCHEDULED_FOR, tick=False):
        # 1 savepoint, 2 the due communiqués (locked), then for each: 3/5 its update,
        # 4/6 its transition; 7 release the savepoint
        with django_assert_num_queries(7):
            assert workflow.publish_due() == 2


def test_the_public_cache_is_forgotten_after_scheduled_publishing(
    scheduled, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr("public.cache.invalidate_public_pages", lambda: calls.append(1))
    with time_machine.travel(SCHEDULED_FOR, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            workflow.publish_due()
    assert calls == [1]


def test_a_step_on_a_due_communique_first_records_its_publication(scheduled, publisher):
    with time_machine.travel(SCHEDULED_FOR + datetime.timedelta(hours=1), tick=False):
        workflow.withdraw(scheduled, actor=publisher, comment="خطأ في التاريخ")
    steps = [(t.from_status, t.to_status) for t in scheduled.transitions.all()]
    assert steps[-2:] == [
        (Status.SCHEDULED, Status.PUBLISHED),
        (Status.PUBLISHED, Status.WITHDRAWN),
    ]


def test_a_scheduled_communique_cannot_be_scheduled_in_the_past(make_communique, publisher):
    communique = make_communique(Status.APPROVED)
    with pytest.raises(workflow.InvalidTransition):
        workflow.schedule(
            communique, actor=publisher, when=timezone.now() - datetime.timedelta(minutes=1)
        )
    communique.refresh_from_db()
    assert communique.status == Status.APPROVED


def test_the_publisher_schedules_through_the_admin(client, publisher, make_communique):
    communique = make_communique(Status.APPROVED)
    client.force_login(publisher)
    with time_machine.travel(NOON, tick=False):
        response = client.post(
            reverse("admin:meetings_communique_transition", args=[communique.pk, "schedule"]),
            {"version": communique.version, "publish_at": "2026-03-02T15:00"},
        )
    assert response.status_code == 302
    communique.refresh_from_db()
    assert communique.status == Status.SCHEDULED
    assert communique.published_at == SCHEDULED_FOR  # read in Casablanca time
