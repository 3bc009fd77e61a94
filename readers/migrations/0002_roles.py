"""Give the roles their part of the readers app: the secretariat and the publishers moderate
replies, close them and see the view counts; publishers also send a communiqué again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    app_config = apps.get_app_config("readers")
    app_config.models_module = True  # the migration state's stub lacks it
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


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
