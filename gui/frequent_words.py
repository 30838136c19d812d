"""Common words not yet known, marked in the article (the ``mark_frequent`` setting, off by default).

The Arabic words of the open article whose frequency band
(:func:`models.lexicon.frequency.frequency_band`, Arramooz's word frequencies) is among the top N
bands the setting names (:data:`gui.settings.FREQUENT_CHOICES`) and that no glossary term of
status known covers (:func:`models.glossary.progress.frequent_unknown_words`) are written in the
colour ``frequent_word`` (:mod:`gui.colors`): the common words worth learning next. The mark is
the letters' colour, so it shows together with the term marks (underline and background) and the
dotted underline of words not in my glossary (:mod:`gui.learner_progress`), which is another
setting.

Looking a word's band up takes 0.2 to 0.5 ms, so the bands of a long article's distinct words
(a second's work) are looked up once the window's lexicon is loaded, a few milliseconds' worth
per event-loop turn, and kept: another N, a word saved as known, another theme only paint again.
Painting a long article's marks (and laying its paragraphs out again) takes longer than a frame
too, so it is done in text order a few paragraphs per turn. Both run on the GUI thread in slices
rather than in a background thread: a Python thread doing a second of lookups holds the
interpreter lock, and on a loaded machine the window then waited 90-130 ms at a time for it
(``python -m benchmarks.bench_frequent_words``, GUI-thread CPU 12 ms in those stalls).
"""
from __future__ import annotations

import bisect

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QBrush, QTextCharFormat, QTextCursor

from gui import messages
from gui.colors import qcolor
from gui.settings import FREQUENT_CHOICES
from models.glossary.progress import frequent_unknown_words
from models.lexicon import frequency
from models.text.arabic import ARABIC_WORD_RE

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

SETTING = "mark_frequent"
#: Longest a batch of band look-ups runs on the GUI thread before it lets events in (seconds).
LOOKUP_BATCH_S = 0.005
#: Longest a batch of painting runs on the GUI thread before it lets events in (seconds; the
#: layout of the paragraphs it changed comes after).
PAINT_BATCH_S = 0.006
#: Characters of old marks cleared at most by one batch after the last span.
CLEAR_STEP = 2000


