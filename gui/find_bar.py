"""The find bar (Ctrl+F): searches the Arabic article and its translation at once, the way a
reader means it (:func:`models.text.search.find_spans`: Arabic without regard to diacritics,
tatweel, alef/hamza spelling, ى/ي and ة/ه; English without regard to case), paints every match
in both panes, steps through them (Enter / Shift+Enter, F3 / Shift+F3) and says "3 of 12".
Esc closes it.

A long text (a book) is searched in slices of the GUI thread's time, a chunk of paragraphs at a
time, while the bar says "Searching…"; the matches of the search before stay until it is done."""
from __future__ import annotations

import bisect
import time
from dataclasses import dataclass
from operator import attrgetter

from typing import Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from gui.colors import qcolor
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE
from gui.text_positions import TextPositions
from models.text.search import find_spans

#: How long typing or a changing translation may go on before the panes are searched again.
SEARCH_DELAY_MS = 150
#: Panes holding more characters than this (together) are searched in slices.
SEARCH_INLINE_CHARS = 300_000
#: Longest the GUI thread searches before it lets the event loop run (seconds).
SEARCH_BUDGET_S = 0.008
#: Characters of consecutive paragraphs searched at a time (a paragraph is never cut).
CHUNK_CHARS = 16_000


@dataclass(frozen=True)
class Match:
    """A match in ``pane``: Qt positions (UTF-16 code units) ``start`` to ``end``."""

    pane: ReadingPane
    start: int
    end: int


_START, _END = attrgetter("start"), attrgetter("end")


def pane_matches(pane: ReadingPane, query: str) -> Iterator[list[Match]]:
    """The matches of ``query`` in ``pane`` (:func:`models.text.search.find_spans`), in order, a
    list per chunk of about :data:`CHUNK_CHARS` characters of whole paragraphs (blocks). A chunk
    is the blocks' text joined with "\\n", as the document's plain text has it, so that a chunk
    offset plus its first block's position is a Qt position. A change to the document between
    two chunks gives the matches of the text as it was when each chunk was read."""
    document, number = pane.document(), 0
    while number < document.blockCount():  # by number: the document may change between two chunks
        block = document.findBlockByNumber(number)
        start, texts, size = block.position(), [], 0
        while block.isValid() and size < CHUNK_CHARS:
            texts.append(block.text())
            size += len(texts[-1]) + 1
            block = block.next()
            number += 1
        text = "\n".join(texts).replace("\u00a0", " ")  # as toPlainText gives no-break spaces
        positions = TextPositions(text)
        yield [Match(pane, start + positions.to_position(a), start + positions.to_position(b))
               for a, b in find_spans(text, query)]


