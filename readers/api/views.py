"""The open data API: read-only JSON, no key (see docs/readers.md and /api/openapi.json).

Plain Django views: a few read-only endpoints need no serializer framework, and the page cache
(wrapped around them in bureau/urls.py) keeps them as cheap as the pages.
"""

import datetime
import math
from functools import wraps

from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from common.organisation import organisation_name
from meetings.models import Communique
from regions.models import Region

from . import filters, openapi, popolo
from .filters import BadParameter

PER_PAGE = 20


def api_view(view):
    """GET only (405 for anything else, before any CSRF check: nothing here changes state); a
    bad parameter answers 400 with a JSON error; the answer is in ``lang``."""

    @csrf_exempt
    @require_GET
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            language = filters.language(request.GET)
            with translation.override(language):
                response = view(request, language, *args, **kwargs)
        except BadParameter as error:
            response = JsonResponse(
                {"error": error.message, "parameter": error.parameter}, status=400
            )
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _readable(language: str):
    return Communique.objects.public().readable_in(language)


def _summary(request, communique: Communique, language: str) -> dict:
    return {
        "id": communique.pk,
        "slug": communique.slug,
        "title": getattr(communique, f"title_{language}"),
        "published_at": communique.published_at.isoformat(),
        "corrected_at": communique.corrected_at.isoformat() if communique.corrected_at else None,
        "language": language,
        "languages": communique.languages(),
        "url": _absolute(request, communique.get_absolute_url()),
        "api_url": _absolute(request, reverse("api:communique", args=[communique.pk]))
        + f"?lang={language}",
    }


@api_view
def index(request, language):
    return _json(
        {
            "openapi": _absolute(request, reverse("api:openapi")),
            "communiques": _absolute(request, reverse("api:communiques")),
            "regions": _absolute(request, reverse("api:regions")),
            "officials": _absolute(request, reverse("api:officials")),
            "languages": filters.LANGUAGE_CODES,
        }
    )


@api_view
def openapi_description(request, language):
    return _json(openapi.description(request.build_absolute_uri("/api/").rstrip("/")))


@api_view
def communique_list(request, language):
    params = request.GET
    start, end = filters.date(params, "from"), filters.date(params, "to")
    if start and end and start > end:
        raise BadParameter("to", "to must not be before from.")
    query = filters.text(params)
    region_slug = filters.text(params, "region")
    number = filters.page(params)
    communiques = _readable(language)
    zone = timezone.get_current_timezone()
    if start:
        since = datetime.datetime.combine(start, datetime.time(), tzinfo=zone)
        communiques = communiques.filter(published_at__gte=since)
    if end:
        until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), zone)
        communiques = communiques.filter(published_at__lt=until)
    if region_slug:
        region = Region.objects.filter(slug=region_slug).first()
        if region is None:
            raise BadParameter("region", "region must be the slug of a region (see /api/regions/).")
        communiques = communiques.filter(
            pk__in=Communique.objects.filter(meeting__agenda_items__regions=region).values("pk")
        )
    for term in query.split():
        communiques = communiques.filter(
            Q(**{f"title_{language}__icontains": term}) | Q(**{f"body_{language}__icontains": term})
        )
    count = communiques.count()
    pages = max(1, math.ceil(count / PER_PAGE))
    if number > pages:
        raise BadParameter("page", f"page must be between 1 and {pages}.")
    first = (number - 1) * PER_PAGE
    rows = communiques.order_by("-published_at", "-pk")[first : first + PER_PAGE]

    def page_url(n):
        copy = params.copy()
        copy["page"] = n
        return _absolute(request, f"{request.path}?{copy.urlencode()}")

    return _json(
        {
            "count": count,
            "page": number,
            "pages": pages,
            "next": page_url(number + 1) if number < pages else None,
            "previous": page_url(number - 1) if number > 1 else None,
            "results": [_summary(request, c, language) for c in rows],
        }
    )


@api_view
def communique_detail(request, language, pk):
    valid = pk.isascii() and pk.isdigit() and int(pk) < 2**63
    communique = _readable(language).filter(pk=int(pk)).first() if valid else None
    if communique is None:
        return _json({"error": "No public communiqué with this id in this language."}, 404)
    return _json(
        {
            **_summary(request, communique, language),
            "body": getattr(communique, f"body_{language}"),
            "correction_note": getattr(communique, f"correction_note_{language}") or "",
        }
    )


@api_view
def region_list(request, language):
    regions = Region.objects.prefetch_related("provinces").order_by("order", "code")
    return _json(
        {
            "results": [
                {
                    "code": region.code,
                    "slug": region.slug,
                    "name": region.name,
                    "provinces": [
                        {"code": p.code, "name": p.name, "kind": p.kind}
                        for p in region.provinces.all()
                    ],
                }
                for region in regions
            ]
        }
    )


@api_view
def officials(request, language):
    return _json(popolo.register(organisation_name(language)))
