"""The bureau's congress dashboard: twelve regions, each with the state of its congress."""

import datetime

import pytest
from django.urls import reverse

from regions import workflow
from regions.models import Congress, Mandate, Region

URL = "/admin/regions/congress/dashboard/"


def test_the_dashboard_lives_in_the_admin():
    assert reverse("admin:regions_congress_dashboard") == URL


def add_congresses(count):
    regions = list(Region.objects.all())
    for n in range(count):
        Congress.objects.create(
            region=regions[n % len(regions)],
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=n),
            status=Congress.Status.HELD,
        )


@pytest.mark.parametrize("congresses", [0, 1, 40])
def test_the_dashboards_query_count_does_not_grow_with_congresses(
    client, secretariat, django_assert_num_queries, congresses
):
    add_congresses(congresses)
    client.force_login(secretariat)
    # 1 session, 2 the user, 3 its own permissions, 4 its groups' permissions (both cached
    # for the request), 5 the regions with their latest congress's id, status and date
    # (subqueries), 6 the regional secretaries elected by those congresses or in office today,
    # 7 the header's unread notification count.
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["tiles"]) == 12


def test_each_region_shows_the_state_of_its_latest_congress(
    client, secretariat, draa_secretary, own, draa, souss
):
    Congress.objects.create(region=draa, date=datetime.date(2015, 1, 1), status="validated")
    client.force_login(secretariat)
    tiles = {t["region"].code: t for t in client.get(URL).context["tiles"]}
    assert tiles["08"]["state"] == Congress.Status.HELD
    assert tiles["08"]["date"] == own["congress"].date
    assert tiles["08"]["in_office"] == own["former"]
    assert tiles["01"]["state"] == "none"
    assert tiles["01"]["congress_id"] is None


def test_the_dashboard_shows_the_newly_elected_secretary(client, secretariat, draa_secretary, own):
    congress = own["congress"]
    congress.delegates, congress.summary_ar = 200, "ملخص"
    congress.minutes = "congress-minutes/x.pdf"
    congress.save()
    own["election"].office = Mandate.Office.REGIONAL_SECRETARY
    own["election"].save()
    workflow.submit(congress, actor=draa_secretary)
    workflow.validate(congress, actor=secretariat)
    client.force_login(secretariat)
    response = client.get(URL)
    tile = next(t for t in response.context["tiles"] if t["region"].code == "08")
    assert (tile["state"], tile["elected"], tile["in_office"]) == (
        "validated",
        own["person"],
        own["person"],
    )
    html = response.content.decode()
    assert "state-validated" in html and "OWN-official" in html


def test_a_regional_secretary_sees_only_their_region_on_the_dashboard(
    client, draa_secretary, own, foreign
):
    client.force_login(draa_secretary)
    response = client.get(URL)
    assert [t["region"].code for t in response.context["tiles"]] == ["08"]
    assert b"FOREIGN" not in response.content


def test_the_dashboard_reads_in_french_and_arabic(client, secretariat, own):
    client.force_login(secretariat)
    arabic = client.get(URL, HTTP_ACCEPT_LANGUAGE="ar")
    assert b'dir="rtl"' in arabic.content
    assert 'dir="ltr"' in arabic.content.decode()  # the map keeps its geography
    french = client.get(URL, HTTP_ACCEPT_LANGUAGE="fr")
    assert b'lang="fr"' in french.content
