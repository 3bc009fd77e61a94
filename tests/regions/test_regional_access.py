"""The tie between an account and the region it serves is the bureau's to manage."""

import datetime

from django.urls import reverse

from common import roles
from regions import access
from regions.models import Mandate, RegionalAccess

ADD = reverse("admin:regions_regionalaccess_add")


def test_the_secretariat_ties_a_secretarys_account_to_a_region(
    client, secretariat, make_user, draa, own
):
    user = make_user("new-secretary", roles.REGIONAL_SECRETARY)
    assert access.region_ids(user) == frozenset()
    client.force_login(secretariat)
    response = client.post(ADD, {"user": user.pk, "region": draa.pk, "mandate": "", "ends_on": ""})
    assert response.status_code == 302
    user = type(user).objects.get(pk=user.pk)
    assert access.region_ids(user) == {draa.pk}


def test_only_regional_secretaries_accounts_can_be_tied(client, secretariat, editor, draa):
    client.force_login(secretariat)
    response = client.post(ADD, {"user": editor.pk, "region": draa.pk})
    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    assert not RegionalAccess.objects.exists()


def test_a_mandate_of_another_region_cannot_carry_the_tie(
    client, secretariat, make_user, draa, foreign
):
    user = make_user("new-secretary", roles.REGIONAL_SECRETARY)
    client.force_login(secretariat)
    data = {"user": user.pk, "region": draa.pk, "mandate": foreign["secretary_mandate"].pk}
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "mandate" in response.context["adminform"].form.errors


def test_a_regional_secretary_cannot_see_or_change_the_ties(client, draa_secretary, souss):
    client.force_login(draa_secretary)
    assert client.get(reverse("admin:regions_regionalaccess_changelist")).status_code == 403
    response = client.post(ADD, {"user": draa_secretary.pk, "region": souss.pk})
    assert response.status_code == 403
    assert access.region_ids(draa_secretary) != {souss.pk}
    assert not RegionalAccess.objects.filter(region=souss).exists()


def test_the_tie_lasts_as_long_as_its_mandate(draa_secretary, draa):
    mandate = Mandate.objects.create(
        person=draa_secretary.person,
        office=Mandate.Office.REGIONAL_SECRETARY,
        region=draa,
        start_date=datetime.date(2020, 1, 18),
    )
    RegionalAccess.objects.filter(user=draa_secretary).update(mandate=mandate)
    assert RegionalAccess.objects.active().filter(user=draa_secretary).exists()
    Mandate.objects.filter(pk=mandate.pk).update(end_date=datetime.date(2023, 1, 21))
    assert not RegionalAccess.objects.active().filter(user=draa_secretary).exists()
    assert RegionalAccess.objects.active(on=datetime.date(2023, 1, 20)).exists()
