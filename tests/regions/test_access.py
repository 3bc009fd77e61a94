"""A regional secretary sees their own region in the admin, and nothing of any other."""

import datetime

import pytest
import time_machine
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from regions import access
from regions.models import Congress, Mandate, Person, Province, Region, RegionalAccess

SCOPED = (Region, Province, Congress, Person, Mandate)

# (model, expected status for the owner: change, delete, history). Congresses that were held
# are no longer the region's to delete; territories are read-only for everyone in a region.
OBJECT_PAGES = [
    ("congress", 200, 403, 200),
    ("person", 200, 200, 200),
    ("mandate", 200, 200, 200),
    ("region", 200, 403, 200),
    ("province", 200, 403, 200),
]


def object_of(world, model):
    return {
        "congress": world["congress"],
        "person": world["person"],
        "mandate": world["mandate"],
        "region": world["region"],
        "province": world["province"],
    }[model]


def page(model, view, obj):
    return reverse(f"admin:regions_{model}_{view}", args=[obj.pk])


@pytest.mark.parametrize("model,change,delete,history", OBJECT_PAGES)
def test_secretary_opens_the_pages_of_their_own_region(
    client, draa_secretary, own, foreign, model, change, delete, history
):
    client.force_login(draa_secretary)
    obj = object_of(own, model)
    assert client.get(page(model, "change", obj)).status_code == change
    assert client.get(page(model, "delete", obj)).status_code == delete
    assert client.get(page(model, "history", obj)).status_code == history


@pytest.mark.parametrize("model", [m for m, *_ in OBJECT_PAGES])
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_another_regions_object_is_not_found(client, draa_secretary, own, foreign, model, view):
    client.force_login(draa_secretary)
    response = client.get(page(model, view, object_of(foreign, model)))
    assert response.status_code == 404
    assert b"FOREIGN" not in response.content


def test_second_secretary_is_refused_the_first_ones_objects(client, souss_secretary, own, foreign):
    client.force_login(souss_secretary)
    for model, *_ in OBJECT_PAGES:
        assert client.get(page(model, "change", object_of(foreign, model))).status_code == 200
        assert client.get(page(model, "change", object_of(own, model))).status_code == 404


def every_changelist():
    return [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        for m in admin.site._registry
    ]


def test_no_list_page_shows_another_region(client, draa_secretary, own, foreign, souss):
    client.force_login(draa_secretary)
    for url in every_changelist():
        response = client.get(url)
        assert response.status_code in (200, 403), url
        assert b"FOREIGN" not in response.content, url
        assert souss.name_ar.encode() not in response.content, url


@pytest.mark.parametrize("model", ["congress", "person", "mandate"])
def test_list_pages_show_the_own_regions_rows(client, draa_secretary, own, foreign, model):
    client.force_login(draa_secretary)
    response = client.get(reverse(f"admin:regions_{model}_changelist"))
    assert response.status_code == 200
    assert page(model, "change", object_of(own, model)) in response.content.decode()
    assert page(model, "change", object_of(foreign, model)) not in response.content.decode()


def test_search_and_filters_find_nothing_of_another_region(
    client, draa_secretary, own, foreign, souss
):
    client.force_login(draa_secretary)
    for model in ("congress", "person", "mandate", "province"):
        url = reverse(f"admin:regions_{model}_changelist")
        for query in ({"q": "FOREIGN"}, {"q": souss.name_ar}, {"region__id__exact": souss.pk}):
            response = client.get(url, query)
            assert response.status_code == 200
            shown = list(response.context["cl"].result_list)
            assert object_of(foreign, model) not in shown, (model, query)
            assert "FOREIGN" not in str(shown)
            assert page(model, "change", object_of(foreign, model)) not in response.content.decode()


def test_nothing_of_the_bureaus_meetings_is_visible(client, draa_secretary):
    client.force_login(draa_secretary)
    for model in apps.get_app_config("meetings").get_models():
        if model in admin.site._registry:
            url = reverse(f"admin:meetings_{model._meta.model_name}_changelist")
            assert client.get(url).status_code == 403, url
    index = client.get(reverse("admin:index"))
    assert b"/admin/meetings/" not in index.content
    assert client.get(reverse("admin:app_list", args=["meetings"])).status_code == 404


