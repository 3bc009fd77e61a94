"""The communiqué's workflow (DESIGN §4): every change of state or text is one function here.

    draft → in review → approved → published → withdrawn
            in review → draft                (changes requested, with a comment)
                        approved → scheduled → published (at its time, see publish_due)
                                   scheduled → approved  (unscheduled)
    published: corrected (text changed, note shown to readers, status kept)

Each function checks the actor's permission first (``NotAllowed``: the admin answers 403),
then locks the row and checks the state (``InvalidTransition``) and, when the caller says which
version it saw, that nobody changed the communiqué since (``StaleCommunique``). It writes inside
one transaction, logs a ``CommuniqueTransition`` and keeps a ``CommuniqueRevision`` per language
whose title or body changed; the public cache is forgotten after commit.

A scheduled communiqué is public from its time on (``Communique.objects.public()``) whether or
not ``publish_due`` has run; every function here first turns such a due communiqué into a
published one, so the log always reads scheduled → published at the scheduled time.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .composer import compose
from .models import Communique, CommuniqueRevision, CommuniqueTransition, Meeting
from .signals import communique_changed

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


class WorkflowError(Exception):
    """A refused step; ``message`` says why, in words for the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The actor lacks the right to take this step (the admin answers 403)."""


class InvalidTransition(WorkflowError):
    """The communiqué is not in a state from which this step is possible."""


class StaleCommunique(WorkflowError):
    """Someone changed the communiqué after the actor opened it; ``current`` is how it is now."""

    def __init__(self, message, current: Communique):
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    permission: str
    sources: tuple[str, ...]
    comment_required: bool = False


ACTIONS = {
    action.name: action
    for action in [
        Action("submit", _("Submit for review"), "meetings.submit_communique", (Status.DRAFT,)),
        Action(
            "request_changes",
            _("Request changes"),
            "meetings.approve_communique",
            (Status.IN_REVIEW,),
            comment_required=True,
        ),
        Action("approve", _("Approve"), "meetings.approve_communique", (Status.IN_REVIEW,)),
        Action(
            "publish",
            _("Publish now"),
            "meetings.publish_communique",
            (Status.APPROVED, Status.SCHEDULED),
        ),
        Action(
            "schedule",
            _("Schedule publication"),
            "meetings.publish_communique",
            (Status.APPROVED, Status.SCHEDULED),
        ),
        Action(
            "unschedule",
            _("Cancel the scheduled publication"),
            "meetings.publish_communique",
            (Status.SCHEDULED,),
        ),
        Action(
            "withdraw",
            _("Withdraw"),
            "meetings.publish_communique",
            (Status.PUBLISHED,),
            comment_required=True,
        ),
        Action("correct", _("Correct"), "meetings.publish_communique", (Status.PUBLISHED,)),
        Action(
            "recompose",
            _("Compose again from the meeting"),
            "meetings.change_communique",
            (Status.DRAFT,),
        ),
    ]
}

REFUSALS = {
    "submit": _("Only a draft can be submitted for review; this communiqué is %(status)s."),
    "request_changes": _(
        "Only a communiqué in review can be sent back for changes; this one is %(status)s."
    ),
    "approve": _("Only a communiqué in review can be approved; this one is %(status)s."),
    "publish": _("Only an approved communiqué can be published; this one is %(status)s."),
    "schedule": _("Only an approved communiqué can be scheduled; this one is %(status)s."),
    "unschedule": _("Only a scheduled communiqué can be unscheduled; this one is %(status)s."),
    "withdraw": _("Only a published communiqué can be withdrawn; this one is %(status)s."),
    "correct": _("Only a published communiqué can be corrected; this one is %(status)s."),
    "recompose": _("Only a draft can be composed again; this one is %(status)s."),
    "edit": _(
        "The text of a communiqué that is %(status)s cannot be edited; "
        "a published communiqué is changed by a correction."
    ),
}


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


def available_actions(
    communique: Communique, user: AbstractBaseUser, now: datetime.datetime | None = None
) -> list[Action]:
    """The steps ``user`` may take now: what the admin shows as buttons."""
    status = effective_status(communique, now)
    actions = []
    for action in ACTIONS.values():
        if status not in action.sources or not user.has_perm(action.permission):
            continue
        if action.name == "approve" and is_own_text(communique, user):
            continue
        if action.name == "recompose" and communique.meeting_id is None:
            continue
        actions.append(action)
    return actions


def can_edit_text(communique: Communique, user: AbstractBaseUser) -> bool:
    return user.has_perm("meetings.change_communique") and (
        communique.pk is None or effective_status(communique) in TEXT_EDITABLE
    )


# Creating a communiqué -----------------------------------------------------------------------


@transaction.atomic
def create_draft(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    note: str = "",
    now: datetime.datetime | None = None,
) -> Communique:
    """Save a new communiqué (built but not saved) as a draft, with its first revisions."""
    _require(actor, "meetings.add_communique")
    now = now or timezone.now()
    if not communique.slug:
        communique.slug = unique_slug(communique.title_ar)
    communique.status = Status.DRAFT
    communique.published_at = None
    communique.approved_by = None
    communique.text_edited_by = actor
    communique.version = 1
    communique.full_clean()
    communique.save()
    _keep_revisions(communique, {}, actor, note, now)
    _log(communique, actor, "", Status.DRAFT, "", now)
    return communique


def compose_draft(
    meeting: Meeting,
    *,
    actor: AbstractBaseUser,
    slug: str = "",
    now: datetime.datetime | None = None,
) -> Communique:
    """The communiqué of a held meeting, as a draft composed by ``composer``."""
    _require(actor, "meetings.add_communique")
    if meeting.status != Meeting.Status.HELD:
        raise InvalidTransition(_("A communiqué can only be composed for a meeting that was held."))
    if Communique.objects.filter(meeting=meeting).exists():
        raise InvalidTransition(_("This meeting already has a communiqué."))
    draft = compose(meeting)
    communique = Communique(meeting=meeting, title_ar=draft.title, body_ar=draft.body, slug=slug)
    return create_draft(
        communique, actor=actor, note=gettext("Composed from the meeting."), now=now
    )


def unique_slug(title: str) -> str:
    base = slugify(title, allow_unicode=True)[:190].strip("-") or "communique"
    slug, n = base, 1
    while Communique.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# Changing the text ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EditResult:
    communique: Communique
    changed_languages: list[str]
    approval_withdrawn: bool


@transaction.atomic
def edit(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    changes: Mapping[str, object],
    version: int,
    note: str = "",
    now: datetime.datetime | None = None,
) -> EditResult:
    """Save an editor's changes (``EDITABLE_FIELDS`` only) made on ``version``.

    Changing the text of an approved or scheduled communiqué withdraws the approval: it goes
    back to review, so no reader ever sees text nobody approved.
    """
    _require(actor, "meetings.change_communique")
    now = now or timezone.now()
    locked = _lock(communique, now)
    _check_version(locked, version)
    if locked.status not in TEXT_EDITABLE:
        raise InvalidTransition(_refusal("edit", locked))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    before = _texts(locked)
    touched = [f for f, value in changes.items() if _value(locked, f) != value]
    for field in touched:
        setattr(locked, field, changes[field])
    if not touched:
        return EditResult(locked, [], approval_withdrawn=False)
    locked.full_clean()
    changed = [lang for lang in LANGUAGES if _texts(locked)[lang] != before[lang]]
    withdrawn = bool(changed) and locked.status in (Status.APPROVED, Status.SCHEDULED)
    update = [*touched, "version", "updated_at"]
    if changed:
        locked.text_edited_by = actor
        update.append("text_edited_by")
    if withdrawn:
        from_status = locked.status
        locked.status = Status.IN_REVIEW
        locked.approved_by = None
        locked.published_at = None
        update += ["status", "approved_by", "published_at"]
    locked.version += 1
    locked.save(update_fields=update)
    _keep_revisions(locked, before, actor, note, now)
    if withdrawn:
        comment = gettext("The text changed after approval: it needs a new review.")
        _log(locked, actor, from_status, Status.IN_REVIEW, comment, now)
        _announce(locked, "edit", actor, comment, public=from_status == Status.SCHEDULED)
    _refresh(communique, locked)
    return EditResult(communique, changed, approval_withdrawn=withdrawn)


def recompose(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    version: int,
    now: datetime.datetime | None = None,
) -> EditResult:
    """Replace a draft's Arabic title and body by a fresh composition from its meeting."""
    _require(actor, ACTIONS["recompose"].permission)
    with transaction.atomic():
        locked = _lock(communique, now or timezone.now())
        _check_version(locked, version)
        _check_source("recompose", locked)
        if locked.meeting_id is None:
            raise InvalidTransition(_("This communiqué has no meeting to compose it from."))
        draft = compose(locked.meeting)
        return edit(
            locked,
            actor=actor,
            changes={"title_ar": draft.title, "body_ar": draft.body},
            version=version,
            note=gettext("Composed again from the meeting."),
            now=now,
        )


