"""A learner's progress on one text: how many of its distinct words are known, being learned,
new, or not yet in the glossary (the status breakdown Lute shows for a book,
``lute/book/stats.py``), and which of its common words the learner does not know yet."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from models.glossary.matching import TermMatch
from models.text.arabic import ARABIC_WORD_RE, fold

#: The breakdown's classes: the term statuses (:data:`models.glossary.store.STATUSES`) and
#: words no term covers.
UNLISTED = "unlisted"


@dataclass(frozen=True)
class WordProgress:
    """Counts of distinct words (folded with :func:`models.text.arabic.fold`, so spellings that
    differ only in diacritics or alef/hamza, ى/ي, ة/ه are one word)."""

    known: int = 0
    learning: int = 0
    new: int = 0
    unlisted: int = 0

    @property
    def total(self) -> int:
        return self.known + self.learning + self.new + self.unlisted


def word_progress(text: str, matches: Sequence[TermMatch]) -> WordProgress:
    """The status breakdown of the Arabic words of ``text``, given the glossary ``matches`` in it
    (:meth:`models.glossary.store.TermStore.matches`, character offsets into ``text``). A word
    inside a matched term counts with that term's status; a word met both inside and outside
    terms counts once, with the status of its first occurrence inside a term."""
    status: dict[str, str] = {}
    ordered = sorted(matches, key=lambda m: m.start)
    i = 0
    for word in ARABIC_WORD_RE.finditer(text):
        while i < len(ordered) and ordered[i].end <= word.start():
            i += 1
        covered = i < len(ordered) and ordered[i].start <= word.start() < ordered[i].end
        key = fold(word.group())
        if covered:
            if status.get(key, UNLISTED) == UNLISTED:
                status[key] = ordered[i].term.status
        else:
            status.setdefault(key, UNLISTED)
    counts = {name: 0 for name in ("known", "learning", "new", UNLISTED)}
    for value in status.values():
        counts[value] += 1
    return WordProgress(**counts)


def frequent_unknown_words(text: str, bands: Mapping[str, int | None], top_bands: int,
                           matches: Sequence[TermMatch]) -> list[tuple[int, int]]:
    """(start, end) character offsets into ``text`` of its Arabic words of frequency band 1 to
    ``top_bands`` (:class:`models.lexicon.frequency.FrequencyBand`; ``bands`` maps a word as
    written to its band, ``None`` when unknown) that no term of status ``known`` covers
    (``matches`` as for :func:`word_progress`): the common words worth learning next. A word
    missing from ``bands`` is left out; ``top_bands`` 0 gives none."""
    known: list[list[int]] = []  # the known terms' spans, overlapping ones merged, in order
    for start, end in sorted((m.start, m.end) for m in matches if m.term.status == "known"):
        if known and start <= known[-1][1]:
            known[-1][1] = max(known[-1][1], end)
        else:
            known.append([start, end])
    spans = []
    i = 0
    for word in ARABIC_WORD_RE.finditer(text):
        band = bands.get(word.group())
        if band is None or not 1 <= band <= top_bands:
            continue
        while i < len(known) and known[i][1] <= word.start():
            i += 1
        if not (i < len(known) and known[i][0] <= word.start()):
            spans.append((word.start(), word.end()))
    return spans
