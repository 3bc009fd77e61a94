"""The secretariat sees and resets everyone's notification settings."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["view_preference", "change_preference"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("notifications")
    app_config.models_module = True  # the migration state's stub lacks it
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="secretariat")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="notifications", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="secretariat"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="notifications", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("meetings", "0002_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
