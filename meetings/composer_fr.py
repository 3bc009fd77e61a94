"""Compose the French edition of a meeting's communiqué, as Al Bayane writes the party's
communiqués: «Le Bureau politique du Parti du Progrès et du Socialisme a tenu, mardi 21 janvier
2020, sa réunion hebdomadaire…».

It has the Arabic draft's structure (``composer``): the opening carries the first item, every
other item opens with a transition, the last of two or more with «Au terme de ses travaux», an
item is stated by its subject or by its opening evaluation, then its summary and decisions.
It uses the French fields (``title_fr``, ``summary_fr``, ``text_fr``, ``venue_fr``,
``focus_fr``); when one the draft needs is empty there is no French draft (``None``): the
editor translates, rather than correct a half-French text.
"""

from common.dates import long_date
from common.organisation import organisation_name

from . import composer as arabic
from .composer import Draft, agenda, clean, opens_with_evaluation
from .models import AgendaItem, Decision, Meeting

ORGANS = {
    Meeting.Organ.POLITICAL_BUREAU: "le Bureau politique",
    Meeting.Organ.CENTRAL_COMMITTEE: "le Comité central",
    Meeting.Organ.PRESIDENCY_COUNCIL: "le Conseil de la présidence",
}
SESSIONS = {Meeting.Organ.CENTRAL_COMMITTEE}  # organs that hold sessions, not meetings
HELD = {
    (False, Meeting.Kind.WEEKLY): "sa réunion hebdomadaire",
    (False, Meeting.Kind.EXTRAORDINARY): "une réunion extraordinaire",
    (False, Meeting.Kind.THEMATIC): "une réunion thématique",
    (True, Meeting.Kind.WEEKLY): "sa session ordinaire",
    (True, Meeting.Kind.EXTRAORDINARY): "une session extraordinaire",
    (True, Meeting.Kind.THEMATIC): "une session thématique",
}
TITLED = {
    (False, Meeting.Kind.WEEKLY): "la réunion",
    (False, Meeting.Kind.EXTRAORDINARY): "la réunion extraordinaire",
    (False, Meeting.Kind.THEMATIC): "la réunion thématique",
    (True, Meeting.Kind.WEEKLY): "la session ordinaire",
    (True, Meeting.Kind.EXTRAORDINARY): "la session extraordinaire",
    (True, Meeting.Kind.THEMATIC): "la session thématique",
}
VERBS = {
    Decision.Kind.DECISION: "a décidé",
    Decision.Kind.APPROVAL: "a approuvé",
    Decision.Kind.RECOMMENDATION: "a recommandé",
    Decision.Kind.POSITION: "a pris acte",
    Decision.Kind.STATEMENT: "a affirmé",
    Decision.Kind.COMMENDATION: "a salué",
    Decision.Kind.CONGRATULATION: "a félicité",
    Decision.Kind.EVALUATION: "a procédé à une évaluation",
}
STUDIED = "a examiné"
SECOND = "Par ailleurs, "
MIDDLE = ("Ensuite, ", "D'autre part, ", "Puis, ")
LAST = "Au terme de ses travaux, "
AFTER_SUMMARY = "À cet égard, "


class Missing(Exception):
    """A French text the draft needs is empty."""


def of(noun: str) -> str:
    """«de» before a noun phrase: du siège, des congrès, de la réunion, de l'exposé."""
    return _contract(noun, "de", "du", "des")


def to(noun: str) -> str:
    """«à» before a noun phrase: au siège, aux congrès, à la définition, à Rabat."""
    return _contract(noun, "à", "au", "aux")


def transitions(count: int) -> list[str]:
    """The French transitions, in the Arabic composer's order."""
    return arabic.transitions(count, SECOND, MIDDLE, LAST)


def compose(meeting: Meeting) -> Draft | None:
    """The French title and body of the communiqué on a meeting (two queries), or None when a
    French text it needs is missing."""
    try:
        return Draft(title=compose_title(meeting), body=compose_body(meeting))
    except Missing:
        return None


