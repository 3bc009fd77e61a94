from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in to the back office: login throttling and two-factor authentication."""

    name = "accounts"
    verbose_name = _("Accounts")
