from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.views import LoginView


class VerifyView(LoginView):
    """The one-time code page of a signed-in account, in the admin's look and language."""

    template_name = "accounts/verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), resolve_url("admin:login"))
        if request.user.is_verified():
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        devices = list(devices_for_user(self.request.user, confirmed=True))
        return {
            **super().get_context_data(**kwargs),
            **admin.site.each_context(self.request),
            # Not through yet: no navigation to pages that would send them back here.
            "is_nav_sidebar_enabled": False,
            "title": _("Two-step verification"),
            "devices": devices,
        }


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out account and address: 429 with the admin's look, in
    the admin's language (settings.AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in locked"),
        "cooloff_minutes": minutes,
    }
    return render(request, "accounts/lockout.html", context, status=429)
