"""The public site: Arabic first, French and English where a communiqué is translated.

Every page makes a fixed, small number of queries whatever the size of the archive, and is
served through the shared page cache (`public.cache.public_page`).
"""

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import (
    CharField,
    DateTimeField,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    QuerySet,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import timezone, translation
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common.prepared import Param, PreparedList, prepared
from meetings.models import Communique, CommuniqueTransition
from readers.page import with_reader_facts
from regions.models import Mandate, Region, in_office

from .cache import private_response, public_page
from .excerpts import snippet
from .pdf import render_pdf
from .related import listed, listed_now, readable, related_communiques
from .search import (
    MAX_RANKED,
    near_misses,
    parse_query,
    search_readable,
    search_translation,
)

PER_PAGE = 10
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


# Reads -----------------------------------------------------------------------------------------


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = PER_PAGE) -> Page:
    """The requested page (`?page=N`); anything but an existing page number is a 404."""
    number = request.GET.get("page", "1")
    if not number.isascii() or not number.isdigit() or len(number) > 6:
        raise Http404(_("No such page."))
    try:
        return Paginator(queryset, per_page).page(int(number))
    except InvalidPage as error:
        raise Http404(_("No such page.")) from error


def links(
    request: HttpRequest,
    *,
    languages: list[str] | None = None,
    page: Page | None = None,
    query: str = "",
) -> dict:
    """The page's canonical address and its address in each language it exists in (for the
    language switcher and the `hreflang` links). Only the parameters the page understands are
    kept, so a long or hostile query string is never echoed back."""
    params = {}
    if query:
        params["q"] = query
    if page is not None and page.number > 1:
        params["page"] = page.number
    suffix = f"?{urlencode(params)}" if params else ""
    current = get_language()
    result = []
    for code in LANGUAGE_CODES:
        if languages is not None and code not in languages:
            continue
        url = address_in(request, code) + suffix
        result.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return {
        "alternates": result,
        "canonical_url": request.build_absolute_uri(request.path + suffix),
    }


def address_in(request: HttpRequest, language: str) -> str:
    """This page's path in `language`. From the URL the request was resolved to, as
    `translate_url` would do after resolving the path once more."""
    match = request.resolver_match
    if match is None or not match.url_name:
        return translate_url(request.path, language)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(language):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.path, language)


# Pages -----------------------------------------------------------------------------------------


@public_page(parameters=("page",))
def home(request: HttpRequest) -> HttpResponse:
    page = paginate(request, PreparedList(listed_now, now=timezone.now()))
    return render(
        request,
        "public/home.html",
        {"page": page, "communiques": page.object_list, **links(request, page=page)},
    )


def communique_page(
    request: HttpRequest, communique: Communique, *, preview: bool = False
) -> HttpResponse:
    """The public page of one communiqué; the admin's preview renders it the same way."""
    languages = communique.languages()
    response = render(
        request,
        "public/communique_detail.html",
        {
            "communique": communique,
            "preview": preview,
            "related": related_communiques(communique),
            **links(request, languages=languages),
            "pdf_url": communique.get_absolute_url() + "pdf/",
        },
    )
    return private_response(response) if preview else response


UNREAD_ON_PAGE = [
    "title",
    "body",
    "correction_note",
    "search_title",
    "search_body",
    "search_document",
    "search_title_document",
]


@prepared
def public_communique_by_slug() -> QuerySet:
    """The public communiqué with this slug, with what its readers' part needs; not its search
    index, nor the untranslated columns, which the page's translated fields stand for."""
    now, slug = Param("now", DateTimeField()), Param("slug", CharField())
    communiques = Communique.plain().public(now=now).filter(slug=slug).defer(*UNREAD_ON_PAGE)
    return with_reader_facts(communiques)[:1]


def _public_communique(request, year, month, day, slug, suffix=""):
    """The public communiqué at this address, or a redirect to where it lives, or the notice
    of its withdrawal (410), or a 404."""
    found = public_communique_by_slug(now=timezone.now(), slug=slug)
    communique = found[0] if found else None
    if communique is None:
        return None, withdrawn_notice(request, slug)
    if get_language() not in communique.languages():
        with translation.override(DEFAULT_LANGUAGE):
            return None, redirect(communique.get_absolute_url() + suffix)
    published = timezone.localtime(communique.published_at).date()
    if (year, int(month), int(day)) != (published.year, published.month, published.day):
        # An old or mistyped date: the address that lives is the one of its publication day.
        return None, redirect(communique.get_absolute_url() + suffix, permanent=True)
    return communique, None


