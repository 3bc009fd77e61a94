"""The Arabic and French catalogs: complete, compiled, used by Django, Moroccan months."""

import ast
import datetime
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation

from meetings.models import Meeting
from tests.conftest import MOROCCAN_MONTHS

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["ar", "fr"]
# One n per plural form: Arabic's six (0, 1, 2, 3-10, 11-99, 100-102…), French's two.
PLURAL_SAMPLES = {"ar": [0, 1, 2, 3, 11, 100], "fr": [1, 2]}


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr or msgstr[n], flags."""
    entries, entry, field = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {}, None
            continue
        if line.startswith("#~"):  # obsolete: parsed, then reported
            entry["obsolete"] = True
            line = line[2:].strip()
        if line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif line.startswith(("#", "|")):  # comments, references, previous msgids
            continue
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        else:
            field, _, value = line.partition(" ")
            entry[field] = ast.literal_eval(value)
    return entries


def catalog(language: str) -> list[dict]:
    return read_po(LOCALE / language / "LC_MESSAGES" / "django.po")


def messages(language: str) -> list[dict]:
    return [e for e in catalog(language) if e["msgid"]]


def translations(entry: dict) -> list[str]:
    if "msgid_plural" in entry:
        return [v for k, v in sorted(entry.items()) if k.startswith("msgstr[")]
    return [entry["msgstr"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    entries = catalog(language)
    assert len(messages(language)) > 300
    header = entries[0]
    assert header["msgid"] == "" and "fuzzy" not in header.get("flags", set())
    assert f"Language: {language}\n" in header["msgstr"]
    untranslated = [e["msgid"] for e in messages(language) if not all(translations(e))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e.get("flags", set())]
    obsolete = [e["msgid"] for e in entries if e.get("obsolete")]
    assert (untranslated, fuzzy, obsolete) == ([], [], [])


def test_arabic_keeps_djangos_six_plural_forms():
    header = catalog("ar")[0]["msgstr"]
    assert "Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 :" in header
    plurals = [e for e in messages("ar") if "msgid_plural" in e]
    assert plurals and all(len(translations(e)) == 6 for e in plurals)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_matches_the_po_file(language):
    """The committed .mo holds exactly what the .po says (a fresh clone needs no gettext)."""
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in messages(language):
        if "msgid_plural" in entry:
            for n in PLURAL_SAMPLES[language]:
                got = compiled.ngettext(entry["msgid"], entry["msgid_plural"], n)
                if got not in translations(entry):
                    stale.append((entry["msgid"], n))
        elif "msgctxt" in entry:
            if compiled.pgettext(entry["msgctxt"], entry["msgid"]) != entry["msgstr"]:
                stale.append((entry["msgctxt"], entry["msgid"]))
        elif compiled.gettext(entry["msgid"]) != entry["msgstr"]:
            stale.append(entry["msgid"])
    assert stale == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_django_serves_the_projects_translations(language):
    """Project messages win over Django's own catalog (e.g. "Home", "Please correct…")."""
    wrong = []
    with translation.override(language):
        for entry in messages(language):
            if "msgid_plural" in entry:
                got = translation.ngettext(entry["msgid"], entry["msgid_plural"], 1)
                ok = got in translations(entry)
            elif "msgctxt" in entry:
                ok = translation.pgettext(entry["msgctxt"], entry["msgid"]) == entry["msgstr"]
            else:
                ok = translation.gettext(entry["msgid"]) == entry["msgstr"]
            if not ok:
                wrong.append(entry["msgid"])
    assert wrong == []


def test_arabic_plurals_follow_the_number():
    with translation.override("ar"):
        found = [
            translation.ngettext("%(counter)s communiqué found", "%(counter)s communiqués found", n)
            % {"counter": n}
            for n in (1, 2, 3, 11, 100)
        ]
    assert found == [
        "عُثر على بلاغ واحد",
        "عُثر على بلاغين",
        "عُثر على 3 بلاغات",
        "عُثر على 11 بلاغا",
        "عُثر على 100 بلاغ",
    ]


