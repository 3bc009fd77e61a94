from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from common import periodic


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings and communiqués")

    def ready(self):
        from django.db.models.signals import post_save

        # Imported here: they import the models, only ready once the registry is.
        from . import agenda, minutes, workflow
        from .models import Decision, Meeting

        periodic.register("publish_due", workflow.publish_due)
        periodic.register("remove_old_minutes_archives", minutes.remove_old_archives)
        # A decision that targets a meeting puts an item on its agenda (docs/meetings-cycle.md).
        post_save.connect(agenda.on_decision_saved, sender=Decision, dispatch_uid="agenda-decision")
        post_save.connect(agenda.on_meeting_saved, sender=Meeting, dispatch_uid="agenda-meeting")
