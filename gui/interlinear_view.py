"""The interlinear reading mode: each Arabic sentence with its translation under it, in one
scroll, filled from the same :class:`SentenceModel` as the side-by-side panes.

The view holds two blocks per sentence, the Arabic (block ``2 * row``) and its translation (block
``2 * row + 1``); a translation that arrives replaces the text of its one block, so streaming
translations cost a block each, never a rebuild. A long article is laid out like the reading panes
do it: the first :data:`gui.reading_pane.FIRST_ROWS` sentences at once, the rest in slices of
the GUI thread's time (:data:`gui.reading_pane.LAYOUT_BUDGET_S`), so that switching to this mode
or changing its fonts never lays out a whole book in one go."""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from gui.colors import qcolor
from gui.reading_pane import (CHUNK_ROWS, CONCEALED_TEXT, FIRST_ROWS, LAYOUT_BUDGET_S, PENDING_TEXT, ReadingPane,
                               clear_marks)
from gui.sentence_model import SentenceModel, State
from gui.text_positions import TextPositions
from models.text.arabic import has_arabic
from models.text.segmentation import sentence_at

#: Space above the first sentence of a paragraph, and below each translation (pixels).
PARAGRAPH_GAP, SENTENCE_GAP = 18.0, 8.0


class InterlinearView(QTextBrowser):
    """Read-only view of ``model``; ``concealed(row)`` says whether a translation is hidden
    (self-test). Fonts: :meth:`set_fonts`. The current sentence and its translation are
    painted across the view (:meth:`set_current`). Signal ``sentenceClicked(row)``: a click (not a
    selection) on a sentence or its translation; ``rebuilt()``: the text was laid out again from
    its first sentence (its character formats, such as the glossary's term marks, are gone);
    ``rowsLaidOut(first, last)``: sentences ``first`` to ``last`` were added after those there.

    It answers the positions a :class:`gui.hover_glossary.HoverGlossary` asks a source pane
    (:meth:`source_offset_at`, :meth:`document_offset`, :meth:`pane_span`,
    :meth:`sentence_at_position`), so the hover glossary and term marks work here too."""

    sentenceClicked = Signal(int)
    rebuilt = Signal()
    rowsLaidOut = Signal(int, int)
    #: Scrolled or resized: the text in view may have changed (the find bar's marks follow it).
    viewChanged = Signal()
    #: The sentences are shown as written (the vowels are the side-by-side pane's).
    vocalized = None

    def __init__(self, model: SentenceModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.concealed: Callable[[int], bool] = lambda _row: False
        self.current = -1
        self.arabic_font, self.english_font = QFont(), QFont()
        self.setObjectName("interlinearView")
        self.setAccessibleName("Arabic text with its translation under each sentence")
        self.setOpenLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.document().setUndoRedoEnabled(False)
        self._stale = False  # hidden while the model changed: laid out again when shown
        self.marks: list[QTextEdit.ExtraSelection] = []  # the find bar's
        self.verticalScrollBar().valueChanged.connect(self.viewChanged)
        self._slice_timer = QTimer(self, singleShot=True, interval=0)  # the rest of a long article
        self._slice_timer.timeout.connect(self._next_slice)
        model.modelReset.connect(self.rebuild)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._on_rows_inserted)

    def set_fonts(self, arabic: QFont, english: QFont) -> None:
        """The fonts of the Arabic sentences and of the translations (zoom included)."""
        self.arabic_font, self.english_font = QFont(arabic), QFont(english)
        self.setFont(arabic)  # the glossary popup shows its Arabic in the view's font
        self.rebuild()

    def _translation(self, row: int) -> tuple[str, QTextCharFormat]:
        fmt = QTextCharFormat()
        fmt.setFont(self.english_font)
        state = self.model.state(row)
        if self.concealed(row) and state != State.PASSED_THROUGH:
            fmt.setForeground(qcolor("placeholder"))
            return CONCEALED_TEXT, fmt
        if state in (State.TRANSLATED, State.PASSED_THROUGH, State.PROVISIONAL):
            if state != State.TRANSLATED:
                fmt.setForeground(qcolor("muted"))
            return self.model.target(row), fmt
        fmt.setForeground(qcolor("placeholder"))
        return (PENDING_TEXT if state == State.PENDING else "—"), fmt

    def showEvent(self, event) -> None:
        if self._stale:
            self.rebuild()
        super().showEvent(event)

    def rebuild(self) -> None:
        """Lay out the article again: its first sentences now, the rest in slices."""
        self._stale = False
        self._slice_timer.stop()
        self.clear()
        document = self.model.document
        if document is None:
            return
        self._append(0, min(self.model.rowCount(), FIRST_ROWS))
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.set_current(-1 if self.current >= len(document.sentences) else self.current)
        self.rebuilt.emit()
        if not self.is_laid_out():
            self._slice_timer.start()

    def laid_out_rows(self) -> int:
        """How many sentences, from the first, are in the view."""
        return self.document().blockCount() // 2 if self.model.document is not None else 0

    def is_laid_out(self) -> bool:
        """Every sentence of the article is in the view."""
        return self.laid_out_rows() == self.model.rowCount()

    def _next_slice(self) -> None:
        """Add sentences after those there for at most :data:`LAYOUT_BUDGET_S`, :data:`CHUNK_ROWS`
        at a time; again on the next turn of the event loop while any is left (while hidden,
        the view is laid out again when shown)."""
        if self.isHidden():
            self._stale = True
            return
        first = row = self.laid_out_rows()
        deadline = time.perf_counter() + LAYOUT_BUDGET_S
        while row < self.model.rowCount() and time.perf_counter() < deadline:
            self._append(row, min(self.model.rowCount(), row + CHUNK_ROWS))
            row = self.laid_out_rows()
        if row > first:
            self.rowsLaidOut.emit(first, row - 1)
        if not self.is_laid_out():
            self._slice_timer.start()

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        """More of a big document is segmented: its sentences follow, in slices."""
        if self.isHidden():
            self._stale = True
        elif self.model.document is not None:
            self._slice_timer.start()

    def _append(self, first: int, stop: int) -> None:
        """Add sentences ``first`` to ``stop`` (rows) after the blocks there, in one edit block."""
        sentences = self.model.document.sentences
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        for row in range(first, stop):
            sentence = sentences[row]
            arabic = QTextBlockFormat()
            rtl = has_arabic(sentence.text)
            arabic.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
            arabic.setAlignment((Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute)
            arabic.setTopMargin(PARAGRAPH_GAP if row > 0 and sentence.paragraph != sentences[row - 1].paragraph else 0)
            if row == 0:
                cursor.setBlockFormat(arabic)
            else:
                cursor.insertBlock(arabic)
            fmt = QTextCharFormat()
            fmt.setFont(self.arabic_font)
            cursor.insertText(sentence.text, fmt)
            english = QTextBlockFormat()
            english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            english.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
            english.setBottomMargin(SENTENCE_GAP)
            text, fmt = self._translation(row)
            cursor.insertBlock(english)
            cursor.insertText(text, fmt)
        cursor.endEditBlock()

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        if self.isHidden():  # side by side: laid out again when shown, not row by row meanwhile
            self._stale = True
        else:
            self.refresh(top_left.row(), bottom_right.row())

    def refresh(self, first: int, last: int) -> None:
        """Show the current translations of rows ``first`` to ``last`` (inclusive)."""
        last = min(last, self.laid_out_rows() - 1)  # the rows not laid out yet come with their text
        if self.model.document is None or first > last:
            return
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for row in range(first, last + 1):
            block = self.document().findBlockByNumber(2 * row + 1)
            text, fmt = self._translation(row)
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText() != text or cursor.charFormat().foreground() != fmt.foreground():
                cursor.insertText(text, fmt)
        cursor.endEditBlock()
        if first <= self.current <= last:
            self.set_current(self.current)  # its replaced translation dropped out of the highlight

    def set_current(self, row: int) -> None:
        """Paint sentence ``row`` and its translation, the full width of the view, in the
        selected sentence's colour; -1 paints none."""
        self.current = row
        selections = []
        if 0 <= row and 2 * row + 1 < self.document().blockCount():
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document().findBlockByNumber(2 * row))
            end = self.document().findBlockByNumber(2 * row + 1)
            last = min(end.position() + end.length(), self.document().characterCount() - 1)  # the block's end: full width
            selection.cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            selection.format.setBackground(qcolor("selected"))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selections.append(selection)
        self.setExtraSelections(selections + self.marks)

    def set_marks(self, marks: list[QTextEdit.ExtraSelection]) -> None:
        """Paint ``marks`` (the find bar's matches) over the current sentence until replaced."""
        self.marks = marks
        self.set_current(self.current)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.viewChanged.emit()

    def translation_text(self, row: int) -> str:
        """The text shown under sentence ``row``."""
        return self.document().findBlockByNumber(2 * row + 1).text()

    # -- positions (as :class:`ReadingPane` answers them for its source column) --
    char_at = ReadingPane.char_at  # the glyph under a viewport point: the same hit test
    visible_positions = ReadingPane.visible_positions  # the text in view: the same binary search

    def sentence_at_position(self, position: int) -> int:
        """Sentence id whose Arabic block holds QTextDocument position ``position``, or -1 (a
        translation's block)."""
        block = self.document().findBlock(position)
        return block.blockNumber() // 2 if block.isValid() and block.blockNumber() % 2 == 0 else -1

    def document_offset(self, position: int, caret: bool = False) -> int:
        """Code-point offset into ``Document.text`` of the character at QTextDocument position
        ``position`` of an Arabic sentence, or -1. With ``caret``, ``position`` is a gap: the one
        after a sentence's last character is in that sentence."""
        row = self.sentence_at_position(position) if position >= 0 else -1
        if row < 0:
            return -1
        sentence = self.model.document.sentences[row]
        relative = position - self.document().findBlockByNumber(2 * row).position()
        positions = TextPositions(sentence.text)
        if relative >= positions.to_position(len(sentence.text)) + (1 if caret else 0):
            return -1
        return sentence.start + positions.to_offset(relative)

    def source_offset_at(self, point: QPoint) -> int:
        """Offset into ``Document.text`` of the Arabic character under viewport ``point``, or -1."""
        return self.document_offset(self.char_at(point))

    def clear_word_marks(self) -> None:
        """Take the glossary's marks (underlines, backgrounds) off the text."""
        clear_marks(QTextCursor(self.document()))

    def pane_span(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) QTextDocument positions of ``Document.text[start:end]`` (within one
        sentence), or ``None`` when it is not shown."""
        document = self.model.document
        row = sentence_at(document.sentences, start) if document is not None and end > start else None
        if row is None or 2 * row >= self.document().blockCount() or end > document.sentences[row].end:
            return None
        sentence = document.sentences[row]
        positions = TextPositions(sentence.text)
        base = self.document().findBlockByNumber(2 * row).position()
        return base + positions.to_position(start - sentence.start), base + positions.to_position(end - sentence.start)

    def sentence_rect(self, row: int):
        """Viewport rectangle of the first character of sentence ``row``'s Arabic."""
        return self.cursorRect(QTextCursor(self.document().findBlockByNumber(2 * row)))

    def show_sentence(self, row: int) -> None:
        """Put the caret at sentence ``row`` and scroll it into view."""
        block = self.document().findBlockByNumber(2 * row)
        if block.isValid():
            cursor = QTextCursor(block)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            position = self.cursorForPosition(event.position().toPoint()).position()
            self.sentenceClicked.emit(self.document().findBlock(position).blockNumber() // 2)
