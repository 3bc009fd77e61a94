"""The elected officials register: who holds which office on a date, and who held it before."""

import datetime

import pytest
from django.urls import reverse

from regions import workflow
from regions.models import Mandate, Person

from .conftest import CONGRESS_DAY

URL = "/admin/regions/mandate/register/"


def test_the_register_lives_in_the_admin():
    assert reverse("admin:regions_mandate_register") == URL


@pytest.fixture
def validated(own, draa_secretary, secretariat):
    """The own region's congress elected the Drâa-Tafilalet secretary and validated it."""
    congress = own["congress"]
    congress.delegates, congress.summary_ar = 212, "ملخص"
    congress.minutes = "congress-minutes/minutes.pdf"
    congress.save()
    congress.elections.create(person=draa_secretary.person, office="regional_secretary")
    workflow.submit(congress, actor=draa_secretary)
    workflow.validate(congress, actor=secretariat)
    return congress


def people(mandates):
    return [(m.person.name, m.office) for m in mandates]


def composition(response):
    return [(region.code, people(members)) for region, members in response.context["secretariats"]]


def test_the_register_on_a_past_date_shows_that_days_holders(
    client, secretariat, own, draa, validated
):
    client.force_login(secretariat)
    before = client.get(URL, {"region": draa.pk, "on": "2019-06-01"})
    assert composition(before) == [("08", [("OWN-former-secretary", "regional_secretary")])]
    after = client.get(URL, {"region": draa.pk, "on": "2020-02-01"})
    assert composition(after) == [
        (
            "08",
            [("Lahcen Ait Ali", "regional_secretary"), ("OWN-official", "regional_secretariat")],
        )
    ]
    # On the congress day itself the newly elected hold office, their predecessor no longer.
    on_the_day = client.get(URL, {"region": draa.pk, "on": CONGRESS_DAY.isoformat()})
    assert composition(on_the_day) == composition(after)


def test_the_register_separates_party_and_public_offices(client, secretariat, own, validated):
    client.force_login(secretariat)
    response = client.get(URL, {"region": own["region"].pk, "on": "2020-02-01"})
    public = [(p.code if p else None, people(ms)) for _r, p, ms in response.context["public"]]
    assert public == [(own["province"].code, [("OWN-official", "municipal_councillor")])]
    party = [people(ms) for _r, _p, ms in response.context["party"]]
    assert party == [
        [("Lahcen Ait Ali", "regional_secretary"), ("OWN-official", "regional_secretariat")]
    ]


def test_the_history_keeps_the_predecessors_with_their_dates(client, secretariat, own, validated):
    client.force_login(secretariat)
    response = client.get(URL, {"region": own["region"].pk})
    history = [
        (m.person.name, m.office, m.start_date, m.end_date) for m in response.context["history"]
    ]
    assert (
        "OWN-former-secretary",
        "regional_secretary",
        datetime.date(2016, 1, 9),
        CONGRESS_DAY,
    ) in history
    assert ("Lahcen Ait Ali", "regional_secretary", CONGRESS_DAY, None) in history
    assert (
        response.content.decode().count(
            reverse("admin:regions_congress_change", args=[validated.pk])
        )
        >= 2
    )


def test_without_a_region_the_register_shows_every_region_but_no_history(
    client, secretariat, own, foreign
):
    client.force_login(secretariat)
    response = client.get(URL)
    assert {r.code for r, _members in response.context["secretariats"]} == {"08", "09"}
    assert response.context["history"] is None


def test_a_regional_secretary_sees_only_their_region_in_the_register(
    client, draa_secretary, own, foreign, souss
):
    client.force_login(draa_secretary)
    for query in ({}, {"region": souss.pk}, {"region": souss.pk, "on": "2019-01-01"}):
        response = client.get(URL, query)
        assert response.status_code == 200
        assert b"FOREIGN" not in response.content
        assert souss.name_ar.encode() not in response.content
    assert composition(client.get(URL)) == [
        ("08", [("OWN-former-secretary", "regional_secretary")])
    ]


def test_the_congress_page_shows_the_officials_it_elected(client, secretariat, validated):
    client.force_login(secretariat)
    page = client.get(reverse("admin:regions_congress_change", args=[validated.pk]))
    html = page.content.decode()
    assert "Lahcen Ait Ali" in html and "OWN-official" in html
    assert set(validated.elected_mandates.values_list("office", flat=True)) == {
        Mandate.Office.REGIONAL_SECRETARY,
        Mandate.Office.REGIONAL_SECRETARIAT,
    }


def add_councillors(region, count):
    province = region.provinces.first()
    for n in range(count):
        person = Person.objects.create(name_ar=f"مستشار {n}", region=region)
        Mandate.objects.create(
            person=person,
            office=Mandate.Office.MUNICIPAL_COUNCILLOR,
            region=region,
            province=province,
            start_date=datetime.date(2015, 9, 4) + datetime.timedelta(days=n),
        )


@pytest.mark.parametrize("councillors", [1, 30])
def test_the_registers_query_count_does_not_grow_with_mandates(
    client, secretariat, validated, draa, django_assert_num_queries, councillors
):
    add_councillors(draa, councillors)
    client.force_login(secretariat)
    # 1 session, 2 the user, 3 its own permissions, 4 its groups' permissions, 5 the chosen
    # region (form validation), 6 the mandates held on the date, 7 the region's whole history
    # (both with person, region, province and congress joined), 8 the regions of the form,
    # 9 the header's unread notification count.
    with django_assert_num_queries(9):
        response = client.get(URL, {"region": draa.pk})
    assert len(response.context["public"][0][2]) == councillors + 1  # and the own world's
