"""The calendar feeds: a user's private one (by secret token, no session) and the public one."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .calendars import public_calendar, user_calendar
from .models import Preference

CONTENT_TYPE = "text/calendar; charset=utf-8"


@require_safe
@cache_control(private=True, no_store=True)
def private_calendar(request, token):
    """An unknown or regenerated token, or an account closed since, answers 404."""
    preference = get_object_or_404(
        Preference.objects.select_related("user"),
        calendar_token=token,
        user__is_active=True,
        user__is_staff=True,
    )
    with translation.override(preference.message_language()):
        body = user_calendar(preference.user)
    return HttpResponse(body, content_type=CONTENT_TYPE)


@require_safe
@cache_control(public=True, max_age=3600)
def congress_calendar(request):
    return HttpResponse(public_calendar(), content_type=CONTENT_TYPE)
