"""How common a word is: a frequency band from a real frequency list.

Source: the word-frequency table of Arramooz Al-Waseet (Taha Zerrouki; PyPI package
``arramooz-pysqlite``, file ``arramooz/data/wordfreq.sqlite``, GPL-3): 37,714 lemmas (vocalized
without case ending, with a part of speech: ``noun``, ``adj``, ``verb``, ``prep``...) and the
number of times each was counted in a corpus of Arabic text that the package does not name (the
top of the list -- من، على، الذي، رئيس، دولة، فلسطيني -- is that of news text). The table is read
from the package's folder without importing its code.

A lemma's rank is its place in the list by count (1 = most frequent); its band groups the ranks
as learners' frequency dictionaries do (Buckwalter & Parkinson, *A Frequency Dictionary of
Arabic*, 2011, lists the top 5,000): see :class:`FrequencyBand`. A reading is matched to the list
by its lemma's letters and part of speech, preferring the entry with the same vowels; a form
derived by :mod:`models.lexicon.derivation` is matched by its own stem, and only with the same
vowels (the passive participle مُسْتَعْرَض is not the listed active مُسْتَعْرِض).
"""
from __future__ import annotations

import enum
import importlib.util
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.lexicon.analyzer import Analysis
from models.lexicon.transliteration import to_arabic
from models.lexicon.derivation import perfect_of_lemma
from models.text.arabic import DIACRITICS_CLASS, fold_alef, strip_diacritics

if TYPE_CHECKING:
    from models.lexicon.index import Lexicon

log = logging.getLogger(__name__)

PACKAGE = "arramooz"
TABLE_FILE = Path("data") / "wordfreq.sqlite"


class FrequencyBand(enum.IntEnum):
    """Frequency bands by rank in the list, most common first. ``label`` says it in words."""

    TOP_1000 = 1
    TOP_3000 = 2
    TOP_6000 = 3
    TOP_12000 = 4
    LISTED = 5

    @property
    def label(self) -> str:
        return {1: "very common (top 1,000)", 2: "common (top 3,000)", 3: "frequent (top 6,000)",
                4: "less common (top 12,000)", 5: "rare"}[self.value]

    @property
    def limit(self) -> int | None:
        """The band's last rank (1,000 for :attr:`TOP_1000`), ``None`` for :attr:`LISTED`."""
        return {1: 1000, 2: 3000, 3: 6000, 4: 12000}.get(self.value)

    @classmethod
    def of_rank(cls, rank: int) -> "FrequencyBand":
        for band in cls:
            if band.limit is not None and rank <= band.limit:
                return band
        return cls.LISTED


@dataclass(frozen=True)
class Frequency:
    """A reading's place in the list: ``rank`` (1 = most frequent), ``count`` (occurrences in the
    list's corpus), ``band``, ``entry`` (the list's vocalized lemma)."""

    rank: int
    count: int
    band: FrequencyBand
    entry: str

    def to_json(self) -> dict:
        return {"band": int(self.band), "label": self.band.label, "rank": self.rank}


#: Parts of speech of the list that a reading's Buckwalter tag may match.
_VERB_TYPES = frozenset({"verb", "verb_pseudo"})
_NOUN_TYPES = frozenset({"noun", "adj", "adj_comp", "adj_num", "noun_quant", "noun_prop", "adv"})


def _types_for(pos: str) -> frozenset[str] | None:
    if pos.startswith("VERB"):
        return _VERB_TYPES
    if pos.startswith(("NOUN", "ADJ", "ADV")):
        return _NOUN_TYPES
    return None  # function words: any type


