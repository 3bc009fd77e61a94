"""Give the roles their part of the readers app: the secretariat and the publishers moderate
replies, close them and see the view counts; publishers also send a communiqué again."""

from django.db import migrations

from common.permissions import ensure_permissions, permissions

MODERATE = [
    "readers.view_reply",
    "readers.moderate_reply",
    "readers.view_replyclosure",
    "readers.add_replyclosure",
    "readers.delete_replyclosure",
    "readers.view_viewcount",
    "readers.view_communiqueviews",
]
GRANTS = {
    "secretariat": MODERATE,
    "publisher": [*MODERATE, "readers.view_mailing", "readers.add_mailing"],
}


def grant(apps, schema_editor):
    ensure_permissions(apps, "readers")
    Group = apps.get_model("auth", "Group")
    for name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(apps, perms))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="readers"))


class Migration(migrations.Migration):
    dependencies = [
        ("readers", "0001_initial"),
        ("meetings", "0002_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
