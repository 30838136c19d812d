"""The reading form of Arabic text: what segmentation, lookup and the model read, while the
window shows the text as written.

The reading form of a text is the text with
- presentation forms (U+FB50-FDFF, U+FE70-FEFC, what PDF extraction and old software give) read
  as the ordinary letters they show, by NFKC on those characters only (a lam-alef ligature gives
  two letters, ﷲ gives several);
- bidi controls, zero-width (non-)joiners, U+061C ARABIC LETTER MARK and the byte order mark
  removed (they change the display, not the words);
- tatweel (U+0640, which only stretches a word) removed;
- letters written with a combining hamza or madda composed by NFC (U+0627 U+0655 is إ);
- everything else, Arabic-Indic digits included, as written.

Offsets always point into the original text: :func:`reading_form_map` gives, for each character
of the reading form, the span of the original characters it comes from. The character classes
are those of :mod:`models.text.arabic` (Unicode Standard, chapter 9.2; UAX #15 for NFC/NFKC).
"""
from __future__ import annotations

import re
import unicodedata

from models.text.arabic import FORMAT_MARKS_CLASS, PRESENTATION_FOLD_TABLE, TATWEEL

_PRESENTATION_CLASS = "\ufb50-\ufdff\ufe70-\ufefc"
#: Characters that the reading form drops.
_IGNORED_RE = re.compile(f"[{FORMAT_MARKS_CLASS}{TATWEEL}]")
#: Combining madda, hamza above and hamza below: NFC composes them with the letter before.
_COMBINING_HAMZA = "\u0653\u0654\u0655"
_NEEDS_READING_RE = re.compile(f"[{FORMAT_MARKS_CLASS}{TATWEEL}{_PRESENTATION_CLASS}{_COMBINING_HAMZA}]")
_IGNORED = frozenset(chr(c) for c in (*range(0x600, 0x2070), 0xFEFF) if _IGNORED_RE.match(chr(c)))


def needs_reading_form(text: str) -> bool:
    """True when the reading form of ``text`` differs from it (fast: one regex search)."""
    return _NEEDS_READING_RE.search(text) is not None


def reading_form_map(text: str) -> tuple[str, list[int], list[int]]:
    """``(form, starts, ends)``: the reading form of ``text`` (module docstring) and, for each of
    its characters ``form[i]``, the span ``text[starts[i]:ends[i]]`` it was read from. A span of
    the reading form ``form[a:b]`` (b > a) comes from ``text[starts[a]:ends[b - 1]]``; removed
    characters belong to no span. Offsets are code points. Raises nothing."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for match in _NEEDS_READING_RE.finditer(text):
        i = match.start()
        if i > last:  # a stretch read as written: copied at once
            chars.append(text[last:i])
            starts.extend(range(last, i))
            ends.extend(range(last + 1, i + 1))
        last = i + 1
        ch = match.group()
        if ch in _IGNORED:
            continue
        folded = PRESENTATION_FOLD_TABLE.get(ord(ch), ch)  # a combining hamza stays, composed below
        chars.append(folded)
        starts.extend([i] * len(folded))
        ends.extend([i + 1] * len(folded))
    if last < len(text):
        chars.append(text[last:])
        starts.extend(range(last, len(text)))
        ends.extend(range(last + 1, len(text) + 1))
    form = "".join(chars)
    if unicodedata.is_normalized("NFC", form):
        return form, starts, ends
    chars = list(form)
    # Compose cluster by cluster (a letter and the combining marks after it), so that every
    # composed character keeps the span of its cluster.
    out: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    k = 0
    while k < len(chars):
        j = k + 1
        while j < len(chars) and unicodedata.combining(chars[j]):
            j += 1
        cluster = "".join(chars[k:j])
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            out.extend(chars[k:j])
            out_starts.extend(starts[k:j])
            out_ends.extend(ends[k:j])
        else:
            out.extend(composed)
            out_starts.extend([starts[k]] * len(composed))
            out_ends.extend([ends[j - 1]] * len(composed))
        k = j
    return "".join(out), out_starts, out_ends


def reading_form(text: str) -> str:
    """The reading form of ``text`` (module docstring), without the offset map."""
    if not needs_reading_form(text):
        return text
    return reading_form_map(text)[0]


def model_text(text: str) -> str:
    """The text sent to the translation model for ``text``: its reading form, so that tatweel,
    bidi controls and U+061C never reach the model and presentation forms reach it as ordinary
    letters; Arabic-Indic digits and diacritics as written."""
    return reading_form(text)
