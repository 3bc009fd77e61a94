from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common import periodic


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and communiqués")

    def ready(self):
        from django.db.models.signals import post_save

        from . import agenda, workflow  # import the models: only once the registry is ready
        from .models import Decision, Meeting

        periodic.register("publish_due", workflow.publish_due)
        # A decision that targets a meeting puts an item on its agenda (docs/meetings-cycle.md).
        post_save.connect(agenda.on_decision_saved, sender=Decision, dispatch_uid="agenda-decision")
        post_save.connect(agenda.on_meeting_saved, sender=Meeting, dispatch_uid="agenda-meeting")
