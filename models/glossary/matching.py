"""Finding the learner's glossary terms in a text: the one matcher used by the reader's term
highlighting (:class:`models.glossary.store.TermStore`) and by the draft check's
``glossary_term`` flag (:mod:`models.drafts.checks`).

Terms are single words or multi-word expressions (جبهة النصرة, وقف إطلاق النار). They are matched
by their *key* (:func:`term_key`): the Arabic words folded with :func:`models.text.arabic.fold`
(no diacritics, أ إ آ ٱ -> ا, ى -> ي, ة -> ه), so that any diacritics or alef/hamza spelling
matches. The first word may carry proclitics (:mod:`models.lexicon.clitics`: و ف ب ك ل ال س and
their combinations, لل for ل + ال) and the last word pronoun suffixes (ه ها هم هما هن ك كم كما
كن ي ني نا, with ة written ت before them); words of a multi-word term are separated by white
space only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from models.lexicon.clitics import proclitic_bases
from models.text.arabic import ARABIC_WORD_RE, fold

if TYPE_CHECKING:
    from models.glossary.store import Term

#: Pronoun suffixes (folded) that may follow the last word of a term.
SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "ني", "نا", "ه", "ك", "ي")
#: Fewest letters left of a word once a proclitic or suffix is taken off.
MIN_BASE = 2


@dataclass(frozen=True)
class TermMatch:
    """A term found in a text: ``start``/``end`` are character offsets (code points) into the
    text, covering the whole written words (clitics included)."""

    start: int
    end: int
    term: Term


def term_key(text: str) -> str:
    """The matching key of a term: its Arabic words folded (:func:`models.text.arabic.fold`) and
    joined by one space; ``""`` when ``text`` has no Arabic word."""
    return " ".join(fold(w) for w in ARABIC_WORD_RE.findall(text))


def find_terms(text: str, terms: Sequence[Term]) -> list[TermMatch]:
    """Occurrences of ``terms`` in ``text``, left to right, not overlapping (the longest term
    wins at a position; among terms of one key, the first given). A term's ``key`` is computed
    from its ``term`` when empty. Raises nothing."""
    by_first: dict[str, list[tuple[list[str], Term]]] = {}
    for term in terms:
        words = (term.key or term_key(term.term)).split()
        if words:
            by_first.setdefault(words[0], []).append((words, term))
    if not by_first:
        return []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in ARABIC_WORD_RE.finditer(text)]
    result: list[TermMatch] = []
    i = 0
    while i < len(tokens):
        first = tokens[i][2]
        best: tuple[int, Term] | None = None
        candidates = [c for base in proclitic_bases(first, MIN_BASE) for c in by_first.get(base, ())]
        candidates += [c for base in _both_bases(first) for c in by_first.get(base, ()) if len(c[0]) == 1]
        for words, term in candidates:
            n = len(words)
            if best is not None and n <= best[0]:
                continue
            if n == 1 or _rest_matches(text, tokens, i, words):
                best = (n, term)
        if best is None:
            i += 1
            continue
        n, term = best
        result.append(TermMatch(tokens[i][0], tokens[i + n - 1][1], term))
        i += n
    return result


def _last_word_bases(word: str) -> set[str]:
    """Folded ``word`` and its forms without a pronoun suffix (ت restored to ة, folded ه)."""
    bases = {word}
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            stem = word[: -len(suffix)]
            bases.add(stem)
            if stem.endswith("ت"):
                bases.add(stem[:-1] + "ه")
    return bases


def _both_bases(word: str) -> set[str]:
    return {b for base in proclitic_bases(word, MIN_BASE) for b in _last_word_bases(base)}


def _rest_matches(text: str, tokens: list[tuple[int, int, str]], i: int, words: list[str]) -> bool:
    n = len(words)
    if i + n > len(tokens):
        return False
    for j in range(1, n):
        if text[tokens[i + j - 1][1]:tokens[i + j][0]].strip():
            return False  # punctuation or other text between the words
        word = tokens[i + j][2]
        if j == n - 1:
            if words[j] not in _last_word_bases(word):
                return False
        elif word != words[j]:
            return False
    return True
