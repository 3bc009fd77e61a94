"""Give the roles the permissions of follow-up entries and minutes, adding to 0002's groups.

The secretariat keeps the timelines and the minutes; the communiqué roles read them. Regional
secretaries get nothing here: bureau decisions are not theirs to see."""

from django.db import migrations

from common.permissions import ensure_permissions, permissions

READ = ["meetings.view_followupentry", "meetings.view_minutes"]
ADD = {
    "secretariat": [
        "meetings.add_followupentry",
        "meetings.change_minutes",
        *READ,
    ],
    "editor": READ,
    "approver": READ,
    "publisher": READ,
}


def grant(apps, schema_editor):
    ensure_permissions(apps, "meetings")
    Group = apps.get_model("auth", "Group")
    for name, perms in ADD.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions(apps, perms))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, perms in ADD.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*permissions(apps, perms))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_followup_minutes_prepared_agenda")]
    operations = [migrations.RunPython(grant, revoke)]
