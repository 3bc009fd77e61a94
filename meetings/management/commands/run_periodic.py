import logging

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from common import periodic

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run every periodic job (publication of due communiqués, reminders...) once."

    def add_arguments(self, parser):
        parser.add_argument("--only", action="append", default=[], help="Run only this job.")

    def handle(self, *args, only, **options):
        jobs = periodic.jobs()
        unknown = set(only) - set(jobs)
        if unknown:
            self.stderr.write(f"Unknown job(s): {', '.join(sorted(unknown))}")
            raise SystemExit(2)
        failed = 0
        for name, job in jobs.items():
            if only and name not in only:
                continue
            close_old_connections()  # a restarted database must not break the next job
            try:
                result = job(timezone.now())
            except Exception:  # noqa: BLE001 - one failing job must not stop the others
                failed += 1
                log.exception("Periodic job %s failed", name)
                continue
            self.stdout.write(f"{name}: {result}")
        if failed:
            raise SystemExit(1)
