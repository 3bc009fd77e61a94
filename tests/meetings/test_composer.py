"""The Arabic and French drafts composed from a meeting."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from meetings import composer, composer_fr
from meetings.models import AgendaItem, Communique, Decision, Meeting

# The golden texts: the title, an empty line, then the body. Each sentence was reviewed by hand
# (docs/arabic.md); regenerate one only with a reason, and review it again.
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_DAYS = {
    "2019-09-03-two-items": datetime.date(2019, 9, 3),
    "2020-01-21-seed-four-items": datetime.date(2020, 1, 21),
    "2020-01-28-thematic": datetime.date(2020, 1, 28),
    "2020-02-04-five-items": datetime.date(2020, 2, 4),
    "2020-02-11-no-decisions": datetime.date(2020, 2, 11),
    "2020-03-07-central-committee": datetime.date(2020, 3, 7),
}


def golden(name: str, language: str) -> tuple[str, str]:
    text = (GOLDEN / f"{name}.{language}.txt").read_text("utf-8")
    title, body = text.rstrip("\n").split("\n\n", 1)
    return title, body


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_meetings_compose_their_golden_texts(demo, django_assert_num_queries):
    for name, day in GOLDEN_DAYS.items():
        meeting = Meeting.objects.get(starts_at__date=day)
        for language, module in (("ar", composer), ("fr", composer_fr)):
            # 1. the meeting's agenda items, 2. their decisions (prefetched)
            with django_assert_num_queries(2):
                draft = module.compose(meeting)
            assert (draft.title, draft.body) == golden(name, language), f"{name}.{language}"


def test_the_demo_publishes_the_composed_texts(demo):
    for name, day in GOLDEN_DAYS.items():
        communique = Communique.objects.get(meeting__starts_at__date=day)
        assert communique.status == Communique.Status.PUBLISHED
        assert (communique.title_ar, communique.body_ar) == golden(name, "ar"), name
        assert (communique.title_fr, communique.body_fr) == golden(name, "fr"), name


def test_the_demo_has_every_shape_of_meeting(demo):
    shapes = {}
    for day in GOLDEN_DAYS.values():
        meeting = Meeting.objects.get(starts_at__date=day)
        items = list(meeting.agenda_items.all())
        decisions = Decision.objects.filter(agenda_item__meeting=meeting).count()
        shapes[day] = (meeting.organ, meeting.kind, len(items), decisions)
    assert shapes[datetime.date(2019, 9, 3)][2] == 2
    assert shapes[datetime.date(2020, 2, 4)][2] == 5
    assert shapes[datetime.date(2020, 1, 28)][1] == Meeting.Kind.THEMATIC
    assert shapes[datetime.date(2020, 3, 7)][0] == Meeting.Organ.CENTRAL_COMMITTEE
    assert shapes[datetime.date(2020, 2, 11)][3] == 0


# What the party's own communiqué of 21 January 2020 says, which its composed draft must keep.
SEED_FACTS = [
    "اجتماعه الأسبوعي يوم الثلاثاء 21 يناير 2020",
    "تقييما أوليا للمؤتمرات الجهوية",
    "الأوضاع العامة ببعض جهات البلاد",
    "ديمقراطية محلية حقيقية",
    "نموذج تنموي جديد",
    "باعتزاز النجاح البين",
    "بجهة درعة-تافيلالت",
    "الرفيق الكاتب الجهوي",
    "برنامج دورات مجالس الفروع الإقليمية",
    "تخصيص اجتماعه المقبل لتحديد التوجهات",
    "منظماته الموازية",
    "تقييما عاما للقاءات التواصلية",
    "الصخيرات-تمارة وسلا وآسفي واليوسفية",
    "«تجذر وانصهار»",
    "باقي الفروع المحلية والإقليمية",
]


def test_the_seed_draft_keeps_everything_the_party_said():
    _title, body = golden("2020-01-21-seed-four-items", "ar")
    assert [fact for fact in SEED_FACTS if fact not in body] == []


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_no_golden_has_minutes_wording_or_an_invented_closing(language):
    for name in GOLDEN_DAYS:
        _title, body = golden(name, language)
        for phrase in ("النقطة المتعلقة", "وفي الأخير", "دعا المكتب السياسي", "لللجنة"):
            assert phrase not in body, (name, phrase)


def paragraphs(meeting, module=composer):
    return module.compose_body(meeting).split("\n\n")


def test_the_first_item_is_carried_by_the_opening_and_said_once(make_meeting):
    opening, last = paragraphs(make_meeting(items=2))
    assert opening == (
        "عقد المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الأسبوعي يوم الثلاثاء 21 يناير 2020، "
        "واستهله بتدارس النقطة رقم 1، وقرر تنظيم النشاط رقم 1."
    )
    assert last == "وفي ختام أشغاله، تدارس المكتب السياسي النقطة رقم 2، وقرر تنظيم النشاط رقم 2."


def test_a_single_item_is_studied_during_the_meeting_and_nothing_follows(make_meeting):
    (opening,) = paragraphs(make_meeting(items=1))
    assert opening.endswith(
        "يوم الثلاثاء 21 يناير 2020، وتدارس خلاله النقطة رقم 1، وقرر تنظيم النشاط رقم 1."
    )


def test_a_meeting_without_agenda_is_one_sentence(make_meeting):
    assert paragraphs(make_meeting(items=0)) == [
        "عقد المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الأسبوعي يوم الثلاثاء 21 يناير 2020."
    ]


def test_transitions_take_turns_and_the_last_item_closes_the_meeting(make_meeting):
    _opening, *items = paragraphs(make_meeting(items=6))
    assert [p.split("، ", 1)[0] for p in items] == [
        "ومن جانب آخر",
        "إثر ذلك",
        "ومن جهة أخرى",
        "وبعد ذلك",
        "وفي ختام أشغاله",
    ]
    assert [p.split("رقم ")[1][0] for p in items] == list("23456")


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        (Decision.Kind.DECISION, "وقرر X"),
        (Decision.Kind.APPROVAL, "وصادق على X"),
        (Decision.Kind.RECOMMENDATION, "وأوصى X"),
        (Decision.Kind.POSITION, "وسجل X"),
        (Decision.Kind.STATEMENT, "وأكد X"),
        (Decision.Kind.COMMENDATION, "ونوه X"),
        (Decision.Kind.CONGRATULATION, "وهنأ X"),
    ],
)
def test_each_kind_of_decision_has_its_verb(make_meeting, kind, sentence):
    meeting = make_meeting(items=0)
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="الموضوع")
    text = "على X" if kind == Decision.Kind.APPROVAL else "X"
    Decision.objects.create(agenda_item=item, kind=kind, text_ar=text)
    assert paragraphs(meeting)[0].endswith(f"وتدارس خلاله الموضوع، {sentence}.")


def test_an_opening_evaluation_states_its_item(make_meeting):
    meeting = make_meeting(items=0)
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="تقييم")
    Decision.objects.create(agenda_item=item, kind="evaluation", text_ar="أوليا للمؤتمرات")
    Decision.objects.create(agenda_item=item, order=2, kind="decision", text_ar="مواصلتها")
    assert paragraphs(meeting)[0].endswith("وأجرى خلاله تقييما أوليا للمؤتمرات، وقرر مواصلتها.")


def test_decisions_join_with_and_then_also(make_meeting):
    meeting = make_meeting(items=0)
    item = AgendaItem.objects.create(meeting=meeting, order=1, title_ar="الموضوع")
    for order, kind in enumerate(["position", "commendation", "recommendation"]):
        Decision.objects.create(agenda_item=item, order=order, kind=kind, text_ar=f"ن{order}.")
    assert paragraphs(meeting)[0].endswith("وتدارس خلاله الموضوع، وسجل ن0، ونوه ن1، كما أوصى ن2.")


def test_the_summary_is_woven_in_and_the_decisions_follow_naming_the_organ(make_meeting):
    meeting = make_meeting(items=0)
    item = AgendaItem.objects.create(
        meeting=meeting, order=1, title_ar="الموضوع", summary_ar="أوضاع الجهات."
    )
    Decision.objects.create(agenda_item=item, kind="statement", text_ar="أن X")
    assert paragraphs(meeting)[0].endswith(
        "وتدارس خلاله الموضوع، مستحضرا بهذه المناسبة أوضاع الجهات. "
        "وفي هذا الصدد، أكد المكتب السياسي أن X."
    )


def test_an_item_with_decisions_keeps_its_subject(make_meeting):
    _opening, last = paragraphs(make_meeting(items=2))
    assert "النقطة رقم 2" in last


def test_the_organisation_name_comes_from_settings(make_meeting):
    names = {"ar": "الحزب الديمقراطي", "fr": "Parti démocrate", "en": ""}
    with override_settings(ORGANISATION_NAME=names):
        draft = composer.compose(make_meeting(items=1))
    assert draft.title.startswith("بلاغ صحفي حول اجتماع المكتب السياسي للحزب الديمقراطي ليوم")
    assert draft.body.startswith("عقد المكتب السياسي للحزب الديمقراطي اجتماعه الأسبوعي")


@pytest.mark.parametrize(
    ("noun", "joined"),
    [
        ("حزب التقدم", "لحزب التقدم"),
        ("المكتب السياسي", "للمكتب السياسي"),
        ("اللجنة المركزية", "للجنة المركزية"),
        ("اللقاءات التواصلية", "للقاءات التواصلية"),
        ("تحديد التوجهات", "لتحديد التوجهات"),
    ],
)
def test_of_joins_the_preposition_as_arabic_writes_it(noun, joined):
    assert composer.of(noun) == joined


def test_the_central_committee_holds_sessions_and_agrees_in_the_feminine(make_meeting):
    meeting = make_meeting(items=2, organ=Meeting.Organ.CENTRAL_COMMITTEE)
    draft = composer.compose(meeting)
    assert draft.title.startswith("بلاغ صحفي حول الدورة العادية للجنة المركزية لحزب")
    opening, last = draft.body.split("\n\n")
    assert opening.startswith("عقدت اللجنة المركزية لحزب التقدم والاشتراكية دورتها العادية يوم")
    assert "، واستهلتها بتدارس النقطة رقم 1، وقررت تنظيم النشاط رقم 1." in opening
    assert last.startswith("وفي ختام أشغالها، تدارست اللجنة المركزية النقطة رقم 2، وقررت")


def test_an_extraordinary_session_of_the_central_committee(make_meeting):
    meeting = make_meeting(
        items=1, organ=Meeting.Organ.CENTRAL_COMMITTEE, kind=Meeting.Kind.EXTRAORDINARY
    )
    draft = composer.compose(meeting)
    assert draft.title.startswith("بلاغ صحفي حول الدورة الاستثنائية للجنة المركزية لحزب")
    assert "دورة استثنائية يوم السبت" not in draft.body  # the fixture's day is a Tuesday
    assert "عقدت اللجنة المركزية لحزب التقدم والاشتراكية دورة استثنائية يوم" in draft.body
    assert "، وتدارست خلالها النقطة رقم 1" in draft.body


def test_an_extraordinary_meeting_of_the_bureau_says_so(make_meeting):
    meeting = make_meeting(items=1, kind=Meeting.Kind.EXTRAORDINARY)
    draft = composer.compose(meeting)
    assert draft.title.startswith("بلاغ صحفي حول الاجتماع الاستثنائي للمكتب السياسي لحزب")
    assert "اجتماعا استثنائيا يوم الثلاثاء 21 يناير 2020" in draft.body


def test_a_thematic_meeting_is_dedicated_to_its_subject(make_meeting):
    meeting = make_meeting(items=1, kind=Meeting.Kind.THEMATIC, focus_ar="تحديد التوجهات")
    assert (
        "اجتماعا موضوعاتيا يوم الثلاثاء 21 يناير 2020، خصصه لتحديد التوجهات، وتدارس خلاله"
        in (paragraphs(meeting)[0])
    )


# French ---------------------------------------------------------------------------------------


def make_french(meeting):
    for item in meeting.agenda_items.all():
        item.title_fr = f"Le point {item.order}"
        item.save()
        item.decisions.update(text_fr=f"d'organiser l'activité {item.order}")


def test_the_french_draft_has_the_same_structure(make_meeting):
    meeting = make_meeting(items=3, day=datetime.date(2019, 10, 1))
    make_french(meeting)
    draft = composer_fr.compose(meeting)
    assert draft.title == (
        "Communiqué de presse sur la réunion du Bureau politique du Parti du Progrès et du "
        "Socialisme du mardi 1er octobre 2019"
    )
    assert draft.body.split("\n\n") == [
        "Le Bureau politique du Parti du Progrès et du Socialisme a tenu, mardi 1er octobre "
        "2019, sa réunion hebdomadaire. Au début de ses travaux, il a examiné le point 1 et a "
        "décidé d'organiser l'activité 1.",
        "Par ailleurs, le Bureau politique a examiné le point 2 et a décidé d'organiser "
        "l'activité 2.",
        "Au terme de ses travaux, le Bureau politique a examiné le point 3 et a décidé "
        "d'organiser l'activité 3.",
    ]


def test_no_french_draft_when_a_french_text_is_missing(make_meeting):
    meeting = make_meeting(items=2)
    make_french(meeting)
    AgendaItem.objects.filter(meeting=meeting, order=2).update(title_fr="")
    assert composer_fr.compose(meeting) is None


@pytest.mark.parametrize(
    ("noun", "to", "of"),
    [
        ("le siège central", "au siège central", "du siège central"),
        ("Les congrès", "aux congrès", "des congrès"),
        ("la définition", "à la définition", "de la définition"),
        ("l'exposé", "à l'exposé", "de l'exposé"),
        ("Rabat", "à Rabat", "de Rabat"),
    ],
)
def test_french_contracts_its_prepositions(noun, to, of):
    assert composer_fr.to(noun) == to
    assert composer_fr.of(noun) == of
