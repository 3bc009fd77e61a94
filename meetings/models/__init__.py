"""The meetings app's models: the meetings, decisions and communiqués (core), their audit trail
and revisions (log), and the cycle that follows decisions up and keeps minutes (cycle)."""

from .core import (
    AgendaItem,
    Attendance,
    Communique,
    CommuniqueQuerySet,
    Decision,
    Meeting,
    translated_into,
)
from .cycle import FollowUpEntry, Minutes, MinutesArchive
from .log import CommuniqueRevision, CommuniqueTransition
from .search import SearchWord

__all__ = [
    "AgendaItem",
    "Attendance",
    "Communique",
    "CommuniqueQuerySet",
    "CommuniqueRevision",
    "CommuniqueTransition",
    "Decision",
    "FollowUpEntry",
    "Meeting",
    "Minutes",
    "MinutesArchive",
    "SearchWord",
    "translated_into",
]
