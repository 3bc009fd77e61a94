"""Compose the Arabic draft of a meeting's communiqué.

The draft has a title, an opening paragraph (the organ held its meeting on that day and what it
began with), one paragraph per agenda item in order, each opening with the customary transition
for its place, and a closing paragraph. Each decision is phrased by its kind: ``Decision.text``
is the complement that follows the verb. The phrases are content, not UI, so they are written
in Arabic here; the French translation is left to the editor (no French draft is composed).
"""

from dataclasses import dataclass

from django.conf import settings

from .dates import arabic_date
from .models import Decision, Meeting


@dataclass(frozen=True)
class Organ:
    name: str
    feminine: bool  # verbs and pronouns agree with the organ: عقد/عقدت، اجتماعه/اجتماعها


ORGANS = {
    Meeting.Organ.POLITICAL_BUREAU: Organ("المكتب السياسي", feminine=False),
    Meeting.Organ.CENTRAL_COMMITTEE: Organ("اللجنة المركزية", feminine=True),
    Meeting.Organ.PRESIDENCY_COUNCIL: Organ("مجلس الرئاسة", feminine=False),
}

# (masculine, feminine) past-tense forms, and what comes between the verb's subject and the
# decision's text (أجرى المكتب السياسي تقييما …).
VERBS = {
    Decision.Kind.DECISION: (("قرر", "قررت"), ""),
    Decision.Kind.RECOMMENDATION: (("أوصى", "أوصت"), ""),
    Decision.Kind.POSITION: (("سجل", "سجلت"), ""),
    Decision.Kind.STATEMENT: (("أكد", "أكدت"), ""),
    Decision.Kind.COMMENDATION: (("نوه", "نوهت"), ""),
    Decision.Kind.CONGRATULATION: (("هنأ", "هنأت"), ""),
    Decision.Kind.EVALUATION: (("أجرى", "أجرت"), "تقييما"),
}
STUDIED = ("تدارس", "تدارست")  # an agenda item without decisions

# The opening formula, by kind of meeting.
MEETING_KINDS = {
    Meeting.Kind.WEEKLY: "اجتماعه الأسبوعي",
    Meeting.Kind.EXTRAORDINARY: "اجتماعا استثنائيا",
    Meeting.Kind.THEMATIC: "اجتماعا موضوعاتيا",
}
TITLE_MEETINGS = {
    Meeting.Kind.WEEKLY: "اجتماع {organ}",
    Meeting.Kind.EXTRAORDINARY: "الاجتماع الاستثنائي {of_organ}",
    Meeting.Kind.THEMATIC: "الاجتماع الموضوعاتي {of_organ}",
}

# Transitions that open the agenda paragraphs: the first follows the opening, which has named
# the first item; the second and the last have their own; the middle ones take turns.
FIRST = "وفي هذا الصدد، "
SECOND = "ومن جهة أخرى، "
MIDDLE = ("إثر ذلك، ", "ومن جانب آخر، ", "وبعد ذلك، ")
LAST = "وفي الأخير، "


@dataclass(frozen=True)
class Draft:
    title: str
    body: str


def of(noun: str) -> str:
    """The preposition لـ joined to a noun: لحزب التقدم، للمكتب السياسي (ل + ال → لل)."""
    return f"ل{noun[1:]}" if noun.startswith("ال") else f"ل{noun}"


def paragraph_transitions(count: int) -> list[str]:
    """The transition opening each of ``count`` agenda paragraphs, in order."""
    transitions = []
    for position in range(1, count + 1):
        if position == 1:
            transitions.append(FIRST)
        elif position == count:
            transitions.append(LAST)
        elif position == 2:
            transitions.append(SECOND)
        else:
            transitions.append(MIDDLE[(position - 3) % len(MIDDLE)])
    return transitions


def compose_title(meeting: Meeting) -> str:
    organ = ORGANS[meeting.organ]
    party = settings.ORGANISATION_NAME["ar"]
    which = TITLE_MEETINGS[meeting.kind].format(organ=organ.name, of_organ=of(organ.name))
    return f"بلاغ صحفي حول {which} {of(party)} ليوم {arabic_date(meeting.starts_at)}"


def compose_body(meeting: Meeting) -> str:
    items = list(meeting.agenda_items.prefetch_related("decisions"))
    organ = ORGANS[meeting.organ]
    paragraphs = [_opening(meeting, organ, items)]
    for transition, item in zip(paragraph_transitions(len(items)), items, strict=True):
        paragraphs.append(transition + _item_paragraph(item, organ))
    paragraphs.append(_closing(organ))
    return "\n\n".join(paragraphs)


def compose(meeting: Meeting) -> Draft:
    """The Arabic title and body of the communiqué on a meeting (two queries)."""
    return Draft(title=compose_title(meeting), body=compose_body(meeting))


def _verb(forms: tuple[str, str], organ: Organ) -> str:
    return forms[1] if organ.feminine else forms[0]


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(" .،")


def _opening(meeting: Meeting, organ: Organ, items: list) -> str:
    his = "ها" if organ.feminine else "ه"
    held = _verb(("عقد", "عقدت"), organ)
    party = settings.ORGANISATION_NAME["ar"]
    kind = MEETING_KINDS[meeting.kind]
    if organ.feminine and meeting.kind == Meeting.Kind.WEEKLY:
        kind = "اجتماعها الأسبوعي"
    text = f"{held} {organ.name} {of(party)} {kind} يوم {arabic_date(meeting.starts_at)}"
    if meeting.venue_ar:
        text += f" ب{_clean(meeting.venue_ar)}"
    if meeting.focus_ar:
        dedicated = _verb(("خصصه", "خصصته"), organ)
        text += f"، {dedicated} {of(_clean(meeting.focus_ar))}"
    if len(items) == 1:
        studied = _verb(("وتدارس", "وتدارست"), organ)
        text += f"، {studied} خلاله النقطة المتعلقة ب{_clean(items[0].title_ar)}"
    elif items:
        began = _verb(("واستهل", "واستهلت"), organ)
        text += f"، {began} أشغال{his} بالنقطة المتعلقة ب{_clean(items[0].title_ar)}"
    return text + "."


def _item_paragraph(item, organ: Organ) -> str:
    decisions = list(item.decisions.all())
    if not decisions:
        return f"{_verb(STUDIED, organ)} {organ.name} {_clean(item.title_ar)}."
    sentences = []
    for position, decision in enumerate(decisions):
        forms, object_ = VERBS[decision.kind]
        verb = _verb(forms, organ)
        complement = " ".join(filter(None, [object_, _clean(decision.text_ar)]))
        if position == 0:
            sentences.append(f"{verb} {organ.name} {complement}")
        elif position == len(decisions) - 1 and position > 1:
            sentences.append(f"كما {verb} {complement}")  # the last of three or more
        else:
            sentences.append(f"و{verb} {complement}")
    return "، ".join(sentences) + "."


def _closing(organ: Organ) -> str:
    his = "ها" if organ.feminine else "ه"
    called = _verb(("دعا", "دعت"), organ)
    return (
        f"وفي ختام أشغال{his}، {called} {organ.name} مناضلات الحزب ومناضليه إلى مواصلة "
        "التعبئة والانخراط الفعال في تنزيل ما تقرر خلال هذا الاجتماع."
    )
