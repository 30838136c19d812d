"""Word links in translator mode: the word under the pointer in one of the three columns
(Arabic | draft | machine translation) and the words linked to it in the others, each with the
``linked`` colour at an opacity by the link's score (:func:`gui.word_link_hover.link_color`).

Source-draft links are the draft check's (:attr:`DraftCheck.word_links`, lexicon and model
links, document offsets); source-machine-translation links are the lexicon's, computed for a
sentence pair on its first hover (:class:`models.alignment.link_cache.LinkCache`).
"""
from __future__ import annotations

from itertools import chain

from PySide6.QtGui import QColor

from gui.word_link_hover import link_color
from models.alignment.lexical import default_reader
from models.alignment.link_cache import LinkCache
from models.alignment.word_links import LinkIndex, Span, source_words, target_words
from models.drafts.checks import DraftCheck
from models.text.segmentation import sentence_at

SOURCE, DRAFT, MT = "source", "draft", "mt"

Highlights = dict[str, list[tuple[int, int, QColor]]]


class DraftWordLinks:
    """The word links of one draft check (and its machine translations, one per source sentence,
    laid out in the third column at ``mt_spans``), answering :meth:`highlights_at`."""

    def __init__(self, check: DraftCheck, translations: list[str] | None = None,
                 mt_spans: list[tuple[int, int]] | None = None) -> None:
        self.check = check
        self.translations, self.mt_spans = translations, mt_spans or []
        self.index = LinkIndex(list(chain.from_iterable(check.word_links)))
        self._mt_cache: LinkCache | None = None

    def _mt_index(self, i: int) -> LinkIndex | None:
        if self.translations is None or not 0 <= i < len(self.translations) or not self.translations[i]:
            return None
        if self._mt_cache is None:
            self._mt_cache = LinkCache(default_reader())  # loaded already by the check
        return self._mt_cache.index(self.check.source_sentences[i].text, self.translations[i])

    def highlights_at(self, column: str, offset: int) -> Highlights:
        """Spans to paint per column ("source", "draft", "mt"; character offsets into each
        column's text) for the pointer at character ``offset`` of ``column``: the word there and
        the words linked to it; empty lists when it is over no linked word."""
        found: Highlights = {SOURCE: [], DRAFT: [], MT: []}
        if column == SOURCE:
            word = _word_at(source_words(self.check.source_text), offset)
            if word is None:
                return found
            found[DRAFT] = [(a, b, link_color(score)) for (a, b), score in self.index.targets_at(offset)]
            i = sentence_at(self.check.source_sentences, offset)
            index = self._mt_index(i) if i is not None else None
            if index is not None:
                start, shift = self.check.source_sentences[i].start, self.mt_spans[i][0]
                found[MT] = [(a + shift, b + shift, link_color(s)) for (a, b), s in index.targets_at(offset - start)]
        elif column == DRAFT:
            word = _word_at(target_words(self.check.draft_text), offset)
            if word is None:
                return found
            found[SOURCE] = [(a, b, link_color(score)) for (a, b), score in self.index.sources_at(offset)]
        else:
            i = next((k for k, (a, b) in enumerate(self.mt_spans) if a <= offset < b), None)
            index = self._mt_index(i) if i is not None else None
            word = _word_at(target_words(self.translations[i]), offset - self.mt_spans[i][0]) if index is not None else None
            if word is None:
                return found
            shift, start = self.mt_spans[i][0], self.check.source_sentences[i].start
            word = (word[0] + shift, word[1] + shift)
            found[SOURCE] = [(a + start, b + start, link_color(s)) for (a, b), s in index.sources_at(offset - shift)]
        if any(found.values()):
            found[column].append((*word, link_color(1.0)))
        return found


def _word_at(words: list[Span], offset: int) -> Span | None:
    return next((w for w in words if w[0] <= offset < w[1]), None)
