"""The Arabic draft composed from a meeting."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from meetings import composer
from meetings.dates import arabic_date
from meetings.models import AgendaItem, Decision, Meeting

# The golden text: the title, an empty line, then the body (reviewed by hand; regenerate only
# with a reason).
GOLDEN = (Path(__file__).parent / "golden" / "communique-2020-01-21.txt").read_text("utf-8")
SEED_TITLE, SEED_BODY = GOLDEN.rstrip("\n").split("\n\n", 1)


@pytest.fixture
def seed_meeting(db):
    call_command("load_demo", stdout=io.StringIO())
    return Meeting.objects.get(starts_at__date=datetime.date(2020, 1, 21))


def test_the_seed_meeting_composes_the_golden_text(seed_meeting, django_assert_num_queries):
    # 1. the meeting's agenda items, 2. their decisions (prefetched)
    with django_assert_num_queries(2):
        draft = composer.compose(seed_meeting)
    assert draft.title == SEED_TITLE
    assert draft.body == SEED_BODY


def test_the_seed_communique_of_the_demo_is_the_composed_text(seed_meeting):
    assert seed_meeting.communique.title_ar == SEED_TITLE
    assert seed_meeting.communique.body_ar == SEED_BODY


@pytest.mark.parametrize(
    ("month", "name"),
    list(enumerate(
        ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
         "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
        start=1,
    )),
)  # fmt: skip
def test_every_month_has_its_moroccan_name(month, name):
    assert arabic_date(datetime.date(2021, month, 15), weekday=False) == f"15 {name} 2021"


@pytest.mark.parametrize(
    ("day", "weekday"),
    [
        (datetime.date(2020, 1, 20), "الاثنين"),
        (datetime.date(2020, 1, 21), "الثلاثاء"),
        (datetime.date(2020, 1, 22), "الأربعاء"),
        (datetime.date(2020, 1, 23), "الخميس"),
        (datetime.date(2020, 1, 24), "الجمعة"),
        (datetime.date(2020, 1, 25), "السبت"),
        (datetime.date(2020, 1, 26), "الأحد"),
    ],
)
def test_every_weekday_has_its_arabic_name(day, weekday):
    assert arabic_date(day) == f"{weekday} {day.day} يناير 2020"


def test_dates_use_western_digits():
    assert arabic_date(datetime.date(2019, 12, 31)) == "الثلاثاء 31 دجنبر 2019"


def paragraphs(meeting):
    return composer.compose_body(meeting).split("\n\n")


def test_one_agenda_item_is_studied_in_the_opening_and_closed(make_meeting):
    opening, item, closing = paragraphs(make_meeting(items=1))
    assert opening.endswith("وتدارس خلاله النقطة المتعلقة بالنقطة رقم 1.")
    assert item == "وفي هذا الصدد، قرر المكتب السياسي تنظيم النشاط رقم 1."
    assert closing.startswith("وفي ختام أشغاله، دعا المكتب السياسي")


def test_two_agenda_items_have_the_first_and_the_last_transitions(make_meeting):
    opening, first, last, closing = paragraphs(make_meeting(items=2))
    assert "واستهل أشغاله بالنقطة المتعلقة بالنقطة رقم 1" in opening
    assert first.startswith("وفي هذا الصدد، قرر المكتب السياسي تنظيم النشاط رقم 1")
    assert last.startswith("وفي الأخير، قرر المكتب السياسي تنظيم النشاط رقم 2")
    assert closing.startswith("وفي ختام أشغاله")


def test_three_agenda_items_have_a_second_transition(make_meeting):
    _opening, *items, _closing = paragraphs(make_meeting(items=3))
    assert [p.split("، ", 1)[0] for p in items] == ["وفي هذا الصدد", "ومن جهة أخرى", "وفي الأخير"]


def test_six_agenda_items_vary_the_middle_transitions(make_meeting):
    _opening, *items, _closing = paragraphs(make_meeting(items=6))
    assert [p.split("، ", 1)[0] for p in items] == [
        "وفي هذا الصدد",
        "ومن جهة أخرى",
        "إثر ذلك",
        "ومن جانب آخر",
        "وبعد ذلك",
        "وفي الأخير",
    ]
    assert [p.split("رقم ")[1][0] for p in items] == list("123456")


def test_a_meeting_without_agenda_has_an_opening_and_a_closing(make_meeting):
    opening, closing = paragraphs(make_meeting(items=0))
    assert opening.endswith("يوم الثلاثاء 21 يناير 2020.")
    assert closing.startswith("وفي ختام أشغاله")


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        (Decision.Kind.DECISION, "قرر المكتب السياسي X"),
        (Decision.Kind.RECOMMENDATION, "أوصى المكتب السياسي X"),
        (Decision.Kind.POSITION, "سجل المكتب السياسي X"),
        (Decision.Kind.STATEMENT, "أكد المكتب السياسي X"),
        (Decision.Kind.COMMENDATION, "نوه المكتب السياسي X"),
        (Decision.Kind.CONGRATULATION, "هنأ المكتب السياسي X"),
        (Decision.Kind.EVALUATION, "أجرى المكتب السياسي تقييما X"),
    ],
)
def test_each_kind_of_decision_has_its_verb_before_the_subject(make_meeting, kind, sentence):
    meeting = make_meeting(items=0)
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="نقطة")
    Decision.objects.create(agenda_item=item, kind=kind, text_ar="X")
    assert paragraphs(meeting)[1] == f"وفي هذا الصدد، {sentence}."


def test_decisions_of_one_item_are_joined_with_and_then_also(make_meeting):
    meeting = make_meeting(items=0)
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="نقطة")
    for order, kind in enumerate(["position", "commendation", "recommendation", "decision"]):
        Decision.objects.create(agenda_item=item, order=order, kind=kind, text_ar=f"ن{order}.")
    assert paragraphs(meeting)[1] == (
        "وفي هذا الصدد، سجل المكتب السياسي ن0، ونوه ن1، وأوصى ن2، كما قرر ن3."
    )


def test_an_item_without_decisions_is_studied(make_meeting):
    meeting = make_meeting(items=0)
    AgendaItem.objects.create(meeting=meeting, order=1, title_ar="الوضع السياسي العام")
    assert paragraphs(meeting)[1] == "وفي هذا الصدد، تدارس المكتب السياسي الوضع السياسي العام."


def test_the_organisation_name_comes_from_settings(make_meeting):
    with override_settings(ORGANISATION_NAME={"ar": "الحزب الديمقراطي", "fr": "", "en": ""}):
        draft = composer.compose(make_meeting(items=1))
    assert draft.title.startswith("بلاغ صحفي حول اجتماع المكتب السياسي للحزب الديمقراطي ليوم")
    assert draft.body.startswith("عقد المكتب السياسي للحزب الديمقراطي اجتماعه الأسبوعي")


def test_a_feminine_organ_agrees_with_its_verbs(make_meeting):
    meeting = make_meeting(items=2, organ=Meeting.Organ.CENTRAL_COMMITTEE)
    opening, first, _last, closing = paragraphs(meeting)
    assert opening.startswith("عقدت اللجنة المركزية لحزب التقدم والاشتراكية اجتماعها الأسبوعي")
    assert "واستهلت أشغالها" in opening
    assert first.startswith("وفي هذا الصدد، قررت اللجنة المركزية")
    assert closing.startswith("وفي ختام أشغالها، دعت اللجنة المركزية")


def test_an_extraordinary_meeting_says_so(make_meeting):
    meeting = make_meeting(items=1, kind=Meeting.Kind.EXTRAORDINARY)
    draft = composer.compose(meeting)
    assert draft.title.startswith("بلاغ صحفي حول الاجتماع الاستثنائي للمكتب السياسي لحزب")
    assert "اجتماعا استثنائيا يوم الثلاثاء 21 يناير 2020" in draft.body


def test_a_meeting_with_a_focus_says_what_it_was_dedicated_to(make_meeting):
    meeting = make_meeting(items=1, kind=Meeting.Kind.THEMATIC, focus_ar="قطب التنظيم")
    assert (
        "اجتماعا موضوعاتيا يوم الثلاثاء 21 يناير 2020، خصصه لقطب التنظيم" in paragraphs(meeting)[0]
    )
