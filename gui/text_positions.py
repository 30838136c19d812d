"""Character offsets (code points) and Qt text positions (UTF-16 code units).

Python indexes a string by code point; QTextDocument, QTextCursor and QTextLayout count UTF-16
code units. The two agree until a character outside the Basic Multilingual Plane (an emoji, a
mathematical letter such as 𝐀, a CJK extension ideograph) comes: it is one code point and two
UTF-16 units, and every Qt position after it is one more than the Python offset. The core
(:mod:`models`) counts code points throughout; the panes convert at the Qt boundary, here.
"""
from __future__ import annotations

import bisect


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (Qt positions)."""
    return len(text.encode("utf-16-le")) // 2


class TextPositions:
    """Conversions between code-point offsets into ``text`` and positions in a QTextDocument
    holding exactly ``text``. When ``text`` has no character outside the BMP, both are the
    identity; otherwise a table of ``len(text) + 1`` positions is built once (O(n))."""

    def __init__(self, text: str) -> None:
        self._positions: list[int] | None = None
        if utf16_length(text) != len(text):
            positions, position = [], 0
            for ch in text:
                positions.append(position)
                position += 2 if ord(ch) > 0xFFFF else 1
            positions.append(position)
            self._positions = positions

    def to_position(self, offset: int) -> int:
        """Qt position of code-point ``offset`` (0..len(text))."""
        return offset if self._positions is None else self._positions[offset]

    def to_offset(self, position: int) -> int:
        """Code-point offset of Qt ``position`` (0..utf16_length(text)); a position between the
        two halves of a surrogate pair gives the offset of that character."""
        if self._positions is None:
            return position
        return bisect.bisect_right(self._positions, position) - 1
