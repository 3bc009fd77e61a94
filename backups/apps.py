from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """Backing up and restoring the database and the private files (docs/backup.md)."""

    name = "backups"
    verbose_name = "Backups"
