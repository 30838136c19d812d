"""Segmenting the rest of a big document off the GUI thread.

A big file is opened with only its first part segmented (:data:`FIRST_CHARS`), so that the first
screen shows at once; :class:`BackgroundSegmenter` segments the rest on a QThreadPool thread,
:data:`PART_CHARS` characters at a time, and hands each part to the GUI thread (a queued signal),
which appends its sentences to the :class:`gui.sentence_model.SentenceModel`. Opening another
document drops the parts of the old one still on their way (each run has an id, as Picard's
``picard/file.py`` ``_load_check`` drops stale results)."""
from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from models.documents import Document

log = logging.getLogger(__name__)

#: Characters segmented before a document is shown (whole lines: a few screens' worth).
FIRST_CHARS = 20_000
#: Characters per part segmented in the background (about 30 ms of segmentation each).
PART_CHARS = 100_000


class _Run(QRunnable):
    def __init__(self, segmenter: "BackgroundSegmenter", run_id: int, document: Document):
        super().__init__()
        self.segmenter, self.run_id, self.document = segmenter, run_id, document

    def run(self) -> None:
        start = self.document.segmented_to
        first_id, paragraph = len(self.document.sentences), (self.document.sentences[-1].paragraph
                                                               if self.document.sentences else -1)
        from models.text.segmentation import segment_part

        try:
            while start < len(self.document.text) and self.segmenter.current == self.run_id:
                sentences, start = segment_part(self.document.text, start, PART_CHARS, first_id, paragraph)
                if sentences:
                    first_id += len(sentences)
                    paragraph = sentences[-1].paragraph
                self.segmenter.part.emit(self.run_id, sentences, start)
        except Exception:  # never a traceback in the window: the part segmented so far stays shown
            log.exception("segmenting %s failed", self.document.source)
            self.segmenter.part.emit(self.run_id, [], len(self.document.text))


class BackgroundSegmenter(QObject):
    """Segments the rest of a document on a thread pool (default: a pool of its own, one
    thread). Signal ``part(run id, sentences, end offset)`` comes on the GUI thread; connect it
    through :meth:`start`'s ``on_part(sentences, end offset)``, called only for the current run."""

    part = Signal(int, object, int)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.current = -1
        self._ids = itertools.count()
        self._on_part = None
        self.part.connect(self._deliver)

    def start(self, document: Document, on_part) -> None:
        """Segment ``document`` from its ``segmented_to`` to its end; ``on_part(sentences, end)``
        for each part, in order, on the GUI thread."""
        self.current = next(self._ids)
        self._on_part = on_part
        self.pool.start(_Run(self, self.current, document))

    def cancel(self) -> None:
        """Drop the current run (its thread stops after the part it is segmenting)."""
        self.current = -1

    def shutdown(self, timeout_ms: int = 3000) -> None:
        self.cancel()
        self.pool.waitForDone(timeout_ms)

    def _deliver(self, run_id: int, sentences: list, end: int) -> None:
        if run_id == self.current and self._on_part is not None:
            self._on_part(sentences, end)
