"""Consonant skeletons for matching names across Arabic and English script without a dictionary.

A proper name keeps its consonants when it is transliterated: كيري and *Kerry* both reduce to
``KR``, لافروف and *Lavrov* to ``LFRF``, أستراليا and *Australia* to ``STRL``. Both scripts are
mapped onto one coarse consonant alphabet (B D F G H K L M N R S T Z-less: sibilants merged into
``S``, emphatics into their plain letters, ج/غ/g/j into ``G``, p into ``B``, v/ph into ``F``),
vowels and vowel-letters (ا و ي ى ة ء ع, a e i o u w y) are dropped and doubled consonants
collapse. The Arabic definite article and one-letter proclitics (:mod:`models.lexicon.clitics`)
are removed first (والـ، بالـ…).
This is a rough phonetic key in the spirit of Soundex (Russell & Odell, 1918), made for
cross-script matching; it finds names, not translations.
"""
from __future__ import annotations

import re
import unicodedata

from models.lexicon.clitics import ARABIC_ARTICLE_PROCLITICS, ARABIC_NOUN_PROCLITICS
from models.text.arabic import ARABIC_WORD_RE, fold

_AR_MAP = str.maketrans({
    "ب": "B", "پ": "B", "ت": "T", "ث": "T", "ج": "G", "ح": "H", "خ": "K", "د": "D", "ذ": "D",
    "ر": "R", "ز": "S", "س": "S", "ش": "S", "ص": "S", "ض": "D", "ط": "T", "ظ": "S", "غ": "G",
    "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H",
    "ا": "", "و": "", "ي": "", "ى": "", "ة": "", "ء": "", "ئ": "", "ؤ": "", "ع": "", "ـ": "",
})
#: The longest proclitic sequence ending with the article (وال، بال، لل...), 2+ letters left.
_AR_ARTICLE_RE = re.compile("^(?:" + "|".join(ARABIC_ARTICLE_PROCLITICS) + ")(?=..)")
#: One proclitic letter (و ف ب ك ل), 3+ letters left.
_AR_PROCLITIC_RE = re.compile("^[" + "".join(form for form in ARABIC_NOUN_PROCLITICS if len(form) == 1) + "](?=...)")
_EN_RULES = [
    (re.compile(r"ph"), "f"), (re.compile(r"(?<=[sctgk])h"), ""), (re.compile(r"ng"), "n"),
    (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"ck|c|q|x"), "k"),
]
_EN_MAP = str.maketrans({
    "b": "B", "p": "B", "t": "T", "d": "D", "g": "G", "j": "G", "h": "H", "k": "K", "l": "L",
    "m": "M", "n": "N", "r": "R", "s": "S", "z": "S", "f": "F", "v": "F",
    "a": "", "e": "", "i": "", "o": "", "u": "", "w": "", "y": "",
})
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the this that these those there their they then than when while with which what where whose"
    " since under after before between during from for and but other such some many most all both"
    " each further also however although its his her our we it in on at by as an to of not no"
    " secretary general president minister state states united nations council assembly committee"
    " republic government report resolution article paragraph section annex".split()
)
_LATIN_NAME_RE = re.compile(r"[A-Z][A-Za-z]+|[a-z]{3,}")


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def arabic_skeletons(word: str) -> set[str]:
    """Consonant skeletons of one Arabic word (see the module doc): of the word as written, without
    the definite article (with its proclitics) and without one proclitic letter (و ف ب ل ك), as
    a proclitic cannot be told from a first letter without a lexicon. A final ta marbuta, which
    :func:`models.text.arabic.fold` writes as ه, is also dropped, as English names end in a vowel
    there (النصرة, *Nusra*)."""
    forms = set()
    for spelling in {fold(word), fold(word.removesuffix("\u0629"))}:
        forms |= {spelling, _AR_ARTICLE_RE.sub("", spelling, count=1), _AR_PROCLITIC_RE.sub("", spelling, count=1)}
    return {_collapse(f.translate(_AR_MAP)) for f in forms if len(f) >= 3}


def english_skeleton(word: str) -> str:
    """Consonant skeleton of one English word (see the module doc), accents ignored
    (*Félicien* as *Felicien*); ``""`` when none."""
    w = unicodedata.normalize("NFKD", word.lower())
    for pattern, repl in _EN_RULES:
        w = pattern.sub(repl, w)
    return _collapse(re.sub("[^a-z]", "", w).translate(_EN_MAP))


def same_name(keys: set[str] | frozenset[str], key: str, prefix_minimum: int = 3) -> bool:
    """Whether skeleton ``key`` is one of ``keys``, or one begins the other and the shorter has at
    least ``prefix_minimum`` consonants: an ending the other script does not write (*Griffiths*
    GRFTS and غريفيث GRFT, *Russian* RSN and روسيا RS when ``prefix_minimum`` is 2)."""
    if key in keys:
        return True
    return any((key.startswith(k) or k.startswith(key)) and min(len(k), len(key)) >= prefix_minimum for k in keys)


def arabic_name_keys(text: str, minimum: int = 2) -> set[str]:
    """Skeletons of at least ``minimum`` consonants of the Arabic words of ``text``."""
    return {k for w in ARABIC_WORD_RE.findall(text) for k in arabic_skeletons(w) if len(k) >= minimum}


def english_names(text: str, minimum: int = 2) -> list[tuple[int, int, str]]:
    """(start, end, skeleton) of each capitalized word of ``text`` that may be a name (function
    words and common institutional words left out; a possessive ``'s`` is not part of the name),
    whose skeleton has at least ``minimum`` consonants, in order. Offsets are characters."""
    found = []
    for match in re.finditer(r"[A-Z][a-z\u00df-\u00f6\u00f8-\u00ff]+(?:-[A-Z][a-z\u00df-\u00f6\u00f8-\u00ff]+)*|[A-Z]{2,}", text):
        word = match.group()
        if word.lower() in _ENGLISH_FUNCTION_WORDS:
            continue
        key = english_skeleton(word)
        if len(key) >= minimum:
            found.append((match.start(), match.end(), key))
    return found


def english_name_keys(text: str, minimum: int = 2) -> list[str]:
    """Skeletons of the capitalized words of ``text`` that may be names (function words and
    common institutional words left out), at least ``minimum`` consonants long, in order."""
    return [key for _, _, key in english_names(text, minimum)]


def name_in_translation(word: str, translation: str, minimum: int = 2) -> str:
    """The capitalized word of ``translation`` that the Arabic ``word`` spells as a name (same
    skeleton, :func:`same_name`, at least ``minimum`` consonants: مستورا and *Mistura*), ``""``
    when none does."""
    keys = {k for k in arabic_skeletons(word) if len(k) >= minimum}
    for start, end, key in english_names(translation, minimum):
        if keys and same_name(keys, key):
            return translation[start:end]
    return ""
