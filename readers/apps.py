from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadersConfig(AppConfig):
    name = "readers"
    verbose_name = _("Readers")

    def ready(self):
        from common import periodic
        from meetings import signals

        from . import counting, mailing

        # A publication is mailed to the subscribers (once, see readers/mailing.py).
        signals.communique_changed.connect(
            mailing.on_communique_changed, dispatch_uid="readers-mailing"
        )
        periodic.register("flush_view_counts", counting.flush_view_counts)
        periodic.register("purge_unconfirmed_subscriptions", mailing.purge_pending)
