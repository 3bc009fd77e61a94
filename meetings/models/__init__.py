"""The meetings app's models: the meetings and decisions (core), the communiqués (communique),
their audit trail and revisions (log), and the cycle that follows decisions up and keeps minutes
(cycle)."""

from .communique import Communique, CommuniqueQuerySet, translated_into
from .core import AgendaItem, Attendance, Decision, Meeting
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
