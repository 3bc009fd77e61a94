"""The demo's people and territory: the bureau, regional secretaries, elected officials, and
the congresses around the seed meeting (one validated, one submitted, Drâa-Tafilalet's outcome
left to the demo's regional secretary)."""

import datetime

from regions.models import (
    Congress,
    CongressTransition,
    Election,
    Mandate,
    Person,
    Province,
)

BUREAU_MEMBERS = [  # invented names
    ("سعيد الوزاني", "Saïd Ouazzani", "m"),
    ("نادية العلوي", "Nadia Alaoui", "f"),
    ("عبد الرحيم بنشقرون", "Abderrahim Benchekroun", "m"),
    ("فاطمة الزهراء الإدريسي", "Fatima-Zahra Idrissi", "f"),
    ("محمد أمين الفاسي", "Mohamed Amine Fassi", "m"),
    ("خديجة بنعلي", "Khadija Benali", "f"),
    ("يوسف الحمداوي", "Youssef Hamdaoui", "m"),
    ("ليلى التازي", "Leila Tazi", "f"),
    ("رشيد المنصوري", "Rachid Mansouri", "m"),
]
DRAA_CONGRESS_DAY = datetime.date(2020, 1, 18)
DRAA_OFFICERS = [  # to be elected by the Drâa-Tafilalet regional congress; invented names
    ("الحسين أيت علي", "Lahcen Ait Ali", "m", "regional_secretary"),
    ("زينب أوحمو", "Zineb Ouhammou", "f", "regional_secretariat"),
    ("إبراهيم الصالحي", "Brahim Salhi", "m", "regional_secretariat"),
    ("حفيظة أمزيان", "Hafida Amezian", "f", "regional_secretariat"),
]
FORMER_DRAA_SECRETARY = ("عمر بولعيد", "Omar Boulaid", "m")
TANGIER_CONGRESS_DAY = datetime.date(2019, 12, 14)  # validated, with its elected officers
TANGIER_OFFICERS = [
    ("مصطفى الريفي", "Mustapha Rifi", "m", "regional_secretary"),
    ("سعاد الطنجاوي", "Souad Tanjaoui", "f", "regional_secretariat"),
    ("يونس العمراني", "Younes Amrani", "m", "regional_secretariat"),
]
FORMER_TANGIER_SECRETARY = ("عبد السلام البقالي", "Abdeslam Bakkali", "m")
KENITRA_CONGRESS_DAY = datetime.date(2020, 1, 11)  # submitted, awaiting the bureau
OTHER_SECRETARIES = {  # region code -> invented regional secretary
    "04": ("سناء بنكيران", "Sanae Benkirane", "f"),
    "06": ("كريم الشاوي", "Karim Chaoui", "m"),
    "07": ("عائشة الرحماني", "Aïcha Rahmani", "f"),
    "09": ("أحمد أوبلا", "Ahmed Oubella", "m"),
}


