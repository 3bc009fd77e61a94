"""Who is told about what: the roles by their permissions, the people by the audit trail."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from common import roles
from meetings.models import Communique, CommuniqueTransition
from regions import access
from regions.models import Congress, CongressTransition

User = get_user_model()


def _active(users: QuerySet) -> QuerySet:
    return users.filter(is_active=True).select_related("notification_preference").order_by("pk")


def with_permission(permission: str) -> QuerySet:
    """Users granted ``permission`` by their groups or directly (superusers are not a role)."""
    # Named: django-axes adds a backend of its own, which knows nothing of permissions.
    users = User.objects.with_perm(
        permission, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    return _active(users)


def secretariat() -> QuerySet:
    return _active(User.objects.filter(groups__name=roles.SECRETARIAT))


def users(*ids) -> list:
    ids = {pk for pk in ids if pk}
    return list(_active(User.objects.filter(pk__in=ids))) if ids else []


def last_submitter_id(communique: Communique) -> int | None:
    return (
        CommuniqueTransition.objects.filter(
            communique=communique,
            from_status=Communique.Status.DRAFT,
            to_status=Communique.Status.IN_REVIEW,
        )
        .order_by("-at", "-pk")
        .values_list("actor_id", flat=True)
        .first()
    )


def editor_and_approver(communique: Communique) -> list:
    """Whoever submitted the text (or last edited it) and whoever approved it."""
    editor = last_submitter_id(communique) or communique.text_edited_by_id
    return users(editor, communique.approved_by_id)


def congress_submitter(congress: Congress) -> list:
    """The regional secretary who submitted the outcome, while they still serve its region."""
    actor_id = (
        CongressTransition.objects.filter(
            congress=congress, action=CongressTransition.Action.SUBMITTED
        )
        .order_by("-at", "-id")
        .values_list("actor_id", flat=True)
        .first()
    )
    return [
        user for user in users(actor_id) if access.congresses(user).filter(pk=congress.pk).exists()
    ]
