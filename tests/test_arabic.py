"""Arabic (and French) as readers and staff see it: Moroccan dates that read right to left,
local times, a woman's titles in the feminine, admin titles in the accusative."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone, translation

from common.dates import date_time, long_date, month_year
from meetings import workflow
from meetings.models import Attendance, Communique, CommuniqueRevision, Meeting
from regions.models import Congress, CongressTransition, Mandate, Person, Region
from tests.conftest import MOROCCAN_MONTHS


@pytest.mark.parametrize(("month", "name"), list(enumerate(MOROCCAN_MONTHS, start=1)))
def test_every_month_has_its_moroccan_name_in_every_arabic_date(month, name):
    day = datetime.date(2021, month, 15)
    assert long_date(day, weekday=False, language="ar") == f"15 {name} 2021"
    assert month_year(day, language="ar") == f"{name} 2021"
    with translation.override("ar"):
        assert long_date(day).endswith(f" 15 {name} 2021")


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
    assert long_date(day, language="ar") == f"{weekday} {day.day} يناير 2020"


def test_french_writes_the_first_of_the_month_1er():
    assert long_date(datetime.date(2019, 10, 1), language="fr") == "mardi 1er octobre 2019"
    assert long_date(datetime.date(2019, 10, 1), weekday=False, language="fr") == "1er octobre 2019"
    assert long_date(datetime.date(2019, 10, 11), language="fr") == "vendredi 11 octobre 2019"


def test_a_late_evening_in_utc_is_the_next_day_in_casablanca():
    late = datetime.datetime(2019, 12, 31, 23, 30, tzinfo=datetime.UTC)
    assert long_date(late, language="ar") == "الأربعاء 1 يناير 2020"


def test_a_congress_is_named_with_its_date_in_words(db):
    congress = Congress(region=Region.objects.get(code="08"), date=datetime.date(2020, 1, 18))
    with translation.override("ar"):
        assert str(congress).endswith("(18 يناير 2020)")
        assert "2020-01-18" not in str(congress)
    with translation.override("fr"):
        assert str(congress) == "Congrès régional de Drâa-Tafilalet (18 janvier 2020)"


def test_a_revision_is_named_in_local_time(db):
    saved = datetime.datetime(2026, 11, 29, 21, 8, tzinfo=datetime.UTC)  # 22:08 in Casablanca
    revision = CommuniqueRevision(language="ar", created_at=saved)
    with translation.override("ar"):
        assert str(revision) == "العربية — 29 نونبر 2026، 22:08"
        assert date_time(saved) == "29 نونبر 2026، 22:08"


@pytest.fixture
def staff(client, make_user):
    client.force_login(make_user("root", is_superuser=True))
    client.cookies["django_language"] = "ar"
    return client


def test_the_congress_log_shows_month_names_and_local_time(staff, db):
    congress = Congress.objects.create(
        region=Region.objects.get(code="08"),
        date=datetime.date(2020, 1, 18),
        status=Congress.Status.SUBMITTED,
    )
    CongressTransition.objects.create(
        congress=congress,
        action=CongressTransition.Action.SUBMITTED,
        from_status=Congress.Status.HELD,
        to_status=Congress.Status.SUBMITTED,
        actor=User.objects.get(username="root"),
        at=datetime.datetime(2026, 11, 29, 21, 8, tzinfo=datetime.UTC),
    )
    page = staff.get(reverse("admin:regions_congress_change", args=[congress.pk]))
    html = page.content.decode()
    assert "29 نونبر 2026، 22:08" in html
    assert "29\u200f/11\u200f/2026" not in html


def test_change_lists_name_their_object_in_the_accusative(staff, db):
    congresses = staff.get(reverse("admin:regions_congress_changelist")).content.decode()
    assert "<h1>اختر مؤتمرا لتغييره</h1>" in congresses
    assert "<title>اختر مؤتمرا لتغييره" in congresses
    assert "أضف مؤتمرا" in congresses
    assert "اختر مؤتمر لتغييره" not in congresses
    regions = staff.get(reverse("admin:regions_region_changelist")).content.decode()
    assert "اختر جهة لتغييرها" in regions  # the pronoun agrees with a feminine noun
    staff.cookies["django_language"] = "fr"
    french = staff.get(reverse("admin:regions_congress_changelist")).content.decode()
    assert "Sélectionnez un congrès à modifier" in french


@pytest.fixture
def woman(db):
    return Person.objects.create(name_ar="نادية العلوي", name_fr="Nadia Alaoui", gender="f")


@pytest.fixture
def man(db):
    return Person.objects.create(name_ar="سعيد الوزاني", name_fr="Saïd Ouazzani", gender="m")


def test_a_womans_office_is_named_in_the_feminine(woman, man):
    draa = Region.objects.get(code="08")
    hers = Mandate(person=woman, office="regional_secretary", region=draa)
    his = Mandate(person=man, office="regional_secretary", region=draa)
    with translation.override("ar"):
        assert hers.get_office_display() == "كاتبة جهوية"
        assert his.get_office_display() == "كاتب جهوي"
        assert str(hers) == "نادية العلوي — كاتبة جهوية (درعة-تافيلالت)"
    with translation.override("fr"):
        assert hers.get_office_display() == "secrétaire régionale"
        assert Mandate(person=woman, office="municipal_councillor").get_office_display() == (
            "conseillère communale"
        )


def test_a_womans_attendance_is_in_the_feminine(woman, man):
    meeting = Meeting.objects.create(starts_at=timezone.now())
    hers = Attendance.objects.create(meeting=meeting, person=woman)
    his = Attendance.objects.create(meeting=meeting, person=man)
    with translation.override("ar"):
        assert hers.get_status_display() == "حاضرة"
        assert his.get_status_display() == "حاضر"
    with translation.override("fr"):
        hers.status = Attendance.Status.EXCUSED
        assert hers.get_status_display() == "excusée"


def test_the_meeting_form_offers_a_woman_the_feminine_statuses(staff, woman, man):
    meeting = Meeting.objects.create(starts_at=timezone.now())
    Attendance.objects.create(meeting=meeting, person=woman)
    Attendance.objects.create(meeting=meeting, person=man)
    page = staff.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    html = page.content.decode()
    assert '<option value="present" selected>حاضرة</option>' in html
    assert '<option value="present" selected>حاضر</option>' in html
    attendance = staff.get(reverse("admin:meetings_attendance_changelist")).content.decode()
    assert "حاضرة" in attendance


def test_french_statuses_agree_with_meeting_and_congress():
    with translation.override("fr"):
        assert [str(s.label) for s in Meeting.Status] == ["prévue", "tenue", "annulée"]
        assert str(Congress.Status.HELD.label) == "tenu"
        assert str(Person._meta.get_field("gender").verbose_name) == "sexe"


def test_the_communique_page_labels_its_publication_date(client, make_user, db):
    editor = make_user("e", "editor")
    approver = make_user("a", "approver")
    publisher = make_user("p", "publisher")
    now = timezone.make_aware(datetime.datetime(2020, 1, 21, 20))
    communique = workflow.create_draft(
        Communique(title_ar="بلاغ", body_ar="نص.", slug="balagh"), actor=editor, now=now
    )
    workflow.submit(communique, actor=editor, now=now)
    workflow.approve(communique, actor=approver, now=now)
    workflow.publish(communique, actor=publisher, now=now)
    page = client.get(communique.get_absolute_url()).content.decode()
    assert "نُشر يوم الثلاثاء 21 يناير 2020" in page


def test_a_womans_page_offers_her_offices_in_the_feminine(staff, woman):
    page = staff.get(reverse("admin:regions_person_change", args=[woman.pk])).content.decode()
    assert '<option value="regional_secretary">كاتبة جهوية</option>' in page
    assert "كاتب جهوي<" not in page


def test_the_inlines_add_button_needs_no_accusative():
    with translation.override("ar"):
        assert translation.gettext("Add another %(verbose_name)s") == "إضافة %(verbose_name)s"
