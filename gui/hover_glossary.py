"""Hover glossary for a reading pane: the popup for the word under the pointer or at the caret,
and the learner's terms highlighted by status.

Flow: a mouse move over the pane's viewport -> :meth:`ReadingPane.source_offset_at` (the character
whose glyph is under the pointer, right in RTL and mixed runs) -> :func:`models.text.word_spans.word_span_at`
-> after the ``hover_delay_ms`` setting with the pointer on the same word (debounced by a QTimer) ->
lexicon lookup and ranking against the sentence's translation (:class:`GlossService`, < 2 ms) and
the learner's matching terms -> :class:`GlossaryPopup`. Lexicon loading runs in a thread, so the
window never waits for it.
"""
from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget

from gui.colors import status_background, status_color
from gui.gloss_service import GlossService
from gui.glossary_popup import GlossaryPopup, best_reading
from gui.tasks import Runner
from gui.reading_pane import ReadingPane
from gui.sentence_model import State
from gui.term_dialog import TermDialog
from models.alignment.gloss_context import WordContext, rank_by_links
from models.glossary.matching import TermMatch, find_terms, matches_between
from models.glossary.store import Term, TermStore
from models.text.segmentation import sentence_at
from models.text.word_spans import word_span_at, word_span_at_caret

log = logging.getLogger(__name__)

HIDE_DELAY_MS = 400
#: A document longer than this (characters) has the learner's terms found on the task runner,
#: not on the GUI thread (a book: seconds of matching).
MATCH_INLINE_CHARS = 50_000


