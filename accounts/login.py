"""Who must prove a second factor, and from which address a login comes (docs/security.md)."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django_otp import user_has_device

from common import roles

# The roles whose accounts can publish or approve in the party's name.
ROLES_REQUIRING_2FA = (roles.APPROVER, roles.PUBLISHER)
# Where a session remembers, from its sign-in, whether it must be verified.
SESSION_KEY = "accounts.second_factor_required"


def requires_second_factor(user: AbstractBaseUser) -> bool:
    """Whether ``user`` must enter a one-time code before using the back office: anyone who
    enrolled a device, and, when settings.REQUIRE_2FA is on, superusers, approvers and
    publishers."""
    if not (user.is_authenticated and user.is_staff):
        return False
    if user_has_device(user, confirmed=True):
        return True
    if not settings.REQUIRE_2FA:
        return False
    return user.is_superuser or user.groups.filter(name__in=ROLES_REQUIRING_2FA).exists()


def client_ip(request) -> str:
    """The client's address for login throttling: REMOTE_ADDR, or behind
    settings.TRUSTED_PROXY_COUNT reverse proxies the address the outermost trusted proxy saw
    (X-Forwarded-For entries further left are the client's own claim and are ignored)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def remember_requirement(sender, request, user, **kwargs):
    """Receiver of ``user_logged_in``: decide once per sign-in whether a code is needed."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = requires_second_factor(user)
