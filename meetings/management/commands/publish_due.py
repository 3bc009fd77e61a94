"""Publish the scheduled communiqués whose time has come (run it every minute from cron or a
systemd timer; see README). Readers see a due communiqué even before this runs: the command
records the step in the audit trail and turns the status into "published"."""

from django.core.management.base import BaseCommand

from meetings import workflow


class Command(BaseCommand):
    help = "Publish the scheduled communiqués whose publication time has come."

    def handle(self, *args, **options):
        count = workflow.publish_due()
        if options["verbosity"] >= 1:
            self.stdout.write(f"{count} scheduled communiqué(s) published.")
