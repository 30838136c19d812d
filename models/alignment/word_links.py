"""Word links: which English words of a sentence render which Arabic words of its source.

One result type, :class:`WordLink`: a source span, a target span (character offsets into the
Arabic and the English sentence text), a score in [0, 1] and the evidence it rests on (one of
:class:`Evidence`, or several joined by ``+`` when more than one kind found the same link). The
links of a sentence pair come from the lexicon (:func:`models.alignment.lexical.lexicon_links`),
from the translation model's alignment attention (:func:`models.alignment.attention.attention_links`)
or from both (:func:`combine`).

Words are what :func:`source_words` and :func:`target_words` find: Arabic words (letters with
their diacritics; clitics are not split off), Latin-script words and numbers; punctuation and
spaces belong to no word. :class:`LinkIndex` answers "what is linked to the word at this offset"
in microseconds, for hover highlighting.
"""
from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from models.text.arabic import ARABIC_LETTER_CLASS, DIACRITICS_CLASS, FORMAT_MARKS_CLASS, TATWEEL

Span = tuple[int, int]


class Evidence(str, enum.Enum):
    """What a link rests on."""

    GLOSS = "gloss"  # an English gloss of the Arabic stem is the English word (lemmas compared)
    CLITIC = "clitic"  # a clitic or function word's gloss (و "and", ال "the", في "in")
    NUMBER = "number"  # the same number (:mod:`models.text.numbers`)
    MONTH = "month"  # the same month (:mod:`models.text.months`)
    NAME = "name"  # the same consonant skeleton (:mod:`models.text.names`)
    COPY = "copy"  # a Latin-script word of the source written again in the translation
    MODEL = "model"  # the translation model's alignment attention


@dataclass(frozen=True)
class WordLink:
    """A link between one source word (or number) and one target word: ``source_span`` and
    ``target_span`` are (start, end) character offsets into the source and the target sentence
    text; ``score`` is in [0, 1], higher more certain; ``evidence`` names what found it (an
    :class:`Evidence` value, or several joined by ``+``)."""

    source_span: Span
    target_span: Span
    score: float
    evidence: str

    def to_json(self) -> dict:
        """``{"source": [start, end], "target": [start, end], "score": float, "evidence": str}``."""
        return {"source": list(self.source_span), "target": list(self.target_span),
                "score": round(float(self.score), 4), "evidence": str(self.evidence)}

    def shifted(self, source_offset: int, target_offset: int) -> "WordLink":
        """The same link with its spans moved by the given numbers of characters (from offsets into
        a sentence to offsets into the whole text it is part of)."""
        (a, b), (c, d) = self.source_span, self.target_span
        return WordLink((a + source_offset, b + source_offset), (c + target_offset, d + target_offset), self.score, self.evidence)

    @classmethod
    def from_json(cls, data: dict) -> "WordLink":
        """The inverse of :meth:`to_json`. Raises ``KeyError``/``ValueError``/``TypeError`` for a
        malformed record."""
        (s0, s1), (t0, t1) = data["source"], data["target"]
        return cls((int(s0), int(s1)), (int(t0), int(t1)), float(data["score"]), str(data["evidence"]))


#: A source of model word links: given (source text, target text) pairs, one list of links per
#: pair, spans into each text (:meth:`models.translation.engine.Engine.word_links`).
ModelLinks = Callable[[Sequence[tuple[str, str]]], list[list[WordLink]]]

_NUMBER = r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # ASCII, Latin-1 and Latin Extended-A/B letters
_LATIN = f"[{_LATIN_LETTER}]+(?:['\u2019][{_LATIN_LETTER}]+)?"
_SOURCE_WORD_RE = re.compile(
    f"[{ARABIC_LETTER_CLASS}][{ARABIC_LETTER_CLASS}{DIACRITICS_CLASS}{TATWEEL}{FORMAT_MARKS_CLASS}]*|{_LATIN}|{_NUMBER}"
)
_TARGET_WORD_RE = re.compile(f"{_LATIN}|{_NUMBER}")


