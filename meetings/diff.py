"""Word by word differences between two texts, readable in Arabic.

Words are compared whole (Arabic letters joined with their clitics, Latin words, numbers), so a
change shows as a removed word and an added word, never as a letter torn out of a word, which
would break the joining of Arabic script. Punctuation (، ؛ ؟ . «») counts as its own token and
paragraph breaks are kept, so the result reads as the text does.
"""

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# A word or a punctuation mark takes the spaces after it along, so that a lone space never
# anchors a match between two different phrases; paragraph breaks stand alone.
TOKEN = re.compile(r"\n\s*\n|\w+[^\S\n]*|[^\w\s][^\S\n]*|\s+")

LINE_BREAK = mark_safe("<br>")
PARAGRAPH_BREAK = mark_safe("<br><br>")

Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Chunk:
    op: Op
    text: str


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.replace("\r\n", "\n"))


def word_diff(old: str, new: str) -> list[Chunk]:
    """The chunks that turn ``old`` into ``new``: equal, deleted and inserted runs of words."""
    a, b = tokens(old or ""), tokens(new or "")
    # Words are compared without the spaces they carry: «المؤتمر» before a full stop and
    # «المؤتمر » before another word are the same word.
    matcher = difflib.SequenceMatcher(a=_keys(a), b=_keys(b), autojunk=False)
    chunks: list[Chunk] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(chunks, "equal", "".join(b[j1:j2]))
            continue
        if tag in ("delete", "replace"):
            _add(chunks, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _add(chunks, "insert", "".join(b[j1:j2]))
    return chunks


def counts(chunks: list[Chunk]) -> dict[str, int]:
    """How many words were added and removed."""
    words = {"insert": 0, "delete": 0}
    for chunk in chunks:
        if chunk.op in words:
            words[chunk.op] += sum(1 for t in tokens(chunk.text) if t[0].isalnum() or t[0] == "_")
    return {"added": words["insert"], "removed": words["delete"]}


def diff_html(old: str, new: str) -> str:
    """The difference as HTML: <del> for removed words, <ins> for added ones, paragraphs kept;
    every piece of text is escaped."""
    parts = []
    previous = None
    for chunk in word_diff(old, new):
        if previous and chunk.op == "insert" and not previous.text[-1].isspace():
            parts.append(" ")  # keep the removed and the added words apart on screen
        previous = chunk if chunk.op == "delete" else None
        pieces = re.split(r"(\n\s*\n|\n)", chunk.text)
        for piece in pieces:
            if not piece:
                continue
            if "\n" in piece:
                parts.append(PARAGRAPH_BREAK if piece.count("\n") > 1 else LINE_BREAK)
            elif chunk.op == "equal":
                parts.append(format_html("{}", piece))
            else:
                tag = "ins" if chunk.op == "insert" else "del"
                parts.append(format_html(f"<{tag}>{{}}</{tag}>", piece))
    return format_html_join("", "{}", ((p,) for p in parts))


def _keys(words: list[str]) -> list[str]:
    return [w.strip() or w for w in words]


def _add(chunks: list[Chunk], op: Op, text: str):
    if not text:
        return
    if chunks and chunks[-1].op == op:
        chunks[-1] = Chunk(op, chunks[-1].text + text)
    else:
        chunks.append(Chunk(op, text))