class FrequencyList:
    """The frequency table in memory: undiacritized (alef-folded) word -> [(vocalized, type,
    count, rank)]. Raises :class:`sqlite3.Error`/``OSError`` when the file cannot be read."""

    def __init__(self, path: Path):
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            rows = connection.execute("SELECT vocalized, unvocalized, word_type, freq FROM wordfreq").fetchall()
        counts = sorted((row[3] for row in rows), reverse=True)
        first_rank: dict[int, int] = {}
        for place, count in enumerate(counts, 1):
            first_rank.setdefault(count, place)
        self.entries: dict[str, list[tuple[str, str, int, int]]] = {}
        for vocalized, unvocalized, word_type, count in rows:
            self.entries.setdefault(fold_alef(unvocalized), []).append((vocalized, word_type, count, first_rank[count]))
        self.size = len(rows)

    def lookup(self, word: str, pos: str = "", vocalized: str = "", exact: bool = False) -> Frequency | None:
        """The entry for undiacritized Arabic ``word`` whose part of speech suits the Buckwalter
        tag ``pos`` ("" for any), the one with the vowels of ``vocalized`` (Arabic, final mark
        ignored) if there is one, else (unless ``exact``) the most frequent; ``None`` when the
        list lacks it."""
        candidates = self.entries.get(fold_alef(word), [])
        types = _types_for(pos)
        suitable = [c for c in candidates if types is None or c[1] in types]
        if not suitable:
            return None
        wanted = _without_final_mark(vocalized)
        same = [c for c in suitable if wanted and _without_final_mark(c[0]) == wanted]
        if exact and not same:
            return None
        voc, _type, count, rank = max(same or suitable, key=lambda c: c[2])
        return Frequency(rank, count, FrequencyBand.of_rank(rank), voc)


_FINAL_MARKS_RE = re.compile(f"[{DIACRITICS_CLASS}]+$")


def _without_final_mark(vocalized: str) -> str:
    return _FINAL_MARKS_RE.sub("", vocalized)


def table_path() -> Path | None:
    """The frequency table of the installed ``arramooz`` package, ``None`` when missing."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / TABLE_FILE
        if path.is_file():
            return path
    return None


_shared: FrequencyList | None = None
_shared_reason: str | None = None
_lock = threading.Lock()


def shared_list() -> FrequencyList | None:
    """One process-wide :class:`FrequencyList`, loaded on first use (thread-safe); ``None`` when
    it cannot be had (:func:`unavailable_reason` says why)."""
    global _shared, _shared_reason
    with _lock:
        if _shared is None and _shared_reason is None:
            path = table_path()
            if path is None:
                _shared_reason = "The word frequency list is missing: install the arramooz-pysqlite package."
            else:
                try:
                    _shared = FrequencyList(path)
                except (sqlite3.Error, OSError) as exc:
                    _shared_reason = f"The word frequency list could not be read ({exc})."
            if _shared_reason:
                log.warning("%s", _shared_reason)
        return _shared


def unavailable_reason() -> str | None:
    """Why there is no frequency list (a sentence), or ``None`` when there is one."""
    shared_list()
    return _shared_reason


def analysis_frequency(analysis: Analysis, frequencies: FrequencyList | None = None) -> Frequency | None:
    """The frequency of a reading's lemma (module docstring); ``None`` for a backoff reading,
    one the list lacks, or when the list is unavailable."""
    frequencies = frequencies or shared_list()
    if frequencies is None or analysis.backoff or not analysis.lemma:
        return None
    if analysis.derived_from is not None:  # its vowels come from the pattern: only the same word counts
        stem = to_arabic(analysis.stem.split()[-1])
        pos = analysis.pos.split()[-1]
        form = next((segment.form for segment in analysis.segments if segment.pos == pos), "")
        return frequencies.lookup(stem, pos, form, exact=True)
    lemma = analysis.lemma.split()[-1]
    vocalized = to_arabic(perfect_of_lemma(lemma).replace("{", "A"))
    return frequencies.lookup(strip_diacritics(vocalized), analysis.pos.split()[-1], vocalized)


def frequency_band(word: str, lexicon: "Lexicon | None" = None) -> FrequencyBand | None:
    """The band of the written Arabic ``word``: that of its most common reading (no context), as
    a reader marking frequent words needs it (بضع is common as بِضْع "several", though the
    lexicon lists the rare verb بَضَعَ first). ``None`` when the list has none of its readings.
    ``lexicon`` defaults to the shared one (:func:`models.lexicon.index.shared_lexicon`, loaded
    if need be)."""
    from models.lexicon.lookup import lookup

    bands = [found.band for found in map(analysis_frequency, lookup(word, lexicon).analyses) if found]
    return min(bands) if bands else None
