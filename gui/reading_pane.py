"""A reading pane: one column of the :class:`SentenceModel` laid out as paragraphs of text.

Each sentence occupies a span of the pane's QTextDocument; hovering or clicking a sentence emits
its id, and :meth:`ReadingPane.set_highlight` paints a sentence and scrolls it into view.
Positions in the pane are Qt's (UTF-16 code units); offsets into the document text are code
points; :meth:`ReadingPane.document_offset` and :meth:`ReadingPane.pane_position` convert
(:mod:`gui.text_positions`).

A big document (a book) is laid out a slice at a time: the first screen at once, the rest in
slices of at most :data:`LAYOUT_BUDGET_S` while the event loop runs; a change to many sentences
at once (the model goes missing) is shown on screen at once and elsewhere in slices too. Each
sentence's span is kept relative to its paragraph's block, so replacing one sentence's text
moves only the spans after it in that paragraph."""
from __future__ import annotations

import bisect
import itertools
import re
import time
from operator import attrgetter
from typing import Callable

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from gui.colors import qcolor
from gui.sentence_model import SOURCE, TARGET, SentenceModel, State
from gui.text_layout import line_span_at_y
from gui.text_positions import TextPositions, utf16_length
from models.text.bidi import right_to_left_paragraphs
from models.text.segmentation import sentence_at, sentence_at_caret
from models.text.vocalization import VocalizedText

PENDING_TEXT = "…"
#: Longest the GUI thread spends laying out or refreshing sentences before it lets the event
#: loop run (seconds).
LAYOUT_BUDGET_S = 0.008
#: Sentences laid out at once on a new document, before the event loop runs (the first screen).
FIRST_ROWS = 150
#: Sentences laid out or refreshed in one edit block (Qt lays out the block's text when it ends).
CHUNK_ROWS = 16
#: A change to more sentences than this is refreshed in slices (those on screen at once).
IMMEDIATE_ROWS = 64
#: Time spent changing sentences to or from their vowels per event-loop turn (s), layout aside.
VOWEL_BATCH_S = 0.004
#: What a hidden translation shows in self-test mode.
CONCEALED_TEXT = "▒▒▒▒ (click to reveal)"


class PaneSpan:
    """Where a sentence is in the pane's QTextDocument: Qt positions (UTF-16 code units).
    ``block``: the number of its paragraph's block; ``offset``, ``length``: where it starts in
    that block and how long it is. :attr:`start` and :attr:`end` are positions in the document
    (they follow edits to earlier paragraphs without being touched)."""

    __slots__ = ("document", "block", "offset", "length")

    def __init__(self, document: QTextDocument, block: int, offset: int, length: int):
        self.document = document
        self.block = block
        self.offset = offset
        self.length = length

    @property
    def start(self) -> int:
        return self.document.findBlockByNumber(self.block).position() + self.offset

    @property
    def end(self) -> int:
        return self.start + self.length


_START = attrgetter("start")
#: Runs of word and non-word characters (a sentence cut for tinting its vocalized words).
_RUN_RE = re.compile(r"\w+|\W+")


def clear_marks(cursor: QTextCursor) -> None:
    """Take the marks painted over the whole text of ``cursor``'s document off: underlines and
    backgrounds (the glossary's terms, words not in it). Leaves ``cursor`` selecting it all."""
    cursor.select(QTextCursor.SelectionType.Document)
    plain = QTextCharFormat()
    plain.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    plain.setBackground(Qt.GlobalColor.transparent)
    cursor.mergeCharFormat(plain)


