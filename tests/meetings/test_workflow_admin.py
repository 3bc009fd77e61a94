"""The workflow through the admin, as each role uses it over HTTP."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
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
def test_each_button_is_shown_only_to_the_roles_allowed(client, actor, role, action, make_in_state):
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


def change_form_data(response):
    """What the browser sends back from the change form as it was opened."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        data[name] = "" if value is None else value
        if field.show_hidden_initial:
            data[form.add_initial_prefix(name)] = data[name]
    return data


def test_a_forged_post_by_a_role_without_the_right_changes_nothing(client, editor, make_communique):
    communique = make_communique(Status.APPROVED)
    client.force_login(editor)
    before = (communique.status, communique.version, communique.transitions.count())
    for action in ("publish", "schedule", "withdraw", "approve"):
        assert post_action(client, communique, action).status_code == 403
    response = client.post(
        reverse("admin:meetings_communique_correct", args=[communique.pk]),
        {
            "version": communique.version,
            "body_ar": "تحريف",
            "title_ar": "ت",
            "correction_note_ar": "x",
        },
    )
    assert response.status_code == 403
    communique.refresh_from_db()
    assert (communique.status, communique.version, communique.transitions.count()) == before


def test_an_unknown_step_is_not_found_and_a_get_is_not_allowed(client, superuser, make_communique):
    communique = make_communique(Status.DRAFT)
    client.force_login(superuser)
    assert post_action(client, communique, "delete_everything").status_code == 404
    assert client.get(action_url(communique, "submit")).status_code == 405


@pytest.mark.parametrize(
    ("status", "action", "fragment"),
    [
        (Status.DRAFT, "publish", "Only an approved communiqué can be published"),
        (Status.WITHDRAWN, "approve", "Only a communiqué in review can be approved"),
    ],
)
@pytest.mark.usefixtures("english_messages")
def test_an_invalid_step_is_refused_with_a_message(
    client, superuser, make_communique, status, action, fragment
):
    communique = make_communique(status)
    client.force_login(superuser)
    response = post_action(client, communique, action)
    assert response.status_code == 302
    assert any(fragment in m for m in message_texts(response))
    communique.refresh_from_db()
    assert communique.status == status


def test_a_refused_step_says_so_in_arabic_too(client, superuser, make_communique):
    communique = make_communique(Status.DRAFT)
    client.force_login(superuser)
    response = client.get(change_url(communique), HTTP_ACCEPT_LANGUAGE="ar")
    assert 'dir="rtl"' in response.content.decode()
    response = post_action(client, communique, "request_changes", comment="")
    assert response.status_code == 302
    assert message_texts(response)


@pytest.mark.usefixtures("english_messages")
def test_the_approver_who_edited_sees_no_approve_button_and_a_forged_approval_is_403(
    client, make_user, make_communique
):
    both = make_user("both", "editor")
    both.groups.add(*make_user("other", "approver").groups.all())
    communique = make_communique(Status.IN_REVIEW)
    client.force_login(both)
    data = change_form_data(client.get(change_url(communique)))
    data["body_ar"] = "نص كتبه المراجع نفسه"
    assert client.post(change_url(communique), data).status_code == 302
    communique.refresh_from_db()
    response = client.get(change_url(communique))
    page = response.content.decode()
    assert f'action="{action_url(communique, "approve")}"' not in page
    assert "someone else has to approve it" in page
    assert post_action(client, communique, "approve").status_code == 403
    communique.refresh_from_db()
    assert communique.status == Status.IN_REVIEW


@pytest.mark.usefixtures("english_messages")
def test_request_changes_without_a_comment_is_refused(client, approver, make_communique):
    communique = make_communique(Status.IN_REVIEW)
    client.force_login(approver)
    response = post_action(client, communique, "request_changes", comment="")
    assert "Please say why in the comment." in message_texts(response)
    communique.refresh_from_db()
    assert communique.status == Status.IN_REVIEW


@pytest.mark.usefixtures("english_messages")
def test_saving_the_text_of_an_approved_communique_sends_it_back_to_review(
    client, editor, make_communique
):
    communique = make_communique(Status.APPROVED)
    client.force_login(editor)
    data = change_form_data(client.get(change_url(communique)))
    data["body_ar"] = "نص لم يصادق عليه أحد"
    response = client.post(change_url(communique), data)
    assert response.status_code == 302
    communique.refresh_from_db()
    assert (communique.status, communique.approved_by) == (Status.IN_REVIEW, None)
    assert any("back in review" in m for m in message_texts(response))


