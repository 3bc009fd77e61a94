"""The readers' pages: the view beacon, the reply form's target, subscription and the open
data page. None of them is served from the page cache: each answers one reader."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from meetings.models import Communique

from . import counting, subscriptions
from .addresses import client_address
from .forms import ReplyForm, SubscribeForm, started_token
from .models import Reply
from .numbers import reader_number
from .replies import closed_reason

REPLYABLE = [Communique.Status.PUBLISHED, Communique.Status.SCHEDULED, Communique.Status.WITHDRAWN]


def hashed_address(group, request) -> str:
    """The rate limits' key: the reader's address, hashed with the site's secret (so the
    cache never holds an address)."""
    address = client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}|{address}".encode()).hexdigest()


def _limited(request, group: str, rate: str) -> bool:
    return is_ratelimited(
        request, group=group, key=hashed_address, rate=rate, method="POST", increment=True
    )


def _same_origin(request) -> None:
    """These forms work without a CSRF token (they sit in cached pages): a browser that says
    the form came from another site is refused."""
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
        if origin not in allowed:
            raise PermissionDenied(_("This form must be sent from this site."))


def _uncached(response):
    add_never_cache_headers(response)
    return response


@csrf_exempt  # sent by a script from cached pages; it only counts (see docs/readers.md)
@require_POST
def view_beacon(request, pk: int):
    if not Communique.objects.public().filter(pk=pk).exists():
        raise Http404
    _same_origin(request)
    counted = counting.record_view(request, pk)
    count = counting.total_views(pk)
    return _uncached(
        JsonResponse(
            {
                "counted": counted,
                "count": count,
                "display": reader_number(count),
                "started": started_token(pk),
            }
        )
    )


@csrf_exempt  # the form sits in a cached page, which cannot carry a token; see _same_origin
@require_POST
def reply(request, pk: int):
    communique = get_object_or_404(Communique.objects.filter(status__in=REPLYABLE), pk=pk)
    _same_origin(request)
    context = {"communique": communique}
    reason = closed_reason(communique)
    if reason:
        return _uncached(
            render(request, "readers/reply_result.html", {**context, "error": reason}, status=400)
        )
    if _limited(request, "readers.reply", settings.READERS_REPLY_RATE):
        message = _("You have sent several replies in a short time: please try again later.")
        return _uncached(
            render(request, "readers/reply_result.html", {**context, "error": message}, status=429)
        )
    form = ReplyForm(request.POST, communique_id=communique.pk)
    if not form.is_valid():
        # The form comes back with its errors and a fresh start time for the corrected reply.
        form.data = request.POST.copy()
        form.data["started"] = started_token(communique.pk)
        return _uncached(
            render(request, "readers/reply_result.html", {**context, "form": form}, status=400)
        )
    Reply.objects.create(
        communique=communique,
        name=form.cleaned_data["name"].strip(),
        email=form.cleaned_data["email"],
        text=form.cleaned_data["text"].strip(),
    )
    return _uncached(render(request, "readers/reply_result.html", {**context, "sent": True}))


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(
        request.POST or None, initial={"language": getattr(request, "LANGUAGE_CODE", "ar")}
    )
    context = {"form": form}
    status = 200
    if request.method == "POST":
        if _limited(request, "readers.subscribe", settings.READERS_SUBSCRIBE_RATE):
            context["error"] = _("Too many requests from your connection: try again later.")
            status = 429
        elif form.is_valid():
            subscriptions.request_subscription(
                form.cleaned_data["email"], form.cleaned_data["language"]
            )
            context["sent"] = True
        else:
            status = 400
    return _uncached(render(request, "readers/subscribe.html", context, status=status))


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """A GET only shows a button: mail scanners open links, only a person confirms."""
    context = {"token": token}
    status = 200
    if request.method == "POST":
        try:
            context["subscriber"] = subscriptions.confirm(token)
        except subscriptions.SubscriptionError as error:
            context["error"] = error.message
            status = 400
    return _uncached(render(request, "readers/confirm.html", context, status=status))


@csrf_exempt  # one-click unsubscribe (RFC 8058): mail clients POST with no token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    context = {"token": token}
    status = 200
    if request.method == "POST":
        try:
            context["done"] = subscriptions.unsubscribe(token)
        except subscriptions.SubscriptionError as error:
            context["error"] = error.message
            status = 404
    return _uncached(render(request, "readers/unsubscribe.html", context, status=status))


@require_GET
def open_data(request):
    return render(
        request, "readers/open_data.html", {"canonical_url": request.build_absolute_uri()}
    )