class ReadingPane(QTextBrowser):
    """Shows column ``column`` (SOURCE or TARGET) of ``model``.

    Signals: ``sentenceHovered(int)`` (-1 when the pointer leaves text), ``sentenceClicked(int)``,
    ``viewChanged()`` when the sentences in view may have changed (scrolled, resized, zoomed, a
    translation replaced), once the pane is consistent again; ``rowsLaidOut(first, last)`` when a
    big document's rows are added to the pane after :meth:`rebuild`; ``textRewritten(start, end)``
    when the sentences between document offsets ``start`` and ``end`` were written again (to or
    from their vowels), inside the same edit block: the marks painted on their words are painted
    again then, laid out once with them. Sentence ids are the model's rows."""

    sentenceHovered = Signal(int)
    sentenceClicked = Signal(int)
    viewChanged = Signal()
    rowsLaidOut = Signal(int, int)
    textRewritten = Signal(int, int)

    def __init__(self, model: SentenceModel, column: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.column = column
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setObjectName("arabicPane" if column == SOURCE else "englishPane")
        self.setAccessibleName("Arabic text" if column == SOURCE else "English translation")
        if column == SOURCE:  # shown while no article is open (a URL given at start-up that failed or was cancelled)
            self.setPlaceholderText("Open an article with Ctrl+O, or a URL with Ctrl+L")  # one line (Qt elides it)
        self._spans: list[PaneSpan] = []  # one per sentence, in order
        self._hovered = -1
        self._selected = -1
        self._word_highlights: list[tuple[int, int, QColor]] = []  # (start, end, colour) pane positions
        self._replacing = False  # the text and the sentence offsets disagree until a replacement ends
        self._stale = bytearray()  # 1 for a laid-out row whose text changed and is not shown yet
        self._slice_timer = QTimer(self)  # lays out the rest and refreshes stale rows, a slice a turn
        self._slice_timer.setSingleShot(True)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._next_slice)
        self.document().setUndoRedoEnabled(False)  # read-only: an undo stack would copy every edit
        self.marks: list[QTextEdit.ExtraSelection] = []  # painted over the sentence highlights (find matches)
        #: The document with a model's vowels, shown instead of its text (source pane): positions
        #: map through it to the original text, which offsets, look-up and copy use.
        self.vocalized: VocalizedText | None = None
        self._vowel_rows: set[int] = set()  # sentences shown with the vowels
        self._vowel_queue: list[int] = []  # sentences still to change, a batch per event-loop turn
        self._vowels_on = False
        self._vowel_timer = QTimer(self)
        self._vowel_timer.setSingleShot(True)
        self._vowel_timer.timeout.connect(self._vowel_batch)
        #: Target pane: rows whose translation is hidden (self-test, :class:`gui.reading_keys.ReadingKeys`).
        self.concealed: Callable[[int], bool] = lambda _row: False
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_bar_changed)
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_bar_changed)
        model.modelReset.connect(self.rebuild)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._on_rows_inserted)
        self.rebuild()

    # -- building the text ----------------------------------------------------
    def _text_and_format(self, row: int) -> tuple[str, QTextCharFormat]:
        fmt = QTextCharFormat()
        if self.column == SOURCE:
            return self._shown_text(row), fmt
        state = self.model.state(row)
        if self.concealed(row) and state != State.PASSED_THROUGH:
            fmt.setForeground(qcolor("placeholder"))
            return CONCEALED_TEXT, fmt
        if state == State.TRANSLATED:
            return self.model.target(row), fmt
        if state == State.PASSED_THROUGH:
            fmt.setForeground(qcolor("muted"))
            return self.model.target(row), fmt
        if state == State.PROVISIONAL:  # a quick draft: muted and italic until the final one replaces it
            fmt.setForeground(qcolor("muted"))
            fmt.setFontItalic(True)
            return self.model.target(row), fmt
        fmt.setForeground(qcolor("placeholder"))
        return (PENDING_TEXT if state == State.PENDING else "—"), fmt

    def _block_format(self, right_to_left: bool) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setBottomMargin(10)
        fmt.setLineHeight(112 if self.column == SOURCE else 118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if self.column == SOURCE and right_to_left:
            fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        else:
            fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            fmt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        return fmt

    def rebuild(self) -> None:
        """Lay out the column again (on a new document): the first :data:`FIRST_ROWS` sentences
        now, the rest in slices while the event loop runs (:meth:`is_laid_out` says when done)."""
        self._hovered = self._selected = -1
        self._slice_timer.stop()
        self._word_highlights = []
        self.marks = []
        self.setExtraSelections([])
        self.clear()
        self.document().setUndoRedoEnabled(False)
        self._spans = []
        self._stale = bytearray(self.model.rowCount())
        doc = self.model.document
        if self.vocalized is not None and (doc is None or self.vocalized.original != doc.text):
            self.vocalized, self._vowels_on = None, False  # the vowels of another document
        self._vowel_queue = []
        self._vowel_rows = set(range(len(doc.sentences))) if self._vowels_on and doc is not None else set()
        if doc is None:
            return
        self._append_rows(FIRST_ROWS)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._slice_timer.start()

    def laid_out_rows(self) -> int:
        """How many sentences, from the first, are in the pane."""
        return len(self._spans)

    def is_laid_out(self) -> bool:
        """Every sentence is in the pane with its current text."""
        return len(self._spans) == self.model.rowCount() and self._stale.find(1) < 0

    def _paragraph_right_to_left(self, row: int) -> bool:
        """The direction of the paragraph that starts at row ``row``
        (:func:`models.text.bidi.right_to_left_paragraphs`)."""
        sentences = self.model.document.sentences
        paragraph = sentences[row].paragraph
        return right_to_left_paragraphs(itertools.takewhile(lambda s: s.paragraph == paragraph,
                                                            itertools.islice(sentences, row, None)))[paragraph]

    def _append_rows(self, count: int, deadline: float | None = None) -> None:
        """Append up to ``count`` sentences after those laid out, :data:`CHUNK_ROWS` at a time
        (Qt lays each chunk out when its edit block ends), stopping after the chunk that passes
        ``deadline`` (a ``time.perf_counter()`` value) when given."""
        stop = min(self.model.rowCount(), len(self._spans) + count)
        while len(self._spans) < stop:
            self._append_chunk(min(stop, len(self._spans) + CHUNK_ROWS))
            if deadline is not None and time.perf_counter() >= deadline:
                break

    def _append_chunk(self, stop: int) -> None:
        sentences = self.model.document.sentences
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        row = len(self._spans)
        while row < stop:
            sentence = sentences[row]
            if row == 0 or sentence.paragraph != sentences[row - 1].paragraph:
                block_format = self._block_format(self._paragraph_right_to_left(row))
                if row == 0:
                    cursor.setBlockFormat(block_format)
                else:
                    cursor.insertBlock(block_format)
            else:
                cursor.insertText(" ", QTextCharFormat())
            text, fmt = self._text_and_format(row)
            offset = cursor.positionInBlock()
            self._insert(cursor, row, text, fmt)
            self._spans.append(PaneSpan(self.document(), cursor.blockNumber(), offset, cursor.positionInBlock() - offset))
            row += 1
        cursor.endEditBlock()

    def _next_slice(self) -> None:
        """One slice of the work left: stale rows on screen, then stale rows in order, then
        sentences not laid out yet; again on the next turn of the event loop if any is left."""
        if self.model.document is None:
            return
        deadline = time.perf_counter() + LAYOUT_BUDGET_S
        if self._stale.find(1) >= 0:
            on_screen = [row for row in self.visible_sentences() if self._stale[row]]
            if on_screen:
                self._refresh(on_screen)
            while self._stale.find(1) >= 0 and time.perf_counter() < deadline:
                self._refresh(self._next_stale())
        elif len(self._spans) < self.model.rowCount():
            first = len(self._spans)
            self._append_rows(self.model.rowCount(), deadline)
            self.rowsLaidOut.emit(first, len(self._spans) - 1)
            self.viewChanged.emit()
        if not self.is_laid_out():
            self._slice_timer.start()

    def _next_stale(self) -> list[int]:
        """Up to :data:`CHUNK_ROWS` stale rows in order from the first."""
        rows = [self._stale.find(1)]
        while len(rows) < CHUNK_ROWS:
            following = self._stale.find(1, rows[-1] + 1)
            if following < 0:
                break
            rows.append(following)
        return rows

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """More of the document is segmented: laid out in slices after what is there."""
        self._stale.extend(bytes(last - first + 1))
        if self.model.document is not None:
            self._slice_timer.start()

    def _shown_text(self, row: int) -> str:
        """The text the pane shows for source sentence ``row``: the original, or its vocalized form."""
        sentence = self.model.document.sentences[row]
        return self.vocalized.span(sentence.start, sentence.end) if row in self._vowel_rows else sentence.text

    def _insert(self, cursor: QTextCursor, row: int, text: str, fmt: QTextCharFormat) -> None:
        """Insert sentence ``row``'s ``text``; vocalized words (any added mark) tinted."""
        if row not in self._vowel_rows:
            cursor.insertText(text, fmt)
            return
        tinted = QTextCharFormat(fmt)
        tinted.setBackground(qcolor("machine_vowels"))
        for word, marked in self._vowel_runs(row, text):
            cursor.insertText(word.group(), tinted if marked else fmt)

    def _vowel_runs(self, row: int, text: str):
        """Word and non-word runs (matches) of vocalized sentence ``row``'s shown ``text``, each
        with True when the model added a mark to it."""
        base = self.vocalized.vocalized_offset(self.model.document.sentences[row].start)
        added = self.vocalized.added
        for word in _RUN_RE.finditer(text):
            yield word, any(base + i in added for i in range(word.start(), word.end()))

    def clear_word_marks(self) -> None:
        """Take the marks painted over the text off (underlines and backgrounds: the glossary's
        terms), keeping the tint of the words whose vowels a model added."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        clear_marks(cursor)
        tinted = QTextCharFormat()
        tinted.setBackground(qcolor("machine_vowels"))
        for row in sorted(self._vowel_rows):
            text = self._shown_text(row)
            positions, start = TextPositions(text), self._spans[row].start
            for word, marked in self._vowel_runs(row, text):
                if marked:
                    cursor.setPosition(start + positions.to_position(word.start()))
                    cursor.setPosition(start + positions.to_position(word.end()), QTextCursor.MoveMode.KeepAnchor)
                    cursor.mergeCharFormat(tinted)
        cursor.endEditBlock()

    def set_vocalized(self, vocalized: VocalizedText | None) -> None:
        """Show the document with the vowels of ``vocalized`` (``None``: as written). Sentences
        change a batch per event-loop turn (never a long stall), the first sentence in view kept
        where it was; :attr:`vowels_pending` until all have changed."""
        if self.column != SOURCE or self.model.document is None:
            return
        if vocalized is not None:
            self.vocalized = vocalized
        self._vowels_on = vocalized is not None
        rows = range(len(self.model.document.sentences))
        self._vowel_queue = [r for r in rows if (r in self._vowel_rows) != self._vowels_on]
        if not self._vowels_on and not self._vowel_queue:
            self.vocalized = None
        self._vowel_timer.start(0)

    @property
    def vowels_on(self) -> bool:
        """True when the vowels are shown or being put in."""
        return self._vowels_on

    @property
    def vowels_pending(self) -> bool:
        """True while sentences are still changing to or from their vowels."""
        return bool(self._vowel_queue)

    def _vowel_batch(self) -> None:
        anchor = self._scroll_anchor()
        deadline = time.perf_counter() + VOWEL_BATCH_S
        edit = QTextCursor(self.document())
        edit.beginEditBlock()  # laid out once for the batch
        rewritten = []
        while self._vowel_queue and time.perf_counter() < deadline:
            row = self._vowel_queue.pop(0)
            rewritten.append(row)
            (self._vowel_rows.add if self._vowels_on else self._vowel_rows.discard)(row)
            if row >= len(self._spans):
                continue  # not laid out yet: laid out as it is then
            span = self._spans[row]
            cursor = QTextCursor(self.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            text, fmt = self._text_and_format(row)
            self._insert(cursor, row, text, fmt)
            self._resized(row, cursor.position() - span.end)
        if rewritten:
            sentences = self.model.document.sentences
            self.textRewritten.emit(sentences[rewritten[0]].start, sentences[rewritten[-1]].end)
        edit.endEditBlock()
        self._keep_in_place(anchor)
        self._paint()
        if self._vowel_queue:
            self._vowel_timer.start(0)
        elif not self._vowels_on:
            self.vocalized = None
        self.viewChanged.emit()

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy gives the original text: the model's marks are left out (as plain text)."""
        if self.vocalized is None or self.column != SOURCE:
            return super().createMimeDataFromSelection()
        cursor = self.textCursor()
        start = cursor.selectionStart()
        text = cursor.selection().toPlainText()
        kept = []
        row, positions, base = -1, None, 0
        position = start
        for ch in text:
            found = self.sentence_at_position(position)
            if found != row and found >= 0:
                row, positions = found, TextPositions(self._shown_text(found))
                base = self.vocalized.vocalized_offset(self.model.document.sentences[found].start)
            index = base + positions.to_offset(position - self._spans[row].start) if found in self._vowel_rows else -1
            if index not in self.vocalized.added:
                kept.append(ch)
            position += utf16_length(ch)
        # Qt's own, not a QMimeData made in Python: the clipboard frees what it holds after Python has
        # ended, and freeing a Python-made one then crashes the process as it exits.
        data = super().createMimeDataFromSelection()
        data.text()  # Qt fills it in from the selection now, not later over the text set here
        data.removeFormat("text/html")  # the model's vowels are in it
        data.setText("".join(kept))
        return data

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        self.refresh(top_left.row(), bottom_right.row())

    def refresh(self, first: int, last: int) -> None:
        """Show the current text of target rows ``first`` to ``last`` (inclusive) in place,
        keeping the first sentence in view where it is: at once for a few rows, else those on
        screen at once and the others in slices while the event loop runs."""
        if self.column != TARGET or not self._spans:
            return
        last = min(last, len(self._spans) - 1)  # the rest is laid out as it is
        if last - first + 1 <= IMMEDIATE_ROWS:
            self._refresh(range(first, last + 1))
            return
        self._stale[first:last + 1] = b"\x01" * (last - first + 1)
        visible = self.visible_sentences()
        self._refresh([row for row in visible if first <= row <= last])
        self._slice_timer.start()

    def _refresh(self, rows) -> None:
        """Show rows ``rows``'s current text, keeping the first sentence in view in place."""
        anchor = self._scroll_anchor()
        self._replacing = True
        try:
            edit = QTextCursor(self.document())
            edit.beginEditBlock()  # laid out once for the range
            replaced = any([self._replace(row) for row in rows])
            edit.endEditBlock()
            if replaced:
                self._keep_in_place(anchor)
                self._paint()  # once for the range: the highlights follow the shifted offsets
        finally:
            self._replacing = False
        if replaced:
            self.viewChanged.emit()

    def restyle(self) -> None:
        """Paint the text and the highlights again in the colours of the theme now in use."""
        if self._spans:
            self._on_data_changed(self.model.index(0, self.column), self.model.index(len(self._spans) - 1, self.column))
        self._paint()

    def _on_scroll_bar_changed(self, *_) -> None:
        if not self._replacing:  # else said once the replacement ends
            self.viewChanged.emit()

    def _line_top(self, position: int) -> float:
        """Document y (pixels) of the top of the line holding document position ``position``."""
        block = self.document().findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        return block.layout().position().y() + line.y()

    def _scroll_anchor(self) -> tuple[int, int] | None:
        """(sentence id, viewport y of its first line in whole pixels, as drawn) of the first
        sentence that starts in the viewport, or None at the top of the text (where nothing
        above can move it)."""
        bar = self.verticalScrollBar()
        if bar.value() == 0:
            return None
        sentence_id = self.visible_sentences()[0]
        if self._line_top(self._spans[sentence_id].start) < bar.value() and sentence_id + 1 < len(self._spans):
            sentence_id += 1  # it starts above the viewport
        return sentence_id, round(self._line_top(self._spans[sentence_id].start)) - bar.value()

    def _keep_in_place(self, anchor: tuple[int, int] | None) -> None:
        """Scroll anchoring (as in CSS Scroll Anchoring, https://drafts.csswg.org/css-scroll-anchoring/):
        when translations above the viewport change length, scroll by as much, so that the
        first sentence that starts in view stays where the reader sees it."""
        if anchor is not None:
            sentence_id, y = anchor
            self.verticalScrollBar().setValue(round(self._line_top(self._spans[sentence_id].start)) - y)

    def _replace(self, row: int) -> bool:
        """Put row ``row``'s current text in the pane; False when it is already there."""
        self._stale[row] = 0
        text, fmt = self._text_and_format(row)
        span = self._spans[row]
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() == text and cursor.charFormat().foreground() == fmt.foreground():
            return False
        cursor.insertText(text, fmt)
        self._resized(row, utf16_length(text) - span.length)
        return True

    def _resized(self, row: int, delta: int) -> None:
        """Row ``row``'s text grew by ``delta`` positions: its span and the later ones of its
        paragraph follow (those of later paragraphs follow their blocks)."""
        span = self._spans[row]
        span.length += delta
        for later in itertools.islice(self._spans, row + 1, None):
            if later.block != span.block:
                break
            later.offset += delta

    # -- positions ------------------------------------------------------------
    def sentence_at_position(self, position: int) -> int:
        """Sentence id whose span contains the character at pane position ``position``, or -1."""
        found = sentence_at(self._spans, position)
        return -1 if found is None else found

    def document_offset(self, position: int, caret: bool = False) -> int:
        """Code-point offset into the document text (``Document.text``) of the character at pane
        position ``position`` (source pane only), or -1 when it is in no sentence. With
        ``caret``, ``position`` is a gap between characters: the one after a sentence's last
        character is in that sentence (:func:`models.text.segmentation.sentence_at_caret`)."""
        if self.column != SOURCE or position < 0:
            return -1
        found = (sentence_at_caret if caret else sentence_at)(self._spans, position)
        if found is None:
            return -1
        sentence = self.model.document.sentences[found]
        shown = TextPositions(self._shown_text(found)).to_offset(position - self._spans[found].start)
        if found not in self._vowel_rows:
            return sentence.start + shown
        return self.vocalized.original_offset(self.vocalized.vocalized_offset(sentence.start) + shown)

    def pane_position(self, offset: int) -> int:
        """Pane position of the character at code-point ``offset`` into the document text
        (source pane only), or -1 when that character is in no sentence."""
        document = self.model.document
        found = sentence_at(document.sentences, offset) if self.column == SOURCE and document else None
        if found is None or found >= len(self._spans):  # not laid out yet
            return -1
        sentence = document.sentences[found]
        shown = offset - sentence.start
        if found in self._vowel_rows:
            shown = self.vocalized.vocalized_offset(offset) - self.vocalized.vocalized_offset(sentence.start)
        return self._spans[found].start + TextPositions(self._shown_text(found)).to_position(shown)

    def pane_span(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) pane positions of the document text between code-point offsets
        ``start`` and ``end`` (one sentence's characters), or ``None`` when not in the pane."""
        first, last = self.pane_position(start), self.pane_position(end - 1)
        if first < 0 or last < 0:
            return None
        document = self.model.document
        vocalized = sentence_at(document.sentences, end - 1) in self._vowel_rows
        last_char = self.vocalized.span(end - 1, end) if vocalized else document.text[end - 1]
        return first, last + utf16_length(last_char)

    def sentence_at(self, point: QPoint) -> int:
        """Sentence id under viewport point ``point`` (only when the point is over its text), or -1."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = self.document().documentLayout().hitTest(point + offset, Qt.HitTestAccuracy.ExactHit)
        return self.sentence_at_position(position) if position >= 0 else -1

    def char_at(self, point: QPoint) -> int:
        """QTextDocument position of the character whose glyph is under viewport point ``point``,
        or -1. Unlike a cursor hit test (which gives the nearest gap between characters), this
        checks the glyph's horizontal extent, so it is right in right-to-left and mixed runs."""
        doc_point = QPointF(point) + QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        gap = self.document().documentLayout().hitTest(doc_point, Qt.HitTestAccuracy.ExactHit)
        if gap < 0:
            return -1
        block = self.document().findBlock(gap)
        layout = block.layout()
        block_top_left = layout.position()
        x = doc_point.x() - block_top_left.x()
        y = doc_point.y() - block_top_left.y()
        text = block.text()
        inside_line = False
        for candidate in (gap, gap - 1):
            relative = candidate - block.position()
            if not 0 <= relative < block.length() - 1:
                continue
            line = layout.lineForTextPosition(relative)
            if not line.isValid() or not line.y() <= y < line.y() + line.height():
                continue
            inside_line = True
            x1, _ = line.cursorToX(relative)
            x2, _ = line.cursorToX(relative + 1)
            if min(x1, x2) <= x <= max(x1, x2) and x1 != x2:
                return candidate
        # Inside a ligature or a shaped cluster the cursor positions coincide (lam-alef, or a
        # letter joined across a direction change): a gap between two non-space characters of
        # the line is still inside that word.
        relative = gap - block.position()
        if inside_line and 0 < relative < len(text) and not text[relative - 1].isspace() and not text[relative].isspace():
            return gap - 1
        return -1

    def source_offset_at(self, point: QPoint) -> int:
        """Character offset into the document text (``Document.text``) of the character under
        viewport point ``point`` in the source pane, or -1 when the point is not over text."""
        return self.document_offset(self.char_at(point))

    def sentence_span(self, sentence_id: int) -> tuple[int, int]:
        """(start, end) positions of a sentence in this pane's QTextDocument."""
        span = self._spans[sentence_id]
        return span.start, span.end

    def sentence_rect(self, sentence_id: int):
        """Viewport rectangle of a sentence's first character."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._spans[sentence_id].start)
        return self.cursorRect(cursor)

    # -- highlight ------------------------------------------------------------
    def set_highlight(self, hovered: int, selected: int | None = None) -> None:
        """Paint sentence ``hovered`` (and ``selected`` when given); -1 paints none."""
        self._hovered = hovered
        if selected is not None:
            self._selected = selected
        self._paint()

    def _paint(self) -> None:
        selections = []
        for sentence_id, color in ((self._selected, qcolor("selected")), (self._hovered, qcolor("hovered"))):
            if 0 <= sentence_id < len(self._spans):
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(self._spans[sentence_id].start)
                cursor.setPosition(self._spans[sentence_id].end, QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format.setBackground(color)
                selections.append(sel)
        for start, end, color in self._word_highlights:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(start)
            sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.format.setBackground(color)
            selections.append(sel)
        self.setExtraSelections(selections + self.marks)

    def set_marks(self, marks: list[QTextEdit.ExtraSelection]) -> None:
        """Paint ``marks`` (e.g. find matches) over the sentence highlights until replaced."""
        self.marks = marks
        self._paint()

    def set_word_highlights(self, highlights: list[tuple[int, int, QColor]]) -> None:
        """Paint words over the sentence highlights: (start, end, colour) in pane positions
        (linked words, :mod:`gui.word_link_hover`); ``[]`` paints none."""
        if highlights or self._word_highlights:
            self._word_highlights = list(highlights)
            self._paint()

    def word_highlights(self) -> list[tuple[int, int, QColor]]:
        """The words painted by :meth:`set_word_highlights`."""
        return list(self._word_highlights)

    def highlighted(self) -> tuple[int, int]:
        """(hovered, selected) sentence ids, -1 for none."""
        return self._hovered, self._selected

    def ensure_sentence_visible(self, sentence_id: int) -> None:
        """Scroll so that the sentence is in view, a third of the way down when it was not."""
        if not 0 <= sentence_id < len(self._spans):
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._spans[sentence_id].end)
        bottom = self.cursorRect(cursor).bottom()
        cursor.setPosition(self._spans[sentence_id].start)
        top = self.cursorRect(cursor).top()
        height = self.viewport().height()
        if top >= 0 and bottom <= height:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)

    # -- zoom -----------------------------------------------------------------
    def set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, size))
        self.document().setDefaultFont(font)
        self.setFont(font)

    # -- events ---------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        sentence_id = self.sentence_at(event.position().toPoint())
        if sentence_id != self._hovered:
            self.sentenceHovered.emit(sentence_id)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        if self._hovered != -1:
            self.sentenceHovered.emit(-1)
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            sentence_id = self.sentence_at(event.position().toPoint())
            if sentence_id >= 0:
                self.sentenceClicked.emit(sentence_id)

    def visible_positions(self, margin: float = 0.0) -> tuple[int, int]:
        """(first, last) Qt positions of the text on the lines in the viewport, the viewport
        grown by ``margin`` of its height above and below (binary search over the blocks:
        :mod:`gui.text_layout`)."""
        y, height = self.verticalScrollBar().value(), self.viewport().height()
        return (line_span_at_y(self.document(), y - margin * height)[0],
                line_span_at_y(self.document(), y + (1 + margin) * height)[1])

    def visible_sentences(self) -> list[int]:
        """Ids of the sentences at least partly in the viewport, in document order."""
        if not self._spans:
            return []
        lo, hi = self.visible_positions()
        first = max(0, bisect.bisect_right(self._spans, lo, key=_START) - 1)
        last = max(first, bisect.bisect_right(self._spans, hi, key=_START) - 1)
        return list(range(first, last + 1))
