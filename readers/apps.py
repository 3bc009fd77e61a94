from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadersConfig(AppConfig):
    name = "readers"
    verbose_name = _("Readers")

    def ready(self):
        from common import periodic
        from meetings import signals
        from regions import signals as regions_signals

        from . import counting, mailing
        from .api import cache as api_cache

        # A publication is mailed to the subscribers (once, see readers/mailing.py).
        signals.communique_changed.connect(
            mailing.on_communique_changed, dispatch_uid="readers-mailing"
        )
        # The API's answers are forgotten when what the public sees changes.
        signals.communique_changed.connect(api_cache.invalidate, dispatch_uid="readers-api")
        regions_signals.congress_changed.connect(api_cache.invalidate, dispatch_uid="readers-api")
        periodic.register("flush_view_counts", counting.flush_view_counts)
        periodic.register("purge_unconfirmed_subscriptions", mailing.purge_pending)
