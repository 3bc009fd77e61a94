"""Compose the Arabic draft of a meeting's communiqué, in the register of the party's press.

The shape (docs/arabic.md, "The composer"):
- the opening names the organ, its gathering (a meeting, or a session for an organ that holds
  sessions), the day and the place, and runs straight into the first agenda item;
- every other item opens with a transition; the last of two or more with «وفي ختام أشغاله»;
- an item is stated by its subject («تدارس المكتب السياسي …»), or by its first decision when
  that is an evaluation («أجرى المكتب السياسي تقييما …», which names what it evaluated);
- the discussion summary follows («مستحضرا بهذه المناسبة …»), then the decisions, each with
  the verb of its kind, agreeing with the organ;
- nothing follows the last item: the bureau's text ends where its agenda ends.

``Decision.text`` is the complement that follows its verb, and ``AgendaItem.summary`` the
phrase that follows «مستحضرا بهذه المناسبة». The phrases are content, not UI: they are
written here in Arabic; the French edition is composed by ``composer_fr``.
"""

from dataclasses import dataclass

from common.dates import long_date
from common.organisation import organisation_name

from .models import AgendaItem, Decision, Meeting


@dataclass(frozen=True)
class Draft:
    title: str
    body: str


@dataclass(frozen=True)
class Organ:
    name: str
    feminine: bool  # verbs and pronouns agree with it: عقد/عقدت، أشغاله/أشغالها
    holds_sessions: bool  # it holds a دورة (feminine), not an اجتماع

    def verb(self, masculine: str, feminine: str) -> str:
        return feminine if self.feminine else masculine

    @property
    def its(self) -> str:
        """The pronoun for the organ: أشغاله، أشغالها."""
        return "ها" if self.feminine else "ه"

    @property
    def it(self) -> str:
        """The pronoun for its gathering: استهله (the meeting), استهلتها (the session)."""
        return "ها" if self.holds_sessions else "ه"


ORGANS = {
    Meeting.Organ.POLITICAL_BUREAU: Organ("المكتب السياسي", feminine=False, holds_sessions=False),
    Meeting.Organ.CENTRAL_COMMITTEE: Organ("اللجنة المركزية", feminine=True, holds_sessions=True),
    Meeting.Organ.PRESIDENCY_COUNCIL: Organ("مجلس الرئاسة", feminine=False, holds_sessions=False),
}

# The gathering as the opening holds it ({its}: the organ's pronoun) and as the title names it.
HELD = {
    (False, Meeting.Kind.WEEKLY): "اجتماع{its} الأسبوعي",
    (False, Meeting.Kind.EXTRAORDINARY): "اجتماعا استثنائيا",
    (False, Meeting.Kind.THEMATIC): "اجتماعا موضوعاتيا",
    (True, Meeting.Kind.WEEKLY): "دورت{its} العادية",
    (True, Meeting.Kind.EXTRAORDINARY): "دورة استثنائية",
    (True, Meeting.Kind.THEMATIC): "دورة موضوعاتية",
}
TITLED = {
    (False, Meeting.Kind.WEEKLY): "اجتماع {organ}",
    (False, Meeting.Kind.EXTRAORDINARY): "الاجتماع الاستثنائي {of_organ}",
    (False, Meeting.Kind.THEMATIC): "الاجتماع الموضوعاتي {of_organ}",
    (True, Meeting.Kind.WEEKLY): "الدورة العادية {of_organ}",
    (True, Meeting.Kind.EXTRAORDINARY): "الدورة الاستثنائية {of_organ}",
    (True, Meeting.Kind.THEMATIC): "الدورة الموضوعاتية {of_organ}",
}

# (masculine, feminine) past tense of each kind's verb, and what stands between the verb and
# the decision's text (أجرى المكتب السياسي تقييما …).
VERBS = {
    Decision.Kind.DECISION: (("قرر", "قررت"), ""),
    Decision.Kind.APPROVAL: (("صادق", "صادقت"), ""),
    Decision.Kind.RECOMMENDATION: (("أوصى", "أوصت"), ""),
    Decision.Kind.POSITION: (("سجل", "سجلت"), ""),
    Decision.Kind.STATEMENT: (("أكد", "أكدت"), ""),
    Decision.Kind.COMMENDATION: (("نوه", "نوهت"), ""),
    Decision.Kind.CONGRATULATION: (("هنأ", "هنأت"), ""),
    Decision.Kind.EVALUATION: (("أجرى", "أجرت"), "تقييما"),
}
STUDIED = ("تدارس", "تدارست")
RECALLING = ("مستحضرا", "مستحضرة")

# The transitions of the items after the first (which the opening carries): the second has its
# own, the middle ones take turns, and the last of two or more closes the meeting.
SECOND = "ومن جانب آخر، "
MIDDLE = ("إثر ذلك، ", "ومن جهة أخرى، ", "وبعد ذلك، ")
LAST = "وفي ختام أشغال{its}، "
AFTER_SUMMARY = "وفي هذا الصدد، "  # the decisions, once the summary has ended its sentence


