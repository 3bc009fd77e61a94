"""The whole journey on the demo: the Drâa-Tafilalet secretary records and submits the
outcome of the seed communiqué's congress, the secretariat validates it, and the dashboard and
the register show the new regional secretary."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from meetings.demo.territory import DRAA_CONGRESS_DAY, DRAA_OFFICERS
from regions.models import Congress, Mandate, Person, Region

from .conftest import PDF
from .test_forged_posts import management


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Congress.objects.get(region__code="08", level="regional", date=DRAA_CONGRESS_DAY)


def outcome(congress):
    officers = [Person.objects.get(name_ar=name_ar) for name_ar, *_ in DRAA_OFFICERS]
    data = {
        "level": "regional",
        "region": congress.region_id,
        "date": "2020-01-18",
        "venue_ar": "الرشيدية",
        "venue_fr": "Errachidia",
        "venue_en": "",
        "delegates": "212",
        "summary_ar": "انتخب المؤتمر الكاتب الجهوي وأعضاء الكتابة الجهوية.",
        "summary_fr": "",
        "summary_en": "",
        "minutes": SimpleUploadedFile("pv-congres.pdf", PDF, content_type="application/pdf"),
        **management("elections", len(officers)),
    }
    for index, (person, (*_names, office)) in enumerate(zip(officers, DRAA_OFFICERS, strict=True)):
        data.update(
            {
                f"elections-{index}-person": person.pk,
                f"elections-{index}-office": office,
                f"elections-{index}-province": "",
            }
        )
    return officers, data


def test_the_demo_secretary_logs_the_congress_and_the_bureau_validates_it(client, demo):
    draa = demo.region
    before = Mandate.objects.current().get(office="regional_secretary", region=draa)
    assert before.person.name_fr == "Omar Boulaid"
    assert demo.status == Congress.Status.HELD and not demo.elections.exists()

    secretary = User.objects.get(username="secretary-draa-tafilalet")
    assert client.login(username=secretary.username, password="demo")
    change = reverse("admin:regions_congress_change", args=[demo.pk])
    assert client.get(change).status_code == 200
    officers, data = outcome(demo)
    assert client.post(change, data).status_code == 302
    submit = reverse("admin:regions_congress_transition", args=[demo.pk, "submit"])
    assert client.post(submit).status_code == 302
    demo.refresh_from_db()
    assert demo.status == Congress.Status.SUBMITTED and demo.minutes

    assert client.login(username="secretariat", password="demo")
    validate = reverse("admin:regions_congress_transition", args=[demo.pk, "validate"])
    assert client.post(validate).status_code == 302
    demo.refresh_from_db()
    assert demo.status == Congress.Status.VALIDATED
    before.refresh_from_db()
    assert before.end_date == DRAA_CONGRESS_DAY

    dashboard = client.get(reverse("admin:regions_congress_dashboard"))
    tile = next(t for t in dashboard.context["tiles"] if t["region"].code == "08")
    assert (tile["state"], tile["elected"], tile["in_office"]) == (
        "validated",
        officers[0],
        officers[0],
    )
    register = client.get(reverse("admin:regions_mandate_register"), {"region": draa.pk})
    [(region, members)] = register.context["secretariats"]
    assert region == draa
    assert [m.person for m in members] == officers
    assert officers[0].name in register.content.decode()

    # Still the secretary of the region afterwards: the account now follows the new mandate.
    assert client.login(username=secretary.username, password="demo")
    assert client.get(change).status_code == 200

    # Loading the demo again puts the congress back, ready to be logged again.
    call_command("load_demo", stdout=io.StringIO())
    demo.refresh_from_db()
    assert demo.status == Congress.Status.HELD
    before.refresh_from_db()
    assert before.end_date is None


def test_the_demo_secretaries_see_nothing_of_another_region(client, demo):
    for username, code in [
        ("secretary-draa-tafilalet", "08"),
        ("secretary-rabat-sale-kenitra", "04"),
    ]:
        assert client.login(username=username, password="demo")
        others = Region.objects.exclude(code=code)
        foreign_people = Person.objects.exclude(region__code=code).exclude(region=None)
        for model in ("congress", "person", "mandate", "province", "region"):
            response = client.get(reverse(f"admin:regions_{model}_changelist"))
            assert response.status_code == 200
            html = response.content.decode()
            for region in others:
                assert region.name_ar not in html, (username, model, region)
            for person in foreign_people:
                assert person.name_ar not in html, (username, model, person)
        for congress in Congress.objects.exclude(region__code=code):
            url = reverse("admin:regions_congress_change", args=[congress.pk])
            assert client.get(url).status_code == 404
        for person in foreign_people:
            url = reverse("admin:regions_person_change", args=[person.pk])
            assert client.get(url).status_code == 404
        assert client.get(reverse("admin:meetings_communique_changelist")).status_code == 403
        assert client.get(reverse("admin:meetings_meeting_changelist")).status_code == 403
