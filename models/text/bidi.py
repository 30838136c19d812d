"""Paragraph direction by the Unicode Bidirectional Algorithm (UAX #9), rules P2 and P3."""
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from models.text.segmentation import Sentence

_ISOLATE_INITIATORS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
_POP_DIRECTIONAL_ISOLATE = "\u2069"  # PDI


def paragraph_direction(text: str, default: str = "ltr") -> str:
    """``"rtl"`` or ``"ltr"``: the direction of the paragraph ``text`` from its first strong
    character (bidi class L gives ``"ltr"``; R or AL gives ``"rtl"``), skipping characters between an
    isolate initiator and its matching PDI (UAX #9, P2-P3). ``default`` when it has no strong
    character (digits, punctuation): P3 says left-to-right, but a caller showing an Arabic
    document may pass ``"rtl"``. ``email: info@example.com — الهاتف`` is ``"ltr"``."""
    depth = 0
    for ch in text:
        if ch in _ISOLATE_INITIATORS:
            depth += 1
        elif ch == _POP_DIRECTIONAL_ISOLATE:
            depth = max(0, depth - 1)
        elif not depth:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                return "ltr"
            if kind in ("R", "AL"):
                return "rtl"
    return default


def right_to_left_paragraphs(sentences: Iterable[Sentence], default: str = "rtl") -> dict[int, bool]:
    """``{paragraph: True when right-to-left}`` for the paragraphs of ``sentences`` (in order):
    each paragraph's direction from its first strong character (:func:`paragraph_direction`),
    ``default`` for a paragraph without one (digits, punctuation: an Arabic document's)."""
    found: dict[int, str] = {}
    for sentence in sentences:
        if not found.get(sentence.paragraph):
            found[sentence.paragraph] = paragraph_direction(sentence.text, default="")
    return {paragraph: (direction or default) == "rtl" for paragraph, direction in found.items()}
