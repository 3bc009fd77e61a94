"""The steps that move a communiqué from one state to another, each one ``Action``, and the
scheduled publication that needs no step at all (``publish_due``)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.workflow import InvalidTransition

from ..models import Communique
from .state import Action, Status, is_own_text, publish_scheduled


def _set_approver(communique, *, actor, **context):
    communique.approved_by = actor
    return ["approved_by"]


def _clear_approver(communique, **context):
    communique.approved_by = None
    return ["approved_by"]


# How far ahead a publication may be scheduled: a time further away is a typing mistake.
SCHEDULE_HORIZON = datetime.timedelta(days=366)


def _publish_now(communique, *, now, **context):
    # Whole seconds: the time is shown to readers and machines (<time datetime>, JSON-LD).
    communique.published_at = now.replace(microsecond=0)
    return ["published_at"]


def _publish_at(communique, *, now, when, **context):
    if when is None:
        raise InvalidTransition(_("Choose the time of publication."))
    if when <= now:
        raise InvalidTransition(_("The time of publication must be in the future."))
    if when - now > SCHEDULE_HORIZON:
        raise InvalidTransition(
            _("The time of publication must be within a year from now; check the date.")
        )
    communique.published_at = when.replace(microsecond=0)
    return ["published_at"]


def _forget_time(communique, **context):
    communique.published_at = None
    return ["published_at"]


SUBMIT = Action(
    name="submit",
    label=_("Submit for review"),
    permission="meetings.submit_communique",
    sources=(Status.DRAFT,),
    target=Status.IN_REVIEW,
    refusal=_("Only a draft can be submitted for review; this communiqué is %(status)s."),
    done=_("Submitted for review."),
    primary=True,
)
REQUEST_CHANGES = Action(
    name="request_changes",
    label=_("Request changes"),
    permission="meetings.approve_communique",
    sources=(Status.IN_REVIEW,),
    target=Status.DRAFT,
    refusal=_("Only a communiqué in review can be sent back for changes; this one is %(status)s."),
    done=_("Sent back to the editor as a draft."),
    needs_comment=True,
    effect=_clear_approver,
)
APPROVE = Action(
    name="approve",
    label=_("Approve"),
    permission="meetings.approve_communique",
    sources=(Status.IN_REVIEW,),
    target=Status.APPROVED,
    refusal=_("Only a communiqué in review can be approved; this one is %(status)s."),
    done=_("Approved."),
    primary=True,
    effect=_set_approver,
    # Four eyes: whoever made the last change to the text cannot approve it.
    applies=lambda communique, user: not is_own_text(communique, user),
    inapplicable=_("You made the last change to this text: someone else has to approve it."),
)
PUBLISH = Action(
    name="publish",
    label=_("Publish now"),
    permission="meetings.publish_communique",
    sources=(Status.APPROVED, Status.SCHEDULED),
    target=Status.PUBLISHED,
    refusal=_("Only an approved communiqué can be published; this one is %(status)s."),
    done=_("Published: readers can see it now."),
    primary=True,
    effect=_publish_now,
)
SCHEDULE = Action(
    name="schedule",
    label=_("Schedule publication"),
    permission="meetings.publish_communique",
    sources=(Status.APPROVED, Status.SCHEDULED),
    target=Status.SCHEDULED,
    refusal=_("Only an approved communiqué can be scheduled; this one is %(status)s."),
    done=_("Scheduled: it becomes public at the chosen time."),
    needs_time=True,
    effect=_publish_at,
)
UNSCHEDULE = Action(
    name="unschedule",
    label=_("Cancel the scheduled publication"),
    permission="meetings.publish_communique",
    sources=(Status.SCHEDULED,),
    target=Status.APPROVED,
    refusal=_("Only a scheduled communiqué can be unscheduled; this one is %(status)s."),
    done=_("The scheduled publication is cancelled; the communiqué is approved."),
    effect=_forget_time,
)
WITHDRAW = Action(
    name="withdraw",
    label=_("Withdraw"),
    permission="meetings.publish_communique",
    sources=(Status.PUBLISHED,),
    target=Status.WITHDRAWN,
    refusal=_("Only a published communiqué can be withdrawn; this one is %(status)s."),
    done=_("Withdrawn: readers no longer see it."),
    needs_comment=True,
)

TRANSITIONS = [SUBMIT, REQUEST_CHANGES, APPROVE, PUBLISH, SCHEDULE, UNSCHEDULE, WITHDRAW]


def publish_due(now: datetime.datetime | None = None) -> int:
    """Turn every scheduled communiqué whose time has come into a published one, logging the
    transition at its scheduled time; returns how many. Safe to run from several hosts."""
    now = now or timezone.now()
    published = 0
    with transaction.atomic():
        due = (
            Communique.objects.select_for_update(skip_locked=True)
            .filter(status=Status.SCHEDULED, published_at__lte=now)
            .order_by("published_at")
        )
        for communique in due:
            publish_scheduled(communique)
            published += 1
    return published
