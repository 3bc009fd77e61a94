"""A congress outcome's steps: recorded by the region, submitted, validated or sent back by the
bureau (docs/workflow.md). Each is one function with the communiqué workflow's vocabulary,
``step(congress, *, actor)``: guard (``NotAllowed``), atomic write under a row lock, state check
(``InvalidTransition``), log entry, and ``regions.signals.congress_changed`` after commit."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.workflow import InvalidTransition, NotAllowed

from . import access
from .models import Congress, CongressTransition, Mandate, RegionalAccess
from .signals import congress_changed

Status = Congress.Status
Action = CongressTransition.Action

# The office a congress must have filled before its outcome can be submitted.
TOP_OFFICE = {
    Congress.Level.REGIONAL: Mandate.Office.REGIONAL_SECRETARY,
    Congress.Level.PROVINCIAL: Mandate.Office.PROVINCIAL_SECRETARY,
}


def _lock(congress: Congress) -> Congress:
    return Congress.objects.select_for_update().get(pk=congress.pk)


def _log(congress, action, from_status, actor, comment="") -> CongressTransition:
    transaction.on_commit(
        lambda: congress_changed.send(
            sender=Congress, congress=congress, action=action, actor=actor, comment=comment
        )
    )
    return CongressTransition.objects.create(
        congress=congress,
        action=action,
        from_status=from_status,
        to_status=congress.status,
        actor=actor,
        comment=comment,
    )


def _move(congress: Congress, locked: Congress, status, action, actor, comment=""):
    from_status = locked.status
    locked.status = status
    locked.save(update_fields=["status"])
    congress.status = status
    return _log(locked, action, from_status, actor, comment)


def record_outcome(congress: Congress, *, actor) -> CongressTransition:
    """Log that the actor saved the congress's outcome; a planned congress now past is held."""
    if not access.can_change_congress(actor, congress):
        raise NotAllowed(_("You are not allowed to do this."))
    with transaction.atomic():
        locked = _lock(congress)
        status = locked.status
        if status == Status.PLANNED and locked.date <= timezone.localdate():
            status = Status.HELD
        return _move(congress, locked, status, Action.RECORDED, actor)


def submit(congress: Congress, *, actor, comment: str = "") -> CongressTransition:
    if not actor.has_perm("regions.submit_congress"):
        raise NotAllowed(_("You are not allowed to do this."))
    if not access.congresses(actor).filter(pk=congress.pk).exists():
        raise NotAllowed(_("You are not allowed to do this."))
    with transaction.atomic():
        locked = _lock(congress)
        if locked.status != Status.HELD:
            raise InvalidTransition(
                _("Only a held congress whose outcome is recorded can be submitted.")
            )
        missing = _missing_for_submission(locked)
        if missing:
            raise InvalidTransition(
                _("The outcome is incomplete: %(missing)s.") % {"missing": "، ".join(missing)}
            )
        return _move(congress, locked, Status.SUBMITTED, Action.SUBMITTED, actor, comment.strip())


def _missing_for_submission(congress: Congress) -> list[str]:
    missing = []
    if congress.date > timezone.localdate():
        missing.append(_("the congress date is still to come"))
    if not congress.delegates:
        missing.append(_("the number of delegates present"))
    if not (congress.summary_ar or congress.summary_fr or congress.summary_en):
        missing.append(_("the summary"))
    if not congress.minutes:
        missing.append(_("the minutes"))
    top = TOP_OFFICE[congress.level]
    if not congress.elections.filter(office=top).exists():
        missing.append(_("the election of the %(office)s") % {"office": top.label})
    return missing


def _guard_bureau(congress: Congress, actor) -> None:
    if not actor.has_perm("regions.validate_congress"):
        raise NotAllowed(_("You are not allowed to do this."))
    if not access.congresses(actor).filter(pk=congress.pk).exists():
        raise NotAllowed(_("You are not allowed to do this."))


def validate(congress: Congress, *, actor, comment: str = "") -> CongressTransition:
    """Accept the outcome: the elected start their mandates and end their predecessors'."""
    _guard_bureau(congress, actor)
    with transaction.atomic():
        locked = _lock(congress)
        if locked.status != Status.SUBMITTED:
            raise InvalidTransition(_("Only a congress awaiting validation can be validated."))
        _install_officers(locked)
        return _move(congress, locked, Status.VALIDATED, Action.VALIDATED, actor, comment.strip())


def _install_officers(congress: Congress) -> None:
    elections = list(congress.elections.select_related("person", "province"))
    for office, province_id in {(e.office, e.province_id) for e in elections}:
        seats = Mandate.objects.select_for_update().filter(
            office=office, region=congress.region, province_id=province_id
        )
        if seats.filter(start_date__gte=congress.date).exists():
            raise InvalidTransition(
                _(
                    "A mandate of %(office)s starts on or after the congress date: "
                    "correct the register before validating."
                )
                % {"office": Mandate.Office(office).label}
            )
        # The congress renews the office: every holder on its date steps down that day.
        seats.current(on=congress.date).update(end_date=congress.date)
    for election in elections:
        mandate = Mandate.objects.create(
            person=election.person,
            office=election.office,
            region=congress.region,
            province=election.province,
            congress=congress,
            start_date=congress.date,
        )
        if election.office == Mandate.Office.REGIONAL_SECRETARY and election.person.user_id:
            # The elected secretary's account now lasts as long as the new mandate.
            RegionalAccess.objects.filter(
                user_id=election.person.user_id, region=congress.region
            ).update(mandate=mandate)


def send_back(congress: Congress, *, actor, comment: str = "") -> CongressTransition:
    _guard_bureau(congress, actor)
    comment = (comment or "").strip()
    if not comment:
        raise InvalidTransition(_("Say what must be corrected: a comment is required."))
    with transaction.atomic():
        locked = _lock(congress)
        if locked.status != Status.SUBMITTED:
            raise InvalidTransition(_("Only a congress awaiting validation can be sent back."))
        return _move(congress, locked, Status.HELD, Action.SENT_BACK, actor, comment)
