"""The communiqué's workflow: every change of state or text is one function here
(docs/workflow.md has the states, the roles and the actions).

    draft → in review → approved → published → withdrawn
            in review → draft                (changes requested, with a comment)
                        approved → scheduled → published (at its time, see publish_due)
                                   scheduled → approved  (unscheduled)
    published: corrected (text changed, note shown to readers, status kept)

Each step is an ``Action`` (``ACTIONS``): its permission, the states it starts from, its target,
its refusal and success messages. A step checks the actor's permission first (``NotAllowed``),
then locks the row and checks the state (``InvalidTransition``) and, when the caller says which
version it saw, that nobody changed the communiqué since (``StaleCommunique``). It writes inside
one transaction, logs a ``CommuniqueTransition``, keeps a ``CommuniqueRevision`` per language
whose text changed, and announces itself after commit (``meetings.signals``).

A scheduled communiqué is public from its time on (``Communique.objects.public()``) whether or
not ``publish_due`` has run; every step first turns such a due communiqué into a published one,
so the log always reads scheduled → published at the scheduled time.
"""

from django.contrib.auth.models import AbstractBaseUser

from common.workflow import InvalidTransition, NotAllowed, WorkflowError

from ..models import Communique
from .state import (
    EDITABLE_FIELDS,
    LANGUAGES,
    TEXT_FIELDS,
    Action,
    StaleCommunique,
    can_edit_text,
    effective_status,
    is_own_text,
)
from .text import (
    CORRECT,
    RECOMPOSE,
    EditResult,
    check_composable,
    compose_draft,
    correct,
    create_draft,
    edit,
    recompose,
    unique_slug,
)
from .transitions import (
    APPROVE,
    PUBLISH,
    REQUEST_CHANGES,
    SCHEDULE,
    SUBMIT,
    TRANSITIONS,
    UNSCHEDULE,
    WITHDRAW,
    publish_due,
)

# Every step, in the order the admin shows its buttons.
ACTIONS = {action.name: action for action in [*TRANSITIONS, CORRECT, RECOMPOSE]}

submit = SUBMIT.run
request_changes = REQUEST_CHANGES.run
approve = APPROVE.run
publish = PUBLISH.run
schedule = SCHEDULE.run
unschedule = UNSCHEDULE.run
withdraw = WITHDRAW.run


def available_actions(communique: Communique, user: AbstractBaseUser, now=None) -> list[Action]:
    """The steps ``user`` may take now: what the admin shows as buttons."""
    return [action for action in ACTIONS.values() if action.allowed(communique, user, now)]


__all__ = [
    "ACTIONS",
    "EDITABLE_FIELDS",
    "LANGUAGES",
    "TEXT_FIELDS",
    "Action",
    "EditResult",
    "InvalidTransition",
    "NotAllowed",
    "StaleCommunique",
    "WorkflowError",
    "approve",
    "available_actions",
    "can_edit_text",
    "check_composable",
    "compose_draft",
    "correct",
    "create_draft",
    "edit",
    "effective_status",
    "is_own_text",
    "publish",
    "publish_due",
    "recompose",
    "request_changes",
    "schedule",
    "submit",
    "unique_slug",
    "unschedule",
    "withdraw",
]
