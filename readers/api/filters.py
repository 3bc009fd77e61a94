"""Reading the API's query parameters: anything out of range is a ``BadParameter`` (a 400 with
a JSON error), never an exception further down."""

import datetime

from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_QUERY = 200
MAX_PAGE = 100_000


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def language(params) -> str:
    value = params.get("lang", settings.LANGUAGE_CODE)
    if value not in LANGUAGE_CODES:
        raise BadParameter("lang", f"lang must be one of {', '.join(LANGUAGE_CODES)}.")
    return value


def date(params, name: str) -> datetime.date | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        parsed = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadParameter(name, f"{name} must be a date written YYYY-MM-DD.") from error
    if not 1900 <= parsed.year <= 9998 or len(value) != 10:
        raise BadParameter(name, f"{name} must be a date between 1900-01-01 and 9998-12-31.")
    return parsed


def page(params) -> int:
    value = params.get("page", "1")
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_PAGE:
        raise BadParameter("page", "page must be a whole number from 1.")
    return int(value)


def text(params, name: str = "q") -> str:
    value = params.get(name, "").strip()
    if len(value) > MAX_QUERY:
        raise BadParameter(name, f"{name} must be at most {MAX_QUERY} characters.")
    if "\x00" in value:
        raise BadParameter(name, f"{name} must not contain NUL characters.")
    return value