def compose_title(meeting: Meeting) -> str:
    which = TITLED[meeting.organ in SESSIONS, meeting.kind]
    organ = ORGANS[meeting.organ]
    party = organisation_name("fr")
    day = long_date(meeting.starts_at, language="fr")
    return f"Communiqué de presse sur {which} {of(organ)} du {party} du {day}"


def compose_body(meeting: Meeting, items: list[AgendaItem] | None = None) -> str:
    items = agenda(meeting) if items is None else items
    organ = ORGANS[meeting.organ]
    paragraphs = [_opening(meeting, items)]
    for transition, item in zip(transitions(len(items)), items[1:], strict=True):
        verb, subject, decisions = _statement(item)
        paragraphs.append(f"{transition}{organ} {verb} {subject}" + _rest(item, decisions, organ))
    return "\n\n".join(paragraphs)


def _contract(noun: str, plain: str, masculine: str, plural: str) -> str:
    lowered = _lower_article(noun)
    if lowered.startswith("le "):
        return f"{masculine} {lowered[3:]}"
    if lowered.startswith("les "):
        return f"{plural} {lowered[4:]}"
    if lowered.startswith(("la ", "l'", "l’")):
        return f"{plain} {lowered}"
    return f"{plain} {noun}"


def _lower_article(noun: str) -> str:
    """«Le bilan…» → «le bilan…» inside a sentence; a proper noun keeps its capital."""
    for article in ("Le ", "La ", "Les ", "L'", "L’"):
        if noun.startswith(article):
            return noun[0].lower() + noun[1:]
    return noun


def _needed(value: str, what: str) -> str:
    value = clean(value or "")
    if not value:
        raise Missing(what)
    return value


def _statement(item: AgendaItem) -> tuple[str, str, list[Decision]]:
    decisions = list(item.decisions.all())
    if opens_with_evaluation(item):
        first = decisions.pop(0)
        return VERBS[first.kind], _needed(first.text_fr, "decision"), decisions
    return STUDIED, _lower_article(_needed(item.title_fr, "agenda item")), decisions


def _opening(meeting: Meeting, items: list[AgendaItem]) -> str:
    organ = ORGANS[meeting.organ]
    sessions = meeting.organ in SESSIONS
    day = long_date(meeting.starts_at, language="fr")
    text = f"{organ[0].upper()}{organ[1:]} du {organisation_name('fr')} a tenu, {day}, "
    if meeting.venue_ar:
        text += f"{to(_needed(meeting.venue_fr, 'venue'))}, "
    text += HELD[sessions, meeting.kind]
    if meeting.focus_ar:
        text += f" consacrée {to(_needed(meeting.focus_fr, 'focus'))}"
    text += "."
    if not items:
        return text
    first = items[0]
    verb, subject, decisions = _statement(first)
    if len(items) == 1:
        text += f" Il y {verb} {subject}"
    else:
        text += f" Au début de ses travaux, il {verb} {subject}"
    return text + _rest(first, decisions, organ)


def _rest(item: AgendaItem, decisions: list[Decision], organ: str) -> str:
    """What follows an item's statement: its summary, its decisions, and the full stop."""
    text = ""
    if clean(item.summary_ar):
        text += f", en évoquant à cette occasion {_needed(item.summary_fr, 'summary')}"
    clauses = [(VERBS[d.kind], _needed(d.text_fr, "decision")) for d in decisions]
    if text and clauses:
        # The summary ends its sentence; the decisions start the next one, naming the organ.
        verb, complement = clauses.pop(0)
        text += f". {AFTER_SUMMARY}{organ} {verb} {complement}"
    # One clause is already in the sentence. The last of three or more starts its own
    # («Il a également…», as the Arabic's «كما»); the last one in the sentence follows «et».
    if len(clauses) >= 2:
        *clauses, (verb, complement) = clauses
        last = f". Il a également {verb.removeprefix('a ')} {complement}"
    else:
        last = ""
    for position, (verb, complement) in enumerate(clauses, start=1):
        text += f"{' et ' if position == len(clauses) else ', '}{verb} {complement}"
    return text + last + "."
