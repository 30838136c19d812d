"""What a word's links say about its gloss in this sentence: the English it became, the reading
whose gloss that English matches, and a name it stands for.

The glossary popup shows the linked English ("here: *military cooperation*"), puts first the
reading whose stem gloss shares a lemma with the linked words (:func:`rank_by_links`; the
whole-sentence ranking of :func:`models.lexicon.ranking.rank` misses inflected forms and glosses
of other words of the sentence), and, for an Arabic word linked by its letters to an English
proper name (:data:`Evidence.NAME`: كيري *Kerry*, مستورا *Mistura*), shows that name before the
lexicon's readings (كيري "bellows", مستورا "hidden").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from models.alignment.word_links import Evidence, LinkIndex, linked_text
from models.lexicon.analyzer import Analysis
from models.lexicon.dictionary import gloss_content_words
from models.text.lemmas import lemma


@dataclass(frozen=True)
class WordContext:
    """``linked``: the English words linked to the word, in text order, joined by spaces (``""``
    for none); ``name``: those of them linked as a name (by letters), ``""`` for none."""

    linked: str = ""
    name: str = ""


def word_context(index: LinkIndex, translation: str, offset: int) -> WordContext:
    """The :class:`WordContext` of the Arabic word holding character ``offset`` of the source
    sentence, from the sentence pair's links ``index``; ``translation`` is the target sentence."""
    targets = index.targets_at(offset)
    names = [link.target_span for link in index.links
             if link.source_span[0] <= offset < link.source_span[1] and Evidence.NAME.value in link.evidence.split("+")]
    return WordContext(linked_text(translation, [span for span, _ in targets]), linked_text(translation, names))


def _lemmas(words) -> frozenset[str]:
    return frozenset(lemma(w) for w in words)


def rank_by_links(analyses: Sequence[Analysis], linked: str) -> list[Analysis]:
    """``analyses`` (ranked, best first) with those whose stem gloss shares a content-word lemma
    with the ``linked`` English words moved first, the order kept otherwise (a stable sort);
    backoff readings stay after the lexicon's. A new list; unchanged order for ``linked == ""``."""
    wanted = _lemmas(gloss_content_words(linked))
    if not wanted:
        return list(analyses)
    return sorted(analyses, key=lambda a: (a.backoff, not (_lemmas(gloss_content_words(a.gloss)) & wanted)))