def of(noun: str) -> str:
    """The preposition لـ joined to a noun: لحزب، للمكتب (ل + ال), للجنة (ل + الل)."""
    if noun.startswith("الل"):
        return f"ل{noun[2:]}"
    if noun.startswith("ال"):
        return f"ل{noun[1:]}"
    return f"ل{noun}"


def transitions(count: int, second=SECOND, middle=MIDDLE, last=LAST) -> list[str]:
    """The transition opening each of the ``count - 1`` items after the first, in order (the
    French composer passes its own words)."""
    result = []
    for position in range(2, count + 1):
        if position == count:
            result.append(last)
        elif position == 2:
            result.append(second)
        else:
            result.append(middle[(position - 3) % len(middle)])
    return result


def agenda(meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items with their decisions (two queries)."""
    return list(meeting.agenda_items.prefetch_related("decisions"))


def opens_with_evaluation(item: AgendaItem) -> bool:
    """An item whose first decision is an evaluation is stated by it, not by «تدارس»."""
    decisions = list(item.decisions.all())
    return bool(decisions) and decisions[0].kind == Decision.Kind.EVALUATION


def compose_title(meeting: Meeting) -> str:
    organ = ORGANS[meeting.organ]
    which = TITLED[organ.holds_sessions, meeting.kind].format(
        organ=organ.name, of_organ=of(organ.name)
    )
    party = of(organisation_name("ar"))
    return f"بلاغ صحفي حول {which} {party} ليوم {long_date(meeting.starts_at, language='ar')}"


def compose_body(meeting: Meeting, items: list[AgendaItem] | None = None) -> str:
    items = agenda(meeting) if items is None else items
    organ = ORGANS[meeting.organ]
    paragraphs = [_opening(meeting, organ, items)]
    for transition, item in zip(transitions(len(items)), items[1:], strict=True):
        verb, subject, decisions = _statement(item, organ)
        opening = f"{transition.format(its=organ.its)}{verb} {organ.name} {subject}"
        paragraphs.append(opening + _rest(item, decisions, organ))
    return "\n\n".join(paragraphs)


def compose(meeting: Meeting) -> Draft:
    """The Arabic title and body of the communiqué on a meeting (two queries)."""
    return Draft(title=compose_title(meeting), body=compose_body(meeting))


def clean(text: str) -> str:
    """One line, without the full stop or comma a writer may have ended it with."""
    return " ".join((text or "").split()).rstrip(" .،")


def _statement(item: AgendaItem, organ: Organ) -> tuple[str, str, list[Decision]]:
    """The verb and complement that state the item, and the decisions left to follow."""
    decisions = list(item.decisions.all())
    if opens_with_evaluation(item):
        (forms, object_), first = VERBS[Decision.Kind.EVALUATION], decisions.pop(0)
        return organ.verb(*forms), f"{object_} {clean(first.text_ar)}", decisions
    return organ.verb(*STUDIED), clean(item.title_ar), decisions


def _opening(meeting: Meeting, organ: Organ, items: list[AgendaItem]) -> str:
    held = HELD[organ.holds_sessions, meeting.kind].format(its=organ.its)
    day = long_date(meeting.starts_at, language="ar")
    party = of(organisation_name("ar"))
    text = f"{organ.verb('عقد', 'عقدت')} {organ.name} {party} {held} يوم {day}"
    if meeting.venue_ar:
        text += f" ب{clean(meeting.venue_ar)}"
    if meeting.focus_ar:
        text += f"، {organ.verb('خصص', 'خصصت')}{organ.it} {of(clean(meeting.focus_ar))}"
    if not items:
        return text + "."
    first = items[0]
    verb, subject, decisions = _statement(first, organ)
    if len(items) == 1:
        text += f"، و{verb} خلال{organ.it} {subject}"
    elif opens_with_evaluation(first):
        text += f"، و{verb} في بداية أشغال{organ.its} {subject}"
    else:
        began = organ.verb("استهل", "استهلت")
        text += f"، و{began}{organ.it} بتدارس {subject}"
    return text + _rest(first, decisions, organ)


def _rest(item: AgendaItem, decisions: list[Decision], organ: Organ) -> str:
    """What follows an item's statement: its summary, its decisions, and the full stop."""
    summary = clean(item.summary_ar)
    text = f"، {organ.verb(*RECALLING)} بهذه المناسبة {summary}" if summary else ""
    clauses = [_decision(decision, organ) for decision in decisions]
    if summary and clauses:
        # The summary ends its sentence; the decisions start the next one, naming the organ.
        (verb, complement), *clauses = clauses
        text += f". {AFTER_SUMMARY}{verb} {organ.name} {complement}"
    # One clause is already in the sentence; the last of three or more takes «كما».
    for position, (verb, complement) in enumerate(clauses, start=2):
        also = position == len(clauses) + 1 and position >= 3
        text += f"، {'كما ' if also else 'و'}{verb} {complement}"
    return text + "."


def _decision(decision: Decision, organ: Organ) -> tuple[str, str]:
    forms, object_ = VERBS[decision.kind]
    return organ.verb(*forms), " ".join(filter(None, [object_, clean(decision.text_ar)]))
