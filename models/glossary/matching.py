"""Finding the learner's glossary terms in a text: the one matcher used by the reader's term
highlighting (:class:`models.glossary.store.TermStore`) and by the draft check's
``glossary_term`` flag (:mod:`models.drafts.checks`).

Terms are single words or multi-word expressions (جبهة النصرة, وقف إطلاق النار, القرار 2254). A
term's words are its Arabic words and its numbers (digits of any script, with ``.`` ``,`` ``٫``
``٬`` between digit groups); other characters (Latin letters, punctuation) are not part of it.
Each word is known in two forms:

* its *spelling* (:func:`term_spelling`): as written, without diacritics, tatweel or format marks
  (:func:`models.text.arabic.bare`), digits as their values (٢٤٢ and ۲۴۲ are 242). Two terms
  with the same spelling are the same term;
* its *key* (:func:`term_key`): the spelling folded (:func:`models.text.arabic.fold`: أ إ آ ٱ -> ا,
  ى -> ي, ة -> ه), so that a text written with other hamza or final-letter spellings matches too.

A text's words are matched to terms by key; where several terms match a place, the longest wins,
then the one spelled as the text is (a text's على is the term على when both على and علي are
saved, and علي when only علي is). The first word may carry proclitics
(:mod:`models.lexicon.clitics`: و ف ب ك ل ال س and their combinations, لل for ل + ال) and the last
word pronoun suffixes (ه ها هم هما هن ك كم كما كن ي ني نا, with ة written ت before them); words
of a multi-word term are separated by white space only.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Sequence

from models.lexicon.clitics import proclitic_bases
from models.text.arabic import ARABIC_WORD_RE, DIGITS_CLASS, bare, fold, has_arabic, to_western_digits

if TYPE_CHECKING:
    from models.glossary.store import Term

#: Pronoun suffixes (folded) that may follow the last word of a term.
SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "ني", "نا", "ه", "ك", "ي")
#: Fewest letters left of a word once a proclitic or suffix is taken off.
MIN_BASE = 2
#: A number: digits of any script, with a decimal or thousands separator between digit groups.
NUMBER_PATTERN = f"[{DIGITS_CLASS}]+(?:[.,\u066b\u066c][{DIGITS_CLASS}]+)*"
#: A word of a term or text: an Arabic word (letters, with diacritics, tatweel and format marks
#: inside) or a number.
TERM_WORD_RE = re.compile(f"{ARABIC_WORD_RE.pattern}|{NUMBER_PATTERN}")
_TA_MARBUTA, _FOLDED_TA_MARBUTA = "\u0629", "\u0647"


@dataclass(frozen=True)
class TermMatch:
    """A term found in a text: ``start``/``end`` are character offsets (code points) into the
    text, covering the whole written words (clitics included)."""

    start: int
    end: int
    term: Term


def _spelled(word: str) -> str:
    """One word as spelled for matching: :func:`models.text.arabic.bare`, digits to 0-9."""
    return to_western_digits(bare(word))


def term_spelling(text: str) -> str:
    """The spelling of a term: its words (Arabic words and numbers) without diacritics, tatweel
    or format marks, digits in 0-9, joined by one space; ``""`` when ``text`` has no Arabic word.
    Two terms with one spelling are one term (``"القرار ٢٤٢"`` is ``"القرار 242"``)."""
    words = [_spelled(w) for w in TERM_WORD_RE.findall(text)]
    return " ".join(words) if any(has_arabic(w) for w in words) else ""


def term_key(text: str) -> str:
    """The matching key of a term: its spelling (:func:`term_spelling`) with each word folded
    (:func:`models.text.arabic.fold`); ``""`` when ``text`` has no Arabic word."""
    return key_of_spelling(term_spelling(text))


def key_of_spelling(spelling: str) -> str:
    """The matching key of a term from its spelling (as :func:`term_spelling` gives it)."""
    return fold(spelling)


def matches_between(matches: Sequence[TermMatch], start: int, end: int) -> Sequence[TermMatch]:
    """The slice of ``matches`` (as :func:`find_terms` gives them: in order, not overlapping)
    that overlap character offsets ``start`` to ``end``, found by binary search: a slice of a
    book's text costs the same whatever the number of matches in the book."""
    first = bisect.bisect_right(matches, start, key=attrgetter("end"))
    return matches[first:bisect.bisect_left(matches, end, lo=first, key=attrgetter("start"))]


