from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and communiqués")

    def ready(self):
        from common import periodic

        from . import workflow

        periodic.register("publish_due", workflow.publish_due)
