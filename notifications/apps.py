from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from common import periodic
        from meetings.signals import communique_changed
        from regions.signals import congress_changed

        from . import checks, events, mail, reminders  # noqa: F401 - checks registers itself

        communique_changed.connect(events.on_communique_changed, dispatch_uid="notifications")
        congress_changed.connect(events.on_congress_changed, dispatch_uid="notifications")
        periodic.register("decision_reminders", reminders.decision_reminders)
        periodic.register("weekly_digest", reminders.weekly_digest)
        periodic.register("meeting_agenda", reminders.meeting_agenda)
        periodic.register("mail_retry", mail.retry_stale)