def find_terms(text: str, terms: Sequence[Term]) -> list[TermMatch]:
    """Occurrences of ``terms`` in ``text``, left to right, not overlapping: at a position the
    longest term wins, then the term spelled as the text is, then the first given. A term's
    ``key`` and ``spelling`` are computed from its ``term`` when empty. Raises nothing."""
    by_first: dict[str, list[tuple[list[str], list[str], int, Term]]] = {}
    for order, term in enumerate(terms):
        words = (term.key or term_key(term.term)).split()
        if words:
            spelling = (term.spelling or term_spelling(term.term)).split()
            by_first.setdefault(words[0], []).append((words, spelling, order, term))
    if not by_first:
        return []
    tokens = [(m.start(), m.end(), _spelled(m.group())) for m in TERM_WORD_RE.finditer(text)]
    folded = [fold(spelling) for _, _, spelling in tokens]
    result: list[TermMatch] = []
    i = 0
    while i < len(tokens):
        first = folded[i]
        candidates = [c for base in proclitic_bases(first, MIN_BASE) for c in by_first.get(base, ())]
        candidates += [c for base in _both_bases(first) for c in by_first.get(base, ()) if len(c[0]) == 1]
        n = 0
        found: list[tuple[list[str], int, Term]] = []  # the longest terms that match here
        for words, spelling, order, term in candidates:
            if len(words) < n:
                continue
            if len(words) == 1 or _rest_matches(text, tokens, folded, i, words):
                if len(words) > n:
                    n, found = len(words), []
                found.append((spelling, order, term))
        if not found:
            i += 1
            continue
        if len(found) > 1:
            found.sort(key=lambda c: (-_spelled_as_written(c[0], tokens, i), c[1]))
        result.append(TermMatch(tokens[i][0], tokens[i + n - 1][1], found[0][2]))
        i += n
    return result


def _spelled_as_written(spelling: list[str], tokens: list[tuple[int, int, str]], i: int) -> int:
    """How many words of a term (``spelling``, matched by key at token ``i``) the text spells as
    the term does, clitics aside."""
    n = len(spelling)
    same = 0
    for j, word in enumerate(spelling):
        written = tokens[i + j][2]
        if n == 1:
            bases = _both_bases(written, _TA_MARBUTA)
        elif j == 0:
            bases = proclitic_bases(written, MIN_BASE)
        elif j == n - 1:
            bases = _last_word_bases(written, _TA_MARBUTA)
        else:
            bases = {written}
        same += word in bases
    return same


def _last_word_bases(word: str, ta_marbuta: str = _FOLDED_TA_MARBUTA) -> set[str]:
    """``word`` (folded, or spelled with ``ta_marbuta`` ة) and its forms without a pronoun
    suffix (a ت left before the suffix restored to ``ta_marbuta``)."""
    bases = {word}
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            stem = word[: -len(suffix)]
            bases.add(stem)
            if stem.endswith("ت"):
                bases.add(stem[:-1] + ta_marbuta)
    return bases


def _both_bases(word: str, ta_marbuta: str = _FOLDED_TA_MARBUTA) -> set[str]:
    return {b for base in proclitic_bases(word, MIN_BASE) for b in _last_word_bases(base, ta_marbuta)}


def _rest_matches(text: str, tokens: list[tuple[int, int, str]], folded: list[str], i: int, words: list[str]) -> bool:
    n = len(words)
    if i + n > len(tokens):
        return False
    for j in range(1, n):
        if text[tokens[i + j - 1][1]:tokens[i + j][0]].strip():
            return False  # punctuation or other text between the words
        word = folded[i + j]
        if j == n - 1:
            if words[j] not in _last_word_bases(word):
                return False
        elif word != words[j]:
            return False
    return True
