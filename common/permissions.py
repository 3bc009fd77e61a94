"""Helpers for data migrations that give role groups their permissions."""

from django.contrib.auth.management import create_permissions


def ensure_permissions(apps, *app_labels):
    """Create the permissions of these apps now: Django normally creates them after every
    migration has run, and a migration that grants them to a group needs them before."""
    for app_label in app_labels:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # the migration state's stub lacks it
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def permissions(apps, names):
    """The Permission rows named "app_label.codename", in the migration's state."""
    Permission = apps.get_model("auth", "Permission")
    for name in names:
        app_label, codename = name.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)
