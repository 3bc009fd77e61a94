"""Compose the Arabic draft of a meeting's communiqué (first version; the workflow issue
refines the phrasing and transitions)."""

from django.conf import settings

from .dates import arabic_date
from .models import Decision, Meeting

VERBS = {
    Decision.Kind.DECISION: "قرر",
    Decision.Kind.RECOMMENDATION: "أوصى",
    Decision.Kind.POSITION: "سجل",
    Decision.Kind.STATEMENT: "أكد",
    Decision.Kind.COMMENDATION: "نوه",
    Decision.Kind.CONGRATULATION: "هنأ",
    Decision.Kind.EVALUATION: "أجرى تقييما",
}
ORGANS = {
    Meeting.Organ.POLITICAL_BUREAU: "المكتب السياسي",
    Meeting.Organ.CENTRAL_COMMITTEE: "اللجنة المركزية",
    Meeting.Organ.PRESIDENCY_COUNCIL: "مجلس الرئاسة",
}


def compose_title(meeting: Meeting) -> str:
    organ = ORGANS[meeting.organ]
    party = settings.ORGANISATION_NAME["ar"]
    return f"بلاغ صحفي حول اجتماع {organ} ل{party} ليوم {arabic_date(meeting.starts_at)}"


def compose_body(meeting: Meeting) -> str:
    organ = ORGANS[meeting.organ]
    party = settings.ORGANISATION_NAME["ar"]
    paragraphs = [f"عقد {organ} ل{party} اجتماعه يوم {arabic_date(meeting.starts_at)}."]
    for item in meeting.agenda_items.prefetch_related("decisions"):
        sentences = [f"{VERBS[d.kind]} {organ} {d.text}" for d in item.decisions.all()]
        paragraphs.append("، كما ".join(sentences) + "." if sentences else item.title + ".")
    return "\n\n".join(paragraphs)
