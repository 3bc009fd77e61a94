"""Numbers as the site writes them: Western digits (0-9) in every language, as Moroccan
Arabic texts and the party's own site do, grouped by thousands with a narrow no-break space in
Arabic and French («12 345») and a comma in English («12,345»)."""

from django.utils.translation import get_language


def reader_number(value: int, language: str | None = None) -> str:
    grouped = f"{int(value):,}"
    if (language or get_language() or "ar")[:2] in ("ar", "fr"):
        return grouped.replace(",", "\u202f")
    return grouped
