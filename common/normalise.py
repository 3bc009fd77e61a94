"""The one normaliser of the search: the index and the query go through the same functions.

A word becomes a small set of keys. Folding first: one alef for every hamza seat, و for ؤ, ي for
ئ and ى, ه for ة, no standalone hamza, no diacritics or tatweel, Western digits, Latin letters
without accents and in lower case. Then every reading of its leading clitics: a conjunction
(و، ف), a preposition (ب، ك، ل) and the article (ال، or لل after ل), each optional, because
«بلاغ» starts with a root letter where «بالمؤتمر» starts with a preposition. Each reading
is then reduced: a broken plural from the lexicon becomes its singular, a Mashreq month its
Moroccan name, and sound plurals, duals, the feminine ending, the nisba ي and a possessive ه
are removed, so «الجهتين»، «جهات» and «جهة» all give «جه».

A text is indexed with every key of every word; a query word matches a text that holds any of
its keys. See docs/search.md.
"""

import re
import unicodedata
from functools import cache, lru_cache

from common.lexicon import BROKEN_PLURALS, COMMON_IN_TITLES, MONTHS, MOROCCAN_MONTHS, STOPWORDS

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # tashkeel, dagger alef, tatweel
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ء": None,
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
    }
)
# Anything that is neither a letter nor a digit separates words (punctuation, quotes, SQL).
_SEPARATORS = re.compile(r"[\W_]+")
_ARABIC = re.compile("[\u0621-\u064a]")
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]+")  # Latin letters beyond ASCII

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
# (suffix, letters that must remain), longest first; applied at most twice («جهويات»).
SUFFIXES = (
    ("تين", 2),
    ("تان", 2),
    ("يين", 3),
    ("ات", 2),
    ("ها", 3),
    ("ون", 3),
    ("ين", 3),
    ("ان", 3),
    ("يه", 2),
    ("ه", 2),
    ("ي", 3),
    ("ا", 4),  # the accusative alef: «تقييما أوليا»
)


def fold(text: str) -> str:
    """Text folded for comparison (lossy: for search, never for display)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    # Latin accents: é → e, â → a (decomposed, then the combining marks dropped).
    return _ACCENTED.sub(_without_accent, text).casefold()


def _without_accent(match: re.Match) -> str:
    decomposed = unicodedata.normalize("NFKD", match.group())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return [w for w in _SEPARATORS.split(fold(text)) if w]


def is_arabic(word: str) -> bool:
    return bool(_ARABIC.match(word))


def _folded_table(table: dict[str, str]) -> dict[str, str]:
    return {fold(k): fold(v) for k, v in table.items()}


_PLURALS = _folded_table(BROKEN_PLURALS)
_MONTHS = _folded_table(MONTHS) | {fold(m): fold(m) for m in MOROCCAN_MONTHS}
_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)


@cache
def readings(word: str) -> tuple[str, ...]:
    """The folded word without some or all of its leading clitics (itself included), not
    otherwise reduced: what place names are matched on («الجديد» is not «الجديدة»)."""
    return tuple(sorted(_without_clitics(word))) if is_arabic(word) else (word,)


def _without_clitics(word: str) -> set[str]:
    """Every reading of `word` with some of its leading clitics removed (itself included)."""
    readings = {word}
    for conjunction in ("", *CONJUNCTIONS):
        if not word.startswith(conjunction):
            continue
        rest = word[len(conjunction) :]
        if conjunction and len(rest) >= 3:
            readings.add(rest)
        # ل + ال is written لل: «للمؤتمر»، «للقاءات» (ل + اللقاءات).
        if rest.startswith("لل") and len(rest) >= 4:
            readings.add(rest[2:])
            readings.add(rest[1:])
        for preposition in ("", *PREPOSITIONS):
            if not rest.startswith(preposition):
                continue
            stem = rest[len(preposition) :]
            if preposition and len(stem) >= 3:
                readings.add(stem)
            if stem.startswith("ال") and len(stem) >= 4:
                readings.add(stem[2:])
    # Once the article is off, the readings that still carry it add nothing.
    bare = {r for r in readings if ("ال" + r) in word}
    return {r for r in readings if not any(r.endswith("ال" + b) for b in bare)}


def _reduce(word: str) -> str:
    """A reading reduced to its stem: lexicon first, then the sound endings."""
    if word in _MONTHS:
        return _MONTHS[word]
    word = _PLURALS.get(word, word)
    for _round in range(2):
        for suffix, keep in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= keep:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


@cache
def keys(word: str) -> tuple[str, ...]:
    """The index keys of one folded word, in a stable order."""
    if not is_arabic(word):
        return (word,)
    return tuple(sorted({_reduce(reading) for reading in _without_clitics(word)}))


def index_text(text: str) -> str:
    """What the index stores for `text`: every key of every word, separated by spaces."""
    return " ".join(" ".join(keys(w)) for w in words(text))


def is_stopword(word: str) -> bool:
    """A word too common to search for, even behind a clitic («وفي»، «ولا»، «بما»)."""
    for start in range(3):
        if word[start:] in _STOPWORDS:
            return True
        if start < len(word) and word[start] not in "وفبكل":
            return False
    return False


def is_common_in_titles(word: str) -> bool:
    """A word most titles carry, or a kind of place («جهة»، «إقليم»): no title bonus."""
    return bool(set(keys(word)) & _COMMON_IN_TITLES)


def query_words(text: str) -> list[str]:
    """The folded words of a query that are worth searching for, each once."""
    return list(dict(typed_words(text)).values())


def typed_words(text: str) -> list[tuple[str, str]]:
    """(as typed, folded) for each word of a query worth searching for, each once."""
    found = {}
    plain = _DIACRITICS.sub("", unicodedata.normalize("NFKC", text))
    for typed in _SEPARATORS.split(plain):
        for word in words(typed):
            if not is_stopword(word) and word not in found.values():
                found[typed] = word
    return list(found.items())


_COMMON_IN_TITLES = frozenset(k for w in COMMON_IN_TITLES for k in keys(fold(w)))


# Bounded: the words of the communiqués shown, which repeat from one excerpt to the next.
@lru_cache(maxsize=20_000)
def token_keys(token: str) -> frozenset[str]:
    """Every key of every word of a token of text."""
    return frozenset(k for w in words(token) for k in keys(w))
