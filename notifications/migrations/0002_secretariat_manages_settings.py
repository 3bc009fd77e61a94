"""The secretariat sees and resets everyone's notification settings."""

from django.db import migrations

from common.permissions import ensure_permissions, permissions

GRANTED = ["notifications.view_preference", "notifications.change_preference"]


def grant(apps, schema_editor):
    ensure_permissions(apps, "notifications")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name="secretariat")
    group.permissions.add(*permissions(apps, GRANTED))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="secretariat"):
        group.permissions.remove(*permissions(apps, GRANTED))


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("meetings", "0002_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
