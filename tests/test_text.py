import pytest

from common.text import strip_bidi_controls
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
