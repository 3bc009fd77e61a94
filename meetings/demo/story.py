"""The demo's story: the seed meeting of Tuesday 21 January 2020 and its surroundings (the
bureau, the Drâa-Tafilalet congress awaiting its outcome, validated and submitted congresses,
earlier meetings and their communiqués at every step of the workflow). Safe to load twice."""

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone

from common import roles
from meetings import workflow
from meetings.models import Communique, Meeting
from regions.models import Region

from . import agendas, shapes
from .territory import TerritoryStory

SEED_DAY = datetime.date(2020, 1, 21)


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
        return agendas.save_meeting(day, self.bureau, **fields)

    def load_meetings(self):
        tuesdays = [datetime.date(2019, 9, 3) + datetime.timedelta(weeks=w) for w in range(31)]
        self.meetings = []
        for number, day in enumerate(tuesdays):
            if day == SEED_DAY:
                continue
            if day == SEED_DAY + datetime.timedelta(weeks=1):
                continue  # the organisation-pole meeting, made below
            if day in shapes.SHAPED_DAYS:
                continue  # one meeting of each shape, made below
            cancelled = day == datetime.date(2019, 12, 31)
            status = Meeting.Status.CANCELLED if cancelled else Meeting.Status.HELD
            meeting = self.meeting(day, status=status)
            if not cancelled:
                routine = agendas.ROUTINE_ITEMS
                agendas.save_items(
                    meeting, [routine[(number + k) % len(routine)] for k in range(2)]
                )
                self.meetings.append(meeting)
        self.load_seed_meeting()
        self.shaped = shapes.load_shaped(self.bureau)

    def load_seed_meeting(self):
        self.pole_meeting = self.meeting(
            SEED_DAY + datetime.timedelta(weeks=1),
            kind=Meeting.Kind.THEMATIC,
            focus_ar=agendas.POLE_FOCUS[0],
            focus_fr=agendas.POLE_FOCUS[1],
        )
        agendas.save_items(self.pole_meeting, agendas.POLE_ITEMS)
        self.seed = self.meeting(SEED_DAY)
        agendas.save_items(self.seed, agendas.seed_items(self.pole_meeting, self.draa_congress))

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

    def communique(self, meeting, status, slug, correction=None):
        if Communique.objects.filter(meeting=meeting).exists():
            return
        editor, approver, publisher = self.actors
        Status = Communique.Status
        held = meeting.starts_at

        def at(hours):
            return held + datetime.timedelta(hours=hours)

        communique = workflow.compose_draft(meeting, actor=editor, slug=slug, now=at(2))
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
                    "body_ar": communique.body_ar.replace("واستهله بتدارس", "واستهل أشغاله بتدارس")
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
        self.communique(self.seed, Status.PUBLISHED, "اجتماع-المكتب-السياسي-21-يناير-2020")
        self.communique(self.pole_meeting, Status.PUBLISHED, "bureau-politique-2020-01-28")
        for meeting, slug in self.shaped:  # one meeting of each shape (composer goldens)
            self.communique(meeting, Status.PUBLISHED, slug)
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
