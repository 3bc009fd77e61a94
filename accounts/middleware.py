from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from .login import SESSION_KEY, requires_second_factor

# Pages an unverified user may still reach: signing in, the code itself, signing out, the
# admin's translations for its scripts.
OPEN_PAGES = ("admin:login", "admin:logout", "accounts:verify", "admin:jsi18n")


class RequireTwoFactorMiddleware:
    """In the back office, an account that must prove a second factor (see
    ``accounts.login.requires_second_factor``) is sent to the one-time code page until it
    has. Goes after django_otp's OTPMiddleware, which tells whether the session is verified.

    Whether the account must is decided when it signs in and kept in its session (no query per
    page): a device enrolled, or a role given, applies from the next sign-in.
    """

    back_office_prefix = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path_info.startswith(self.back_office_prefix)
            and user.is_authenticated
            and not user.is_verified()
            and request.path not in {reverse(name) for name in OPEN_PAGES}
            and self.required(request)
        ):
            return redirect_to_login(request.get_full_path(), reverse("accounts:verify"))
        return self.get_response(request)

    @staticmethod
    def required(request) -> bool:
        required = request.session.get(SESSION_KEY)
        if required is None:  # a session opened before this check existed
            required = request.session[SESSION_KEY] = requires_second_factor(request.user)
        return required