def source_words(text: str) -> list[Span]:
    """(start, end) of each word of an Arabic sentence: Arabic words as written (clitics attached),
    Latin-script words and numbers (either digit script, with separators), in order."""
    return [m.span() for m in _SOURCE_WORD_RE.finditer(text)]


def target_words(text: str) -> list[Span]:
    """(start, end) of each word of an English sentence: words of Latin letters (hyphenated parts
    apart, an apostrophe's ending kept: ``Kerry's``; accented letters too: ``Félicien``) and numbers (``290,000``), in order."""
    return [m.span() for m in _TARGET_WORD_RE.finditer(text)]


def overlaps(a: Span, b: Span) -> bool:
    """Whether two (start, end) spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def combine(*link_sets: Iterable[WordLink]) -> list[WordLink]:
    """The union of several sets of links over the same sentence pair. Links of the same two
    spans become one, with score ``1 - prod(1 - score)`` (independent evidence) and their
    evidence kinds joined by ``+``. Sorted by source span, then target span."""
    merged: dict[tuple[Span, Span], WordLink] = {}
    for links in link_sets:
        for link in links:
            key = (link.source_span, link.target_span)
            seen = merged.get(key)
            if seen is None:
                merged[key] = link
                continue
            kinds = list(dict.fromkeys(seen.evidence.split("+") + str(link.evidence).split("+")))
            score = 1.0 - (1.0 - seen.score) * (1.0 - link.score)
            merged[key] = WordLink(link.source_span, link.target_span, min(1.0, score), "+".join(kinds))
    return sorted(merged.values(), key=lambda link: (link.source_span, link.target_span))


def linked_text(text: str, spans: Sequence[Span]) -> str:
    """The words of ``text`` at ``spans`` in text order, joined by single spaces (the popup's
    "here: *military cooperation*"); ``""`` for no span."""
    return " ".join(text[a:b] for a, b in sorted(set(spans)))


class LinkIndex:
    """The links of one sentence pair, indexed for hover: :meth:`targets_at` gives the target
    spans linked to the source word at a character offset, :meth:`sources_at` the other way.
    Building is O(n log n) in the number of links, a query O(log n + answers)."""

    def __init__(self, links: Sequence[WordLink]) -> None:
        self.links = list(links)
        self._by_source = sorted(self.links, key=lambda link: link.source_span)
        self._by_target = sorted(self.links, key=lambda link: link.target_span)
        self._source_starts = [link.source_span[0] for link in self._by_source]
        self._target_starts = [link.target_span[0] for link in self._by_target]
        self._longest = max((max(l.source_span[1] - l.source_span[0], l.target_span[1] - l.target_span[0])
                             for l in self.links), default=0)

    @staticmethod
    def _at(ordered: list[WordLink], starts: list[int], offset: int, longest: int, source: bool) -> list[tuple[Span, float]]:
        lo = bisect.bisect_left(starts, offset - longest)
        hi = bisect.bisect_right(starts, offset)
        best: dict[Span, float] = {}
        for link in ordered[lo:hi]:
            here, there = (link.source_span, link.target_span) if source else (link.target_span, link.source_span)
            if here[0] <= offset < here[1] and link.score > best.get(there, -1.0):
                best[there] = link.score
        return sorted(best.items())

    def targets_at(self, offset: int) -> list[tuple[Span, float]]:
        """(target span, score) of each target word linked to the source word holding character
        ``offset`` of the source sentence, best score per span, in text order; ``[]`` for none."""
        return self._at(self._by_source, self._source_starts, offset, self._longest, True)

    def sources_at(self, offset: int) -> list[tuple[Span, float]]:
        """(source span, score) of each source word linked to the target word holding character
        ``offset`` of the target sentence, best score per span, in text order; ``[]`` for none."""
        return self._at(self._by_target, self._target_starts, offset, self._longest, False)
