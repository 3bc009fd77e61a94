import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from regions.models import Congress, Mandate, Person, Province, Region

JAN = datetime.date(2020, 1, 18)


@pytest.fixture
def person(db):
    return Person.objects.create(name_ar="الحسين أيت علي", name_fr="Lahcen Ait Ali")


@pytest.fixture
def draa(db):
    return Region.objects.get(code="08")


def test_a_mandate_must_end_after_it_starts_in_the_database(person, draa):
    with pytest.raises(IntegrityError), transaction.atomic():
        Mandate.objects.create(
            person=person,
            office="regional_secretary",
            region=draa,
            start_date=JAN,
            end_date=JAN - datetime.timedelta(days=1),
        )


@pytest.mark.usefixtures("english_messages")
def test_a_mandate_ending_before_it_starts_gets_a_clear_message(person, draa):
    mandate = Mandate(
        person=person, office="regional_secretary", region=draa, start_date=JAN, end_date=JAN
    )
    with pytest.raises(ValidationError) as error:
        mandate.full_clean()
    assert "A mandate must end after it starts." in str(error.value)


@pytest.mark.usefixtures("english_messages")
def test_one_regional_secretary_in_office_per_region(person, draa):
    Mandate.objects.create(person=person, office="regional_secretary", region=draa, start_date=JAN)
    other = Person.objects.create(name_ar="عمر بولعيد")
    second = Mandate(person=other, office="regional_secretary", region=draa, start_date=JAN)
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "already has a regional secretary" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_a_provincial_office_needs_its_province_and_takes_its_region(person):
    mandate = Mandate(person=person, office="provincial_secretary", start_date=JAN)
    with pytest.raises(ValidationError) as error:
        mandate.full_clean()
    assert "province" in error.value.message_dict
    mandate.province = Province.objects.get(name_fr="Safi")
    mandate.full_clean()
    assert mandate.region.code == "07"


@pytest.mark.usefixtures("english_messages")
def test_a_province_outside_the_mandate_region_is_refused(person, draa):
    mandate = Mandate(
        person=person,
        office="provincial_secretary",
        region=draa,
        province=Province.objects.get(name_fr="Safi"),
        start_date=JAN,
    )
    with pytest.raises(ValidationError) as error:
        mandate.full_clean()
    assert "not in the chosen region" in str(error.value)


def test_current_mandates_on_a_date(person, draa):
    Mandate.objects.create(
        person=person,
        office="regional_secretary",
        region=draa,
        start_date=datetime.date(2019, 1, 1),
        end_date=JAN,
    )
    assert Mandate.objects.current(on=datetime.date(2019, 6, 1)).count() == 1
    assert Mandate.objects.current(on=JAN).count() == 0


def test_a_province_name_is_unique_within_its_region(draa):
    with pytest.raises(IntegrityError), transaction.atomic():
        Province.objects.create(region=draa, code="XXX", name_ar="الرشيدية")


@pytest.mark.usefixtures("english_messages")
def test_a_provincial_congress_covers_provinces_of_its_region(draa):
    congress = Congress(level=Congress.Level.PROVINCIAL, region=draa, date=JAN)
    with pytest.raises(ValidationError) as error:
        congress.clean_provinces([Province.objects.get(name_fr="Safi")])
    assert "not in the region" in str(error.value)
    with pytest.raises(ValidationError):
        congress.clean_provinces([])
    congress.clean_provinces([Province.objects.get(name_fr="Errachidia")])


def test_a_regional_congress_lists_no_provinces(draa):
    congress = Congress(level=Congress.Level.REGIONAL, region=draa, date=JAN)
    with pytest.raises(ValidationError):
        congress.clean_provinces([Province.objects.get(name_fr="Errachidia")])
    congress.clean_provinces([])


def test_str_is_arabic(draa, person):
    congress = Congress.objects.create(region=draa, date=JAN)
    assert str(draa) == "درعة-تافيلالت"
    assert "درعة-تافيلالت" in str(congress)
    assert str(person) == "الحسين أيت علي"
