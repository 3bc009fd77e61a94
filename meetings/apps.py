from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common import periodic


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and communiqués")

    def ready(self):
        from . import workflow  # imports the models: only once the registry is ready

        periodic.register("publish_due", workflow.publish_due)
