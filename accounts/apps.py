from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in to the back office: login throttling and two-factor authentication."""

    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .login import remember_requirement

        user_logged_in.connect(remember_requirement, dispatch_uid="accounts.second_factor")
