"""Word links under the pointer: hovering a word in one reading pane highlights the words linked
to it in the other (Arabic word -> the English words it became, English word -> its Arabic source
words), each with the ``linked`` colour at an opacity by the link's score, as translateLocally
does for its alignments.

Flow: a mouse move over either pane's viewport -> :meth:`ReadingPane.char_at` -> the sentence and
the code-point offset into its text -> :meth:`LinkCache.index` for (Arabic sentence, translation)
(lexicon links computed on the first hover of the pair, combined with the model links the
translation worker sent) -> :meth:`LinkIndex.targets_at` / ``sources_at`` ->
:meth:`ReadingPane.set_word_highlights` on both panes. Measured by ``benchmarks/bench_word_links.py``.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor

from gui.colors import qcolor
from gui.hover_glossary import HoverGlossary
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, State
from gui.text_positions import TextPositions
from gui.translation_controller import TranslationController
from models.alignment.gloss_context import WordContext, word_context
from models.alignment.lexical import WordReader
from models.alignment.link_cache import LinkCache, PlainLinks, model_links
from models.alignment.word_links import Span, source_words, target_words

#: Opacity (0-255) of a link of score 0 and of score 1; between, linear in the score.
MIN_ALPHA, MAX_ALPHA = 60, 200


def link_color(score: float) -> QColor:
    """The ``linked`` colour at the opacity of a link of ``score`` (in [0, 1])."""
    color = qcolor("linked")
    color.setAlpha(round(MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * max(0.0, min(1.0, score))))
    return color


def _word_at(words: list[Span], offset: int) -> Span | None:
    return next((w for w in words if w[0] <= offset < w[1]), None)


class WordLinkHover(QObject):
    """Highlights linked words between the Arabic ``source`` pane and the English ``target`` pane
    of one :class:`SentenceModel`, with lexicon links from the lexicon of ``glossary``'s service
    (no lexicon links until it is loaded) and model links given by :meth:`add_model_links`; and
    gives ``glossary``'s popup what the hovered word's links say (:meth:`word_context`). With a
    ``translation`` controller, the model links it sends (``wordLinks``) are added as they come."""

    def __init__(self, source: ReadingPane, target: ReadingPane, glossary: HoverGlossary,
                 translation: TranslationController | None = None, parent: QObject | None = None):
        super().__init__(parent)
        if translation is not None:
            translation.wordLinks.connect(self.add_model_links)
        self.source, self.target, self.glossary, self.service = source, target, glossary, glossary.service
        glossary.word_context = self.word_context
        self.model = source.model
        self._cache = LinkCache()  # model links only until the lexicon has loaded
        self._hovered: tuple[int, int, Span] | None = None  # (column, sentence id, word span)
        for pane in (source, target):
            pane.viewport().installEventFilter(self)
        self.model.modelReset.connect(self.clear)
        self.model.dataChanged.connect(self.clear)

    # -- links ----------------------------------------------------------------
    @property
    def cache(self) -> LinkCache:
        """The link cache, reading Arabic words with the lexicon once it is loaded."""
        if self._cache.reader is None and self.service.is_ready:
            self._cache.set_reader(WordReader(self.service.lexicon))
        return self._cache

    def translation(self, sentence_id: int) -> str:
        """The sentence's translation as shown, ``""`` when it has none yet."""
        if self.model.state(sentence_id) in (State.TRANSLATED, State.PROVISIONAL):
            return self.model.target(sentence_id)
        return ""

    def add_model_links(self, sentence_id: int, translation: str, links: PlainLinks) -> None:
        """Model links of ``translation`` of sentence ``sentence_id``, as the translation worker
        sends them (:data:`PlainLinks`, spans into the two sentence texts)."""
        document = self.model.document
        if document is not None and 0 <= sentence_id < len(document.sentences):
            self.cache.add_model_links(document.sentences[sentence_id].text, translation, model_links(links))

    def links_at(self, column: int, sentence_id: int, offset: int) -> tuple[Span | None, list[tuple[Span, float]]]:
        """(the word at code-point ``offset`` into sentence ``sentence_id``'s text in ``column``,
        [(span, score)] of the words linked to it in the other column's text); (None, []) when
        there is no word there, no translation or no lexicon yet."""
        translation = self.translation(sentence_id)
        if not translation:
            return None, []
        source = self.model.document.sentences[sentence_id].text
        if column == SOURCE:
            word = _word_at(source_words(source), offset)
            linked = self.cache.index(source, translation).targets_at(offset) if word else []
        else:
            word = _word_at(target_words(translation), offset)
            linked = self.cache.index(source, translation).sources_at(offset) if word else []
        return word, linked

    def linked_english(self, sentence_id: int, offset: int) -> str:
        """The English words linked to the Arabic word at ``offset`` into sentence ``sentence_id``,
        in text order (the popup's "here: *military cooperation*"); ``""`` for none."""
        return self.word_context(sentence_id, offset).linked

    def word_context(self, sentence_id: int, offset: int) -> WordContext:
        """What the links of the Arabic word at code-point ``offset`` into sentence
        ``sentence_id``'s text say for its popup (:func:`models.alignment.gloss_context.word_context`);
        empty without a translation."""
        translation = self.translation(sentence_id)
        if not translation or self.model.document is None:
            return WordContext()
        source = self.model.document.sentences[sentence_id].text
        return word_context(self.cache.index(source, translation), translation, offset)

    # -- events ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            pane = self.source if watched is self.source.viewport() else self.target
            self.hover(pane, event.position().toPoint())
        elif event.type() == QEvent.Type.Leave:
            self.clear()
        return False

    def hover(self, pane: ReadingPane, point: QPoint) -> None:
        """The pointer is at viewport ``point`` of ``pane``: highlight the word there and its links."""
        position = pane.char_at(point)
        sentence_id = pane.sentence_at_position(position) if position >= 0 else -1
        if sentence_id < 0 or self.model.document is None:
            self.clear()
            return
        text = self.model.document.sentences[sentence_id].text if pane.column == SOURCE else self.translation(sentence_id)
        offset = TextPositions(text).to_offset(position - pane.sentence_span(sentence_id)[0])
        word, linked = self.links_at(pane.column, sentence_id, offset)
        if word is None or not linked:
            self.clear()
            return
        if self._hovered == (pane.column, sentence_id, word):
            return
        self._hovered = (pane.column, sentence_id, word)
        other = self.target if pane is self.source else self.source
        other_text = self.translation(sentence_id) if pane is self.source else self.model.document.sentences[sentence_id].text
        pane.set_word_highlights([self._pane_span(pane, sentence_id, text, word, link_color(1.0))])
        other.set_word_highlights([self._pane_span(other, sentence_id, other_text, span, link_color(score)) for span, score in linked])

    @staticmethod
    def _pane_span(pane: ReadingPane, sentence_id: int, text: str, span: Span, color: QColor) -> tuple[int, int, QColor]:
        start = pane.sentence_span(sentence_id)[0]
        positions = TextPositions(text)
        return start + positions.to_position(span[0]), start + positions.to_position(span[1]), color

    def clear(self, *_) -> None:
        """Paint no linked words."""
        self._hovered = None
        self.source.set_word_highlights([])
        self.target.set_word_highlights([])
