"""What every step of the communiqué workflow shares: reading the state, the ``Action`` that
describes a step, and the row lock, version check, audit log and announcement each step makes.
See docs/workflow.md."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from common.workflow import InvalidTransition, NotAllowed, WorkflowError

from ..models import Communique, CommuniqueRevision, CommuniqueTransition
from ..signals import communique_changed

Status = Communique.Status
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TEXT_FIELDS = ("title", "body")
# Fields an editor may change through ``edit``; status and times only change by transitions.
EDITABLE_FIELDS = (
    "meeting",
    "slug",
    *(build_localized_fieldname(f, lang) for f in TEXT_FIELDS for lang in LANGUAGES),
)
# Text may change only while nobody outside the bureau can read it; after that, by correction.
TEXT_EDITABLE = (Status.DRAFT, Status.IN_REVIEW, Status.APPROVED, Status.SCHEDULED)
# A step into or out of these changes what readers see.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.SCHEDULED, Status.WITHDRAWN)


class StaleCommunique(WorkflowError):
    """Someone changed the communiqué after the actor opened it; ``current`` is how it is now."""

    def __init__(self, message, current: Communique):
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class Action:
    """One step a user may take on a communiqué: the admin's button, its permission, the states
    it starts from, where it leads, and the words for a refusal and for success.

    ``run`` carries it out. A status change is done by ``effect`` (fields to set on the locked
    row, returning their names); a step that changes the text instead (recompose, correct) has
    its own ``perform`` function.
    """

    name: str
    label: str
    permission: str
    sources: tuple[str, ...]
    target: str | None  # None: the status stays (the text changes)
    refusal: str  # "%(status)s" is the current status
    done: str
    needs_comment: bool = False
    needs_time: bool = False  # asks for the time of publication
    own_page: bool = False  # the admin opens a form page instead of posting a button
    confirm: str = ""  # the question a button asks before it posts
    primary: bool = False  # the step most people take from here: a prominent button
    effect: Callable | None = field(default=None, repr=False)
    perform: Callable | None = field(default=None, repr=False)
    # Whether ``user`` may take this step on this communiqué beyond permission and state.
    applies: Callable = field(default=lambda communique, user: True, repr=False)
    inapplicable: str = ""  # why, when ``applies`` says no

    def allowed(self, communique: Communique, user: AbstractBaseUser, now=None) -> bool:
        return (
            effective_status(communique, now) in self.sources
            and user.has_perm(self.permission)
            and self.applies(communique, user)
        )

    def refuse(self, communique: Communique) -> InvalidTransition:
        return InvalidTransition(self.refusal % {"status": communique.get_status_display()})

    def run(self, communique: Communique, *, actor: AbstractBaseUser, **arguments) -> Communique:
        """Take this step (``comment``, ``version``, ``when``, ``now`` as the step needs)."""
        if self.perform is not None:
            return self.perform(communique, actor=actor, **arguments)
        return transition(self, communique, actor=actor, **arguments)


# Reading the state ---------------------------------------------------------------------------


def effective_status(communique: Communique, now: datetime.datetime | None = None) -> str:
    """The status a reader experiences: a scheduled communiqué whose time has come is published."""
    now = now or timezone.now()
    if communique.status == Status.SCHEDULED and communique.published_at <= now:
        return Status.PUBLISHED
    return communique.status


def is_own_text(communique: Communique, user: AbstractBaseUser) -> bool:
    """Whether ``user`` made the last change to the text (and so cannot approve it)."""
    return communique.text_edited_by_id is not None and communique.text_edited_by_id == user.pk


def can_edit_text(communique: Communique, user: AbstractBaseUser) -> bool:
    return user.has_perm("meetings.change_communique") and (
        communique.pk is None or effective_status(communique) in TEXT_EDITABLE
    )


# A status change -----------------------------------------------------------------------------


@transaction.atomic
def transition(
    action: Action,
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    when: datetime.datetime | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """Move ``communique`` along ``action``: permission, row lock, version, state, then write."""
    require(actor, action.permission)
    now = now or timezone.now()
    locked = lock(communique, now)
    if version is not None:
        check_version(locked, version)
    if locked.status not in action.sources:
        raise action.refuse(locked)
    comment = (comment or "").strip()
    if action.needs_comment and not comment:
        raise InvalidTransition(_("Please say why in the comment."))
    if not action.applies(locked, actor):
        raise NotAllowed(action.inapplicable or _("You are not allowed to do this."))
    from_status = locked.status
    update = ["status", "version", "updated_at"]
    if action.effect is not None:
        update += action.effect(locked, actor=actor, now=now, when=when)
    locked.status = action.target
    locked.version += 1
    locked.save(update_fields=update)
    log(locked, actor, from_status, action.target, comment, now)
    public = action.target in PUBLIC_STATUSES or from_status == Status.SCHEDULED
    announce(locked, action.name, actor, comment, public=public)
    refresh(communique, locked)
    return communique


# What every step does ------------------------------------------------------------------------


def require(actor, permission):
    if not (actor and actor.is_active and actor.has_perm(permission)):
        raise NotAllowed(_("You are not allowed to do this."))


def lock(communique: Communique, now) -> Communique:
    """The communiqué's row, locked until the end of the transaction, with a due scheduled
    publication already turned into a published one."""
    locked = Communique.objects.select_for_update().get(pk=communique.pk)
    if locked.status == Status.SCHEDULED and locked.published_at <= now:
        publish_scheduled(locked)
    return locked


def publish_scheduled(communique: Communique):
    """Record that a scheduled communiqué became public at its time (readers saw it already)."""
    communique.status = Status.PUBLISHED
    communique.version += 1
    communique.save(update_fields=["status", "version"])
    comment = gettext("Published at its scheduled time.")
    log(communique, None, Status.SCHEDULED, Status.PUBLISHED, comment, communique.published_at)
    announce(communique, "publish_due", None, comment, public=True)


def check_version(locked: Communique, version: int):
    """Refuse a step made on an out-of-date view of the communiqué. The one change that does
    not count is the record of a scheduled publication (``publish_scheduled``): readers saw it
    published already, and so did whoever opened the page."""
    if version == locked.version - 1 and _only_published_since(locked):
        return
    if version != locked.version:
        raise StaleCommunique(
            _(
                "Someone else changed this communiqué after you opened it: "
                "nothing was saved. Look at what changed, then try again."
            ),
            current=locked,
        )


def _only_published_since(locked: Communique) -> bool:
    last = locked.transitions.order_by("-at", "-pk").first()
    return (
        last is not None
        and last.actor_id is None
        and (last.from_status, last.to_status) == (Status.SCHEDULED, Status.PUBLISHED)
        and locked.status == Status.PUBLISHED
    )


def texts(communique) -> dict[str, tuple[str, str]]:
    return {
        lang: tuple(
            getattr(communique, build_localized_fieldname(f, lang)) or "" for f in TEXT_FIELDS
        )
        for lang in LANGUAGES
    }


def keep_revisions(communique, before, author, note, now):
    """A revision for each language whose title or body differs from ``before``; when a
    language has no revision yet (data loaded in bulk), its earlier text is kept first."""
    after = texts(communique)
    kept = set(communique.revisions.values_list("language", flat=True)) if before else set()
    rows = []
    for lang in LANGUAGES:
        old, new = before.get(lang, ("", "")), after[lang]
        if new == old:
            continue
        if lang not in kept and any(old):
            rows.append(
                CommuniqueRevision(
                    communique=communique,
                    language=lang,
                    title=old[0],
                    body=old[1],
                    created_at=now - datetime.timedelta(microseconds=1),
                    note=gettext("Text before this change."),
                )
            )
        rows.append(
            CommuniqueRevision(
                communique=communique,
                language=lang,
                title=new[0],
                body=new[1],
                author=author,
                created_at=now,
                note=note,
            )
        )
    CommuniqueRevision.objects.bulk_create(rows)


def log(communique, actor, from_status, to_status, comment, at):
    CommuniqueTransition.objects.create(
        communique=communique,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        at=at,
    )


def announce(communique, action, actor, comment, *, public):
    """Tell the apps above (page cache, notifications) once the step has committed."""
    transaction.on_commit(
        lambda: communique_changed.send(
            sender=Communique,
            communique=communique,
            action=action,
            actor=actor,
            comment=comment,
            public=public,
        )
    )


def refresh(target: Communique, source: Communique):
    """Bring the caller's instance up to date with the row as saved."""
    if target is not source:
        for model_field in Communique._meta.concrete_fields:
            setattr(target, model_field.attname, getattr(source, model_field.attname))
