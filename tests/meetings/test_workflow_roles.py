"""The bureau's roles carry exactly the permissions their part of the workflow needs."""

import pytest
from django.contrib.auth.models import Group

VIEW_MEETINGS = {
    "meetings.view_meeting",
    "meetings.view_attendance",
    "meetings.view_agendaitem",
    "meetings.view_decision",
    # The follow-up timeline and the minutes: read by every bureau role.
    "meetings.view_followupentry",
    "meetings.view_minutes",
}
VIEW_COMMUNIQUES = {
    "meetings.view_communique",
    "meetings.view_communiquerevision",
    "meetings.view_communiquetransition",
}


def permissions(role):
    group = Group.objects.get(name=role)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (
            "editor",
            VIEW_MEETINGS
            | VIEW_COMMUNIQUES
            | {
                "meetings.add_communique",
                "meetings.change_communique",
                "meetings.submit_communique",
            },
        ),
        ("approver", VIEW_MEETINGS | VIEW_COMMUNIQUES | {"meetings.approve_communique"}),
        ("publisher", VIEW_MEETINGS | VIEW_COMMUNIQUES | {"meetings.publish_communique"}),
    ],
)
def test_each_communique_role_has_exactly_its_permissions(db, role, expected):
    # The readers app adds its own (tests/readers/test_replies.py checks them).
    assert {p for p in permissions(role) if not p.startswith("readers.")} == expected


def test_the_secretariat_keeps_the_meetings_and_only_reads_communiques(db):
    granted = permissions("secretariat")
    for model in ("meeting", "attendance", "agendaitem", "decision"):
        for action in ("add", "change", "delete", "view"):
            assert f"meetings.{action}_{model}" in granted
    communique_rights = {p for p in granted if p.startswith("meetings.") and "communique" in p}
    assert communique_rights == {"meetings.view_communique"}


def test_no_role_may_delete_a_communique_or_rewrite_its_history(db):
    for group in Group.objects.all():
        granted = permissions(group.name)
        assert (
            not {
                "meetings.delete_communique",
                "meetings.add_communiquetransition",
                "meetings.change_communiquetransition",
                "meetings.delete_communiquetransition",
                "meetings.add_communiquerevision",
                "meetings.change_communiquerevision",
                "meetings.delete_communiquerevision",
            }
            & granted
        ), group.name
