"""Forms posted by a regional secretary with another region's ids are refused; nothing changes."""

import pytest
from django.urls import reverse

from regions.models import Congress, CongressTransition, Election, Mandate, Person


def management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def congress_data(region, **extra):
    return {
        "level": "regional",
        "region": region.pk,
        "date": "2020-01-18",
        "venue_ar": "مكان",
        "venue_fr": "",
        "venue_en": "",
        "delegates": "",
        "summary_ar": "",
        "summary_fr": "",
        "summary_en": "",
        **management("elections"),
        **extra,
    }


def election_row(index, election=None, **fields):
    row = {
        f"elections-{index}-id": election.pk if election else "",
        f"elections-{index}-congress": election.congress_id if election else "",
        f"elections-{index}-person": election.person_id if election else "",
        f"elections-{index}-office": election.office if election else "",
        f"elections-{index}-province": "",
    }
    row.update({f"elections-{index}-{k}": v for k, v in fields.items()})
    return row


def change_url(obj):
    return reverse(f"admin:regions_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def secretary(client, draa_secretary, own, foreign):
    client.force_login(draa_secretary)
    return draa_secretary


def test_secretary_adds_a_congress_in_their_region(client, secretary, draa):
    response = client.post(reverse("admin:regions_congress_add"), congress_data(draa))
    assert response.status_code == 302
    congress = Congress.objects.get(region=draa, venue_ar="مكان")
    step = CongressTransition.objects.get(congress=congress)
    assert (step.action, step.actor) == ("recorded", secretary)


def test_congress_for_another_region_cannot_be_added(client, secretary, souss):
    before = Congress.objects.count()
    response = client.post(reverse("admin:regions_congress_add"), congress_data(souss))
    assert response.status_code == 200
    assert "region" in response.context["adminform"].form.errors
    assert Congress.objects.count() == before


def test_own_congress_cannot_be_moved_to_another_region(client, secretary, own, souss, draa):
    congress = own["congress"]
    data = congress_data(souss, **management("elections", 1, 1), **election_row(0, own["election"]))
    response = client.post(change_url(congress), data)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["region"]
    congress.refresh_from_db()
    assert congress.region == draa


def test_provinces_of_another_region_are_refused(client, secretary, draa, foreign):
    data = congress_data(draa, level="provincial", provinces=[foreign["province"].pk])
    before = Congress.objects.count()
    response = client.post(reverse("admin:regions_congress_add"), data)
    assert response.status_code == 200
    assert "provinces" in response.context["adminform"].form.errors
    assert Congress.objects.count() == before


def test_election_of_a_person_of_another_region_is_refused(client, secretary, own, foreign, draa):
    data = congress_data(
        draa,
        **management("elections", 2, 1),
        **election_row(0, own["election"]),
        **election_row(1, person=foreign["person"].pk, office="regional_secretary"),
    )
    response = client.post(change_url(own["congress"]), data)
    assert response.status_code == 200
    assert not response.context["adminform"].form.errors
    assert list(response.context["inline_admin_formsets"][0].formset.errors[1]) == ["person"]
    assert not Election.objects.filter(person=foreign["person"], congress=own["congress"]).exists()


def test_forged_inline_id_of_another_regions_election_is_refused(
    client, secretary, own, foreign, draa
):
    forged = foreign["election"]
    data = congress_data(
        draa,
        **management("elections", 1, 1),
        **election_row(
            0,
            forged,
            congress=own["congress"].pk,
            person=own["former"].pk,
            office="regional_secretary",
        ),
    )
    client.post(change_url(own["congress"]), data)
    forged.refresh_from_db()
    assert (forged.congress, forged.person, forged.office) == (
        foreign["congress"],
        foreign["person"],
        "regional_secretariat",
    )


def mandate_data(**fields):
    return {
        "person": "",
        "office": "municipal_councillor",
        "region": "",
        "province": "",
        "start_date": "2021-09-08",
        "end_date": "",
        **fields,
    }


@pytest.mark.parametrize(
    "forged",
    [
        lambda own, foreign: {"person": foreign["person"].pk},
        lambda own, foreign: {"province": foreign["province"].pk},
        lambda own, foreign: {"region": foreign["region"].pk, "province": ""},
    ],
    ids=["person", "province", "region"],
)
def test_mandate_with_another_regions_ids_is_refused(client, secretary, own, foreign, forged):
    data = mandate_data(
        person=own["person"].pk, region=own["region"].pk, province=own["province"].pk
    )
    data.update(forged(own, foreign))
    before = Mandate.objects.count()
    response = client.post(reverse("admin:regions_mandate_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Mandate.objects.count() == before


def test_the_same_mandate_with_own_ids_is_accepted(client, secretary, own):
    data = mandate_data(
        person=own["person"].pk, region=own["region"].pk, province=own["province"].pk
    )
    response = client.post(reverse("admin:regions_mandate_add"), data)
    assert response.status_code == 302


def test_secretary_cannot_make_a_regional_secretary_by_hand(client, secretary, own):
    data = mandate_data(
        person=own["person"].pk, region=own["region"].pk, office="regional_secretary"
    )
    response = client.post(reverse("admin:regions_mandate_add"), data)
    assert response.status_code == 200
    assert "office" in response.context["adminform"].form.errors


def test_secretary_cannot_edit_the_regional_secretarys_mandate(client, secretary, own):
    mandate = own["secretary_mandate"]
    response = client.post(
        change_url(mandate),
        mandate_data(person=mandate.person_id, region=mandate.region_id, end_date="2017-01-01"),
    )
    assert response.status_code == 403
    mandate.refresh_from_db()
    assert mandate.end_date is None


def test_post_to_another_regions_congress_is_not_found(client, secretary, foreign, souss):
    congress = foreign["congress"]
    response = client.post(change_url(congress), congress_data(souss, venue_ar="changed"))
    assert response.status_code == 404
    congress.refresh_from_db()
    assert congress.venue_ar == "FOREIGN-venue"


def test_delete_post_of_another_regions_person_is_not_found(client, secretary, foreign):
    person = foreign["person"]
    url = reverse("admin:regions_person_delete", args=[person.pk])
    assert client.post(url, {"post": "yes"}).status_code == 404
    assert Person.objects.filter(pk=person.pk).exists()


def person_data(region, **extra):
    return {
        "name_ar": "شخص جديد",
        "name_fr": "",
        "name_en": "",
        "gender": "",
        "email": "",
        "phone": "",
        "region": region.pk,
        **management("mandates"),
        **extra,
    }


def test_person_in_another_region_cannot_be_added(client, secretary, souss):
    response = client.post(reverse("admin:regions_person_add"), person_data(souss))
    assert response.status_code == 200
    assert not Person.objects.filter(name_ar="شخص جديد").exists()


def test_secretary_cannot_tie_an_account_or_make_a_bureau_member(
    client, secretary, draa, superuser
):
    data = person_data(draa, user=superuser.pk, is_bureau_member="on")
    assert client.post(reverse("admin:regions_person_add"), data).status_code == 302
    added = Person.objects.get(name_ar="شخص جديد")
    assert (added.user, added.is_bureau_member, added.region) == (None, False, draa)


@pytest.mark.parametrize("step", ["submit", "validate", "send-back"])
def test_transitions_of_another_regions_congress_are_not_found(client, secretary, foreign, step):
    url = reverse("admin:regions_congress_transition", args=[foreign["congress"].pk, step])
    assert client.post(url, {"comment": "x"}).status_code == 404
    assert not CongressTransition.objects.filter(congress=foreign["congress"]).exists()


def test_a_person_with_an_office_elsewhere_cannot_be_deleted_by_a_region(
    client, secretary, own, foreign
):
    shared = own["person"]
    elsewhere = Mandate.objects.create(
        person=shared,
        office="municipal_councillor",
        region=foreign["region"],
        province=foreign["province"],
        start_date="2021-09-08",
    )
    url = reverse("admin:regions_person_delete", args=[shared.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Mandate.objects.filter(pk=elsewhere.pk).exists()


def test_a_region_has_no_bulk_delete(client, secretary, draa):
    alone = Person.objects.create(name_ar="وحيد", region=draa)
    changelist = reverse("admin:regions_person_changelist")
    data = {"action": "delete_selected", "_selected_action": [alone.pk], "post": "yes"}
    client.post(changelist, data)
    assert Person.objects.filter(pk=alone.pk).exists()
    assert "delete_selected" not in client.get(changelist).content.decode()
