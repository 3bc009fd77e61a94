from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = _("Public site")

    def ready(self):
        # Imported here, not at the top: they import models, ready only once apps are loaded.
        from meetings import preview, signals
        from readers import signals as readers_signals

        from . import cache, refresh, related, views

        # A workflow step that changes what readers see starts a new cache generation.
        signals.communique_changed.connect(cache.on_communique_changed, dispatch_uid="public-cache")
        # Its «you may also like» list is ranked then, not at every page view.
        signals.communique_changed.connect(
            related.on_communique_changed, dispatch_uid="public-related"
        )
        # An approved reply appears on its communiqué's page (that page only).
        readers_signals.replies_changed.connect(
            refresh.on_replies_changed, dispatch_uid="public-replies"
        )
        # The admin's preview is the public page itself.
        preview.register(views.communique_page)
