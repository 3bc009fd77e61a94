from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, restore_backup, row_counts


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup` into the configured, empty database and "
        "PRIVATE_MEDIA_ROOT, then compare the row counts with the archive's. See docs/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive, **options):
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = row_counts()
        differences = {
            label: (expected, counts.get(label))
            for label, expected in manifest["rows"].items()
            if counts.get(label) != expected
        }
        if differences:
            raise CommandError(f"Restored, but the row counts differ: {differences}")
        self.stdout.write(f"Restored {archive} ({manifest['created']}): row counts match.")
