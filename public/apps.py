from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        # Imported here, not at the top: they import models, ready only once apps are loaded.
        from meetings import preview, signals

        from . import cache, views

        # A workflow step that changes what readers see starts a new cache generation.
        signals.communique_changed.connect(cache.on_communique_changed, dispatch_uid="public-cache")
        # The admin's preview is the public page itself.
        preview.register(views.communique_page)