def withdrawn_notice(request: HttpRequest, slug: str) -> HttpResponse:
    """410 Gone for a withdrawn communiqué: when, and why where the publisher said so; never
    its text. Any other unknown address is a 404."""
    withdrawal = (
        CommuniqueTransition.objects.filter(
            communique__slug=slug,
            communique__status=Communique.Status.WITHDRAWN,
            to_status=Communique.Status.WITHDRAWN,
        )
        .only("at", "comment")
        .order_by("-at", "-pk")
        .first()
    )
    if withdrawal is None:
        raise Http404(_("No such communiqué."))
    return render(
        request,
        "public/communique_withdrawn.html",
        {"withdrawn_at": withdrawal.at, "reason": withdrawal.comment, **links(request)},
        status=410,
    )


@public_page
def communique_detail(request, year, month, day, slug):
    communique, elsewhere = _public_communique(request, year, month, day, slug)
    return elsewhere or communique_page(request, communique)


@public_page
def communique_pdf(request, year, month, day, slug):
    communique, elsewhere = _public_communique(request, year, month, day, slug, suffix="pdf/")
    if elsewhere:
        return elsewhere
    response = HttpResponse(render_pdf(request, communique), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{communique.slug}.pdf"
    )
    return response


@public_page(parameters=("q", "page"))
def search_page(request):
    query = parse_query(request.GET.get("q"))
    language = get_language()
    page = None
    results, suggestion, near = [], "", []
    if query:
        if language == DEFAULT_LANGUAGE:
            found = search_readable(query, timezone.now())
        else:
            found = search_translation(readable(), query, language)
        page = paginate(request, found)
        if page.paginator.count:
            results = [(c, snippet(c.body, query)) for c in page.object_list]
        elif language == DEFAULT_LANGUAGE:
            # Nothing matches: what a near spelling finds, and that spelling to search for.
            suggestion, communiques = near_misses(readable(), query)
            near = [(c, snippet(c.body, parse_query(suggestion))) for c in communiques]
    return render(
        request,
        "public/search.html",
        {
            "query": query,
            "page": page,
            "results": results,
            "suggestion": suggestion,
            "max_ranked": MAX_RANKED,
            "suggestion_url": f"{reverse('public:search')}?{urlencode({'q': suggestion})}",
            "near_results": near,
            "too_long": len(request.GET.get("q", "")) > len(query.text) + 1,
            **links(request, page=page, query=query.text),
        },
    )


@public_page
def region_index(request):
    regions = Region.objects.order_by("order", "code")
    return render(request, "public/region_index.html", {"regions": regions, **links(request)})


@prepared
def listed_about_region() -> QuerySet:
    """`listed()` whose meetings had an agenda item about the region `region` (its id),
    prepared (common/prepared.py)."""
    about = Communique.plain().filter(
        meeting__agenda_items__regions=Param("region", IntegerField())
    )
    return listed(now=Param("now", DateTimeField())).filter(pk__in=about.values("pk"))


@public_page(parameters=("page",))
def region_detail(request, slug):
    # The region and its regional secretary in office (the newest, should there be two) in one
    # query.
    secretary = Q(mandates__office=Mandate.Office.REGIONAL_SECRETARY) & in_office(
        through="mandates__"
    )
    region = (
        Region.objects.filter(slug=slug)
        .annotate(secretary=FilteredRelation("mandates", condition=secretary))
        .select_related("secretary__person")
        .order_by(F("secretary__start_date").desc(nulls_last=True))
        .first()
    )
    if region is None:
        raise Http404(_("No such region."))
    page = paginate(
        request, PreparedList(listed_about_region, now=timezone.now(), region=region.pk)
    )
    return render(
        request,
        "public/region_detail.html",
        {
            "region": region,
            "secretary": getattr(region, "secretary", None),  # unset when none is in office
            "page": page,
            "communiques": page.object_list,
            **links(request, page=page),
        },
    )


@public_page
def robots_txt(request):
    content = render_to_string(
        "public/robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
    )
    return HttpResponse(content, content_type="text/plain; charset=utf-8")
