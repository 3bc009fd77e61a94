from django.conf import settings
from django.utils.translation import get_language


def organisation(request):
    """The organisation's name in the active language (Arabic when none is given)."""
    names = settings.ORGANISATION_NAME
    return {"ORGANISATION_NAME": names.get(get_language() or "ar") or names["ar"]}
