"""The workflow's functions: guards, separation of duties, the audit trail, no lost update."""

import datetime

import pytest
from django.utils import timezone

from common import roles
from meetings import signals, workflow
from meetings.models import Communique, CommuniqueRevision, CommuniqueTransition

Status = Communique.Status


def test_the_happy_path_is_logged_step_by_step(make_communique, writer, approver, publisher):
    communique = make_communique(Status.DRAFT)
    workflow.submit(communique, actor=writer, comment="جاهز")
    workflow.approve(communique, actor=approver)
    workflow.publish(communique, actor=publisher)
    steps = [
        (t.actor.username, t.from_status, t.to_status, t.comment)
        for t in communique.transitions.select_related("actor")
    ]
    assert steps == [
        ("writer", "", Status.DRAFT, ""),
        ("writer", Status.DRAFT, Status.IN_REVIEW, "جاهز"),
        ("approver", Status.IN_REVIEW, Status.APPROVED, ""),
        ("publisher", Status.APPROVED, Status.PUBLISHED, ""),
    ]
    communique.refresh_from_db()
    assert communique.approved_by == approver
    assert communique.published_at is not None
    assert Communique.objects.public().filter(pk=communique.pk).exists()


def test_whoever_made_the_last_change_cannot_approve(make_user, make_communique):
    both = make_user("both", roles.EDITOR)
    both.groups.add(*make_user("x", roles.APPROVER).groups.all())
    communique = make_communique(Status.IN_REVIEW)
    workflow.edit(
        communique, actor=both, changes={"body_ar": "نص جديد"}, version=communique.version
    )
    with pytest.raises(workflow.NotAllowed):
        workflow.approve(communique, actor=both)
    assert "approve" not in [a.name for a in workflow.available_actions(communique, both)]
    communique.refresh_from_db()
    assert communique.status == Status.IN_REVIEW


def test_the_superuser_is_bound_by_separation_of_duties_too(make_communique, superuser):
    communique = make_communique(Status.IN_REVIEW)
    workflow.edit(
        communique, actor=superuser, changes={"title_ar": "عنوان"}, version=communique.version
    )
    with pytest.raises(workflow.NotAllowed):
        workflow.approve(communique, actor=superuser)


@pytest.mark.parametrize("status", [Status.APPROVED, Status.SCHEDULED])
def test_changing_the_text_of_an_approved_communique_sends_it_back_to_review(
    make_communique, writer, status, django_capture_on_commit_callbacks
):
    communique = make_communique(status)
    announced = []
    signals.communique_changed.connect(receiver := lambda **kw: announced.append(kw["public"]))
    with django_capture_on_commit_callbacks(execute=True):
        result = workflow.edit(
            communique, actor=writer, changes={"body_ar": "نص معدل"}, version=communique.version
        )
    assert result.approval_withdrawn
    communique.refresh_from_db()
    assert (communique.status, communique.approved_by, communique.published_at) == (
        Status.IN_REVIEW,
        None,
        None,
    )
    step = communique.transitions.last()
    assert (step.from_status, step.to_status, step.actor) == (status, Status.IN_REVIEW, writer)
    signals.communique_changed.disconnect(receiver)
    # Readers saw a scheduled communiqué's time: the public pages must change; not otherwise.
    assert announced == [status == Status.SCHEDULED]


def test_changing_only_the_slug_of_an_approved_communique_keeps_the_approval(
    make_communique, writer
):
    communique = make_communique(Status.APPROVED)
    result = workflow.edit(
        communique, actor=writer, changes={"slug": "new-slug"}, version=communique.version
    )
    assert not result.approval_withdrawn
    communique.refresh_from_db()
    assert communique.status == Status.APPROVED
    assert communique.slug == "new-slug"


def test_a_save_on_an_old_version_is_refused_and_nothing_is_lost(make_communique, writer):
    communique = make_communique(Status.DRAFT)
    opened = communique.version
    workflow.edit(communique, actor=writer, changes={"body_ar": "الأول"}, version=opened)
    with pytest.raises(workflow.StaleCommunique) as refusal:
        workflow.edit(communique, actor=writer, changes={"body_ar": "الثاني"}, version=opened)
    assert refusal.value.current.body_ar == "الأول"
    communique.refresh_from_db()
    assert communique.body_ar == "الأول"


def test_a_step_on_an_old_version_is_refused(make_communique, writer, approver):
    communique = make_communique(Status.IN_REVIEW)
    seen = communique.version
    workflow.edit(communique, actor=writer, changes={"body_ar": "تغيير"}, version=seen)
    with pytest.raises(workflow.StaleCommunique):
        workflow.approve(communique, actor=approver, version=seen)
    communique.refresh_from_db()
    assert communique.status == Status.IN_REVIEW


@pytest.mark.parametrize(
    ("status", "step", "fragment"),
    [
        (Status.DRAFT, "publish", "Only an approved communiqué can be published"),
        (Status.WITHDRAWN, "approve", "Only a communiqué in review can be approved"),
        (Status.PUBLISHED, "submit", "Only a draft can be submitted"),
        (Status.DRAFT, "withdraw", "Only a published communiqué can be withdrawn"),
        (Status.IN_REVIEW, "unschedule", "Only a scheduled communiqué can be unscheduled"),
    ],
)
@pytest.mark.usefixtures("english_messages")
def test_invalid_transitions_are_refused_with_a_clear_message(
    make_communique, superuser, status, step, fragment
):
    communique = make_communique(status)
    steps = CommuniqueTransition.objects.count()
    with pytest.raises(workflow.InvalidTransition) as refusal:
        workflow.ACTIONS[step].run(communique, actor=superuser, comment="x")
    assert fragment in str(refusal.value.message)
    communique.refresh_from_db()
    assert communique.status == status
    assert CommuniqueTransition.objects.count() == steps


