"""Rejected input in the admin gets a clear message on the form and saves nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Communique, Meeting
from regions.models import Congress, Mandate, Person, Province, Region


def inline_management_data(client, url):
    """The management-form fields of the page's inlines, with no inline rows."""
    context = client.get(url).context
    data = {}
    for inline in context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return data


def post(client, url, data):
    response = client.post(url, {**inline_management_data(client, url), **data})
    assert response.status_code == 200, "the form was expected to be refused"
    return response


def errors_of(response):
    form = response.context["adminform"].form
    return " ".join(str(e) for e in form.errors.values())


@pytest.fixture
def admin_client_fr(client, superuser):
    client.force_login(superuser)
    client.cookies["django_language"] = "fr"
    return client


@pytest.fixture
def person(db):
    return Person.objects.create(name_ar="زينب أوحمو", name_fr="Zineb Ouhammou")


def test_a_mandate_ending_before_it_starts_is_refused(admin_client_fr, person):
    response = post(
        admin_client_fr,
        reverse("admin:regions_mandate_add"),
        {
            "person": person.pk,
            "office": "regional_secretary",
            "region": Region.objects.get(code="08").pk,
            "start_date": "2020-01-18",
            "end_date": "2019-01-18",
        },
    )
    assert "Un mandat doit se terminer après avoir commencé." in errors_of(response)
    assert not Mandate.objects.exists()


def test_a_provincial_congress_outside_its_region_is_refused(admin_client_fr):
    response = post(
        admin_client_fr,
        reverse("admin:regions_congress_add"),
        {
            "level": "provincial",
            "region": Region.objects.get(code="08").pk,
            "provinces": [Province.objects.get(name_fr="Safi").pk],
            "date": "2020-02-15",
            "status": "planned",
        },
    )
    assert "ne sont pas dans la région" in errors_of(response)
    assert not Congress.objects.exists()


def test_a_second_communique_for_a_meeting_is_refused(admin_client_fr):
    meeting = Meeting.objects.create(
        starts_at=timezone.make_aware(datetime.datetime(2020, 1, 21, 17)), status="held"
    )
    Communique.objects.create(meeting=meeting, slug="first", title_ar="بلاغ", body_ar="نص")
    response = post(
        admin_client_fr,
        reverse("admin:meetings_communique_add"),
        {"meeting": meeting.pk, "slug": "second", "title_ar": "بلاغ ثان", "body_ar": "نص"},
    )
    assert "meeting" in response.context["adminform"].form.errors
    assert Communique.objects.count() == 1


def test_a_person_without_an_arabic_name_is_refused(admin_client_fr):
    response = post(admin_client_fr, reverse("admin:regions_person_add"), {"name_fr": "Sans nom"})
    assert "name_ar" in response.context["adminform"].form.errors
    assert not Person.objects.exists()
