"""Steps that write the text: a new draft (typed or composed from its meeting), an editor's
changes, a fresh composition, and the correction of a published communiqué."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from common.workflow import InvalidTransition

from .. import composer_fr
from ..composer import compose
from ..models import Communique, Meeting
from .state import (
    EDITABLE_FIELDS,
    LANGUAGES,
    TEXT_EDITABLE,
    TEXT_FIELDS,
    Action,
    Status,
    announce,
    check_version,
    keep_revisions,
    lock,
    log,
    refresh,
    require,
    texts,
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
    require(actor, "meetings.add_communique")
    now = now or timezone.now()
    if not communique.slug:
        communique.slug = unique_slug(communique.title_ar)
    communique.status = Status.DRAFT
    communique.published_at = None
    communique.approved_by = None
    communique.text_edited_by = actor
    communique.version = 1
    # Unique slug and meeting are settled by the insert itself, which no race can slip past.
    communique.full_clean(validate_unique=False)
    _insert(communique)
    keep_revisions(communique, {}, actor, note, now)
    log(communique, actor, "", Status.DRAFT, "", now)
    return communique


SLUG_ATTEMPTS = 20


def _insert(communique: Communique) -> None:
    """Save a new communiqué, losing no race gracefully: full_clean() checked the slug and the
    meeting, but a parallel request may have taken either since. A taken slug gets the next
    free one (as ``unique_slug`` would have chosen); a meeting that meanwhile got its
    communiqué is refused as ``check_composable`` refuses it."""
    wanted = communique.slug
    for _attempt in range(SLUG_ATTEMPTS):
        try:
            with transaction.atomic():
                communique.save(force_insert=True)
            return
        except IntegrityError:
            if (
                communique.meeting_id
                and Communique.objects.filter(meeting_id=communique.meeting_id).exists()
            ):
                raise InvalidTransition(_("This meeting already has a communiqué.")) from None
            if not Communique.objects.filter(slug=communique.slug).exists():
                raise
            communique.slug = unique_slug(wanted)
    raise InvalidTransition(_("Another communiqué took this address; please try again."))


def check_composable(meeting: Meeting) -> None:
    """Only a held meeting that has no communiqué yet can have one composed."""
    if meeting.status != Meeting.Status.HELD:
        raise InvalidTransition(_("A communiqué can only be composed for a meeting that was held."))
    if Communique.objects.filter(meeting=meeting).exists():
        raise InvalidTransition(_("This meeting already has a communiqué."))


def compose_draft(
    meeting: Meeting,
    *,
    actor: AbstractBaseUser,
    slug: str = "",
    now: datetime.datetime | None = None,
) -> Communique:
    """The communiqué of a held meeting, as a draft composed by ``composer``."""
    require(actor, "meetings.add_communique")
    check_composable(meeting)
    draft, french = compose(meeting), composer_fr.compose(meeting)
    communique = Communique(meeting=meeting, title_ar=draft.title, body_ar=draft.body, slug=slug)
    if french:  # None when a French text of the meeting is missing: the editor translates
        communique.title_fr, communique.body_fr = french.title, french.body
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

EDIT_REFUSAL = _(
    "The text of a communiqué that is %(status)s cannot be edited; "
    "a published communiqué is changed by a correction."
)


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
    require(actor, "meetings.change_communique")
    now = now or timezone.now()
    locked = lock(communique, now)
    check_version(locked, version)
    if locked.status not in TEXT_EDITABLE:
        raise InvalidTransition(EDIT_REFUSAL % {"status": locked.get_status_display()})
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    before = texts(locked)
    touched = [f for f, value in changes.items() if _value(locked, f) != value]
    for name in touched:
        setattr(locked, name, changes[name])
    if not touched:
        return EditResult(locked, [], approval_withdrawn=False)
    locked.full_clean()
    changed = [lang for lang in LANGUAGES if texts(locked)[lang] != before[lang]]
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
    keep_revisions(locked, before, actor, note, now)
    if withdrawn:
        comment = gettext("The text changed after approval: it needs a new review.")
        log(locked, actor, from_status, Status.IN_REVIEW, comment, now)
        announce(locked, "edit", actor, comment, public=from_status == Status.SCHEDULED)
    refresh(communique, locked)
    return EditResult(communique, changed, approval_withdrawn=withdrawn)


def recompose(
    communique: Communique,
    *,
    actor: AbstractBaseUser,
    version: int | None = None,
    comment: str = "",
    now: datetime.datetime | None = None,
    **_unused,
) -> EditResult:
    """Replace a draft's Arabic title and body by a fresh composition from its meeting."""
    require(actor, RECOMPOSE.permission)
    version = -1 if version is None else version  # a composition replaces text: never blind
    with transaction.atomic():
        locked = lock(communique, now or timezone.now())
        check_version(locked, version)
        if locked.status not in RECOMPOSE.sources:
            raise RECOMPOSE.refuse(locked)
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
    require(actor, CORRECT.permission)
    now = now or timezone.now()
    locked = lock(communique, now)
    check_version(locked, version)
    if locked.status not in CORRECT.sources:
        raise CORRECT.refuse(locked)
    if not (notes.get(settings.LANGUAGE_CODE) or "").strip():
        raise InvalidTransition(_("A correction needs a note saying what was corrected."))
    text_fields = {build_localized_fieldname(f, lang) for f in TEXT_FIELDS for lang in LANGUAGES}
    if set(changes) - text_fields:
        raise ValueError(f"Not correctable: {sorted(set(changes) - text_fields)}")
    before = texts(locked)
    for name, value in changes.items():
        setattr(locked, name, value)
    if texts(locked) == before:
        raise InvalidTransition(_("Nothing in the text changed: there is nothing to correct."))
    for lang, note in notes.items():
        setattr(locked, build_localized_fieldname("correction_note", lang), note.strip())
    locked.full_clean()
    locked.corrected_at = now
    locked.text_edited_by = actor
    locked.version += 1
    locked.save()
    note = gettext("Correction: %s") % notes[settings.LANGUAGE_CODE].strip()
    keep_revisions(locked, before, actor, note, now)
    log(locked, actor, Status.PUBLISHED, Status.PUBLISHED, note, now)
    announce(locked, "correct", actor, note, public=True)
    refresh(communique, locked)
    return communique


def _value(communique, name):
    if name == "meeting":
        return communique.meeting
    return getattr(communique, name) or ""


RECOMPOSE = Action(
    name="recompose",
    label=_("Compose again from the meeting"),
    permission="meetings.change_communique",
    sources=(Status.DRAFT,),
    target=None,
    refusal=_("Only a draft can be composed again; this one is %(status)s."),
    done=_("The Arabic title and body were composed again from the meeting."),
    confirm=_("Replace the Arabic title and body by a new composition?"),
    perform=recompose,
    applies=lambda communique, user: communique.meeting_id is not None,
)

CORRECT = Action(
    name="correct",
    label=_("Correct"),
    permission="meetings.publish_communique",
    sources=(Status.PUBLISHED,),
    target=None,
    refusal=_("Only a published communiqué can be corrected; this one is %(status)s."),
    done=_("Corrected: readers see the new text and the note."),
    own_page=True,
    perform=correct,
)