@pytest.mark.usefixtures("english_messages")
def test_the_second_of_two_concurrent_saves_is_refused_and_shows_what_changed(
    client, editor, writer, make_communique
):
    from django.test import Client

    communique = make_communique(Status.DRAFT)
    first, second = client, Client()
    first.force_login(writer)
    second.force_login(editor)
    first_data = change_form_data(first.get(change_url(communique)))
    second_data = change_form_data(second.get(change_url(communique)))

    first_data["body_ar"] = "عقد المكتب السياسي اجتماعه الأسبوعي بالرباط."
    assert first.post(change_url(communique), first_data).status_code == 302

    second_data["body_ar"] = "نص الشخص الثاني."
    response = second.post(change_url(communique), second_data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else changed this communiqué after you opened it" in page
    assert "اجتماعه <ins>الأسبوعي بالرباط</ins>." in page
    communique.refresh_from_db()
    assert communique.body_ar == "عقد المكتب السياسي اجتماعه الأسبوعي بالرباط."
    assert communique.revisions.filter(body="نص الشخص الثاني.").count() == 0


def test_a_published_communique_is_read_only_in_the_change_form(client, editor, make_communique):
    communique = make_communique(Status.PUBLISHED)
    client.force_login(editor)
    response = client.get(change_url(communique))
    assert response.status_code == 200
    assert 'name="body_ar"' not in response.content.decode()
    response = client.post(change_url(communique), {"body_ar": "تحريف", "title_ar": "ت"})
    assert response.status_code == 403
    communique.refresh_from_db()
    assert communique.body_ar != "تحريف"


def test_the_publisher_corrects_a_published_communique(client, publisher, make_communique):
    communique = make_communique(Status.PUBLISHED)
    client.force_login(publisher)
    url = reverse("admin:meetings_communique_correct", args=[communique.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = {
        name: ""
        if page.context["form"][name].value() is None
        else page.context["form"][name].value()
        for name in page.context["form"].fields
    }
    data.update(body_ar=communique.body_ar + " (مصحح)", correction_note_ar="أضيفت إشارة التصحيح")
    response = client.post(url, data)
    assert response.status_code == 302
    communique.refresh_from_db()
    assert communique.corrected_at is not None
    assert communique.correction_note_ar == "أضيفت إشارة التصحيح"
    public = client.get(communique.get_absolute_url())
    assert "أضيفت إشارة التصحيح" in public.content.decode()


def test_a_correction_without_a_note_is_refused(client, publisher, make_communique):
    communique = make_communique(Status.PUBLISHED)
    client.force_login(publisher)
    url = reverse("admin:meetings_communique_correct", args=[communique.pk])
    response = client.post(
        url, {"version": communique.version, "title_ar": communique.title_ar, "body_ar": "جديد"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    communique.refresh_from_db()
    assert communique.corrected_at is None


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_staff_preview_a_draft_in_each_language(client, editor, make_communique, language):
    communique = make_communique(Status.DRAFT)
    communique.title_fr = "Communiqué du Bureau politique"
    communique.save()
    client.force_login(editor)
    url = reverse("admin:meetings_communique_preview", args=[communique.pk, language])
    response = client.get(url)
    assert response.status_code == 200
    expected = "Communiqué du Bureau politique" if language == "fr" else communique.title_ar
    assert expected in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert client.get(communique.get_absolute_url()).status_code == 404


def test_the_preview_is_for_staff_only(client, regional, make_communique):
    communique = make_communique(Status.DRAFT)
    url = reverse("admin:meetings_communique_preview", args=[communique.pk, "ar"])
    assert client.get(url).status_code == 302  # to the admin's login
    reader = User.objects.create_user("reader", password="pw")  # not staff, even with the role
    reader.groups.add(Group.objects.get(name="editor"))
    client.force_login(reader)
    assert client.get(url).status_code == 302
    client.force_login(regional)  # staff, but no right to see communiqués
    assert client.get(url).status_code == 403


def test_the_editor_composes_a_draft_from_a_meeting(client, editor, make_meeting):
    meeting = make_meeting(items=3)
    client.force_login(editor)
    url = reverse("admin:meetings_communique_compose")
    assert str(meeting) in client.get(url).content.decode()
    response = client.post(url, {"meeting": meeting.pk})
    communique = Communique.objects.get(meeting=meeting)
    assert response.status_code == 302
    assert response["Location"] == change_url(communique)
    assert communique.status == Status.DRAFT
    assert communique.body_ar.count("\n\n") == 2  # three items: the opening carries the first


def test_the_approver_cannot_compose(client, approver, make_meeting):
    meeting = make_meeting(items=1)
    client.force_login(approver)
    url = reverse("admin:meetings_communique_compose")
    assert client.get(url).status_code == 403
    assert client.post(url, {"meeting": meeting.pk}).status_code == 403
    assert not Communique.objects.exists()


def test_an_empty_new_communique_on_a_meeting_is_composed_from_it(client, editor, make_meeting):
    meeting = make_meeting(items=2)
    client.force_login(editor)
    response = client.post(reverse("admin:meetings_communique_add"), {"meeting": meeting.pk})
    assert response.status_code == 302
    communique = Communique.objects.get(meeting=meeting)
    assert communique.title_ar.startswith("بلاغ صحفي حول اجتماع المكتب السياسي")
    assert communique.body_ar.startswith("عقد المكتب السياسي")
    assert communique.slug
    assert [(t.actor, t.to_status) for t in communique.transitions.all()] == [
        (editor, Status.DRAFT)
    ]


def test_a_new_standalone_statement_needs_its_title_and_body(client, editor):
    client.force_login(editor)
    response = client.post(reverse("admin:meetings_communique_add"), {"title_ar": "بيان"})
    assert response.status_code == 200
    assert set(response.context["adminform"].form.errors) == {"body_ar"}
    assert not Communique.objects.exists()


def test_view_on_site_is_offered_only_for_what_readers_can_see(client, editor, make_communique):
    draft, published = make_communique(Status.DRAFT, slug="d"), make_communique(slug="p")
    client.force_login(editor)
    assert 'class="viewsitelink"' not in client.get(change_url(draft)).content.decode()
    page = client.get(change_url(published)).content.decode()
    assert f'href="{published.get_absolute_url()}" class="viewsitelink"' in page


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_save_the_text_of_a_draft(client, actor, role, make_communique):
    communique = make_communique(Status.IN_REVIEW)
    if role in {"editor", "superuser"}:
        data = change_form_data(client.get(change_url(communique)))
    else:
        data = {"title_ar": "عنوان", "body_ar": "نص مزور", "slug": "x", "seen_version": 2}
    data["body_ar"] = "نص مزور"
    response = client.post(change_url(communique), data)
    communique.refresh_from_db()
    if role in {"editor", "superuser"}:
        assert response.status_code == 302
        assert communique.body_ar == "نص مزور"
    else:
        assert response.status_code == 403
        assert communique.body_ar != "نص مزور"


@pytest.mark.parametrize("role", ROLES)
def test_only_publishers_correct(client, actor, role, make_communique):
    communique = make_communique(Status.PUBLISHED)
    url = reverse("admin:meetings_communique_correct", args=[communique.pk])
    data = {
        "version": communique.version,
        "title_ar": communique.title_ar,
        "body_ar": "نص مصحح",
        "correction_note_ar": "تصحيح",
    }
    response = client.post(url, data)
    communique.refresh_from_db()
    if role in {"publisher", "superuser"}:
        assert response.status_code == 302
        assert (communique.body_ar, communique.status) == ("نص مصحح", Status.PUBLISHED)
    else:
        assert response.status_code == 403
        assert communique.corrected_at is None


@pytest.mark.parametrize("role", ROLES)
def test_only_editors_compose(client, actor, role, make_meeting):
    meeting = make_meeting(items=1)
    response = client.post(reverse("admin:meetings_communique_compose"), {"meeting": meeting.pk})
    if role in {"editor", "superuser"}:
        assert response.status_code == 302
        assert Communique.objects.filter(meeting=meeting).exists()
    else:
        assert response.status_code == 403
        assert not Communique.objects.exists()