class TerritoryStory:
    """People, offices and congresses; ``self.regions`` maps region codes to regions."""

    # People and offices ---------------------------------------------------------------

    def person(self, name_ar, name_fr, gender, **extra):
        person, _ = Person.objects.update_or_create(
            name_ar=name_ar,
            defaults={"name_fr": name_fr, "name_en": name_fr, "gender": gender, **extra},
        )
        return person

    def mandate(self, person, office, start, end=None, **where):
        Mandate.objects.update_or_create(
            person=person, office=office, start_date=start, defaults={"end_date": end, **where}
        )

    def reset_outcomes(self):
        """Put the congresses the demo leaves to its users back as they were (safe to rerun)."""
        pending = Congress.objects.filter(
            level=Congress.Level.REGIONAL,
            region__code__in=["08", "04"],
            date__in=[DRAA_CONGRESS_DAY, KENITRA_CONGRESS_DAY],
        )
        Mandate.objects.filter(congress__in=pending).delete()
        Election.objects.filter(congress__in=pending).delete()
        CongressTransition.objects.filter(congress__in=pending).delete()

    def load_people(self):
        self.bureau = [self.person(*p, is_bureau_member=True) for p in BUREAU_MEMBERS]
        for member in self.bureau:
            self.mandate(member, "bureau_member", datetime.date(2018, 5, 13))
        draa = self.regions["08"]
        # In office until the congress outcome, once validated, ends the mandate.
        former = self.person(*FORMER_DRAA_SECRETARY, region=draa)
        self.mandate(former, "regional_secretary", datetime.date(2019, 1, 19), region=draa)
        for name_ar, name_fr, gender, _office in DRAA_OFFICERS:
            self.person(name_ar, name_fr, gender, region=draa)
        for code, names in OTHER_SECRETARIES.items():
            secretary = self.person(*names, region=self.regions[code])
            self.mandate(
                secretary,
                "regional_secretary",
                datetime.date(2019, 3, 2),
                region=self.regions[code],
            )
        provinces = {p.name_fr: p for p in Province.objects.all()}
        elected = [
            ("جميلة الحسني", "Jamila Hassani", "f", "member_of_parliament", "Safi"),
            ("عبد الله الزموري", "Abdellah Zemmouri", "m", "municipal_councillor", "Salé"),
            ("مريم بوزيد", "Meryem Bouzid", "f", "regional_councillor", "Errachidia"),
            ("حسن أوعلي", "Hassan Ouali", "m", "provincial_councillor", "Youssoufia"),
            ("سلمى العمراني", "Salma Amrani", "f", "municipal_councillor", "Skhirate-Témara"),
        ]
        for name_ar, name_fr, gender, office, province in elected:
            official = self.person(name_ar, name_fr, gender)
            province = provinces[province]
            self.mandate(
                official,
                office,
                datetime.date(2015, 9, 4),
                datetime.date(2021, 9, 8),
                region=province.region,
                province=province,
            )

    def load_congresses(self):
        provinces = {p.name_fr: p for p in Province.objects.all()}
        draa = self.regions["08"]
        # Held; its outcome is for the regional secretary to record and submit (docs/workflow.md).
        self.draa_congress, _ = Congress.objects.update_or_create(
            level=Congress.Level.REGIONAL,
            region=draa,
            date=DRAA_CONGRESS_DAY,
            defaults={
                "venue_ar": "الرشيدية",
                "venue_fr": "Errachidia",
                "delegates": None,
                "status": Congress.Status.HELD,
                "summary_ar": "",
                "summary_fr": "",
                "minutes": "",
            },
        )
        self.load_tangier_congress()
        kenitra, _ = Congress.objects.update_or_create(
            level=Congress.Level.REGIONAL,
            region=self.regions["04"],
            date=KENITRA_CONGRESS_DAY,
            defaults={
                "venue_ar": "القنيطرة",
                "status": Congress.Status.SUBMITTED,
                "delegates": 240,
                "summary_ar": "جدد المؤتمر الثقة في الكاتبة الجهوية وانتخب كتابة جهوية جديدة.",
            },
        )
        secretary = Person.objects.get(name_ar=OTHER_SECRETARIES["04"][0])
        Election.objects.get_or_create(
            congress=kenitra, person=secretary, office="regional_secretary"
        )
        member = self.person("هشام الزياني", "Hicham Zyani", "m", region=self.regions["04"])
        Election.objects.get_or_create(
            congress=kenitra, person=member, office="regional_secretariat"
        )
        others = [
            ("07", datetime.date(2020, 2, 8), "مراكش", Congress.Status.HELD, 260),
            ("09", datetime.date(2020, 3, 21), "أكادير", Congress.Status.PLANNED, None),
        ]
        for code, date, venue, status, delegates in others:
            Congress.objects.update_or_create(
                level=Congress.Level.REGIONAL,
                region=self.regions[code],
                date=date,
                defaults={"venue_ar": venue, "status": status, "delegates": delegates},
            )
        provincial = [
            (["Tan-Tan", "Sidi Ifni"], datetime.date(2019, 11, 23), "طانطان"),
            (["Errachidia"], datetime.date(2019, 12, 7), "الرشيدية"),
            (["Safi"], datetime.date(2020, 2, 15), "آسفي"),
        ]
        for names, date, venue in provincial:
            covered = [provinces[n] for n in names]
            congress, _ = Congress.objects.update_or_create(
                level=Congress.Level.PROVINCIAL,
                region=covered[0].region,
                date=date,
                defaults={"venue_ar": venue, "status": Congress.Status.VALIDATED, "delegates": 90},
            )
            congress.provinces.set(covered)

    def load_tangier_congress(self):
        tangier = self.regions["01"]
        congress, _ = Congress.objects.update_or_create(
            level=Congress.Level.REGIONAL,
            region=tangier,
            date=TANGIER_CONGRESS_DAY,
            defaults={
                "venue_ar": "طنجة",
                "venue_fr": "Tanger",
                "status": Congress.Status.VALIDATED,
                "delegates": 180,
                "summary_ar": "انتخب المؤتمر كاتبا جهويا جديدا وأعضاء الكتابة الجهوية.",
            },
        )
        former = self.person(*FORMER_TANGIER_SECRETARY, region=tangier)
        self.mandate(
            former,
            "regional_secretary",
            datetime.date(2015, 12, 12),
            TANGIER_CONGRESS_DAY,
            region=tangier,
        )
        for name_ar, name_fr, gender, office in TANGIER_OFFICERS:
            officer = self.person(name_ar, name_fr, gender, region=tangier)
            # Earlier demos had the secretary in office since 2 March 2019, outside any congress.
            Mandate.objects.filter(person=officer, office=office, congress__isnull=True).delete()
            Election.objects.get_or_create(congress=congress, person=officer, office=office)
            self.mandate(officer, office, congress.date, region=tangier, congress=congress)
