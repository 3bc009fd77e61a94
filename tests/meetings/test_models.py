import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from meetings.models import AgendaItem, Attendance, Communique, Meeting
from regions.models import Person


@pytest.fixture
def meeting(db):
    return Meeting.objects.create(
        starts_at=timezone.make_aware(datetime.datetime(2020, 1, 21, 17)),
        status=Meeting.Status.HELD,
    )


def test_one_communique_per_meeting(meeting):
    Communique.objects.create(meeting=meeting, title_ar="بلاغ", slug="a", body_ar="نص")
    second = Communique(meeting=meeting, title_ar="بلاغ آخر", slug="b", body_ar="نص")
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "meeting" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    assert Communique.objects.count() == 1


@pytest.mark.usefixtures("english_messages")
def test_a_published_communique_needs_a_publication_time(db):
    communique = Communique(
        title_ar="بلاغ", slug="c", body_ar="نص", status=Communique.Status.PUBLISHED
    )
    with pytest.raises(ValidationError) as error:
        communique.full_clean()
    assert "needs a time" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        communique.save()


def test_arabic_title_and_body_are_required(db):
    with pytest.raises(ValidationError) as error:
        Communique(slug="d").full_clean()
    assert {"title_ar", "body_ar"} <= set(error.value.message_dict)


def test_slug_keeps_arabic_and_loses_bidi_controls(db):
    communique = Communique(title_ar="بلاغ", body_ar="نص", slug="بلاغ-\u202eالمكتب")
    communique.full_clean()
    communique.save()
    communique.refresh_from_db()
    assert communique.slug == "بلاغ-المكتب"


@pytest.mark.usefixtures("english_messages")
def test_agenda_positions_are_unique_per_meeting(meeting):
    AgendaItem.objects.create(meeting=meeting, order=1, title_ar="أ")
    with pytest.raises(ValidationError) as error:
        AgendaItem(meeting=meeting, order=1, title_ar="ب").full_clean()
    assert "cannot share a position" in str(error.value)


@pytest.mark.usefixtures("english_messages")
def test_a_person_attends_a_meeting_once(meeting):
    person = Person.objects.create(name_ar="نادية العلوي")
    Attendance.objects.create(meeting=meeting, person=person)
    with pytest.raises(ValidationError) as error:
        Attendance(meeting=meeting, person=person).full_clean()
    assert "already on this meeting" in str(error.value)


def test_public_means_published_or_scheduled_whose_time_has_come(db):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    rows = {
        "draft": (Communique.Status.DRAFT, None),
        "published": (Communique.Status.PUBLISHED, now - hour),
        "scheduled-past": (Communique.Status.SCHEDULED, now - hour),
        "scheduled-future": (Communique.Status.SCHEDULED, now + hour),
        "withdrawn": (Communique.Status.WITHDRAWN, now - hour),
        "approved": (Communique.Status.APPROVED, None),
    }
    for slug, (status, published_at) in rows.items():
        Communique.objects.create(
            slug=slug, title_ar=slug, body_ar="نص", status=status, published_at=published_at
        )
    public = set(Communique.objects.public().values_list("slug", flat=True))
    assert public == {"published", "scheduled-past"}
    later = set(Communique.objects.public(now=now + 2 * hour).values_list("slug", flat=True))
    assert later == {"published", "scheduled-past", "scheduled-future"}


def test_meeting_str_is_arabic(meeting):
    with translation.override("ar"):
        assert str(meeting) == "المكتب السياسي — أسبوعي — 21 يناير 2020"
