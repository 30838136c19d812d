"""Find in a text the way a reader means it: Arabic search that ignores diacritics, tatweel,
format marks, alef/hamza spelling, ى/ي and ة/ه (as :func:`models.text.arabic.fold` does), and
case-insensitive search for Latin script (``str.casefold``).

Both the text and the query are folded character by character; each folded character remembers
the code point of the original text it came from, so a match is reported as a ``(start, end)``
span of code points into the ORIGINAL text. A match that ends on a letter also covers the
diacritics and tatweel written right after it, so that a highlight covers the whole vocalized
letter.
"""
from __future__ import annotations

import re

from models.text.arabic import DIACRITICS_CLASS, FORMAT_MARKS_CLASS, TATWEEL, fold

_IGNORED_RE = re.compile(f"[{DIACRITICS_CLASS}{FORMAT_MARKS_CLASS}{TATWEEL}]")


def _fold_char(ch: str) -> str:
    """The folded form of one character: "" for a diacritic, tatweel or format mark."""
    if _IGNORED_RE.match(ch):
        return ""
    return fold(ch).casefold()


def fold_for_search(text: str) -> tuple[str, list[int]]:
    """``(folded, origin)``: ``folded`` is ``text`` folded for search; ``origin[i]`` is the
    code-point offset in ``text`` of the character that gave ``folded[i]`` (a presentation-form
    ligature or ß gives several folded characters with one origin)."""
    folded: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        folded.append(f)
        origin.extend([i] * len(f))
    return "".join(folded), origin


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``query`` in ``text``, as ``(start, end)`` code-point
    spans into ``text``, in order. A query that folds to nothing (only spaces, diacritics or
    format marks) finds nothing; leading and trailing white space of the query is ignored."""
    needle = "".join(_fold_char(ch) for ch in query.strip())
    if not needle:
        return []
    haystack, origin = fold_for_search(text)
    spans: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        start, end = origin[at], origin[at + len(needle) - 1] + 1
        while end < len(text) and _IGNORED_RE.match(text[end]) and text[end] not in FORMAT_MARKS_CLASS:
            end += 1
        spans.append((start, end))
        at = haystack.find(needle, at + len(needle))
    return spans
