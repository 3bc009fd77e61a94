"""The workflow steps people are told about: receivers of the meetings and regions signals.

They run after the step has committed; whatever goes wrong here is logged and never reaches
the step (it is done, and the person who took it sees it done)."""

import logging

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import recipients
from .compose import Message, admin_url, notify
from .models import Event

log = logging.getLogger(__name__)

# Communiqué workflow action → (event, who is told).
COMMUNIQUE_EVENTS = {
    "submit": (
        Event.COMMUNIQUE_SUBMITTED,
        lambda c: recipients.with_permission("meetings.approve_communique"),
    ),
    "request_changes": (
        Event.CHANGES_REQUESTED,
        lambda c: recipients.users(recipients.last_submitter_id(c)),
    ),
    "approve": (
        Event.COMMUNIQUE_APPROVED,
        lambda c: recipients.with_permission("meetings.publish_communique"),
    ),
    "publish": (Event.COMMUNIQUE_PUBLISHED, recipients.editor_and_approver),
    "publish_due": (Event.COMMUNIQUE_PUBLISHED, recipients.editor_and_approver),
    "schedule": (Event.COMMUNIQUE_SCHEDULED, recipients.editor_and_approver),
    "withdraw": (Event.COMMUNIQUE_WITHDRAWN, recipients.editor_and_approver),
    "correct": (Event.COMMUNIQUE_CORRECTED, recipients.editor_and_approver),
}


def on_communique_changed(sender, communique, action, actor, comment, **kwargs):
    if action not in COMMUNIQUE_EVENTS:
        return
    try:
        event, who = COMMUNIQUE_EVENTS[action]
        told = [user for user in who(communique) if actor is None or user.pk != actor.pk]
        key = f"communique-{communique.pk}-{action}-v{communique.version}"
        notify(event, key, told, lambda user: communique_message(event, communique, actor, comment))
    except Exception:
        log.exception("Could not notify %s of communiqué %s", action, communique.pk)


def _name(user) -> str:
    if user is None:
        return _("The scheduled publication")
    return user.get_full_name() or user.get_username()


def communique_message(event, communique, actor, comment) -> Message:
    title = communique.title  # in the recipient's language (modeltranslation follows it)
    who = _name(actor)
    link = admin_url("meetings_communique_change", communique.pk)
    label = _("Open the communiqué")
    texts = {
        Event.COMMUNIQUE_SUBMITTED: (
            _("Communiqué to approve: «%(title)s»"),
            _("%(who)s submitted the communiqué «%(title)s» for your approval."),
        ),
        Event.CHANGES_REQUESTED: (
            _("Changes requested: «%(title)s»"),
            _("%(who)s asks for changes to the communiqué «%(title)s»."),
        ),
        Event.COMMUNIQUE_APPROVED: (
            _("Communiqué to publish: «%(title)s»"),
            _("%(who)s approved the communiqué «%(title)s»: it can be published."),
        ),
        Event.COMMUNIQUE_PUBLISHED: (
            _("Communiqué published: «%(title)s»"),
            _("The communiqué «%(title)s» was published on %(when)s."),
        ),
        Event.COMMUNIQUE_SCHEDULED: (
            _("Communiqué scheduled: «%(title)s»"),
            _("%(who)s scheduled the communiqué «%(title)s» for %(when)s."),
        ),
        Event.COMMUNIQUE_WITHDRAWN: (
            _("Communiqué withdrawn: «%(title)s»"),
            _("%(who)s withdrew the communiqué «%(title)s» from the public site."),
        ),
        Event.COMMUNIQUE_CORRECTED: (
            _("Communiqué corrected: «%(title)s»"),
            _("%(who)s corrected the published communiqué «%(title)s»."),
        ),
    }
    subject, intro = texts[event]
    when = (
        date_format(timezone.localtime(communique.published_at), "DATETIME_FORMAT")
        if communique.published_at
        else ""
    )
    values = {"title": title, "who": who, "when": when}
    return Message(
        subject=subject % values,
        intro=intro % values,
        link=link,
        link_label=label,
        comment=comment,
    )


def on_congress_changed(sender, congress, action, actor, comment, **kwargs):
    if action not in ("submitted", "validated", "sent_back"):
        return
    try:
        transition = congress.transitions.filter(action=action).order_by("-at", "-id").first()
        key = f"congress-{congress.pk}-{action}-{transition.pk if transition else 0}"
        if action == "submitted":
            event = Event.CONGRESS_SUBMITTED
            told = recipients.with_permission("regions.validate_congress")
        else:
            event = Event.CONGRESS_VALIDATED if action == "validated" else Event.CONGRESS_SENT_BACK
            told = recipients.congress_submitter(congress)
        told = [user for user in told if user.pk != getattr(actor, "pk", None)]
        notify(event, key, told, lambda user: congress_message(event, congress, actor, comment))
    except Exception:
        log.exception("Could not notify %s of congress %s", action, congress.pk)


def congress_message(event, congress, actor, comment) -> Message:
    values = {"congress": str(congress), "who": _name(actor)}
    texts = {
        Event.CONGRESS_SUBMITTED: (
            _("Congress outcome to validate: %(congress)s"),
            _("%(who)s submitted this congress outcome for validation: %(congress)s."),
        ),
        Event.CONGRESS_VALIDATED: (
            _("Congress outcome validated: %(congress)s"),
            _("%(who)s validated this congress outcome: %(congress)s."),
        ),
        Event.CONGRESS_SENT_BACK: (
            _("Congress outcome sent back: %(congress)s"),
            _("%(who)s sent this congress outcome back for correction: %(congress)s."),
        ),
    }
    subject, intro = texts[event]
    return Message(
        subject=subject % values,
        intro=intro % values,
        link=admin_url("regions_congress_change", congress.pk),
        link_label=_("Open the congress"),
        comment=comment,
    )
