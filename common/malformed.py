"""Input no page understands, defined once: `bureau.middleware.RejectMalformedRequests` answers
it with 400, and the page cache never answers it from a stored page (docs/security.md)."""

from urllib.parse import unquote_to_bytes

from django.http import QueryDict

from .dates import YEARS

# Longest path and query-string value accepted (an Arabic slug is under 200 characters; a long
# search is cut by the search page itself, calmly); anything longer is refused before a view or
# the database sees it.
MAX_PATH_LENGTH = 2_000
MAX_VALUE_LENGTH = 10_000
# Date parts in query strings (the admin's date hierarchy and filters): years outside this range
# overflow Python's dates when the admin computes "the next month".
DATE_PART_RANGES = {"__year": YEARS, "__month": range(1, 13), "__day": range(1, 32)}


def path_problem(raw_path: str, path: str) -> str:
    """What is wrong with a request's path ("" when nothing): `raw_path` as WSGI gives it
    (latin-1 text of the bytes), `path` as Django decoded it."""
    try:
        raw_bytes = raw_path.encode("latin-1")
    except UnicodeEncodeError:
        raw_bytes = b""  # already text (some test clients): valid by construction
    try:
        raw_bytes.decode("utf-8")
    except UnicodeDecodeError:
        return "the address is not UTF-8"
    if "\x00" in path:
        return "the address contains a NUL character"
    if len(path) > MAX_PATH_LENGTH:
        return "the address is too long"
    return ""


def query_problem(query_string: str, query: QueryDict | None = None) -> str:
    """What is wrong with a raw query string ("" when nothing); `query`: the same already
    parsed, when the caller has it."""
    if not query_string:
        return ""
    try:
        unquote_to_bytes(query_string.replace("+", " ")).decode()
    except UnicodeError:
        return "the query string is not UTF-8"
    if query is None:
        query = QueryDict(query_string.encode("latin-1"))
    for key, values in query.lists():
        for value in [key, *values]:
            if "\x00" in value:
                return "the query string contains a NUL character"
            if len(value) > MAX_VALUE_LENGTH:
                return "a query-string value is too long"
        for suffix, allowed in DATE_PART_RANGES.items():
            if key.endswith(suffix) and not all(_number_in(v, allowed) for v in values):
                return f"{key} is out of range"
    return ""


def _number_in(value: str, allowed: range) -> bool:
    value = value.strip()
    return value.isascii() and value.isdigit() and len(value) <= 5 and int(value) in allowed