@transaction.atomic
def correct(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    changes: Mapping[str, str],
    notes: Mapping[str, str],
    version: int,
    now: datetime.datetime | None = None,
) -> Communique:
    """Correct a published communiqué: new text, a note per language shown to readers as
    "corrected on …"; the text as published stays in the revisions."""
    _require(actor, ACTIONS["correct"].permission)
    now = now or timezone.now()
    locked = _lock(communique, now)
    _check_version(locked, version)
    _check_source("correct", locked)
    if not (notes.get(settings.LANGUAGE_CODE) or "").strip():
        raise InvalidTransition(_("A correction needs a note saying what was corrected."))
    text_fields = {build_localized_fieldname(f, lang) for f in TEXT_FIELDS for lang in LANGUAGES}
    if set(changes) - text_fields:
        raise ValueError(f"Not correctable: {sorted(set(changes) - text_fields)}")
    before = _texts(locked)
    for field, value in changes.items():
        setattr(locked, field, value)
    if _texts(locked) == before:
        raise InvalidTransition(_("Nothing in the text changed: there is nothing to correct."))
    for lang, note in notes.items():
        setattr(locked, build_localized_fieldname("correction_note", lang), note.strip())
    locked.full_clean()
    locked.corrected_at = now
    locked.text_edited_by = actor
    locked.version += 1
    locked.save()
    note = notes[settings.LANGUAGE_CODE].strip()
    _keep_revisions(locked, before, actor, gettext("Correction: %s") % note, now)
    _log(locked, actor, Status.PUBLISHED, Status.PUBLISHED, gettext("Correction: %s") % note, now)
    _announce(locked, "correct", actor, note, public=True)
    _refresh(communique, locked)
    return communique


