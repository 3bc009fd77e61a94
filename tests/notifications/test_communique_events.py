"""Each step of the communiqué workflow tells the right people, once, in their language."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from common import roles
from meetings import workflow
from meetings.models import Communique
from notifications import events
from notifications.models import Mail, Notification, Preference

from .conftest import parts

Status = Communique.Status


@pytest.fixture
def editor_(staff):
    return staff("editor-1", roles.EDITOR)


@pytest.fixture
def approver_(staff):
    return staff("approver-1", roles.APPROVER)


@pytest.fixture
def publisher_(staff):
    return staff("publisher-1", roles.PUBLISHER)


@pytest.fixture
def draft(editor_):
    return workflow.create_draft(
        Communique(
            title_ar="بلاغ المكتب السياسي", title_fr="Communiqué du BP", body_ar="نص", slug="balagh"
        ),
        actor=editor_,
    )


def told(event):
    return sorted(
        Notification.objects.filter(event=event).values_list("recipient__username", flat=True)
    )


def test_a_submitted_communique_tells_every_approver_in_arabic(
    committed, draft, editor_, approvers, mailoutbox
):
    committed(workflow.submit, draft, actor=editor_)
    assert told("communique_submitted") == ["approver-1", "approver-2"]
    assert sorted(m.to[0] for m in mailoutbox) == [
        "approver-1@example.org",
        "approver-2@example.org",
    ]
    message = mailoutbox[0]
    assert message.subject == "بلاغ للمصادقة: «بلاغ المكتب السياسي»"
    text, html = parts(message)
    link = f"https://bureau.example.org/admin/meetings/communique/{draft.pk}/change/"
    assert link in text and f'href="{link}"' in html
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert "editor-1" in text


def test_an_approver_who_prefers_french_reads_french(
    committed, draft, editor_, approvers, mailoutbox
):
    Preference.objects.create(user=approvers[0], language="fr")
    committed(workflow.submit, draft, actor=editor_)
    french = next(m for m in mailoutbox if m.to == ["approver-1@example.org"])
    assert french.subject == "Communiqué à approuver\u00a0: «\u00a0Communiqué du BP\u00a0»"
    assert 'dir="ltr"' in parts(french)[1]


def test_changes_requested_tell_the_submitter_with_the_comment(
    committed, draft, editor_, approver_, mailoutbox
):
    workflow.submit(draft, actor=editor_)
    committed(workflow.request_changes, draft, actor=approver_, comment="أضيفوا تاريخ الاجتماع")
    assert told("changes_requested") == ["editor-1"]
    text, html = parts(mailoutbox[-1])
    assert "أضيفوا تاريخ الاجتماع" in text and "أضيفوا تاريخ الاجتماع" in html


def test_approval_tells_the_publishers(
    committed, draft, editor_, approver_, publisher_, mailoutbox
):
    workflow.submit(draft, actor=editor_)
    committed(workflow.approve, draft, actor=approver_)
    assert told("communique_approved") == ["publisher-1"]
    assert mailoutbox[-1].to == ["publisher-1@example.org"]


@pytest.fixture
def approved(draft, editor_, approver_):
    workflow.submit(draft, actor=editor_)
    workflow.approve(draft, actor=approver_)
    return draft


@pytest.mark.parametrize(
    ("step", "event"),
    [
        ("publish", "communique_published"),
        ("schedule", "communique_scheduled"),
        ("withdraw", "communique_withdrawn"),
        ("correct", "communique_corrected"),
    ],
)
def test_publication_steps_tell_the_editor_and_the_approver(
    committed, approved, publisher_, step, event, mailoutbox
):
    if step == "schedule":
        when = timezone.now() + datetime.timedelta(days=1)
        committed(workflow.schedule, approved, actor=publisher_, when=when)
    elif step == "publish":
        committed(workflow.publish, approved, actor=publisher_)
    else:
        workflow.publish(approved, actor=publisher_)
        if step == "withdraw":
            committed(workflow.withdraw, approved, actor=publisher_, comment="خطأ في التاريخ")
        else:
            committed(
                workflow.correct,
                approved,
                actor=publisher_,
                changes={"body_ar": "نص مصحح"},
                notes={"ar": "تصحيح التاريخ"},
                version=approved.version,
            )
    assert told(event) == ["approver-1", "editor-1"]
    assert {m.to[0] for m in mailoutbox[-2:]} == {"approver-1@example.org", "editor-1@example.org"}


def test_a_scheduled_publication_tells_them_when_it_goes_out(committed, approved, publisher_):
    now = timezone.now()
    workflow.schedule(approved, actor=publisher_, when=now + datetime.timedelta(hours=1))
    committed(workflow.publish_due, now + datetime.timedelta(hours=2))
    assert told("communique_published") == ["approver-1", "editor-1"]


def test_nobody_is_told_of_their_own_step(committed, draft, editor_, mailoutbox):
    editor_.groups.add(Group.objects.get(name=roles.APPROVER))  # an editor who also approves
    committed(workflow.submit, draft, actor=editor_)
    assert not Notification.objects.exists() and mailoutbox == []


def test_a_user_without_an_address_is_told_in_the_admin_only(
    committed, draft, editor_, make_user, mailoutbox
):
    approver = make_user("no-address", roles.APPROVER)
    committed(workflow.submit, draft, actor=editor_)
    assert told("communique_submitted") == ["no-address"]
    assert Notification.objects.get(recipient=approver).mail is None
    assert mailoutbox == [] and not Mail.objects.exists()


def test_an_inactive_user_is_told_nothing(committed, draft, editor_, staff, mailoutbox):
    staff("gone", roles.APPROVER, is_active=False)
    committed(workflow.submit, draft, actor=editor_)
    assert not Notification.objects.exists() and mailoutbox == []


def test_email_turned_off_for_an_event_leaves_the_notification(
    committed, draft, editor_, approvers, mailoutbox
):
    Preference.objects.create(user=approvers[0], email_off=["communique_submitted"])
    committed(workflow.submit, draft, actor=editor_)
    assert told("communique_submitted") == ["approver-1", "approver-2"]
    assert [m.to for m in mailoutbox] == [["approver-2@example.org"]]


def test_the_same_event_announced_twice_is_told_once(
    committed, draft, editor_, approvers, mailoutbox
):
    committed(workflow.submit, draft, actor=editor_)
    draft.refresh_from_db()
    committed(
        events.on_communique_changed,
        sender=Communique,
        communique=draft,
        action="submit",
        actor=editor_,
        comment="",
        public=False,
    )
    assert Notification.objects.count() == 2 and len(mailoutbox) == 2


def test_a_failure_while_notifying_never_undoes_the_step(
    committed, draft, editor_, approvers, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("database of notifications unavailable")

    monkeypatch.setattr(events, "notify", broken)
    committed(workflow.submit, draft, actor=editor_)
    draft.refresh_from_db()
    assert draft.status == Status.IN_REVIEW
    assert "Could not notify submit" in caplog.text
