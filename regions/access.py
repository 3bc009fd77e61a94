"""What a user may see of regions, provinces, congresses, people and mandates: the one place.

The bureau's own users (superusers, and roles granted ``regions.view_all_regions``, i.e. the
secretariat) see every region. Anyone else sees only the regions their account is tied to by an
active ``RegionalAccess`` (a regional secretary's region), and nothing at all without one.
Rows belong to a region through their region field (a congress, a mandate, a province), their
congress (an election, a log entry), or, for a person, the region that keeps their record (or,
for a record no region keeps, any region where they hold or held an office).
Model permissions (view/add/change) still apply on top: this module only narrows rows.
The admin, the dashboard, the register and the minutes download all go through it.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet

from .models import (
    Congress,
    CongressTransition,
    Election,
    Mandate,
    Person,
    Province,
    Region,
    RegionalAccess,
)

ALL = None  # region_ids() of a user who sees every region


def sees_all_regions(user) -> bool:
    return bool(user.is_active and user.has_perm("regions.view_all_regions"))


def region_ids(user) -> frozenset[int] | None:
    """The ids of the regions this user serves, or ALL for the bureau's own users."""
    cached = getattr(user, "_bureau_region_ids", False)
    if cached is not False:
        return cached
    if not user.is_authenticated or not user.is_active:
        ids = frozenset()
    elif sees_all_regions(user):
        ids = ALL
    else:
        ids = frozenset(
            RegionalAccess.objects.active().filter(user=user).values_list("region_id", flat=True)
        )
    user._bureau_region_ids = ids
    return ids


def is_restricted(user) -> bool:
    return region_ids(user) is not ALL


# How each model's rows belong to a region.
_REGION_OF = {
    Region: lambda ids: Q(pk__in=ids),
    Province: lambda ids: Q(region_id__in=ids),
    Congress: lambda ids: Q(region_id__in=ids),
    Mandate: lambda ids: Q(region_id__in=ids),
    Election: lambda ids: Q(congress__region_id__in=ids),
    CongressTransition: lambda ids: Q(congress__region_id__in=ids),
    # A person is the region's that keeps their record; a record no region keeps belongs to
    # every region where they hold or held an office (a subquery, so rows stay distinct).
    Person: lambda ids: (
        Q(region_id__in=ids)
        | Q(
            region__isnull=True,
            pk__in=Mandate.objects.filter(region_id__in=ids).values("person_id"),
        )
    ),
}


def is_scoped(model: type[Model]) -> bool:
    return model in _REGION_OF or model is RegionalAccess


def scope(user, queryset: QuerySet) -> QuerySet:
    """Narrow a queryset of a regional model to what the user may see."""
    ids = region_ids(user)
    if ids is ALL:
        return queryset
    if queryset.model is RegionalAccess:
        return queryset.none()  # the ties are the bureau's business
    if not ids:
        return queryset.none()
    return queryset.filter(_REGION_OF[queryset.model](ids))


def regions(user) -> QuerySet[Region]:
    return scope(user, Region.objects.all())


def congresses(user) -> QuerySet[Congress]:
    return scope(user, Congress.objects.all())


def people(user) -> QuerySet[Person]:
    return scope(user, Person.objects.all())


def mandates(user) -> QuerySet[Mandate]:
    return scope(user, Mandate.objects.all())


# Offices a regional secretary does not create or edit by hand: they come from a validated
# congress outcome or from the bureau.
RESERVED_OFFICES = frozenset({Mandate.Office.REGIONAL_SECRETARY, Mandate.Office.BUREAU_MEMBER})

# Once submitted, an outcome is the bureau's to validate or send back; validated, it is final.
_EDITABLE_BY_REGION = frozenset({Congress.Status.PLANNED, Congress.Status.HELD})


def can_change_congress(user, congress: Congress) -> bool:
    if not user.has_perm("regions.change_congress"):
        return False
    if not congresses(user).filter(pk=congress.pk).exists():
        return False
    if is_restricted(user) and congress.status not in _EDITABLE_BY_REGION:
        return False
    return True


def can_change_mandate(user, mandate: Mandate) -> bool:
    """A regional secretary edits only the hand-kept offices of their region."""
    if not is_restricted(user):
        return True
    if mandate.office in RESERVED_OFFICES or mandate.congress_id:
        return False
    return mandates(user).filter(pk=mandate.pk).exists()


def can_delete_person(user, person: Person) -> bool:
    """A regional secretary deletes only a record wholly their region's: deleting a person
    deletes their mandates, and another region's are not theirs to touch."""
    if not is_restricted(user):
        return True
    if person.user_id or person.is_bureau_member:
        return False
    if person.mandates.exclude(region_id__in=region_ids(user)).exists():
        return False
    return people(user).filter(pk=person.pk).exists()
