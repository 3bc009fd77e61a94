"""Create the role groups with exactly the permissions each needs (app_label.codename)."""

from django.db import migrations

from common.permissions import ensure_permissions, permissions

VIEW_MEETINGS = [
    "meetings.view_meeting",
    "meetings.view_attendance",
    "meetings.view_agendaitem",
    "meetings.view_decision",
]
VIEW_COMMUNIQUES = [
    "meetings.view_communique",
    "meetings.view_communiquerevision",
    "meetings.view_communiquetransition",
]
VIEW_TERRITORY = ["regions.view_region", "regions.view_province"]


def crud(model):
    app, name = model.split(".")
    return [f"{app}.{action}_{name}" for action in ("add", "change", "delete", "view")]


ROLES = {
    "secretariat": [
        *crud("meetings.meeting"),
        *crud("meetings.attendance"),
        *crud("meetings.agendaitem"),
        *crud("meetings.decision"),
        *VIEW_TERRITORY,
        "regions.view_congress",
        "regions.change_congress",
        *crud("regions.person"),
        *crud("regions.mandate"),
        "meetings.view_communique",
    ],
    # Compose and edit drafts (the text of a published one changes only by a correction), submit.
    "editor": [
        *VIEW_MEETINGS,
        "meetings.add_communique",
        "meetings.change_communique",
        "meetings.submit_communique",
        *VIEW_COMMUNIQUES,
    ],
    # Approve or request changes; reads everything it approves, edits nothing.
    "approver": [*VIEW_MEETINGS, *VIEW_COMMUNIQUES, "meetings.approve_communique"],
    # Publish, schedule, withdraw and correct (its own page); never edits a draft.
    "publisher": [*VIEW_MEETINGS, *VIEW_COMMUNIQUES, "meetings.publish_communique"],
    "regional secretary": [
        *VIEW_TERRITORY,
        "regions.view_congress",
        "regions.change_congress",
        *crud("regions.person"),
        *crud("regions.mandate"),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; roles need them now.
    ensure_permissions(apps, "auth", "regions", "meetings")
    Group = apps.get_model("auth", "Group")
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(list(permissions(apps, perms)))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        ("regions", "0002_load_regions_and_provinces"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