class FrequentWords(QObject):
    """Keeps the common words not yet known marked in ``window``'s Arabic pane, as its settings,
    glossary and theme say. Signal ``marked()`` each time the marks were painted (or cleared)."""

    marked = Signal()

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.pane = window.arabic_pane
        self.glossary = window.hover_glossary
        #: Written word -> band number (``None``: not in the list), kept across articles.
        self.bands: dict[str, int | None] = {}
        #: The marked words, as (start, end) character offsets into the article's text.
        self.spans: list[tuple[int, int]] = []
        self._to_look_up: list[str] = []  # the article's words whose band is still to look up
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.timeout.connect(self._look_up_batch)
        self._painted = False  # some text may have the mark
        self._next = 0  # the first of :attr:`spans` still to paint
        self._cleared: int | None = None  # pane position up to which old marks are cleared (None: done)
        self._mark = QTextCharFormat()
        self._plain = QTextCharFormat()
        self._plain.setForeground(QBrush())  # no brush: the pane's own text colour
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._paint_batch)
        # After the hover glossary's refresh (a new article or term, another theme, the vowels
        # shown or hidden): its term matches are current.
        self.glossary.termsMarked.connect(self._on_terms_marked)
        self.glossary.service.ready.connect(self.refresh)
        window.settings.changed.connect(self._on_setting_changed)
        self.refresh()

    def top_bands(self) -> int:
        """N: the setting's bands 1 to N are marked (0: off)."""
        value = self.window.settings.get(SETTING)
        return FREQUENT_CHOICES.index(value) if value in FREQUENT_CHOICES else 0

    @property
    def painting(self) -> bool:
        """True while the marks are being looked up or painted."""
        return self._timer.isActive() or self._lookup_timer.isActive()

    def _on_setting_changed(self, name: str, _value) -> None:
        if name == SETTING:
            self.refresh()

    def _on_terms_marked(self, start: int, end: int) -> None:
        document = self.window.sentences.document
        if document is None or (start, end) == (0, len(document.text)) or self.painting:
            self.refresh()
            return
        cursor = QTextCursor(self.pane.document())  # sentences written again: their words marked again
        first = bisect.bisect_left(self.spans, (start,))  # the spans are in text order
        for span in self.spans[first:bisect.bisect_left(self.spans, (end,), lo=first)]:
            positions = self.pane.pane_span(*span)
            if positions is not None:
                _merge(cursor, positions[0], positions[1], self._mark)

    def refresh(self) -> None:
        """Mark the article's common words not yet known (none when the setting is off); the
        bands still unknown are looked up first."""
        document = self.window.sentences.document
        top = self.top_bands()
        self._mark.setForeground(qcolor("frequent_word"))  # in the theme now in use
        if document is None or not top:
            self._to_look_up = []
            self._paint([])
            return
        words = dict.fromkeys(word.group() for word in ARABIC_WORD_RE.finditer(document.text))
        self._to_look_up = [word for word in words if word not in self.bands]
        if self._to_look_up:
            if self.glossary.service.lexicon is not None:  # else its ready() calls refresh() again
                self._lookup_timer.start(0)
            return
        self._paint(frequent_unknown_words(document.text, self.bands, top, self.glossary.matches))

    def _look_up_batch(self) -> None:
        """Look up the bands of the next words for :data:`LOOKUP_BATCH_S`, then let events in."""
        lexicon = self.glossary.service.lexicon
        deadline = time.perf_counter() + LOOKUP_BATCH_S
        while self._to_look_up and time.perf_counter() < deadline:
            word = self._to_look_up.pop()
            try:
                band = frequency.frequency_band(word, lexicon)
            except Exception:  # noqa: BLE001 - one word the analysis fails on is left unmarked
                log.exception("no frequency band for %r", word)
                band = None
            self.bands[word] = int(band) if band is not None else None
        if self._to_look_up:
            self._lookup_timer.start(0)
            return
        reason = frequency.unavailable_reason()  # the list was read with the lexicon: no wait
        if reason:
            messages.note(self.window, reason)
        self.refresh()

    def _paint(self, spans: list[tuple[int, int]]) -> None:
        """Colour the letters of ``spans`` (document offsets, in order), and only them: a pass
        over the pane in text order, a batch per event-loop turn (:data:`PAINT_BATCH_S`), each
        batch clearing the old marks up to the next span and colouring it; ``marked()`` at the end."""
        self.spans = spans
        if not spans and not self._painted:
            self._timer.stop()
            return
        self._next = 0
        self._cleared = 0 if self._painted else None  # pane position the old marks are cleared up to
        self._painted = True
        self._timer.start(0)

    def _paint_batch(self) -> None:
        deadline = time.perf_counter() + PAINT_BATCH_S
        end_of_text = self.pane.document().characterCount() - 1
        cursor = QTextCursor(self.pane.document())
        cursor.beginEditBlock()  # laid out once for the batch: the lines of a few paragraphs
        while self._next < len(self.spans) and time.perf_counter() < deadline:
            positions = self.pane.pane_span(*self.spans[self._next])
            self._next += 1
            if positions is None:
                continue
            self._clear(cursor, positions[0])
            _merge(cursor, positions[0], positions[1], self._mark)
            if self._cleared is not None:
                self._cleared = positions[1]
        if self._next == len(self.spans) and self._cleared is not None and time.perf_counter() < deadline:
            self._clear(cursor, min(end_of_text, self._cleared + CLEAR_STEP))
            if self._cleared >= end_of_text:
                self._cleared = None
        cursor.endEditBlock()
        if self._next < len(self.spans) or self._cleared is not None:
            self._timer.start(0)
            return
        self._painted = bool(self.spans)
        self.marked.emit()

    def _clear(self, cursor: QTextCursor, until: int) -> None:
        """Take the old marks off from where the pass has cleared them to pane position ``until``."""
        if self._cleared is not None and until > self._cleared:
            _merge(cursor, self._cleared, until, self._plain)
            self._cleared = until


def _merge(cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)
