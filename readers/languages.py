from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def languages_of(communique) -> list[str]:
    """The languages a communiqué can be read in: Arabic always, the others once translated."""
    return [settings.LANGUAGE_CODE] + [
        code
        for code in LANGUAGE_CODES
        if code != settings.LANGUAGE_CODE
        and getattr(communique, f"title_{code}")
        and getattr(communique, f"body_{code}")
    ]
