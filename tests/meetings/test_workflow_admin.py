"""The workflow through the admin, as each role uses it over HTTP."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from meetings.models import Communique, CommuniqueTransition

Status = Communique.Status

ROLES = ["secretariat", "editor", "approver", "publisher", "regional", "superuser"]
# action: (the state it starts from, the state it leads to, the roles allowed)
ACTIONS = {
    "submit": (Status.DRAFT, Status.IN_REVIEW, {"editor", "superuser"}),
    "recompose": (Status.DRAFT, Status.DRAFT, {"editor", "superuser"}),
    "request_changes": (Status.IN_REVIEW, Status.DRAFT, {"approver", "superuser"}),
    "approve": (Status.IN_REVIEW, Status.APPROVED, {"approver", "superuser"}),
    "publish": (Status.APPROVED, Status.PUBLISHED, {"publisher", "superuser"}),
    "schedule": (Status.APPROVED, Status.SCHEDULED, {"publisher", "superuser"}),
    "unschedule": (Status.SCHEDULED, Status.APPROVED, {"publisher", "superuser"}),
    "withdraw": (Status.PUBLISHED, Status.WITHDRAWN, {"publisher", "superuser"}),
}


def change_url(communique):
    return reverse("admin:meetings_communique_change", args=[communique.pk])


def action_url(communique, action):
    return reverse("admin:meetings_communique_transition", args=[communique.pk, action])


def post_action(client, communique, action, **data):
    data.setdefault("version", communique.version)
    data.setdefault("comment", "ملاحظة")
    if action == "schedule":
        when = timezone.localtime() + datetime.timedelta(days=2)
        data.setdefault("publish_at", when.strftime("%Y-%m-%dT%H:%M"))
    return client.post(action_url(communique, action), data)


def message_texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def actor(request, client):
    """The logged-in client of the role named by the test's ``role`` parameter."""
    user = request.getfixturevalue(request.node.callspec.params["role"])
    client.force_login(user)
    return user


@pytest.fixture
def make_in_state(make_communique, make_meeting):
    def make(status):
        communique = make_communique(status)
        if status == Status.DRAFT:  # recompose needs a meeting
            communique.meeting = make_meeting(items=1)
            communique.save(update_fields=["meeting"])
        return communique

    return make


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_transition_is_taken_by_its_roles_and_refused_to_the_others(
    client, actor, role, action, make_in_state
):
    source, target, allowed = ACTIONS[action]
    communique = make_in_state(source)
    steps = CommuniqueTransition.objects.count()
    response = post_action(client, communique, action)
    communique.refresh_from_db()
    if role in allowed:
        assert response.status_code == 302, message_texts(response)
        assert communique.status == target
        if action != "recompose":
            step = communique.transitions.last()
            assert (step.actor, step.from_status, step.to_status) == (actor, source, target)
    else:
        assert response.status_code == 403
        assert communique.status == source
        assert CommuniqueTransition.objects.count() == steps


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_each_button_is_shown_only_to_the_roles_allowed(
    client, actor, role, action, make_in_state
):
    source, _target, allowed = ACTIONS[action]
    communique = make_in_state(source)
    response = client.get(change_url(communique))
    if role == "regional":  # sees no communiqué at all
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert (f'action="{action_url(communique, action)}"' in response.content.decode()) == (
        role in allowed
    )