class FindBar(QWidget):
    """A bar above the panes; the panes shown (:attr:`panes`, of those given and added with
    :meth:`add_pane`) are searched in order (the Arabic pane first), so that "next" goes through
    the article, then through the translation. Hidden until :meth:`open`. A pane is a
    :class:`ReadingPane` or a view answering the same calls (the interlinear view)."""

    def __init__(self, panes: list[ReadingPane], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.all_panes: list[ReadingPane] = []
        self.matches: list[Match] = []
        self._in_pane: dict[ReadingPane, tuple[int, int]] = {}  # the slice of matches in each pane
        self.current = -1
        self.query = QLineEdit()
        self.query.setObjectName("findQuery")
        self.query.setPlaceholderText("Find in the article and its translation")
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("findCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count_label)
        for text, tip, slot in (("↑", "Previous match (Shift+Enter, Shift+F3)", self.find_previous),
                                ("↓", "Next match (Enter, F3)", self.find_next),
                                ("✕", "Close (Esc)", self.close_bar)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.clicked.connect(slot)
            layout.addWidget(button)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self._steps: Iterator[None] | None = None  # the search under way
        self._previous: Match | None = None  # the current match when it started
        self._again = False  # the text changed while it ran: search again after it
        self._query_pending = False  # the query changed and is not searched yet
        self._pending_step = 0  # next (1) / previous (-1) asked for before the search ended
        self._last_search_s = 0.0  # how long the last search took (wall clock)
        self._started = 0.0  # when the search under way started (time.perf_counter())
        self._previous_place: tuple[int, int] | None = None  # (sentence id, side) of the current match then
        self._keep_place = False  # the next search looks for that place again (not found yet)
        self._new_query = False  # the search under way is of a new query (no count to show meanwhile)
        self._slice_timer = QTimer(self, singleShot=True, interval=0)
        self._slice_timer.timeout.connect(self._search_slice)
        self._marks_timer = QTimer(self, singleShot=True, interval=0)  # scrolled: the marks near the screen again
        self._marks_timer.timeout.connect(lambda: self.matches and self._paint())
        self.query.textChanged.connect(self._on_query_changed)
        for pane in panes:
            self.add_pane(pane)
        self.hide()

    def add_pane(self, pane: ReadingPane) -> None:
        """Search ``pane`` too while it is shown (after the panes given before it)."""
        self.all_panes.append(pane)
        pane.viewChanged.connect(self._marks_timer.start)
        pane.document().contentsChanged.connect(self._on_text_changed)

    @property
    def panes(self) -> list[ReadingPane]:
        """The panes searched: those shown in their window (one reading mode's)."""
        return [pane for pane in self.all_panes if pane.isVisibleTo(pane.window())]

    # -- opening and closing ------------------------------------------------
    def open(self) -> None:
        """Show the bar with its query selected, and search."""
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self.search()

    def close_bar(self) -> None:
        """Hide the bar and its highlights."""
        self.hide()
        self._timer.stop()
        self._slice_timer.stop()
        self._steps = None
        self._pending_step = 0
        self._keep_place = False
        self.matches, self.current, self._in_pane = [], -1, {}
        for pane in self.all_panes:
            pane.set_marks([])
        if self.panes:
            self.panes[0].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the query: Enter / Shift+Enter step, Esc closes (before the window's Esc shortcut)."""
        if watched is self.query and isinstance(event, QKeyEvent):
            key = event.key()
            if event.type() == QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Escape:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if key == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                        self.find_previous()
                    else:
                        self.find_next()
                    return True
        return super().eventFilter(watched, event)

    # -- searching -----------------------------------------------------------
    def _on_query_changed(self, _text: str) -> None:
        """Typing: search once the typing pauses (:data:`SEARCH_DELAY_MS`)."""
        self._query_pending = True
        self._pending_step = 0  # steps through the matches of another query
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.start()
        self.count_label.setText(self.count_text())

    def _on_text_changed(self) -> None:
        """The panes' text changed (translations arriving, a book being laid out): search again
        at most every :data:`SEARCH_DELAY_MS` or twice the last search's time, whichever is
        longer; a change that keeps coming (a book laid out in slices) does not put it off."""
        if self.isVisible() and self.query.text().strip():
            if self._steps is not None:
                self._again = True  # after the search under way
            elif not self._timer.isActive():
                self._timer.setInterval(max(SEARCH_DELAY_MS, round(2000 * self._last_search_s)))
                self._timer.start()

    def search(self) -> None:
        """Search the panes for the query: at once, or for long panes (more than
        :data:`SEARCH_INLINE_CHARS`) in slices of at most :data:`SEARCH_BUDGET_S` with
        "Searching…" meanwhile. When done, the current match stays where it was when it still
        matches, else becomes the first match at or after it."""
        self._timer.stop()
        self._new_query = self._query_pending or not self.matches
        self._query_pending = False
        if self._steps is None and not self._keep_place:
            self._previous = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
            self._previous_place = self._where(self._previous) if self._previous is not None else None
        self._again = False
        self._started = time.perf_counter()
        self._steps = self._search_steps(self.query.text())
        if sum(pane.document().characterCount() for pane in self.panes) <= SEARCH_INLINE_CHARS:
            for _ in self._steps:
                pass
        else:
            self.count_label.setText(self.count_text())
            self._slice_timer.start()

    def _search_steps(self, query: str) -> Iterator[None]:
        """The search, a chunk at a time; shows the matches when done."""
        found: list[Match] = []
        in_pane: dict[ReadingPane, tuple[int, int]] = {}
        for pane in self.panes:
            first = len(found)
            for chunk in pane_matches(pane, query):
                found += chunk
                yield
            in_pane[pane] = (first, len(found))  # the pane's matches, in text order
        self._steps = None
        self._last_search_s = time.perf_counter() - self._started
        self.matches, self._in_pane = found, in_pane
        previous = self._previous
        self.current, found = self._resume(previous) if self.matches else (-1, False)
        # Not found (yet): a view still being laid out may hold it later (the interlinear view
        # after a switch); until then the next searches look for that place, not for this one.
        self._keep_place = previous is not None and not found and not self._laid_out()
        step, self._pending_step = self._pending_step, 0
        if step and self.matches:
            self.current = (self.current + step) % len(self.matches)
        moved = self.current >= 0 and self.matches[self.current] != previous
        self._show(scroll=previous is None or bool(step) or (moved and not self._keep_place))
        if self._again:
            self._on_text_changed()

    def _search_slice(self) -> None:
        deadline = time.perf_counter() + SEARCH_BUDGET_S
        steps = self._steps
        while steps is not None and steps is self._steps and time.perf_counter() < deadline:
            next(steps, None)
        if self._steps is not None:
            self._slice_timer.start()

    @property
    def searching(self) -> bool:
        """True while a search runs in slices."""
        return self._steps is not None

    @staticmethod
    def _where(match: Match) -> tuple[int, int]:
        """(sentence id, side) of ``match``: side 0 the Arabic, 1 the translation, whichever
        view it is in (a reading pane or the interlinear view's blocks, two a sentence)."""
        pane = match.pane
        if isinstance(pane, ReadingPane):
            return pane.sentence_at_position(match.start), 0 if pane.column == SOURCE else 1
        block = pane.document().findBlock(match.start).blockNumber()
        return block // 2, block % 2

    def _resume(self, previous: Match | None) -> tuple[int, bool]:
        """(the match to make current after a search, whether it is at or after ``previous``):
        ``previous`` when it is still there, else the first after it in its sentence and side,
        else the first of a later sentence on its side, else the first of a later sentence (in
        another reading mode too); else (0, False)."""
        if previous is None:
            return 0, True
        if previous.pane in self._in_pane:  # the same reading mode: the search order of the panes
            order = self.all_panes.index
            here = (order(previous.pane), previous.start)
            found = next((i for i, m in enumerate(self.matches) if (order(m.pane), m.start) >= here), None)
            return (0, False) if found is None else (found, True)
        here = self._previous_place
        places = [self._where(match) for match in self.matches]
        for wanted in (lambda p: p == here, lambda p: p[1] == here[1] and p[0] >= here[0], lambda p: p[0] >= here[0]):
            found = next((i for i, place in enumerate(places) if wanted(place)), None)
            if found is not None:
                return found, True
        return 0, False

    def _laid_out(self) -> bool:
        """Every pane searched holds all of its text (a book is laid out in slices)."""
        return all(pane.is_laid_out() for pane in self.panes)

    def find_next(self) -> None:
        """Go to the next match (after the last, the first)."""
        self._step(+1)

    def find_previous(self) -> None:
        """Go to the previous match (before the first, the last)."""
        self._step(-1)

    def _step(self, step: int) -> None:
        if not self.isVisible():
            self.open()
            return
        if self._query_pending:
            self.search()
        if self._steps is not None:  # a book being searched: the steps are taken when it is done
            self._pending_step += step
            return
        if self.matches:
            self.current = (self.current + step) % len(self.matches)
            self._show(scroll=True)

    def count_text(self) -> str:
        """What the bar says: "3 of 12", "No match", or "" for an empty query."""
        if not self.query.text().strip():
            return ""
        if self._query_pending or (self._steps is not None and self._new_query):
            return "Searching…"  # the count shown until a search of the same query ends is the last one
        # While a pane is still being laid out, the count is of the text there so far.
        so_far = "" if self._laid_out() else "…"
        return f"{self.current + 1} of {len(self.matches)}{so_far}" if self.matches else f"No match{so_far}"

    def restyle(self) -> None:
        """Paint the matches again in the colours of the theme now in use."""
        if self.matches:
            self._show(scroll=False)

    def _show(self, scroll: bool) -> None:
        self.count_label.setText(self.count_text())
        if scroll and 0 <= self.current < len(self.matches):
            self._scroll_to(self.matches[self.current])
        self._paint()

    def _paint(self) -> None:
        """Paint the matches within a screen of what each pane shows (a common word in a book
        matches tens of thousands of times; Qt walks every extra selection at each paint), the
        current one in its own colour; again after each scroll."""
        for pane in self.all_panes:  # a pane hidden since the search: its marks go
            first, stop = self._in_pane.get(pane, (0, 0))
            lo, hi = pane.visible_positions(margin=1.0)
            near = range(bisect.bisect_left(self.matches, lo, first, stop, key=_END),
                         bisect.bisect_right(self.matches, hi, first, stop, key=_START))
            marks = []
            for i in near:
                match = self.matches[i]
                mark = QTextEdit.ExtraSelection()
                mark.cursor = QTextCursor(pane.document())
                mark.cursor.setPosition(match.start)
                mark.cursor.setPosition(match.end, QTextCursor.MoveMode.KeepAnchor)
                mark.format.setBackground(qcolor("find_current" if i == self.current else "find_match"))
                marks.append(mark)
            pane.set_marks(marks)

    def _scroll_to(self, match: Match) -> None:
        """Bring the current match into view, and its sentence's counterpart in the other panes."""
        cursor = QTextCursor(match.pane.document())
        cursor.setPosition(match.start)
        match.pane.setTextCursor(cursor)
        match.pane.ensureCursorVisible()
        sentence_id = match.pane.sentence_at_position(match.start)
        if sentence_id >= 0:
            for pane in self.panes:
                if pane is not match.pane:  # the paragraphs are lined up: the same scroll shows them side by side
                    pane.verticalScrollBar().setValue(match.pane.verticalScrollBar().value())
                    pane.ensure_sentence_visible(sentence_id)
