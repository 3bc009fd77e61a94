"""The regional cast: the Drâa-Tafilalet secretary (as the demo account is named), a second
regional secretary (Souss-Massa), and the objects of each region."""

import datetime

import pytest
from django.contrib.auth.models import Group, User

from common import roles
from regions.models import Congress, Election, Mandate, Person, Province, Region, RegionalAccess

CONGRESS_DAY = datetime.date(2020, 1, 18)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def draa(db):
    return Region.objects.get(code="08")


@pytest.fixture
def souss(db):
    return Region.objects.get(code="09")


def person(name, region=None, **extra):
    return Person.objects.create(name=name, name_ar=name, name_fr=name, region=region, **extra)


def regional_secretary(username, region, name):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.REGIONAL_SECRETARY))
    person(name, region, user=user)
    RegionalAccess.objects.create(user=user, region=region)
    return user


@pytest.fixture
def draa_secretary(draa):
    return regional_secretary("secretary-draa-tafilalet", draa, "Lahcen Ait Ali")


@pytest.fixture
def souss_secretary(souss):
    return regional_secretary("secretary-souss-massa", souss, "Ahmed Oubella")


def region_world(region, tag):
    """A congress, a person, a public office and an outcome in the region, names tagged."""
    province = Province.objects.filter(region=region).first()
    congress = Congress.objects.create(
        region=region,
        date=CONGRESS_DAY,
        venue=f"{tag}-venue",
        venue_ar=f"{tag}-venue",
        status=Congress.Status.HELD,
    )
    official = person(f"{tag}-official", region)
    mandate = Mandate.objects.create(
        person=official,
        office=Mandate.Office.MUNICIPAL_COUNCILLOR,
        region=region,
        province=province,
        start_date=datetime.date(2015, 9, 4),
    )
    former = person(f"{tag}-former-secretary", region)
    secretary_mandate = Mandate.objects.create(
        person=former,
        office=Mandate.Office.REGIONAL_SECRETARY,
        region=region,
        start_date=datetime.date(2016, 1, 9),
    )
    election = Election.objects.create(
        congress=congress, person=official, office=Mandate.Office.REGIONAL_SECRETARIAT
    )
    return {
        "region": region,
        "province": province,
        "congress": congress,
        "person": official,
        "mandate": mandate,
        "former": former,
        "secretary_mandate": secretary_mandate,
        "election": election,
    }


@pytest.fixture
def own(draa):
    return region_world(draa, "OWN")


@pytest.fixture
def foreign(souss):
    return region_world(souss, "FOREIGN")
