"""The officials register in the Popolo shape (persons, organizations, posts, memberships):
only what the public may know. Mandates from a congress whose outcome the bureau has not
validated are left out, and so is everything about a person but the name and gender."""

from django.db.models import Q
from django.utils.translation import gettext as _

from regions.models import Congress, Mandate, Person

Office = Mandate.Office

# Which body each office belongs to, and whether that body is per region or per province.
BODIES = {
    Office.BUREAU_MEMBER: ("political-bureau", None),
    Office.REGIONAL_SECRETARY: ("regional-secretariat", "region"),
    Office.REGIONAL_SECRETARIAT: ("regional-secretariat", "region"),
    Office.PROVINCIAL_SECRETARY: ("provincial-secretariat", "province"),
    Office.PROVINCIAL_SECRETARIAT: ("provincial-secretariat", "province"),
    Office.REGIONAL_COUNCILLOR: ("regional-council", "region"),
    Office.PROVINCIAL_COUNCILLOR: ("provincial-council", "province"),
    Office.MUNICIPAL_COUNCILLOR: ("municipal-councils", "province"),
    Office.MEMBER_OF_PARLIAMENT: ("parliament", None),
}


def _body_names():
    return {
        "political-bureau": _("Political Bureau"),
        "regional-secretariat": _("Regional secretariat of %(territory)s"),
        "provincial-secretariat": _("Provincial secretariat of %(territory)s"),
        "regional-council": _("Regional council of %(territory)s"),
        "provincial-council": _("Provincial council of %(territory)s"),
        "municipal-councils": _("Municipal councils of %(territory)s"),
        "parliament": _("House of Representatives"),
    }


def public_mandates():
    return (
        Mandate.objects.filter(
            Q(congress__isnull=True) | Q(congress__status=Congress.Status.VALIDATED)
        )
        .select_related("region", "province")
        .order_by("start_date", "pk")
    )


def register(party_name: str) -> dict:
    """The whole register in the active language."""
    names = _body_names()
    organizations = {
        "party": {"id": "party", "name": party_name, "classification": "party"},
    }
    posts, memberships, person_ids = {}, [], set()
    for mandate in public_mandates():
        body, scope = BODIES[mandate.office]
        territory = getattr(mandate, scope) if scope else None
        if scope and territory is None:
            continue  # a record missing its territory cannot be placed
        org_id = f"{body}-{territory.code.lower()}" if territory else body
        if org_id not in organizations:
            organizations[org_id] = {
                "id": org_id,
                "name": names[body] % {"territory": territory.name} if territory else names[body],
                "classification": body,
                **(
                    {"parent_id": "party"}
                    if "secretariat" in body or body == "political-bureau"
                    else {}
                ),
                **({"area": {"id": territory.code, "name": territory.name}} if territory else {}),
            }
        post_id = f"{mandate.office}-{org_id}"
        posts.setdefault(
            post_id,
            {
                "id": post_id,
                "label": str(mandate.get_office_display()),
                "role": mandate.office,
                "organization_id": org_id,
            },
        )
        person_ids.add(mandate.person_id)
        memberships.append(
            {
                "id": f"membership-{mandate.pk}",
                "person_id": f"person-{mandate.person_id}",
                "organization_id": org_id,
                "post_id": post_id,
                "role": str(mandate.get_office_display()),
                "start_date": mandate.start_date.isoformat(),
                "end_date": mandate.end_date.isoformat() if mandate.end_date else None,
            }
        )
    persons = [
        {
            "id": f"person-{person.pk}",
            "name": person.name,
            **({"gender": {"f": "female", "m": "male"}[person.gender]} if person.gender else {}),
        }
        for person in Person.objects.filter(pk__in=person_ids).only(
            "pk", "gender", *[f.name for f in Person._meta.fields if f.name.startswith("name")]
        )
    ]
    return {
        "persons": persons,
        "organizations": list(organizations.values()),
        "posts": list(posts.values()),
        "memberships": memberships,
    }
