"""Load the demo: the seed meeting of Tuesday 21 January 2020 and its surroundings, one account
per role, and optionally many generated communiqués for benchmarks. Safe to run twice."""

import datetime
import itertools
import os
import random
import sys
import time

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from common import roles
from meetings import workflow
from meetings.models import AgendaItem, Attendance, Communique, Decision, Meeting
from regions.models import (
    Congress,
    CongressTransition,
    Election,
    Mandate,
    Person,
    Province,
    Region,
    RegionalAccess,
)

SEED_DAY = datetime.date(2020, 1, 21)

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
ACCOUNTS = [
    ("secretariat", roles.SECRETARIAT),
    ("editor", roles.EDITOR),
    ("approver", roles.APPROVER),
    ("publisher", roles.PUBLISHER),
    ("secretary-draa-tafilalet", roles.REGIONAL_SECRETARY),
    ("secretary-rabat-sale-kenitra", roles.REGIONAL_SECRETARY),
]

# (title, topic, [(kind, text)]) for the ordinary weeks around the seed meeting.
ROUTINE_ITEMS = [
    (
        "الوضع السياسي العام",
        AgendaItem.Topic.POLITICS,
        [
            ("statement", "ضرورة تعزيز الثقة في المؤسسات المنتخبة وتوسيع هامش الحريات"),
            ("position", "بقلق استمرار غلاء المعيشة وتأثيره على القدرة الشرائية للأسر"),
        ],
    ),
    (
        "التحضير للدخول الاجتماعي",
        AgendaItem.Topic.ECONOMY,
        [
            ("recommendation", "بإعداد مقترحات الحزب في مجالي التشغيل والحماية الاجتماعية"),
            ("decision", "تنظيم يوم دراسي حول العدالة الجبائية خلال الشهر المقبل"),
        ],
    ),
    (
        "تتبع أداء منتخبي الحزب",
        AgendaItem.Topic.ELECTIONS,
        [
            ("commendation", "بأداء منتخبات ومنتخبي الحزب في المجالس الجماعية والجهوية"),
            ("recommendation", "بتنظيم لقاءات تكوينية لفائدة المنتخبين الجدد"),
        ],
    ),
    (
        "القضية الوطنية والعلاقات الخارجية",
        AgendaItem.Topic.INTERNATIONAL,
        [("statement", "تشبث الحزب بالوحدة الترابية للمملكة ودعمه لكل المبادرات الدبلوماسية")],
    ),
    (
        "برنامج الأنشطة التواصلية",
        AgendaItem.Topic.OUTREACH,
        [
            ("evaluation", "للقاءات التواصلية التي عقدها الحزب مع المواطنات والمواطنين"),
            ("decision", "مواصلة الحملة التواصلية في الفروع الإقليمية"),
        ],
    ),
    (
        "الإعداد للمؤتمرات الإقليمية",
        AgendaItem.Topic.ORGANISATION,
        [("decision", "المصادقة على الجدولة الزمنية لمؤتمرات الفروع الإقليمية")],
    ),
]

# Building blocks of the generated communiqués (--communiques N): varied, plausible Arabic.
GEN_OPENINGS = [
    "تدارس المكتب السياسي في مستهل اجتماعه",
    "خصص المكتب السياسي الحيز الأكبر من اجتماعه لمناقشة",
    "توقف المكتب السياسي عند",
    "استعرض المكتب السياسي",
]
GEN_SUBJECTS = [
    "الأوضاع الاجتماعية بجهة {region}",
    "نتائج المؤتمر الإقليمي بإقليم {province}",
    "التحضير للاستحقاقات الانتخابية المقبلة",
    "مشروع قانون المالية وانعكاساته على الطبقات الشعبية",
    "وضعية قطاع التعليم العمومي",
    "ارتفاع أسعار المواد الأساسية",
    "حصيلة عمل الفريق النيابي للحزب",
    "تنزيل الجهوية المتقدمة بجهة {region}",
    "أوضاع الشباب والتشغيل في إقليم {province}",
    "مسار إصلاح منظومة الصحة",
]
GEN_VERDICTS = [
    "وأكد ضرورة اعتماد سياسات عمومية منصفة تستجيب لانتظارات المواطنات والمواطنين",
    "ونوه بالمجهودات التي يبذلها مناضلات ومناضلو الحزب في مختلف الفروع",
    "وسجل بقلق تنامي الفوارق المجالية والاجتماعية",
    "ودعا إلى حوار وطني واسع حول الإصلاحات الضرورية",
    "وأوصى بتعبئة كافة التنظيمات الحزبية لإنجاح البرنامج المسطر",
    "وقرر تشكيل لجنة لتتبع هذا الملف وتقديم تقرير في الاجتماع المقبل",
]


