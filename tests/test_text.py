import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from common.text import _StripsBidiControls, strip_bidi_controls
from meetings.models import AgendaItem, Communique, CommuniqueTransition, Decision, Meeting
from regions.models import Person


@pytest.mark.parametrize(
    "control",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_controls_are_removed(control):
    assert strip_bidi_controls(f"بلاغ{control}txt.exe") == "بلاغtxt.exe"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_marks_arabic_needs_are_kept(mark):
    assert strip_bidi_controls(f"الرباط{mark}2020") == f"الرباط{mark}2020"


def test_saved_names_lose_bidi_overrides(db):
    person = Person.objects.create(name_ar="\u202eسعيد\u202c الوزاني", name_fr="Sa\u2067id")
    person.refresh_from_db()
    assert person.name_ar == "سعيد الوزاني"
    assert person.name_fr == "Said"


def test_forms_clean_bidi_overrides(db):
    person = Person(name_ar="\u202eليلى")
    person.full_clean()
    assert person.name_ar == "ليلى"


# Every text a person types into a model is stripped, long texts included --------------------

USER_TEXT_CLASSES = (models.CharField, models.TextField)
# Fields that hold codes chosen from a list or validated formats, not free text.
NOT_FREE_TEXT = {"password", "username", "email", "first_name", "last_name", "session_key"}
# Text the site writes itself, from text already stripped.
WRITTEN_BY_THE_SITE = {"meetings.SearchWord.key"}


def free_text_fields():
    for model in apps.get_models():
        if model._meta.app_label not in {"meetings", "regions"}:
            continue
        for field in model._meta.get_fields():
            if (
                isinstance(field, USER_TEXT_CLASSES)
                and field.editable
                and not field.choices
                and field.name not in NOT_FREE_TEXT
            ):
                yield model, field


def test_every_free_text_field_strips_bidi_controls():
    unstripped = [
        f"{model._meta.label}.{field.name}"
        for model, field in free_text_fields()
        if not isinstance(field, _StripsBidiControls)
        and field.name not in {"code", "phone"}
        and f"{model._meta.label}.{field.name}" not in WRITTEN_BY_THE_SITE
    ]
    assert unstripped == []


def test_long_texts_lose_bidi_controls_when_saved(db):
    meeting = Meeting.objects.create(starts_at=timezone.now())
    item = AgendaItem.objects.create(meeting=meeting, title_ar="بند", summary_ar="ملخص\u202eعكسي")
    decision = Decision.objects.create(agenda_item=item, text_ar="تقرر\u2066 ما يلي\u2069")
    communique = Communique.objects.create(
        title_ar="بلاغ",
        body_ar="نص\u202e البلاغ\u200f مع علامة",
        correction_note_ar="تصحيح\u2067",
        slug="b",
    )
    CommuniqueTransition.objects.create(
        communique=communique, to_status="draft", comment="\u202dتعليق"
    )
    for obj, field, expected in [
        (item, "summary_ar", "ملخصعكسي"),
        (decision, "text_ar", "تقرر ما يلي"),
        (communique, "body_ar", "نص البلاغ\u200f مع علامة"),
        (communique, "correction_note_ar", "تصحيح"),
        (communique.transitions.get(), "comment", "تعليق"),
    ]:
        obj.refresh_from_db()
        assert getattr(obj, field) == expected


@pytest.mark.django_db
def test_saving_while_another_language_is_active_writes_no_translation(make_user):
    from django.utils import translation

    from common import roles
    from meetings import workflow
    from meetings.models import Communique

    editor = make_user("editor-fr", roles.EDITOR)
    with translation.override("fr"):
        communique = workflow.create_draft(
            Communique(title_ar="بلاغ", body_ar="نص", slug="sans-traduction"), actor=editor
        )
    communique.refresh_from_db()
    assert (communique.title_fr, communique.body_fr) == (None, None)
    assert communique.languages() == ["ar"]
