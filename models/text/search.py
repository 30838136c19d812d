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

import bisect
import re

from models.text.arabic import DIACRITICS_CLASS, FORMAT_MARKS_CLASS, TATWEEL, fold

_IGNORED_RE = re.compile(f"[{DIACRITICS_CLASS}{FORMAT_MARKS_CLASS}{TATWEEL}]")


def _fold_char(ch: str) -> str:
    """The folded form of one character: "" for a diacritic, tatweel or format mark."""
    if _IGNORED_RE.match(ch):
        return ""
    return fold(ch).casefold()


class FoldedText:
    """``text`` folded for search (:attr:`folded`), with the way back to code-point offsets of
    ``text`` (:meth:`origin`).

    Folding runs at C speed (``str.translate`` with a table of the distinct characters of
    ``text``): a 19 MB book folds in well under a second, where a Python loop per character took
    about 20 s. Only the characters whose folded form is not one character long (a dropped
    diacritic, a presentation-form ligature, ß) are walked in Python, to map offsets back."""

    def __init__(self, text: str) -> None:
        table = {ord(ch): _fold_char(ch) for ch in set(text)}
        self.folded = text.translate(table)
        irregular = "".join(chr(c) for c, f in table.items() if len(f) != 1)
        #: Per irregular character, in order: where its folded form starts in ``folded``, its
        #: offset in ``text``, its folded length, and the shift (text offset minus folded offset)
        #: of the characters after it.
        self._starts: list[int] = []
        self._offsets: list[int] = []
        self._lengths: list[int] = []
        self._shifts: list[int] = []
        if irregular:
            shift = 0
            for match in re.finditer(f"[{re.escape(irregular)}]", text):
                length = len(table[ord(match.group())])
                self._starts.append(match.start() - shift)
                self._offsets.append(match.start())
                self._lengths.append(length)
                shift += 1 - length
                self._shifts.append(shift)

    def origin(self, i: int) -> int:
        """The code-point offset in the original text of the character that gave ``folded[i]``."""
        k = bisect.bisect_right(self._starts, i) - 1  # the last irregular character at or before i
        if k < 0:
            return i
        if i < self._starts[k] + self._lengths[k]:
            return self._offsets[k]
        return i + self._shifts[k]


def fold_for_search(text: str) -> tuple[str, list[int]]:
    """``(folded, origin)``: ``folded`` is ``text`` folded for search; ``origin[i]`` is the
    code-point offset in ``text`` of the character that gave ``folded[i]`` (a presentation-form
    ligature or ß gives several folded characters with one origin)."""
    folded = FoldedText(text)
    return folded.folded, [folded.origin(i) for i in range(len(folded.folded))]


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping match of ``query`` in ``text``, as ``(start, end)`` code-point
    spans into ``text``, in order. A query that folds to nothing (only spaces, diacritics or
    format marks) finds nothing; leading and trailing white space of the query is ignored."""
    needle = "".join(_fold_char(ch) for ch in query.strip())
    if not needle:
        return []
    folded = FoldedText(text)
    haystack = folded.folded
    spans: list[tuple[int, int]] = []
    at = haystack.find(needle)
    while at >= 0:
        start, end = folded.origin(at), folded.origin(at + len(needle) - 1) + 1
        while end < len(text) and _IGNORED_RE.match(text[end]) and text[end] not in FORMAT_MARKS_CLASS:
            end += 1
        spans.append((start, end))
        at = haystack.find(needle, at + len(needle))
    return spans
