from regions.models import Province, Region


def test_twelve_regions_and_seventy_five_provinces(db):
    assert Region.objects.count() == 12
    assert Province.objects.count() == 75
    assert Province.objects.filter(kind=Province.Kind.PREFECTURE).count() == 13


def test_region_names_in_arabic_and_french(db):
    draa = Region.objects.get(code="08")
    assert draa.name_ar == "درعة-تافيلالت"
    assert draa.name_fr == "Drâa-Tafilalet"
    assert draa.slug == "draa-tafilalet"
    assert Region.objects.get(code="04").name_fr == "Rabat-Salé-Kénitra"


def test_seed_places_lie_in_their_regions(db):
    skhirat = Province.objects.get(code="SKH")
    assert (skhirat.name_ar, skhirat.name_fr) == ("الصخيرات-تمارة", "Skhirate-Témara")
    assert skhirat.kind == Province.Kind.PREFECTURE
    assert skhirat.region.code == "04"
    assert Province.objects.get(name_fr="Safi").region.code == "07"
    assert Province.objects.get(name_fr="Youssoufia").name_ar == "اليوسفية"
    assert sorted(Region.objects.get(code="08").provinces.values_list("name_fr", flat=True)) == [
        "Errachidia",
        "Midelt",
        "Ouarzazate",
        "Tinghir",
        "Zagora",
    ]


def test_every_region_has_provinces(db):
    assert not Region.objects.filter(provinces__isnull=True).exists()
