"""A search result's excerpt: the words around the first place the query matches, the matching
words in <mark> (docs/search.md)."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from common import normalise

from .search import Query, term


def snippet(text: str, query: Query, width: int = 240) -> SafeString:
    """An excerpt of `text` around the first matching word, matching words in <mark>."""
    wanted = set()
    for word in query.words:
        for alternative in term(word):
            for keys in alternative:
                wanted.update(keys)
    wanted = frozenset(wanted)
    tokens = re.split(r"(\W+)", text)  # words at even places, what separates them between
    # Only the words up to the end of the excerpt are looked at.
    first = next((i for i in range(0, len(tokens), 2) if _matches(tokens[i], wanted)), None)
    if first is None:
        excerpt = text[:width]
        return mark_safe(escape(excerpt) + ("…" if len(text) > width else ""))
    # Start a little before the first match, on a word boundary.
    start = first
    length = 0
    while start > 0 and length < width // 3:
        start -= 1
        length += len(tokens[start])
    out, plain, length = [], [], 0  # the words between two matches are escaped together
    for i in range(start, len(tokens)):
        if length > width:
            break
        if i == first or (i > first and _matches(tokens[i], wanted)):
            out += [escape("".join(plain)), f"<mark>{escape(tokens[i])}</mark>"]
            plain = []
        else:
            plain.append(tokens[i])
        length += len(tokens[i])
    out.append(escape("".join(plain)))
    prefix = "…" if start > 0 else ""
    suffix = "…" if length > width else ""
    return mark_safe(prefix + "".join(out).strip() + suffix)


# Bounded as normalise.token_keys is; a page's excerpts look their words up for the same query.
@lru_cache(maxsize=20_000)
def _matches(token: str, wanted: frozenset[str]) -> bool:
    if not token or not token[0].isalnum():
        return False
    return not wanted.isdisjoint(normalise.token_keys(token))
