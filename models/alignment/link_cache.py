"""Word links of sentence pairs for hover, computed on first use and kept.

The window asks :meth:`LinkCache.index` for the links of the sentence pair under the pointer; the
lexicon links (:func:`models.alignment.lexical.lexicon_links`, a few ms) are computed then, once per
(source sentence, translation), combined with the model links the translation worker sent with
the translation (:meth:`LinkCache.add_model_links`), and kept (the last :data:`CAPACITY` pairs).
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Iterable

from models.alignment.lexical import WordReader, lexicon_links
from models.alignment.word_links import LinkIndex, WordLink, combine

#: Sentence pairs whose links are kept.
CAPACITY = 2048

#: Model links as plain data (they cross a process boundary): ((source start, end), (target start,
#: end), score) per link, spans into the two sentence texts.
PlainLinks = list[tuple[tuple[int, int], tuple[int, int], float]]


def model_links(plain: Iterable) -> list[WordLink]:
    """:class:`WordLink` records (evidence ``model``) of links sent as :data:`PlainLinks`."""
    return [WordLink((int(s0), int(s1)), (int(t0), int(t1)), float(score), "model") for (s0, s1), (t0, t1), score in plain]


def plain_links(links: Iterable[WordLink]) -> PlainLinks:
    """The inverse of :func:`model_links`: links as lists of tuples of numbers."""
    return [(tuple(link.source_span), tuple(link.target_span), float(link.score)) for link in links]


class LinkCache:
    """Links per (source sentence, translation) for hover. ``reader`` reads Arabic words (a
    :class:`WordReader` over the loaded lexicon; one over no lexicon links numbers, months, names
    and copied words only; ``None``, until set: the model links alone)."""

    def __init__(self, reader: WordReader | None = None) -> None:
        self.reader = reader
        self._indexes: OrderedDict[tuple[str, str], LinkIndex] = OrderedDict()
        self._model: dict[tuple[str, str], list[WordLink]] = {}

    def set_reader(self, reader: WordReader) -> None:
        """Read Arabic words with ``reader`` from now on (the lexicon has loaded)."""
        self.reader = reader
        self._indexes.clear()

    def add_model_links(self, source: str, target: str, links: Iterable[WordLink]) -> None:
        """Model links of ``target`` as the translation of ``source`` (spans into each), to combine
        with the lexicon links."""
        key = (source, target)
        self._model[key] = list(links)
        if len(self._model) > CAPACITY:
            self._model.pop(next(iter(self._model)))
        self._indexes.pop(key, None)

    def index(self, source: str, target: str) -> LinkIndex:
        """The :class:`LinkIndex` of the pair (computed on the first call for it)."""
        key = (source, target)
        found = self._indexes.get(key)
        if found is not None:
            self._indexes.move_to_end(key)
            return found
        lexical = lexicon_links(source, target, reader=self.reader) if self.reader is not None else []
        found = LinkIndex(combine(lexical, self._model.get(key, ())))
        self._indexes[key] = found
        if len(self._indexes) > CAPACITY:
            self._indexes.popitem(last=False)
        return found
