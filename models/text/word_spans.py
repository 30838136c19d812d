"""Which Arabic word is at a character offset: the Qt-free half of hover hit-testing.

The window maps the pointer to the character whose glyph is under it (glyph extents, so right in
right-to-left and mixed runs: :meth:`gui.reading_pane.ReadingPane.source_offset_at`); these
functions turn that character offset into the span of the Arabic word around it, as matched by
:data:`models.text.arabic.ARABIC_WORD_RE` (letters, with diacritics, tatweel and format marks inside).
Digits, Latin letters, punctuation and spaces belong to no word.
"""
from __future__ import annotations

from models.text.arabic import ARABIC_WORD_RE

#: How far (characters) to look back for the start of a word; longer runs are not words.
_WINDOW = 64


def word_span_at(text: str, offset: int) -> tuple[int, int] | None:
    """(start, end) character offsets of the Arabic word containing ``text[offset]``, or
    ``None`` when that character is no part of an Arabic word or ``offset`` is out of range."""
    if not 0 <= offset < len(text):
        return None
    lo = max(0, offset - _WINDOW)
    for match in ARABIC_WORD_RE.finditer(text, lo, min(len(text), offset + _WINDOW)):
        if match.start() <= offset < match.end():
            return match.start(), match.end()
        if match.start() > offset:
            break
    return None


def word_span_at_caret(text: str, position: int) -> tuple[int, int] | None:
    """The Arabic word at a caret ``position`` (a gap between characters, 0..len(text)): the word
    of the character after the caret, else of the one before it, else ``None``."""
    return word_span_at(text, position) or word_span_at(text, position - 1)
