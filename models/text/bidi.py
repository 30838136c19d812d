"""Paragraph direction by the Unicode Bidirectional Algorithm (UAX #9), rules P2 and P3."""
from __future__ import annotations

import unicodedata

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
