"""Give the roles the permissions of congress outcomes, adding to meetings/0002's groups."""

from django.db import migrations

from common.permissions import ensure_permissions, permissions

ADD = {
    "regional secretary": [
        "regions.add_congress",
        "regions.submit_congress",
        "regions.view_election",
        "regions.add_election",
        "regions.change_election",
        "regions.delete_election",
        "regions.view_congresstransition",
    ],
    "secretariat": [
        "regions.view_all_regions",
        "regions.add_congress",
        "regions.validate_congress",
        "regions.view_election",
        "regions.view_congresstransition",
        "regions.view_regionalaccess",
        "regions.add_regionalaccess",
        "regions.change_regionalaccess",
        "regions.delete_regionalaccess",
    ],
}


def grant(apps, schema_editor):
    ensure_permissions(apps, "regions")
    Group = apps.get_model("auth", "Group")
    for name, perms in ADD.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(apps, perms))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, perms in ADD.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*permissions(apps, perms))


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0003_outcomes_and_regional_access"),
        ("meetings", "0002_roles"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
