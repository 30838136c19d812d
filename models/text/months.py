"""Month names in Arabic and English, as month numbers that can be compared like numbers.

Arabic news writes a Gregorian month by its Egyptian/Western name (فبراير), its Levantine
(Syriac) name (شباط), or both (``فبراير/ شباط``); English by its name (``February``, ``Feb.``).
:func:`extract_months` finds them with a proclitic allowed before an Arabic name (وفي يناير،
بفبراير); a double name of one month (``فبراير/ شباط``) is one mention. Names that are also
common words are only taken near a number (a day or a year) or as half of a double name: Arabic
مارس (also "he practised") and English ``May`` and ``March``; آب (August) only with its madda, as أب/اب is "father".
Offsets are characters into the text given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.text.arabic import ARABIC_LETTER_CLASS, DIACRITICS_CLASS

_ARABIC_MONTHS = {
    1: ("يناير", "كانون الثاني", "كانون ثاني"),
    2: ("فبراير", "شباط"),
    3: ("مارس", "آذار", "اذار"),
    4: ("أبريل", "ابريل", "إبريل", "نيسان"),
    5: ("مايو", "أيار", "ايار"),
    6: ("يونيو", "يونيه", "حزيران"),
    7: ("يوليو", "يوليه", "تموز"),
    8: ("أغسطس", "اغسطس", "آب"),
    9: ("سبتمبر", "أيلول", "ايلول"),
    10: ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول", "تشرين أول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني"),
    12: ("ديسمبر", "كانون الأول", "كانون الاول", "كانون أول"),
}
_ENGLISH_MONTHS = (
    "January February March April May June July August September October November December".split()
)
_ENGLISH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                          "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
#: Names taken only next to a number (see the module doc).
_NEEDS_NUMBER = frozenset({"مارس", "May", "March"})

_AR_NAME = {name: month for month, names in _ARABIC_MONTHS.items() for name in names}
_EN_NAME = {name: n for n, name in enumerate(_ENGLISH_MONTHS, 1)} | _ENGLISH_ABBREVIATIONS
_AR_RE = re.compile(
    rf"(?<![{ARABIC_LETTER_CLASS}{DIACRITICS_CLASS}])[وفبل]?"
    rf"(?P<name>{'|'.join(sorted(map(re.escape, _AR_NAME), key=len, reverse=True))})"
    rf"(?![{ARABIC_LETTER_CLASS}])"
)
_EN_RE = re.compile(rf"\b(?P<name>{'|'.join(sorted(_EN_NAME, key=len, reverse=True))})\b\.?")
_NUMBER_NEAR = r"[\s\u00a0,،]*[0-9\u0660-\u0669]"
#: Between two names of one month: a slash, a dash or brackets, with spaces.
_SAME_MONTH_GAP = re.compile(r"[\s/()\-–]*")


@dataclass(frozen=True)
class Month:
    """A month name found in a text: ``month`` 1-12, ``start``/``end`` its span in characters
    (both names of a double name), ``text`` the matched text."""

    month: int
    start: int
    end: int
    text: str


def _near_number(text: str, start: int, end: int) -> bool:
    return bool(re.match(_NUMBER_NEAR, text[end:end + 4]) or re.search(r"[0-9\u0660-\u0669][\s\u00a0,،]*$", text[max(0, start - 4):start]))


def extract_months(text: str) -> list[Month]:
    """Month names in ``text`` (Arabic or English), in order of appearance (see the module doc
    for the forms). Raises nothing."""
    found: list[tuple[Month, bool]] = []  # (month, confirmed)
    for match in list(_AR_RE.finditer(text)) + list(_EN_RE.finditer(text)):
        name = match.group("name")
        start, end = match.start("name"), match.end("name")
        confirmed = name not in _NEEDS_NUMBER or _near_number(text, start, end)
        found.append((Month(_AR_NAME.get(name) or _EN_NAME[name], start, end, name), confirmed))
    found.sort(key=lambda item: item[0].start)
    merged: list[tuple[Month, bool]] = []
    for month, confirmed in found:
        last = merged[-1][0] if merged else None
        if last is not None and last.month == month.month and _SAME_MONTH_GAP.fullmatch(text, last.end, month.start):
            # a double name (آذار/مارس) confirms an ambiguous one
            merged[-1] = (Month(month.month, last.start, month.end, text[last.start:month.end]), True)
        else:
            merged.append((month, confirmed))
    return [month for month, confirmed in merged if confirmed]
