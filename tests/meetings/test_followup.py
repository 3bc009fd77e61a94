"""Follow-up entries: who may add them, what they change, how they read, and bad input."""

import datetime
import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from django.urls import reverse
from django.utils import timezone, translation

from common import roles
from common.workflow import InvalidTransition, NotAllowed, WorkflowError
from meetings import followup
from meetings.admin.meeting import DecisionAdmin
from meetings.models import Decision, FollowUpEntry, Meeting
from regions.models import Person, Region, RegionalAccess

Status = Decision.FollowUp


def test_an_entry_sets_the_decisions_status_and_progress(secretariat, make_decision):
    decision = make_decision()
    followup.add_entry(decision, actor=secretariat, status=Status.IN_PROGRESS, progress=60)
    followup.add_entry(decision, actor=secretariat, progress=70, note="أربع جهات من ست")
    decision.refresh_from_db()
    assert (decision.follow_up, decision.progress) == (Status.IN_PROGRESS, 70)
    assert decision.entries.count() == 2
    done = followup.add_entry(decision, actor=secretariat, status=Status.DONE)
    decision.refresh_from_db()
    assert (decision.follow_up, decision.progress, done.progress) == (Status.DONE, 100, 100)
    assert decision.followed_up_at == done.at


def test_the_timeline_reads_in_words_in_arabic_and_french(secretariat, make_decision):
    entry = followup.add_entry(
        make_decision(), actor=secretariat, status=Status.IN_PROGRESS, progress=60, note="ملاحظة"
    )
    with translation.override("ar"):
        assert entry.describe() == "تم تحيين التتبع: قيد الإنجاز (60٪) — ملاحظة"
    with translation.override("fr"):
        assert entry.describe() == "Suivi mis à jour\u00a0: en cours (60\u00a0%) — ملاحظة"


def test_the_responsible_person_updates_their_own_decisions_only(make_user, make_decision):
    owner = make_user("owner")
    person = Person.objects.create(name_ar="نادية العلوي", user=owner)
    own, other = make_decision(responsible_person=person), make_decision()
    followup.add_entry(own, actor=owner, progress=30)
    with pytest.raises(NotAllowed):
        followup.add_entry(other, actor=owner, progress=30)
    assert list(followup.decisions_for(owner)) == [own]
    assert not other.entries.exists()


def test_roles_without_the_right_cannot_add_entries(editor, make_decision):
    with pytest.raises(NotAllowed):
        followup.add_entry(make_decision(), actor=editor, progress=10)
    assert not FollowUpEntry.objects.exists()


def test_a_regional_secretary_never_sees_bureau_decisions(make_user, make_decision, client):
    secretary = make_user("regional", roles.REGIONAL_SECRETARY)
    RegionalAccess.objects.create(user=secretary, region=Region.objects.get(code="08"))
    decision = make_decision()
    assert not followup.decisions_for(secretary).exists()
    assert not followup.can_add_entry(secretary, decision)
    client.force_login(secretary)
    for url in [
        reverse("admin:meetings_decision_board"),
        reverse("admin:meetings_decision_changelist"),
        reverse("admin:meetings_decision_change", args=[decision.pk]),
    ]:
        assert client.get(url).status_code in (302, 403, 404), url


def test_no_follow_up_on_a_cancelled_meetings_decision(secretariat, make_decision):
    decision = make_decision()
    Meeting.objects.filter(pk=decision.agenda_item.meeting_id).update(
        status=Meeting.Status.CANCELLED
    )
    with pytest.raises(InvalidTransition) as refusal, translation.override("ar"):
        followup.add_entry(decision, actor=secretariat, progress=10)
    with translation.override("ar"):
        assert "ملغى" in str(refusal.value.message)
    assert not decision.entries.exists()


@pytest.mark.parametrize("progress", [-1, 101, 250])
def test_progress_outside_0_100_is_refused(secretariat, make_decision, progress):
    decision = make_decision()
    with pytest.raises(WorkflowError):
        followup.add_entry(decision, actor=secretariat, progress=progress)
    assert not decision.entries.exists()


def test_bad_progress_in_the_admin_gets_a_message_and_changes_nothing(
    client, secretariat, make_decision
):
    decision = make_decision()
    client.force_login(secretariat)
    client.cookies["django_language"] = "ar"
    url = reverse("admin:meetings_decision_follow_up", args=[decision.pk])
    response = client.post(url, {"progress": "101", "status": "done"}, follow=True)
    assert "نسبة الإنجاز نسبة مئوية من 0 إلى 100." in response.content.decode()
    decision.refresh_from_db()
    assert (decision.follow_up, decision.progress) == (Status.OPEN, 0)
    assert not decision.entries.exists()


def test_one_step_from_the_decision_page_with_a_document(
    client, secretariat, make_decision, private_media
):
    decision = make_decision()
    client.force_login(secretariat)
    page = client.get(reverse("admin:meetings_decision_change", args=[decision.pk]))
    assert 'id="follow-up-entry"' in page.content.decode()
    response = client.post(
        reverse("admin:meetings_decision_follow_up", args=[decision.pk]),
        {
            "status": "in_progress",
            "progress": "40",
            "note": "تقرير مرحلي",
            "document": SimpleUploadedFile("report.pdf", b"%PDF-1.4 report"),
        },
    )
    assert response.status_code == 302
    entry = decision.entries.get()
    assert (entry.author, entry.progress, entry.note) == (secretariat, 40, "تقرير مرحلي")
    document = client.get(reverse("admin:meetings_followupentry_document", args=[entry.pk]))
    assert b"".join(document.streaming_content) == b"%PDF-1.4 report"
    timeline = client.get(reverse("admin:meetings_decision_change", args=[decision.pk]))
    assert "تقرير مرحلي" in timeline.content.decode()


def test_a_due_date_before_the_meeting_is_refused_in_the_admins_language(make_decision):
    decision = make_decision(days_ago=3)
    decision.due_date = timezone.localdate() - datetime.timedelta(days=10)
    with translation.override("ar"), pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert error.value.message_dict["due_date"] == [
        "لا يمكن أن يحل أجل قرار قبل الاجتماع الذي اتخذه."
    ]
    decision.refresh_from_db()
    assert decision.due_date is None


def test_history_names_fields_in_the_admins_language(rf, secretariat, make_decision):
    decision = make_decision()
    form = modelform_factory(Decision, fields=["due_date", "responsible_body"])(
        instance=decision, data={"due_date": "2030-01-01", "responsible_body": "قطب التنظيم"}
    )
    assert form.is_valid()
    model_admin = DecisionAdmin(Decision, None)
    message = model_admin.construct_change_message(rf.get("/"), form, [], add=False)
    entry = LogEntry(
        user=secretariat,
        content_type=ContentType.objects.get_for_model(Decision),
        object_id=str(decision.pk),
        action_flag=CHANGE,
        change_message=json.dumps(message),
    )
    with translation.override("ar"):
        text = entry.get_change_message()
    assert "Due date" not in text and "Responsible body" not in text
    assert "أجل الإنجاز" in text