def autocomplete_sources():
    """Every (app, model, field) whose autocomplete would list a regional model."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            remote = getattr(field, "remote_field", None)
            if field.is_relation and field.concrete and remote and remote.model in SCOPED:
                yield model._meta.app_label, model._meta.model_name, field.name, remote.model


def test_no_autocomplete_offers_another_region(client, draa_secretary, own, foreign, souss):
    client.force_login(draa_secretary)
    foreign_ids = {
        Region: {souss.pk},
        Province: set(souss.provinces.values_list("pk", flat=True)),
        Congress: {foreign["congress"].pk},
        Person: {foreign["person"].pk, foreign["former"].pk},
        Mandate: {foreign["mandate"].pk, foreign["secretary_mandate"].pk},
    }
    sources = list(autocomplete_sources())
    assert len(sources) >= 10
    offered = 0
    for app_label, model_name, field_name, remote in sources:
        for term in ("", "FOREIGN", souss.name_ar[:3]):
            response = client.get(
                reverse("admin:autocomplete"),
                {
                    "app_label": app_label,
                    "model_name": model_name,
                    "field_name": field_name,
                    "term": term,
                },
            )
            if response.status_code != 200:
                assert response.status_code == 403
                continue
            results = response.json()["results"]
            ids = {int(r["id"]) for r in results}
            assert not ids & foreign_ids[remote], (model_name, field_name, term)
            assert "FOREIGN" not in str(results)
            offered += len(results)
    assert offered > 0  # the endpoints do answer, with the own region's rows


def test_own_region_autocompletes_offer_its_rows(client, draa_secretary, own, draa):
    client.force_login(draa_secretary)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "regions", "model_name": "election", "field_name": "person", "term": "OWN"},
    )
    assert {r["text"] for r in response.json()["results"]} == {
        "OWN-official",
        "OWN-former-secretary",
    }
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "regions", "model_name": "congress", "field_name": "provinces", "term": ""},
    )
    assert {int(r["id"]) for r in response.json()["results"]} == set(
        draa.provinces.values_list("pk", flat=True)
    )


def test_choice_lists_on_the_add_forms_offer_only_the_own_region(
    client, draa_secretary, own, foreign, souss
):
    client.force_login(draa_secretary)
    for model in ("congress", "person", "mandate"):
        response = client.get(reverse(f"admin:regions_{model}_add"))
        assert response.status_code == 200
        assert b"FOREIGN" not in response.content
        assert souss.name_ar.encode() not in response.content


def test_bureau_users_see_every_region(client, secretariat, superuser, own, foreign):
    for user in (secretariat, superuser):
        client.force_login(user)
        for model, *_ in OBJECT_PAGES:
            assert client.get(page(model, "change", object_of(foreign, model))).status_code == 200
        response = client.get(reverse("admin:regions_person_changelist"))
        assert b"FOREIGN" in response.content and b"OWN" in response.content


def test_a_user_without_a_tie_sees_no_region(make_user, own):
    from common import roles

    user = make_user("untied", roles.REGIONAL_SECRETARY)
    assert access.region_ids(user) == frozenset()
    assert not access.congresses(user).exists()
    assert not access.people(user).exists()


def test_the_tie_ends_when_its_mandate_ends(draa_secretary, own, draa):
    mandate = Mandate.objects.create(
        person=draa_secretary.person,
        office=Mandate.Office.REGIONAL_SECRETARIAT,
        region=draa,
        start_date=datetime.date(2020, 1, 18),
        end_date=datetime.date(2024, 1, 20),
    )
    RegionalAccess.objects.filter(user=draa_secretary).update(mandate=mandate)
    with time_machine.travel(datetime.date(2024, 1, 19)):
        assert access.region_ids(draa_secretary) == {draa.pk}
    draa_secretary._bureau_region_ids = False  # a new request would start afresh
    with time_machine.travel(datetime.date(2024, 1, 21)):
        assert access.region_ids(draa_secretary) == frozenset()
        assert not access.congresses(draa_secretary).exists()


def test_an_ended_tie_shows_the_secretary_nothing(client, draa_secretary, own):
    RegionalAccess.objects.filter(user=draa_secretary).update(ends_on=datetime.date(2021, 1, 1))
    client.force_login(draa_secretary)
    response = client.get(reverse("admin:regions_congress_changelist"))
    assert b"OWN" not in response.content
    assert client.get(page("congress", "change", own["congress"])).status_code == 404


def test_a_person_kept_by_another_region_stays_hidden_even_with_an_office_here(
    client, draa_secretary, souss_secretary, own, foreign
):
    Mandate.objects.create(
        person=foreign["person"],
        office=Mandate.Office.REGIONAL_COUNCILLOR,
        region=own["region"],
        start_date=datetime.date(2021, 9, 8),
    )
    unkept = Person.objects.create(name_ar="بلا جهة")
    Mandate.objects.create(
        person=unkept,
        office=Mandate.Office.REGIONAL_COUNCILLOR,
        region=own["region"],
        start_date=datetime.date(2021, 9, 8),
    )
    assert set(access.people(draa_secretary)) == {
        own["person"],
        own["former"],
        draa_secretary.person,
        unkept,
    }
    assert foreign["person"] in access.people(souss_secretary)
    assert unkept not in access.people(souss_secretary)
