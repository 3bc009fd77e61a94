from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write a dated archive of the database (pg_dump, or a SQLite copy) and the private files "
        "(congress minutes). See docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=None,
            help="Where to write it (default: BACKUP_ROOT).",
        )

    def handle(self, *args, directory, **options):
        try:
            path = create_backup(directory or Path(settings.BACKUP_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