def render(template: str, **context) -> str:
    return Template(template).render(Context(context))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2020, 1, 21), "21 يناير 2020"),
        (datetime.date(2020, 5, 5), "5 ماي 2020"),
        (datetime.date(2020, 8, 14), "14 غشت 2020"),
        (datetime.date(2020, 12, 1), "1 دجنبر 2020"),
    ],
)
def test_the_date_filter_writes_moroccan_dates_in_arabic(day, expected):
    with translation.override("ar"):
        assert render("{{ day|date }}", day=day) == expected
        assert render('{{ day|date:"DATE_FORMAT" }}', day=day) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_format_uses_the_moroccan_name_in_arabic(month):
    day = datetime.date(2020, month, 1)
    name = MOROCCAN_MONTHS[month - 1]
    with translation.override("ar"):
        # F: MONTHS, E: MONTHS_ALT, N: MONTHS_AP, b: MONTHS_3.
        assert render('{{ day|date:"F|E|N|b" }}', day=day) == "|".join([name] * 4)


def test_french_dates_are_untouched():
    with translation.override("fr"):
        assert render("{{ day|date }}", day=datetime.date(2020, 8, 14)) == "14 août 2020"


def test_arabic_times_use_a_24_hour_clock():
    moment = timezone.make_aware(datetime.datetime(2020, 1, 21, 17, 30))
    with translation.override("ar"):
        assert render("{{ moment }}", moment=moment) == "21 يناير 2020، 17:30"


@pytest.fixture
def meeting(db):
    return Meeting.objects.create(
        starts_at=timezone.make_aware(datetime.datetime(2020, 1, 21, 17)),
        status=Meeting.Status.HELD,
        focus_ar="قطب التنظيم",
    )


def test_a_meeting_is_named_in_the_active_language(meeting):
    with translation.override("ar"):
        assert str(meeting) == "المكتب السياسي — أسبوعي — 21 يناير 2020"
    with translation.override("fr"):
        assert str(meeting) == "Bureau politique — hebdomadaire — 21 janvier 2020"


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def admin_page(client, url: str, language: str) -> str:
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_admin_index_names_everything_in_arabic(staff_client):
    page = admin_page(staff_client, "/admin/", "ar")
    assert '<html lang="ar" dir="rtl">' in page
    for name in ["الاجتماعات والبلاغات", "الاجتماعات", "البلاغات", "القرارات", "الجهات والمؤتمرات"]:
        assert f">{name}<" in page
    for name in ["الأقاليم والعمالات", "المؤتمرات", "المهام", "الفضاء الإداري للمكتب السياسي"]:
        assert name in page
    for english in ["Meetings and communiqués", ">Meetings<", ">Communiqués<", ">Congresses<"]:
        assert english not in page


def test_the_admin_index_names_everything_in_french(staff_client):
    page = admin_page(staff_client, "/admin/", "fr")
    assert '<html lang="fr" dir="ltr">' in page
    for name in ["Réunions et communiqués", "Réunions", "Communiqués", "Régions et congrès"]:
        assert f">{name}<" in page
    assert "Provinces et préfectures" in page
    assert "Meetings and communiqués" not in page


def test_the_meetings_list_reads_in_arabic(staff_client, meeting):
    page = admin_page(staff_client, "/admin/meetings/meeting/", "ar")
    assert "اختر اجتماعا لتغييره" in page  # the object of «اختر» takes the accusative
    assert "اختر اجتماع لتغييره" not in page
    for column in ["الهيئة", "النوع", "الحالة", "المحور", "بنود جدول الأعمال", "بلاغ"]:
        assert column in page
    assert "المكتب السياسي — أسبوعي — 21 يناير 2020" in page
    assert "تحرير البلاغ" in page  # a held meeting without a communiqué offers to compose it
    assert "Compose the communiqué" not in page


def test_the_meetings_list_reads_in_french(staff_client, meeting):
    page = admin_page(staff_client, "/admin/meetings/meeting/", "fr")
    for column in ["Instance", "Type", "Statut", "Thème", "Points de l&#x27;ordre du jour"]:
        assert column in page
    assert "Bureau politique — hebdomadaire — 21 janvier 2020" in page
    assert "Rédiger le communiqué" in page
