"""The demo's story: the seed meeting of Tuesday 21 January 2020 and its surroundings (the
bureau, the Drâa-Tafilalet congress awaiting its outcome, validated and submitted congresses,
earlier meetings and their communiqués at every step of the workflow). Safe to load twice."""

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone

from common import roles
from meetings import workflow
from meetings.models import AgendaItem, Attendance, Communique, Decision, Meeting
from regions.models import Province, Region

from .territory import TerritoryStory

SEED_DAY = datetime.date(2020, 1, 21)

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


class DemoStory(TerritoryStory):
    """Loads the story; each ``load_*`` step may rely on the ones before it."""

    def load(self):
        self.regions = {r.code: r for r in Region.objects.all()}
        self.reset_outcomes()
        self.load_people()
        self.load_congresses()
        self.load_meetings()
        self.load_communiques()

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
