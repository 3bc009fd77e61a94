"""The organisation's name, from settings, in the active language (Arabic when none is given)."""

from django.conf import settings
from django.utils.translation import get_language


def organisation_name(language: str | None = None) -> str:
    names = settings.ORGANISATION_NAME
    return names.get(language or get_language() or settings.LANGUAGE_CODE) or names["ar"]
