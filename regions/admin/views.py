"""The bureau's pictures of its territory, served inside the admin: the congress dashboard and
the elected officials register. Both read only what regions.access lets the user see."""

from itertools import groupby

from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import access
from ..forms import RegisterForm
from ..models import Congress, Mandate

NO_CONGRESS = "none"
STATES = [
    (NO_CONGRESS, _("no congress planned")),
    (Congress.Status.PLANNED, Congress.Status.PLANNED.label),
    (Congress.Status.HELD, Congress.Status.HELD.label),
    (Congress.Status.SUBMITTED, Congress.Status.SUBMITTED.label),
    (Congress.Status.VALIDATED, Congress.Status.VALIDATED.label),
]


def dashboard(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    """Each region and the state of its latest regional congress, as a map and as a table."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    latest = Congress.objects.filter(region=OuterRef("pk"), level=Congress.Level.REGIONAL).order_by(
        "-date", "-pk"
    )
    regions = list(
        access.regions(request.user).annotate(
            congress_id=Subquery(latest.values("pk")[:1]),
            congress_status=Subquery(latest.values("status")[:1]),
            congress_date=Subquery(latest.values("date")[:1]),
        )
    )
    congress_ids = [r.congress_id for r in regions if r.congress_id]
    today = timezone.localdate()
    # One query for both: secretaries elected by these congresses, and those in office today.
    secretaries = Mandate.objects.filter(
        office=Mandate.Office.REGIONAL_SECRETARY, region__in=[r.pk for r in regions]
    ).select_related("person")
    elected, in_office = {}, {}
    for mandate in secretaries.filter(congress_id__in=congress_ids) | secretaries.current(today):
        if mandate.congress_id in congress_ids:
            elected[mandate.congress_id] = mandate.person
        if mandate.start_date <= today and (not mandate.end_date or mandate.end_date > today):
            in_office[mandate.region_id] = mandate.person
    labels = dict(STATES)
    tiles = []
    for region in regions:
        state = region.congress_status or NO_CONGRESS
        tiles.append(
            {
                "region": region,
                "area": f"r{region.code}",
                "state": state,
                "state_label": labels[state],
                "congress_id": region.congress_id,
                "date": region.congress_date,
                "elected": elected.get(region.congress_id),
                "in_office": in_office.get(region.pk),
            }
        )
    counts = {state: 0 for state, _label in STATES}
    for tile in tiles:
        counts[tile["state"]] += 1
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Regional congresses at a glance"),
        "tiles": tiles,
        "legend": [(state, label, counts[state]) for state, label in STATES],
    }
    return TemplateResponse(request, "admin/regions/congress/dashboard.html", context)


def register(request: HttpRequest, model_admin: ModelAdmin) -> HttpResponse:
    """Who holds which office on a date (today by default), and who held it before."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = RegisterForm(request.GET or None, regions=access.regions(request.user))
    region, on = form.chosen()
    mandates = access.mandates(request.user).select_related(
        "person", "region", "province", "congress__region"
    )
    if region is not None:
        mandates = mandates.filter(region=region)
    holders = sorted(mandates.current(on), key=_register_order)
    party = [m for m in holders if m.is_party_office]
    public = [m for m in holders if not m.is_party_office]
    secretariats = [
        (territory, [m for m in group if m.office in SECRETARIAT_OFFICES])
        for territory, group in groupby(party, key=lambda m: m.region)
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Elected officials register"),
        "form": form,
        "region": region,
        "on": on,
        "secretariats": [(t, ms) for t, ms in secretariats if ms],
        "party": _by_territory(party),
        "public": _by_territory(public),
        # The history of a whole country is long: it is shown one region at a time.
        "history": sorted(mandates, key=_register_order) if region is not None else None,
    }
    return TemplateResponse(request, "admin/regions/mandate/register.html", context)


OFFICE_RANK = {office: rank for rank, office in enumerate(Mandate.Office.values)}


def _register_order(mandate: Mandate):
    """Regions in their order (national offices last), then provinces, offices by rank, the
    latest holder first."""
    return (
        mandate.region is None,
        mandate.region.order if mandate.region else 0,
        mandate.province.name_ar if mandate.province else "",
        OFFICE_RANK[mandate.office],
        -mandate.start_date.toordinal(),
    )


SECRETARIAT_OFFICES = (Mandate.Office.REGIONAL_SECRETARY, Mandate.Office.REGIONAL_SECRETARIAT)


def _by_territory(mandates):
    """[(region, province or None, [mandates])] in the order the mandates come."""
    return [
        (region, province, list(group))
        for (region, province), group in groupby(mandates, key=lambda m: (m.region, m.province))
    ]
