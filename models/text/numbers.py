"""Numbers in Arabic and English text, as values that can be compared across the two languages.

Recognised forms (offsets are characters into the text given):

- digits in Western (0-9), Arabic-Indic (٠-٩) and extended Arabic-Indic (۰-۹) script, with
  thousands separators ``,`` or ``٬`` (``290,000``) and decimal point ``.`` or ``٫`` (``3.5``);
- a scale word after the digits: English *thousand, million, billion, trillion* and Arabic
  ألف/آلاف, مليون/ملايين, مليار/مليارات, بليون, تريليون (with the accusative ending ا), so that
  ``290 ألف`` and ``290,000`` have the same value;
- a percent sign or word after it: ``%``, ``٪``, *percent*, *per cent* (so also *percentage
  points*), بالمئة, بالمائة, في المئة, في المائة, نقطة مئوية / نقاط مئوية (percentage points);
- in Arabic text, thousands groups written in visual right-to-left order, as the UN's Arabic
  documents often do: ``800 1`` is 1,800 and ``000 290 1`` is 1,290,000 (a group of three digits,
  then groups separated by single spaces, the last of one to three digits).

Numbers written only in words ("two", "ثلاثة") are not recognised. A hyphen is read as a range
or a dash, never as a minus sign.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from models.text.arabic import has_arabic, to_western_digits

_SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "\u0623\u0644\u0641": 1e3, "\u0627\u0644\u0641": 1e3, "\u0622\u0644\u0627\u0641": 1e3,  # ألف الف آلاف
    "\u0645\u0644\u064a\u0648\u0646": 1e6, "\u0645\u0644\u0627\u064a\u064a\u0646": 1e6,  # مليون ملايين
    "\u0645\u0644\u064a\u0627\u0631": 1e9, "\u0645\u0644\u064a\u0627\u0631\u0627\u062a": 1e9,  # مليار مليارات
    "\u0628\u0644\u064a\u0648\u0646": 1e9, "\u0628\u0644\u0627\u064a\u064a\u0646": 1e9,  # بليون بلايين
    "\u062a\u0631\u064a\u0644\u064a\u0648\u0646": 1e12,  # تريليون
}
_PERCENT_WORDS = (
    "%", "\u066a", "percent", "per cent",
    "\u0628\u0627\u0644\u0645\u0626\u0629", "\u0628\u0627\u0644\u0645\u0627\u0626\u0629",  # بالمئة بالمائة
    "\u0641\u064a \u0627\u0644\u0645\u0626\u0629", "\u0641\u064a \u0627\u0644\u0645\u0627\u0626\u0629",  # في المئة في المائة
    "\u0646\u0642\u0637\u0629 \u0645\u0626\u0648\u064a\u0629", "\u0646\u0642\u0627\u0637 \u0645\u0626\u0648\u064a\u0629",  # نقطة/نقاط مئوية
)
_SCALE_ALT = "|".join(sorted((re.escape(w) for w in _SCALES), key=len, reverse=True))
_PERCENT_ALT = "|".join(sorted((re.escape(w) for w in _PERCENT_WORDS), key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    r"(?:(?P<rtl>\d{3}(?:\.\d+)?(?: \d{3})* \d{1,3})(?![\d.,])|"
    r"(?P<int>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(?P<frac>\d+))?)"
    rf"(?:[ \u00a0]?(?P<scale>{_SCALE_ALT})(?:\u0627|\u064b|\u0627\u064b)?(?![A-Za-z\u0621-\u064a]))?"
    rf"(?:[ \u00a0]?(?P<pct>{_PERCENT_ALT}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    """A number found in a text: its ``value`` (scale applied: ``2.5 billion`` -> 2.5e9), whether it
    is a ``percent``, and its span ``start``/``end`` in characters, ``text`` being the matched text."""

    value: float
    percent: bool
    start: int
    end: int
    text: str

    @property
    def key(self) -> tuple[float, bool]:
        """What two numbers must share to be the same number: rounded value and percent-ness."""
        return (round(self.value, 6), self.percent)


def extract_numbers(text: str) -> list[Number]:
    """All numbers in ``text`` (Arabic or English) in order of appearance; see the module doc for
    the forms recognised. Offsets are characters into ``text``. Raises nothing."""
    western = to_western_digits(text)  # one character for one: offsets are kept
    rtl_groups = has_arabic(text)
    numbers = []
    pos = 0
    while (m := _NUMBER_RE.search(western, pos)) is not None:
        if m.group("rtl") and not rtl_groups:  # "800 1" in English: two numbers
            m = _NUMBER_RE.match(western, m.start(), m.start() + m.group("rtl").index(" "))
        pos = m.end()
        if m.group("rtl"):
            groups = m.group("rtl").split(" ")
            first, _, frac = groups[0].partition(".")
            value = float("".join(reversed([first] + groups[1:])) + ("." + frac if frac else ""))
        else:
            value = float(m.group("int").replace(",", "") + ("." + m.group("frac") if m.group("frac") else ""))
        if m.group("scale"):
            value *= _SCALES[m.group("scale").lower()]
        numbers.append(Number(value, bool(m.group("pct")), m.start(), m.end(), text[m.start() : m.end()]))
    return numbers


def number_keys(text: str) -> Counter:
    """Multiset of :attr:`Number.key` of the numbers in ``text``."""
    return Counter(n.key for n in extract_numbers(text))
