"""Segmenting the rest of a big document while the window goes on.

A big file is opened with only its first part segmented (:data:`FIRST_CHARS`), so that the first
screen shows at once; :class:`BackgroundSegmenter` segments the rest in time slices on the GUI
thread, :data:`PART_CHARS` characters at a time for at most :data:`SLICE_BUDGET_S` per turn of
the event loop, and hands each part's sentences to ``on_part``, which appends them to the
:class:`gui.sentence_model.SentenceModel` (and so to the document).

Not on a thread: segmentation is pure Python, and a Python thread that runs for seconds makes the
GUI thread wait up to the interpreter's switch interval (5 ms) for the interpreter lock after
every Qt call that releases it, so the panes' layout slices took seconds each (a 19 MB text: 12
layout slices in 60 s). Opening another document drops the old one's run.

The sentences of a book are long-lived objects by the hundred thousand, and a full run of the
cyclic garbage collector walked them all on the GUI thread (111 ms on a 19 MB text); each slice
moves what exists to the collector's permanent generation (``gc.freeze``, a constant-time list
splice), so later collections walk only newer objects. The sentences hold no reference cycles:
when another document is opened they are freed by reference counting all the same. Nothing is
unfrozen: :func:`gc.unfreeze` gives back everything frozen, the lexicon's index too
(:func:`models.lexicon.index.shared_lexicon` freezes it), and a full collection then walked it on the
GUI thread for 380 ms (seen in the test suite after a document was opened). The price: an object
in a reference cycle that happened to exist during a run is not collected (a window closed while
a book was being segmented)."""
from __future__ import annotations

import gc
import logging
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer

from models.documents import Document

log = logging.getLogger(__name__)

#: Characters segmented before a document is shown (whole lines: a few screens' worth).
FIRST_CHARS = 20_000
#: Characters per part segmented at once (whole lines; a few ms of segmentation).
PART_CHARS = 8_000
#: Longest the GUI thread segments before it lets the event loop run (seconds).
SLICE_BUDGET_S = 0.006

OnPart = Callable[[list, int], None]


class BackgroundSegmenter(QObject):
    """Segments the rest of a document in time slices while the event loop runs;
    ``on_part(sentences, end offset)`` after each part (:meth:`start`); ``on_part`` must add them
    to the document (:meth:`models.documents.Document.add_part`)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.document: Document | None = None
        self._on_part: OnPart | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_slice)

    def start(self, document: Document, on_part: OnPart) -> None:
        """Segment ``document`` from its ``segmented_to`` to its end; ``on_part(sentences, end)``
        for each part, in order, until the document is segmented or :meth:`cancel`."""
        self.document, self._on_part = document, on_part
        gc.freeze()
        self._timer.start()

    def cancel(self) -> None:
        """Drop the current run (what it froze stays frozen: see the module's docstring)."""
        self.document = self._on_part = None
        self._timer.stop()

    def shutdown(self, timeout_ms: int = 0) -> None:
        """Stop (nothing runs off the GUI thread: there is nothing to wait for)."""
        self.cancel()

    def _next_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_BUDGET_S
        document, on_part = self.document, self._on_part
        while document is not None and document is self.document and time.perf_counter() < deadline:
            try:
                sentences, end = document.next_part(PART_CHARS)
            except Exception:  # never a traceback in the window: the part segmented so far stays shown
                log.exception("segmenting %s failed", document.source)
                sentences, end = [], len(document.text)
            if end >= len(document.text):
                self.cancel()
            on_part(sentences, end)
        if self.document is not None:
            gc.freeze()
            self._timer.start()