@pytest.mark.parametrize("step", ["request_changes", "withdraw"])
def test_some_steps_need_a_comment(make_communique, superuser, step):
    status = Status.IN_REVIEW if step == "request_changes" else Status.PUBLISHED
    communique = make_communique(status)
    with pytest.raises(workflow.InvalidTransition):
        workflow.ACTIONS[step].run(communique, actor=superuser, comment="  ")
    communique.refresh_from_db()
    assert communique.status == status


def test_permission_is_checked_before_the_state(make_communique, editor):
    communique = make_communique(Status.DRAFT)  # publishing a draft is invalid anyway
    with pytest.raises(workflow.NotAllowed):
        workflow.publish(communique, actor=editor)


def test_the_text_of_a_published_communique_changes_only_by_correction(make_communique, writer):
    communique = make_communique(Status.PUBLISHED)
    with pytest.raises(workflow.InvalidTransition):
        workflow.edit(
            communique, actor=writer, changes={"body_ar": "تحريف"}, version=communique.version
        )


def test_a_correction_keeps_the_published_text_and_records_a_note(make_communique, publisher):
    communique = make_communique(Status.PUBLISHED)
    published_body = communique.body_ar
    workflow.correct(
        communique,
        actor=publisher,
        changes={"body_ar": published_body + " تصحيح"},
        notes={"ar": "أضيفت كلمة", "fr": "Un mot ajouté"},
        version=communique.version,
    )
    communique.refresh_from_db()
    assert communique.status == Status.PUBLISHED
    assert communique.corrected_at is not None
    assert (communique.correction_note_ar, communique.correction_note_fr) == (
        "أضيفت كلمة",
        "Un mot ajouté",
    )
    bodies = list(communique.revisions.filter(language="ar").values_list("body", flat=True))
    assert bodies == [published_body + " تصحيح", published_body]
    step = communique.transitions.last()
    assert (step.from_status, step.to_status) == (Status.PUBLISHED, Status.PUBLISHED)
    assert "أضيفت كلمة" in step.comment


def test_a_correction_needs_an_arabic_note_and_a_change(make_communique, publisher):
    communique = make_communique(Status.PUBLISHED)
    with pytest.raises(workflow.InvalidTransition):
        workflow.correct(
            communique,
            actor=publisher,
            changes={"body_ar": "نص آخر"},
            notes={"ar": ""},
            version=communique.version,
        )
    with pytest.raises(workflow.InvalidTransition):
        workflow.correct(
            communique,
            actor=publisher,
            changes={"body_ar": communique.body_ar},
            notes={"ar": "لا شيء"},
            version=communique.version,
        )
    communique.refresh_from_db()
    assert communique.corrected_at is None


def test_the_editor_cannot_correct(make_communique, editor):
    communique = make_communique(Status.PUBLISHED)
    with pytest.raises(workflow.NotAllowed):
        workflow.correct(
            communique,
            actor=editor,
            changes={"body_ar": "نص"},
            notes={"ar": "ملاحظة"},
            version=communique.version,
        )


@pytest.mark.parametrize("step", ["publish", "withdraw", "schedule", "correct"])
def test_public_changes_forget_the_public_cache_after_commit(
    make_communique, publisher, step, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr("public.cache.invalidate_public_pages", lambda: calls.append(step))
    source = Status.APPROVED if step in ("publish", "schedule") else Status.PUBLISHED
    communique = make_communique(source)
    with django_capture_on_commit_callbacks(execute=True):
        if step == "schedule":
            when = timezone.now() + datetime.timedelta(hours=1)
            workflow.schedule(communique, actor=publisher, when=when)
        elif step == "correct":
            workflow.correct(
                communique,
                actor=publisher,
                changes={"title_ar": "عنوان مصحح"},
                notes={"ar": "تصحيح العنوان"},
                version=communique.version,
            )
        else:
            workflow.ACTIONS[step].run(communique, actor=publisher, comment="سبب")
        assert calls == []  # not before the commit
    assert calls == [step]


def test_composing_a_draft_from_a_meeting(make_meeting, editor):
    meeting = make_meeting(items=2)
    communique = workflow.compose_draft(meeting, actor=editor)
    assert communique.status == Status.DRAFT
    assert communique.title_ar.startswith("بلاغ صحفي حول اجتماع المكتب السياسي")
    assert communique.slug.startswith("بلاغ-صحفي-حول-اجتماع")
    assert communique.text_edited_by == editor
    assert [(r.language, r.author) for r in communique.revisions.all()] == [("ar", editor)]
    with pytest.raises(workflow.InvalidTransition):
        workflow.compose_draft(meeting, actor=editor)


def test_only_a_held_meeting_gets_a_composed_draft(make_meeting, editor):
    meeting = make_meeting(items=1)
    meeting.status = meeting.Status.PLANNED
    meeting.save()
    with pytest.raises(workflow.InvalidTransition):
        workflow.compose_draft(meeting, actor=editor)


def test_the_approver_cannot_compose(make_meeting, approver):
    with pytest.raises(workflow.NotAllowed):
        workflow.compose_draft(make_meeting(items=1), actor=approver)
    assert not Communique.objects.exists()
    assert not CommuniqueRevision.objects.exists()