# Transitions ---------------------------------------------------------------------------------


def submit(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """Draft → in review."""
    return _transition("submit", communique, actor, Status.IN_REVIEW, comment, version, now)


def request_changes(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """In review → draft, saying in ``comment`` what to change (required)."""
    return _transition("request_changes", communique, actor, Status.DRAFT, comment, version, now)


def approve(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """In review → approved, by someone other than whoever made the last change to the text."""
    return _transition("approve", communique, actor, Status.APPROVED, comment, version, now)


def publish(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """Approved (or scheduled) → published now."""
    return _transition("publish", communique, actor, Status.PUBLISHED, comment, version, now)


def schedule(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    when: datetime.datetime | None,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """Make an approved communiqué public at ``when`` (in the future), with no further step."""
    return _transition(
        "schedule", communique, actor, Status.SCHEDULED, comment, version, now, when=when
    )


def unschedule(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """Scheduled (not yet public) → approved."""
    return _transition("unschedule", communique, actor, Status.APPROVED, comment, version, now)


def withdraw(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    comment: str = "",
    version: int | None = None,
    now: datetime.datetime | None = None,
) -> Communique:
    """Published → withdrawn: readers no longer see it; ``comment`` says why (required)."""
    return _transition("withdraw", communique, actor, Status.WITHDRAWN, comment, version, now)


TRANSITIONS = {
    "submit": submit,
    "request_changes": request_changes,
    "approve": approve,
    "publish": publish,
    "schedule": schedule,
    "unschedule": unschedule,
    "withdraw": withdraw,
}


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
            _publish_scheduled(communique)
            published += 1
    return published


# Internals -----------------------------------------------------------------------------------


@transaction.atomic
def _transition(name, communique, actor, to_status, comment, version, now, when=None):
    action = ACTIONS[name]
    _require(actor, action.permission)
    now = now or timezone.now()
    locked = _lock(communique, now)
    if version is not None:
        _check_version(locked, version)
    _check_source(name, locked)
    comment = (comment or "").strip()
    if action.comment_required and not comment:
        raise InvalidTransition(_("Please say why in the comment."))
    if name == "approve" and is_own_text(locked, actor):
        raise NotAllowed(
            _("You made the last change to this text: someone else has to approve it.")
        )
    from_status = locked.status
    update = ["status", "version", "updated_at"]
    if name == "approve":
        locked.approved_by = actor
        update.append("approved_by")
    elif name == "request_changes":
        locked.approved_by = None
        update.append("approved_by")
    elif name == "publish":
        locked.published_at = now
        update.append("published_at")
    elif name == "schedule":
        if when is None:
            raise InvalidTransition(_("Choose the time of publication."))
        if when <= now:
            raise InvalidTransition(_("The time of publication must be in the future."))
        locked.published_at = when
        update.append("published_at")
    elif name == "unschedule":
        locked.published_at = None
        update.append("published_at")
    locked.status = to_status
    locked.version += 1
    locked.save(update_fields=update)
    _log(locked, actor, from_status, to_status, comment, now)
    public = to_status in (Status.PUBLISHED, Status.SCHEDULED, Status.WITHDRAWN) or (
        from_status == Status.SCHEDULED
    )
    _announce(locked, name, actor, comment, public=public)
    _refresh(communique, locked)
    return communique


def _require(actor, permission):
    if not (actor and actor.is_active and actor.has_perm(permission)):
        raise NotAllowed(_("You are not allowed to do this."))


def _lock(communique: Communique, now) -> Communique:
    """The communiqué's row, locked until the end of the transaction, with a due scheduled
    publication already turned into a published one."""
    locked = Communique.objects.select_for_update().get(pk=communique.pk)
    if locked.status == Status.SCHEDULED and locked.published_at <= now:
        _publish_scheduled(locked)
    return locked


def _publish_scheduled(communique: Communique):
    communique.status = Status.PUBLISHED
    communique.version += 1
    communique.save(update_fields=["status", "version"])
    comment = gettext("Published at its scheduled time.")
    _log(communique, None, Status.SCHEDULED, Status.PUBLISHED, comment, communique.published_at)
    _announce(communique, "publish_due", None, comment, public=True)


def _check_version(locked: Communique, version: int):
    if version != locked.version:
        raise StaleCommunique(
            _(
                "Someone else changed this communiqué after you opened it: "
                "nothing was saved. Look at what changed, then try again."
            ),
            current=locked,
        )


def _check_source(name: str, locked: Communique):
    if locked.status not in ACTIONS[name].sources:
        raise InvalidTransition(_refusal(name, locked))


def _refusal(name, communique):
    return REFUSALS[name] % {"status": communique.get_status_display()}


def _value(communique, field):
    if field == "meeting":
        return communique.meeting
    return getattr(communique, field) or ""


def _texts(communique) -> dict[str, tuple[str, str]]:
    return {
        lang: tuple(
            getattr(communique, build_localized_fieldname(f, lang)) or "" for f in TEXT_FIELDS
        )
        for lang in LANGUAGES
    }


def _keep_revisions(communique, before, author, note, now):
    """A revision for each language whose title or body differs from ``before``; when a
    language has no revision yet (data loaded in bulk), its earlier text is kept first."""
    after = _texts(communique)
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


def _log(communique, actor, from_status, to_status, comment, at):
    CommuniqueTransition.objects.create(
        communique=communique,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        comment=comment,
        at=at,
    )


def _announce(communique, action, actor, comment, *, public):
    """Tell the apps above (cache, notifications) once the step has committed."""
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


def _refresh(target: Communique, source: Communique):
    """Bring the caller's instance up to date with the row as saved."""
    if target is not source:
        for field in Communique._meta.concrete_fields:
            setattr(target, field.attname, getattr(source, field.attname))
