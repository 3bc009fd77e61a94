"""The demo accounts: one per role, all with the same password (printed by load_demo)."""

from django.conf import settings
from django.contrib.auth.models import Group, User

from common import roles
from regions.models import Person, Region, RegionalAccess

from .territory import DRAA_OFFICERS, OTHER_SECRETARIES

ACCOUNTS = [
    ("secretariat", roles.SECRETARIAT),
    ("editor", roles.EDITOR),
    ("approver", roles.APPROVER),
    ("publisher", roles.PUBLISHER),
    ("secretary-draa-tafilalet", roles.REGIONAL_SECRETARY),
    ("secretary-rabat-sale-kenitra", roles.REGIONAL_SECRETARY),
]

# (title, topic, [(kind, text)]) for the ordinary weeks around the seed meeting.


def load_accounts(password: str) -> list[tuple[str, str]]:
    """One staff account per role (and a superuser), tied to their people and regions."""
    regions = {r.code: r for r in Region.objects.all()}
    accounts = []
    for username, role in ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.is_staff = True
        user.email = demo_address(username)
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=role)])
        accounts.append((username, role))
    # The Drâa-Tafilalet account serves its region before its holder's election is
    # validated; the Rabat-Salé-Kénitra one lasts as long as its holder's mandate.
    ties = [
        ("secretary-draa-tafilalet", DRAA_OFFICERS[0][0], "08", None),
        (
            "secretary-rabat-sale-kenitra",
            OTHER_SECRETARIES["04"][0],
            "04",
            "regional_secretary",
        ),
    ]
    for username, name_ar, code, office in ties:
        user = User.objects.get(username=username)
        Person.objects.filter(user=user).exclude(name_ar=name_ar).update(user=None)
        person = Person.objects.get(name_ar=name_ar)
        person.user = user
        person.save(update_fields=["user"])
        mandate = person.mandates.current().filter(office=office).first() if office else None
        RegionalAccess.objects.update_or_create(
            user=user,
            region=regions[code],
            defaults={"mandate": mandate, "ends_on": None},
        )
    admin, _ = User.objects.get_or_create(username="admin")
    admin.is_staff = admin.is_superuser = True
    admin.email = demo_address("admin")
    admin.set_password(password)
    admin.save()
    accounts.append(("admin", "superuser"))
    return accounts


def demo_address(username: str) -> str:
    """Every demo account has an address (example.org is reserved: nothing is delivered)."""
    return f"{username}@example.org"


def where_mail_goes() -> str:
    """One line for the demo's output: where the notification emails end up."""
    backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
    if backend == "console":
        return "Mail is printed on the console of the process that sends it (runserver here)."
    if backend == "smtp":
        return f"Mail goes to the SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}."
    return f"Mail goes to Django's {backend} backend ({settings.EMAIL_BACKEND})."