class Command(BaseCommand):
    help = "Load the demo data and the demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--communiques",
            type=int,
            default=0,
            metavar="N",
            help="Also add N generated published communiqués (for benchmarks).",
        )

    def handle(self, *args, **options):
        password = os.environ.get("DEMO_PASSWORD", "demo")
        with transaction.atomic():
            self.regions = {r.code: r for r in Region.objects.all()}
            self.reset_outcomes()
            self.load_people()
            self.load_congresses()
            self.load_meetings()
            self.load_communiques()
            accounts = self.load_accounts(password)
        if options["communiques"]:
            self.generate_communiques(options["communiques"])
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {password}):")
        for username, role in accounts:
            self.stdout.write(f"  {username:<26} {role}")

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
        # Held; its outcome is for the regional secretary to record and submit (DESIGN §7).
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

    # Meetings --------------------------------------------------------------------------

    def meeting(self, day, **fields):
        starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))
        meeting, _ = Meeting.objects.update_or_create(
            organ=Meeting.Organ.POLITICAL_BUREAU, starts_at=starts_at, defaults=fields
        )
        present = self.bureau if day.day % 3 else self.bureau[:-1]
        for person in self.bureau:
            status = Attendance.Status.PRESENT if person in present else Attendance.Status.EXCUSED
            Attendance.objects.update_or_create(
                meeting=meeting, person=person, defaults={"status": status}
            )
        return meeting

    def item(self, meeting, order, title, topic, summary="", decisions=(), **links):
        item, _ = AgendaItem.objects.update_or_create(
            meeting=meeting,
            order=order,
            defaults={"title_ar": title, "topic": topic, "summary_ar": summary},
        )
        for relation, objects in links.items():
            getattr(item, relation).set(objects)
        for position, (kind, text, *extra) in enumerate(decisions, start=1):
            Decision.objects.update_or_create(
                agenda_item=item,
                order=position,
                defaults={"kind": kind, "text_ar": text, **(extra[0] if extra else {})},
            )
        return item

    def load_meetings(self):
        tuesdays = [datetime.date(2019, 9, 3) + datetime.timedelta(weeks=w) for w in range(31)]
        self.meetings = []
        for number, day in enumerate(tuesdays):
            if day == SEED_DAY:
                continue
            if day == SEED_DAY + datetime.timedelta(weeks=1):
                continue  # the organisation-pole meeting, made below
            cancelled = day == datetime.date(2019, 12, 31)
            status = Meeting.Status.CANCELLED if cancelled else Meeting.Status.HELD
            meeting = self.meeting(day, status=status, venue_ar="المقر المركزي للحزب بالرباط")
            if not cancelled:
                picks = [ROUTINE_ITEMS[(number + k) % len(ROUTINE_ITEMS)] for k in range(2)]
                for order, (title, topic, decisions) in enumerate(picks, start=1):
                    self.item(meeting, order, title, topic, decisions=decisions)
                self.meetings.append(meeting)
        self.load_seed_meeting()

    def load_seed_meeting(self):
        provinces = {p.name_fr: p for p in Province.objects.all()}
        draa = self.regions["08"]
        self.pole_meeting = self.meeting(
            SEED_DAY + datetime.timedelta(weeks=1),
            status=Meeting.Status.HELD,
            kind=Meeting.Kind.THEMATIC,
            venue_ar="المقر المركزي للحزب بالرباط",
            focus_ar="قطب التنظيم وتوجهات المؤتمرات الإقليمية",
            focus_fr="Le pôle de l'organisation et les orientations des congrès provinciaux",
        )
        self.item(
            self.pole_meeting,
            1,
            "توجهات عقد المؤتمرات الإقليمية",
            AgendaItem.Topic.ORGANISATION,
            decisions=[
                ("decision", "اعتماد دليل تنظيمي لعقد المؤتمرات الإقليمية قبل نهاية الربيع"),
            ],
        )
        self.seed = self.meeting(
            SEED_DAY, status=Meeting.Status.HELD, venue_ar="المقر المركزي للحزب بالرباط"
        )
        self.item(
            self.seed,
            1,
            "تقييم أولي للمؤتمرات الجهوية الأخيرة",
            AgendaItem.Topic.CONGRESSES,
            summary="استحضر النقاش أوضاع الجهات التي لم تنل نصيبها من ثمار التنمية، "
            "ودور المجالس المنتخبة في معالجة الفوارق المجالية.",
            decisions=[
                ("evaluation", "أوليا للمؤتمرات الجهوية التي عقدها الحزب في الأسابيع الأخيرة"),
                (
                    "statement",
                    "أن تدارك الفوارق المجالية يمر عبر ديمقراطية محلية حقيقية تمنح المجالس "
                    "المنتخبة صلاحيات فعلية، كما بسطت ذلك مذكرة الحزب حول النموذج التنموي الجديد",
                ),
            ],
        )
        self.item(
            self.seed,
            2,
            "المؤتمر الجهوي بجهة درعة-تافيلالت",
            AgendaItem.Topic.CONGRESSES,
            decisions=[
                ("position", "باعتزاز نجاح المؤتمر الجهوي للحزب بجهة درعة-تافيلالت"),
                ("commendation", "بما بذلته الفروع الإقليمية بالجهة من جهد لإنجاح هذه المحطة"),
                (
                    "congratulation",
                    "الرفيقات والرفاق الذين انتخبهم المؤتمر لقيادة الحزب بالجهة، "
                    "وفي مقدمتهم الرفيق الكاتب الجهوي",
                ),
            ],
            regions=[draa],
            provinces=list(draa.provinces.all()),
            congresses=[self.draa_congress],
        )
        self.item(
            self.seed,
            3,
            "برنامج دورات مجالس الفروع الإقليمية",
            AgendaItem.Topic.ORGANISATION,
            decisions=[
                (
                    "decision",
                    "تخصيص اجتماعه المقبل لقطب التنظيم، قصد تحديد التوجهات التي ستؤطر "
                    "عقد المؤتمرات الإقليمية",
                    {
                        "target_meeting": self.pole_meeting,
                        "responsible_body": "قطب التنظيم",
                        "follow_up": Decision.FollowUp.DONE,
                    },
                ),
            ],
        )
        self.item(
            self.seed,
            4,
            "اللقاءات التواصلية حول خطة «تجدر وانصهار»",
            AgendaItem.Topic.OUTREACH,
            decisions=[
                (
                    "evaluation",
                    "للقاءات التواصلية التي احتضنتها الصخيرات-تمارة وسلا وآسفي واليوسفية حول "
                    "خطة «تجدر وانصهار» ومذكرة الحزب بشأن النموذج التنموي الجديد",
                ),
                (
                    "recommendation",
                    "بتعميم هذه اللقاءات على باقي الفروع المحلية والإقليمية وفق البرنامج المسطر",
                    {
                        "responsible_body": "قطب التنظيم",
                        "due_date": datetime.date(2020, 3, 31),
                        "follow_up": Decision.FollowUp.IN_PROGRESS,
                    },
                ),
            ],
            provinces=[provinces[n] for n in ("Skhirate-Témara", "Salé", "Safi", "Youssoufia")],
            regions=[self.regions["04"], self.regions["07"]],
        )

    # Communiqués -----------------------------------------------------------------------
    # Every demo communiqué goes through the workflow as the demo editor, approver and
    # publisher would take it, with the clock of its week: its audit trail and revisions are
    # real. A communiqué that already exists is left as it is (the command is idempotent).

    def workflow_actors(self):
        """The demo's editor, approver and publisher (load_accounts sets their passwords)."""
        actors = []
        for username, role in [
            ("editor", roles.EDITOR),
            ("approver", roles.APPROVER),
            ("publisher", roles.PUBLISHER),
        ]:
            user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
            user.groups.add(Group.objects.get(name=role))
            actors.append(user)
        return actors

    def communique(self, meeting, status, slug, translation=None, correction=None):
        if Communique.objects.filter(meeting=meeting).exists():
            return
        editor, approver, publisher = self.actors
        Status = Communique.Status
        held = meeting.starts_at

        def at(hours):
            return held + datetime.timedelta(hours=hours)

        communique = workflow.compose_draft(meeting, actor=editor, slug=slug, now=at(2))
        if translation:
            workflow.edit(
                communique,
                actor=editor,
                changes=translation,
                version=communique.version,
                note="ترجمة",
                now=at(3),
            )
        if status == Status.DRAFT:
            return
        workflow.submit(communique, actor=editor, now=at(4))
        if status == Status.IN_REVIEW:
            # Sent back once, revised and submitted again: the log shows the round trip.
            workflow.request_changes(
                communique,
                actor=approver,
                comment="يرجى تدقيق صياغة الفقرة الأولى قبل المصادقة.",
                now=at(16),
            )
            workflow.edit(
                communique,
                actor=editor,
                changes={
                    "body_ar": communique.body_ar.replace("وفي هذا الصدد، ", "وبهذا الخصوص، ")
                },
                version=communique.version,
                now=at(17),
            )
            workflow.submit(communique, actor=editor, now=at(18))
            return
        workflow.approve(communique, actor=approver, now=at(18))
        if status == Status.APPROVED:
            return
        workflow.publish(communique, actor=publisher, now=at(20))
        if correction:
            old, new, note = correction
            workflow.correct(
                communique,
                actor=publisher,
                changes={"body_ar": communique.body_ar.replace(old, new)},
                notes={"ar": note},
                version=communique.version,
                now=at(44),
            )
        if status == Status.WITHDRAWN:
            workflow.withdraw(
                communique,
                actor=publisher,
                comment="سحب البلاغ في انتظار التحقق من إحدى المعطيات الواردة فيه.",
                now=at(46),
            )

    def load_communiques(self):
        self.actors = self.workflow_actors()
        Status = Communique.Status
        held = sorted(self.meetings, key=lambda m: m.starts_at)
        # The last four routine meetings show the workflow's other states.
        states = {-1: Status.DRAFT, -2: Status.IN_REVIEW, -3: Status.APPROVED, -4: Status.WITHDRAWN}
        for index, meeting in enumerate(held):
            status = states.get(index - len(held), Status.PUBLISHED)
            day = timezone.localtime(meeting.starts_at).date()
            correction = None
            if index - len(held) == -5:
                correction = (
                    "المقر المركزي للحزب بالرباط",
                    "المقر الوطني للحزب بالرباط",
                    "صُحح اسم مقر انعقاد الاجتماع.",
                )
            self.communique(
                meeting, status, f"bureau-politique-{day:%Y-%m-%d}", correction=correction
            )
        self.communique(
            self.seed,
            Status.PUBLISHED,
            "اجتماع-المكتب-السياسي-21-يناير-2020",
            translation={
                "title_fr": "Communiqué de la réunion du Bureau politique du mardi 21 janvier 2020",
                "body_fr": "Le Bureau politique a tenu sa réunion hebdomadaire le mardi 21 janvier "
                "2020. Il a procédé à une première évaluation des congrès régionaux, salué la "
                "réussite du congrès régional de Drâa-Tafilalet, décidé de consacrer sa prochaine "
                "réunion au pôle de l'organisation et recommandé de poursuivre les rencontres de "
                "communication du plan « Enracinement et fusion ».",
            },
        )
        self.communique(self.pole_meeting, Status.PUBLISHED, "bureau-politique-2020-01-28")
        self.load_statement()

    def load_statement(self):
        """A statement outside any meeting, approved and scheduled for the next 8 March."""
        slug = "بيان-اليوم-العالمي-للمرأة"
        if Communique.objects.filter(slug=slug).exists():
            return
        editor, approver, publisher = self.actors
        now = timezone.now()
        statement = workflow.create_draft(
            Communique(
                title_ar="بيان بمناسبة اليوم العالمي للمرأة",
                body_ar="يحيي الحزب نضالات النساء المغربيات من أجل المساواة والكرامة، "
                "ويجدد التزامه بالمناصفة في هيئاته وفي المؤسسات المنتخبة.",
                slug=slug,
            ),
            actor=editor,
            now=now,
        )
        workflow.submit(statement, actor=editor, now=now)
        workflow.approve(statement, actor=approver, now=now)
        local = timezone.localtime(now)
        when = timezone.make_aware(datetime.datetime(local.year, 3, 8, 9, 0))
        if when <= now:
            when = timezone.make_aware(datetime.datetime(local.year + 1, 3, 8, 9, 0))
        workflow.schedule(statement, actor=publisher, when=when, now=now)

    def load_accounts(self, password):
        accounts = []
        for username, role in ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username)
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            accounts.append((username, role))
        # The Drâa-Tafilalet account serves its region before its holder's election is
        # validated; the Rabat-Salé-Kénitra one lasts as long as its holder's mandate.
        ties = [
            ("secretary-draa-tafilalet", DRAA_OFFICERS[0][0], "08", None),
            (
                "secretary-rabat-sale-kenitra",
                OTHER_SECRETARIES["04"][0],
                "04",
                "regional_secretary",
            ),
        ]
        for username, name_ar, code, office in ties:
            user = User.objects.get(username=username)
            Person.objects.filter(user=user).exclude(name_ar=name_ar).update(user=None)
            person = Person.objects.get(name_ar=name_ar)
            person.user = user
            person.save(update_fields=["user"])
            mandate = person.mandates.current().filter(office=office).first() if office else None
            RegionalAccess.objects.update_or_create(
                user=user,
                region=self.regions[code],
                defaults={"mandate": mandate, "ends_on": None},
            )
        admin, _ = User.objects.get_or_create(username="admin")
        admin.is_staff = admin.is_superuser = True
        admin.set_password(password)
        admin.save()
        accounts.append(("admin", "superuser"))
        return accounts

    # Generated communiqués for benchmarks ----------------------------------------------

    def generate_communiques(self, count, batch_size=2000):
        rng = random.Random(count)
        regions = list(Region.objects.values_list("name_ar", flat=True))
        provinces = list(Province.objects.values_list("name_ar", flat=True))
        start = Communique.objects.filter(slug__startswith="generated-").count()
        first_day = datetime.date(2008, 1, 1)
        span = (datetime.date(2019, 8, 31) - first_day).days
        started = time.monotonic()
        numbers = iter(range(start, start + count))
        done = 0
        while batch := list(itertools.islice(numbers, batch_size)):
            rows = []
            for n in batch:
                day = first_day + datetime.timedelta(days=rng.randrange(span))
                published_at = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(19))
                )
                fill = {"region": rng.choice(regions), "province": rng.choice(provinces)}
                subjects = [s.format(**fill) for s in rng.sample(GEN_SUBJECTS, 3)]
                paragraphs = [
                    f"{rng.choice(GEN_OPENINGS)} {subject}، {rng.choice(GEN_VERDICTS)}."
                    for subject in subjects
                ]
                title = f"بلاغ المكتب السياسي حول {subjects[0]}"
                rows.append(
                    Communique(
                        title=title,
                        title_ar=title,
                        body="\n\n".join(paragraphs),
                        body_ar="\n\n".join(paragraphs),
                        slug=f"generated-{n}",
                        status=Communique.Status.PUBLISHED,
                        published_at=published_at,
                    )
                )
            Communique.objects.bulk_create(rows)
            done += len(rows)
            rate = done / max(time.monotonic() - started, 1e-6)
            sys.stderr.write(f"\r  generated {done}/{count} communiqués ({rate:,.0f}/s)")
            sys.stderr.flush()
        sys.stderr.write("\n")
