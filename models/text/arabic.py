"""Arabic script helpers: letter classes, diacritics, format marks and orthographic folding.

All functions take and return ``str`` and count in Unicode code points (characters).
Character ranges follow the Unicode Standard, chapter 9.2 (Arabic) and its blocks
U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF.
"""
from __future__ import annotations

import re
import unicodedata

#: Arabic letters (not digits, punctuation or marks) in the main and supplement blocks and
#: the presentation forms (U+FB50-FDFF, U+FE70-FEFF).
ARABIC_LETTER_CLASS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc"
)
ARABIC_LETTER_RE = re.compile(f"[{ARABIC_LETTER_CLASS}]")
#: Every character of the Arabic blocks: letters, digits, punctuation, marks.
ARABIC_BLOCKS_CLASS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"

#: Harakat, tanwin, shadda, sukun, superscript alef and Quranic annotation marks.
DIACRITICS_CLASS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08ca-\u08ff"
DIACRITICS_RE = re.compile(f"[{DIACRITICS_CLASS}]")

TATWEEL = "\u0640"

#: Bidi controls and zero-width format characters: LRM/RLM, ALM, LRE..RLO, LRI..PDI, ZWNJ, ZWJ,
#: word joiner, BOM.
FORMAT_MARKS_CLASS = "\u200b-\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff"
FORMAT_MARKS_RE = re.compile(f"[{FORMAT_MARKS_CLASS}]")

ARABIC_INDIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
EXTENDED_ARABIC_INDIC_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
#: Decimal digits of the three scripts met in Arabic text: Western (0-9), Arabic-Indic (٠-٩) and
#: extended Arabic-Indic, or Persian (۰-۹).
DIGITS_CLASS = "0-9\u0660-\u0669\u06f0-\u06f9"
_DIGITS_TO_WESTERN = str.maketrans(
    ARABIC_INDIC_DIGITS + EXTENDED_ARABIC_INDIC_DIGITS + "\u066b\u066c",
    "0123456789" * 2 + ".,",
)

_ALEF_FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"})

#: Arabic word: letters, with diacritics, tatweel and format marks allowed inside.
ARABIC_WORD_RE = re.compile(
    f"[{ARABIC_LETTER_CLASS}][{ARABIC_LETTER_CLASS}{DIACRITICS_CLASS}{TATWEEL}{FORMAT_MARKS_CLASS}]*"
)


def has_arabic(text: str) -> bool:
    """True when ``text`` contains at least one Arabic letter (digits and punctuation don't count)."""
    return ARABIC_LETTER_RE.search(text) is not None


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanwin, shadda, sukun, dagger alef and Quranic marks."""
    return DIACRITICS_RE.sub("", text)


def strip_tatweel(text: str) -> str:
    """Remove the tatweel (kashida, U+0640) used to stretch words."""
    return text.replace(TATWEEL, "")


def strip_format_marks(text: str) -> str:
    """Remove bidi controls and zero-width joiners/non-joiners."""
    return FORMAT_MARKS_RE.sub("", text)


PRESENTATION_FORMS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
#: Each presentation form -> its NFKC folding (one or more ordinary letters).
PRESENTATION_FOLD_TABLE = {
    cp: unicodedata.normalize("NFKC", chr(cp)) for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD))
    if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
}


def fold_presentation_forms(text: str) -> str:
    """Map presentation forms (U+FB50-FDFF, U+FE70-FEFC) to base letters by NFKC, those characters
    only (a lam-alef ligature gives two letters); other text, and U+FEFF, as is."""
    if PRESENTATION_FORMS_RE.search(text) is None:
        return text
    return text.translate(PRESENTATION_FOLD_TABLE)


def fold_alef(text: str) -> str:
    """Fold hamzated and wasla alef forms (أ إ آ ٱ) to bare alef (ا)."""
    return text.translate(_ALEF_FOLD)


def to_western_digits(text: str) -> str:
    """Arabic-Indic and extended Arabic-Indic digits to 0-9; Arabic decimal and thousands separators to . and ,."""
    return text.translate(_DIGITS_TO_WESTERN)


def compose(text: str) -> str:
    """NFC: a letter written with a combining hamza or madda as the letter that has it
    (U+0627 U+0655 -> U+0625 إ); other text as is."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def bare(text: str) -> str:
    """The undiacritized written form: presentation forms folded, combining hamza composed (NFC),
    format marks, tatweel and diacritics removed. Letters (hamza seats, ta marbuta, alef maqsura)
    are kept as written."""
    return strip_diacritics(strip_tatweel(strip_format_marks(compose(fold_presentation_forms(text)))))


def fold(text: str) -> str:
    """Orthographic folding for matching: :func:`bare`, then alef forms to ا, ى to ي and ة to ه.

    Two spellings of one word that differ only in hamza seat on alef, final ya/alef maqsura or
    ta marbuta/ha fold to the same string."""
    return fold_alef(bare(text)).replace("\u0649", "\u064a").replace("\u0629", "\u0647")


_PERSIAN_TO_ARABIC = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643", "\u06c0": "\u0629", "\u06d5": "\u0647"})
_REPEAT_RE = re.compile(r"(.)\1{2,}")
_DOUBLE_RE = re.compile(r"(.)\1+")


def fold_persian_letters(text: str) -> str:
    """Persian/Urdu look-alikes often typed in Arabic text (ی ک ۀ ە) to their Arabic letters (ي ك ة ه)."""
    return text.translate(_PERSIAN_TO_ARABIC)


def collapse_repeats(text: str) -> list[str]:
    """Spellings of ``text`` with letters repeated for emphasis collapsed, most conservative
    first: runs of 3+ to one letter, runs of 3+ to two, then every run of 2+ to one
    (``وجيييه`` -> ``وجيه``, ``وجييه``). ``[]`` when nothing repeats."""
    variants: list[str] = []
    for variant in (_REPEAT_RE.sub(r"\1", text), _REPEAT_RE.sub(r"\1\1", text), _DOUBLE_RE.sub(r"\1", text)):
        if variant != text and variant not in variants:
            variants.append(variant)
    return variants
