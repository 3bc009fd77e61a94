"""Morocco's 12 regions and 75 provinces and prefectures (2015 division), from regions/data/."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Region = apps.get_model("regions", "Region")
    Province = apps.get_model("regions", "Province")
    with open(DATA / "morocco_provinces_codes_notes.csv", encoding="utf-8") as f:
        iso = {row["province_name_fr"]: row["province_iso_3166_2"] for row in csv.DictReader(f)}
    regions = {}
    with open(DATA / "morocco_regions_provinces.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["region_code"]
            if code not in regions:
                regions[code] = Region.objects.create(
                    code=code,
                    order=int(code),
                    slug=slugify(row["region_name_fr"]),
                    name=row["region_name_ar"],
                    name_ar=row["region_name_ar"],
                    name_fr=row["region_name_fr"],
                    name_en=row["region_name_fr"],
                )
            Province.objects.create(
                region=regions[code],
                code=iso[row["province_name_fr"]].removeprefix("MA-"),
                kind=row["kind"],
                name=row["province_name_ar"],
                name_ar=row["province_name_ar"],
                name_fr=row["province_name_fr"],
                name_en=row["province_name_fr"],
            )


def unload(apps, schema_editor):
    apps.get_model("regions", "Province").objects.all().delete()
    apps.get_model("regions", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
