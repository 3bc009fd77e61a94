"""Place names for the search: the regions and provinces in Arabic and in Latin script.

The search weighs place names as much as titles, and lets a reader type them in Latin script
(«Draa Tafilalet», «Skhirat») on the Arabic site. Both read the names already in the regions and
provinces tables, split at their hyphens («درعة-تافيلالت» is the places «درعة» and «تافيلالت»).
The names are read once per process (one query) and forgotten when a region or province is
saved.
"""

import difflib
from dataclasses import dataclass
from functools import cache, lru_cache

from common import normalise

from .models import Province, Region

# Latin words that name no place on their own.
_LATIN_FILLERS = frozenset("el al ed ad de la le les ait aït oued wadi sidi ben beni my".split())


@dataclass(frozen=True)
class Place:
    arabic: tuple[tuple[str, ...], ...]  # the readings of each Arabic word (normalise.readings)
    latin: tuple[str, ...]  # the folded Latin words that name it


def _parts(name: str) -> list[str]:
    return [part for part in name.split("-") if part.strip()]


def _arabic(part: str) -> tuple[tuple[str, ...], ...]:
    return tuple(normalise.readings(w) for w in normalise.words(part))


@cache
def places() -> tuple[Place, ...]:
    """Every region and province, and each hyphenated part of their names, as places."""
    found = []
    names = ("name_ar", "name_fr")
    rows = (
        Region.objects.order_by()
        .values_list(*names)
        .union(Province.objects.order_by().values_list(*names), all=True)
    )
    for name_ar, name_fr in rows:
        latin_parts, arabic_parts = _parts(name_fr or ""), _parts(name_ar)
        if len(latin_parts) == len(arabic_parts):
            pairs = zip(arabic_parts, latin_parts, strict=True)
        else:  # «Inezgane-Aït Melloul» / «إنزكان أيت ملول»: the whole name for each part
            pairs = [(name_ar, part) for part in latin_parts] or [(name_ar, "")]
        for arabic, latin in pairs:
            words = tuple(w for w in normalise.words(latin) if w not in _LATIN_FILLERS)
            found.append(Place(arabic=_arabic(arabic), latin=words))
    return tuple(dict.fromkeys(found))


def keys(place: Place) -> list[tuple[str, ...]]:
    """The index keys of each word of a place's Arabic name."""
    return [tuple(sorted({k for r in word for k in normalise.keys(r)})) for word in place.arabic]


@cache
def _by_first_key() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = {}
    for place in places():
        if place.arabic:
            for reading in place.arabic[0]:
                index.setdefault(reading, []).append(place)
    return index


def forget(**kwargs) -> None:
    """Read the names again next time (connected to the regions' and provinces' saves)."""
    places.cache_clear()
    _by_first_key.cache_clear()
    named_in_latin.cache_clear()


def mentioned(word_readings: list[tuple[str, ...]]) -> list[Place]:
    """The places named in a text, given the readings of its words in order."""
    index = _by_first_key()
    found = []
    for start, keys in enumerate(word_readings):
        for key in keys:
            for place in index.get(key, ()):
                following = word_readings[start : start + len(place.arabic)]
                if len(following) == len(place.arabic) and all(
                    set(have) & set(want)
                    for have, want in zip(following, place.arabic, strict=True)
                ):
                    found.append(place)
    return found


def _latin_match(typed: str, name_word: str) -> bool:
    if typed == name_word:
        return True
    if len(typed) >= 4 and (name_word.startswith(typed) or typed.startswith(name_word)):
        return abs(len(typed) - len(name_word)) <= 2
    if len(typed) < 5:
        return False
    # The quick ratios bound the ratio from above: most names are ruled out without it.
    close = difflib.SequenceMatcher(None, typed, name_word)
    return close.real_quick_ratio() >= 0.8 and close.quick_ratio() >= 0.8 and close.ratio() >= 0.8


# Bounded: the words are what readers type. A search asks for each of its words once for the
# query and once for each excerpt on the page.
@lru_cache(maxsize=1024)
def named_in_latin(word: str) -> tuple[Place, ...]:
    """The places a Latin word typed by a reader names («skhirat» → الصخيرات)."""
    if len(word) < 3 or word in _LATIN_FILLERS or normalise.is_arabic(word):
        return ()
    return tuple(p for p in places() if any(_latin_match(word, w) for w in p.latin))