class HoverGlossary(QObject):
    """Attaches the glossary popup and term highlighting to a source :class:`ReadingPane`.

    ``delay_ms``: a callable giving the hover delay in ms (the ``hover_delay_ms`` setting).
    ``store``/``service`` default to the user's glossary and a lexicon loaded by ``tasks`` (a
    :mod:`gui.tasks` runner).
    Signals: ``termsChanged()`` after the learner adds or edits a term; ``termsMarked(start,
    end)`` after the terms between document offsets ``start`` and ``end`` were marked again (the
    whole text: a new article or term, another theme; a few sentences: they were written again
    with or without their vowels): the other word marks, painted over the same text, are painted
    again there."""

    termsChanged = Signal()
    termsMarked = Signal(int, int)

    def __init__(self, pane: ReadingPane, store: TermStore, service: GlossService | None = None,
                 delay_ms=lambda: 350, parent: QObject | None = None, tasks: Runner | None = None):
        super().__init__(parent)
        self.pane = pane
        self.store = store
        self.service = service or GlossService(self, tasks=tasks)
        self.tasks = tasks
        self._matching: object | None = None  # the newest background match; older answers are dropped
        self.delay_ms = delay_ms
        self.popup = GlossaryPopup(pane)
        self.popup.addRequested.connect(self.open_term_dialog)
        self.popup.editRequested.connect(self.open_term_dialog)
        self.matches: list[TermMatch] = []
        #: (sentence id, code-point offset into its text) -> what the word's links say
        #: (:meth:`gui.word_link_hover.WordLinkHover.word_context`); None: no word links.
        self.word_context: Callable[[int, int], WordContext] | None = None
        self._hovered: tuple[int, int] | None = None
        self._shown: tuple[int, int] | None = None
        self._anchor = QPoint()
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show_hovered)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(HIDE_DELAY_MS)
        self._hide_timer.timeout.connect(self._hide_if_away)
        self.service.ready.connect(self._refresh_popup)
        pane.viewport().installEventFilter(self)
        pane.model.modelReset.connect(self.refresh_terms)  # after the pane rebuilt its text
        if hasattr(pane, "textRewritten"):  # a reading pane; the interlinear view is rebuilt whole (rebuilt())
            pane.textRewritten.connect(self.mark_terms)
        # A long article's rows are laid out later, in slices (both panes and the interlinear view).
        pane.rowsLaidOut.connect(lambda first, last: self.document is not None and self.mark_terms(
            self.document.sentences[first].start, self.document.sentences[last].end))
        self.termsChanged.connect(self.refresh_terms)
        self.refresh_terms()

    # -- the document ---------------------------------------------------------
    @property
    def document(self):
        return self.pane.model.document

    def _sentence_of(self, offset: int) -> int:
        found = sentence_at(self.document.sentences, offset) if self.document is not None else None
        return -1 if found is None else found

    # -- events ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            self.hover(event.position().toPoint())
        elif event.type() == QEvent.Type.Leave:
            self._hovered = None
            self._show_timer.stop()
            self._hide_timer.start()
        return False

    def hover(self, point: QPoint) -> None:
        """The pointer is at viewport ``point``: (re)start the delay for the word there."""
        span = None
        if self.document is not None:
            offset = self.pane.source_offset_at(point)
            span = word_span_at(self.document.text, offset) if offset >= 0 else None
        self._anchor = self.pane.viewport().mapToGlobal(point)
        if span == self._hovered:
            return
        self._hovered = span
        if span is None:
            self._show_timer.stop()
            self._hide_timer.start()
            return
        self._hide_timer.stop()
        if span == self._shown and self.popup.isVisible():
            return
        self._show_timer.start(max(0, int(self.delay_ms())))

    def hovered_span(self) -> tuple[int, int] | None:
        """(start, end) character offsets into the document text of the word under the
        pointer, or None."""
        return self._hovered

    def _show_hovered(self) -> None:
        if self._hovered is not None:
            self.show_span(self._hovered, self._anchor)

    def _hide_if_away(self) -> None:
        if self._hovered is None and not self.popup.geometry().contains(QCursor.pos()):
            self.popup.hide()
            self._shown = None

    def show_at_caret(self) -> bool:
        """Show the popup for the word at the pane's caret (keyboard shortcut). False when the
        caret is not at an Arabic word."""
        if self.document is None:
            return False
        offset = self.pane.document_offset(self.pane.textCursor().position(), caret=True)
        if offset < 0:
            return False
        span = word_span_at_caret(self.document.text, offset)
        if span is None:
            return False
        self.show_span(span)
        return True

    # -- the popup ------------------------------------------------------------
    def word_rect(self, span: tuple[int, int]) -> QRect:
        """Screen rectangle of the word at document span ``span``: from its first to its last
        caret position, the height of its line. Null when the word is not in the pane."""
        positions = self.pane.pane_span(*span)
        if positions is None:
            return QRect()
        start, end = positions
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(start + 1)
        line = self.pane.cursorRect(cursor)
        rect = QRect(line)
        for position in range(start, end + 1):
            cursor.setPosition(position)
            r = self.pane.cursorRect(cursor)
            if r.top() == line.top():
                rect = rect.united(r)
        return QRect(self.pane.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def show_span(self, span: tuple[int, int], global_pos: QPoint | None = None) -> None:
        """Fill and show the popup for the word at document span ``span``, beside the word's line
        (at ``global_pos``, screen coordinates, when the word's place is unknown)."""
        start, end = span
        word = self.document.text[start:end]
        sid = self._sentence_of(start)
        sentence = self.document.sentences[sid].text if sid >= 0 else ""
        translation = ""
        if sid >= 0 and self.pane.model.state(sid) == State.TRANSLATED:
            translation = self.pane.model.target(sid)
        user_terms = [m.term for m in self.matches if m.start <= start and end <= m.end]
        user_terms.sort(key=lambda t: -len(t.key.split()))
        self.popup.set_arabic_family(self.pane.font().family())
        vocalized = self.pane.vocalized
        checked = self.service.vowel_check(word, vocalized.span(start, end), translation) if vocalized else None
        analyses = checked.analyses if checked else self.service.analyses(word, translation)
        context = WordContext()
        if self.word_context is not None and sid >= 0 and translation:
            context = self.word_context(sid, start - self.document.sentences[sid].start)
            analyses = rank_by_links(analyses, context.linked) if analyses is not None else None
        self.popup.show_word(word, analyses, user_terms, sentence, translation, linked=context.linked, name=context.name)
        self.popup.show_vowel_check(checked)
        self._shown = span
        rect = self.word_rect(span)
        if not rect.isNull():
            self.popup.show_near(rect)
        else:
            self.popup.show_at(global_pos if global_pos is not None else self._anchor)

    def _refresh_popup(self) -> None:
        if self.popup.isVisible() and self._shown is not None:
            self.show_span(self._shown)

    def open_term_dialog(self, term: Term, parent: QWidget | None = None) -> TermDialog:
        """Let the learner add or edit ``term`` in a window-modal dialog (``termsChanged`` when
        it is saved); returns the open dialog."""
        self.popup.hide()
        dialog = TermDialog(self.store, term, parent or self.pane.window(), arabic_family=self.pane.font().family())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.termsChanged)
        dialog.open()
        return dialog

    def add_selection(self) -> TermDialog | None:
        """Open the add-term dialog for the text selected in the pane (multi-word terms); None
        when nothing is selected."""
        cursor = self.pane.textCursor()
        text = cursor.selectedText().replace("\u2029", " ").strip()
        if not text:
            return None
        sid = self.pane.sentence_at_position(cursor.selectionStart())
        sentence = self.document.sentences[sid].text if sid >= 0 and self.document else ""
        translation = self.pane.model.target(sid) if sid >= 0 and self.pane.model.state(sid) == State.TRANSLATED else ""
        best = best_reading(self.service.analyses(text, translation)) if len(text.split()) == 1 else None
        return self.open_term_dialog(Term(text, vocalized=best.vocalized if best else "", sentence=sentence,
                                          sentence_translation=translation))

    # -- highlighting ---------------------------------------------------------
    def refresh_terms(self) -> None:
        """Find the learner's terms in the document again and highlight them by status (a
        document longer than :data:`MATCH_INLINE_CHARS` on the task runner: :attr:`matches` is
        empty until they are found, then marked, with ``termsMarked`` again)."""
        document = self.document
        self._matching = None
        if document is None or len(document.text) <= MATCH_INLINE_CHARS or self.tasks is None:
            self._show_matches(self.store.matches(document.text) if document is not None else [])
            return
        self._show_matches([])
        token = self._matching = object()
        text, terms = document.text, self.store.all()  # the store is read here, on its own thread
        self.tasks.run(lambda: find_terms(text, terms),
                       lambda matches: token is self._matching and self._show_matches(matches), context=self)

    def _show_matches(self, matches: list[TermMatch]) -> None:
        self.matches = matches
        edit = QTextCursor(self.pane.document())
        edit.beginEditBlock()  # laid out once, with the other marks painted on termsMarked
        try:
            self.pane.clear_word_marks()
            self.mark_terms(0, len(self.document.text) if self.document is not None else 0)
        finally:
            edit.endEditBlock()

    def mark_terms(self, start: int, end: int) -> None:
        """Mark the terms found between document offsets ``start`` and ``end`` by status, and
        the other marks on ``termsMarked``, in one edit block (laid out once)."""
        cursor = QTextCursor(self.pane.document())
        cursor.beginEditBlock()
        try:
            self._mark_terms(cursor, start, end)
            self.termsMarked.emit(start, end)
        finally:
            cursor.endEditBlock()

    def _mark_terms(self, cursor: QTextCursor, start: int, end: int) -> None:
        for match in matches_between(self.matches, start, end):
            positions = self.pane.pane_span(match.start, match.end)
            if positions is None:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(status_color(match.term.status))
            fmt.setBackground(status_background(match.term.status))
            fmt.setToolTip(f"{match.term.translation} [{match.term.status}]")
            cursor.setPosition(positions[0])
            cursor.setPosition(positions[1], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
