"""The chapter list of an e-book: a combo box in the status bar, filled from
:attr:`models.documents.Document.chapters` (every chapter of the book, also those not segmented
or laid out yet), that scrolls the panes shown (both reading panes, or the interlinear view) to
the first sentence of the chapter chosen, once it is laid out; hidden when the document has no
chapters."""
from __future__ import annotations

import bisect
from typing import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QWidget

from gui.reading_pane import ReadingPane
from models.documents import Document
from models.text.segmentation import Sentence


def first_sentence_from(sentences: Sequence[Sentence], offset: int) -> int | None:
    """Index of the first sentence that ends after the character offset ``offset`` (the
    sentence holding it, else the next one); None past the last sentence."""
    i = bisect.bisect_right(sentences, offset, key=lambda s: s.end)
    return i if i < len(sentences) else None


def scroll_to_top(pane: ReadingPane, sentence_id: int) -> None:
    """Scroll ``pane`` so that the line of the sentence's first character is at its top."""
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + pane.sentence_rect(sentence_id).top())


class ChapterBox(QComboBox):
    """Jumps the panes shown of ``panes`` (and of those added with :meth:`add_pane`) to the
    chapter chosen (object name ``chapterBox``). Item data: the chapter's character offset."""

    #: How often a jump to a chapter not laid out yet is tried again (ms).
    RETRY_MS = 100

    def __init__(self, panes: Sequence[ReadingPane], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chapterBox")
        self.setToolTip("Go to a chapter")
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.panes = list(panes)
        self.document: Document | None = None
        self._pending = -1  # the row chosen whose chapter is not laid out yet
        self._retry = QTimer(self, interval=self.RETRY_MS)
        self._retry.timeout.connect(self._jump)
        self.activated.connect(self.go_to)
        self.hide()

    def add_pane(self, pane: ReadingPane) -> None:
        """Scroll ``pane`` too while it is shown (anything with ``sentence_rect`` and
        ``laid_out_rows``: the interlinear view)."""
        self.panes.append(pane)

    def show_document(self, document: Document) -> None:
        """List all of ``document``'s chapters; hide the box when it has none."""
        self.document = document
        self._pending = -1
        self._retry.stop()
        self.clear()
        for title, offset in document.chapters:
            if offset < len(document.text):
                self.addItem(title, offset)
        self.setVisible(self.count() > 0)

    def sentence_of(self, row: int) -> int | None:
        """The first sentence of the chapter in ``row``; None while it is not segmented yet."""
        offset = self.itemData(row)
        if offset is None or self.document is None:
            return None
        return first_sentence_from(self.document.sentences, offset)

    @property
    def going(self) -> bool:
        """A chapter chosen waits to be laid out (a screen of it) before the panes go there."""
        return self._pending >= 0

    def go_to(self, row: int) -> None:
        """Scroll the panes shown to the first sentence of the chapter in ``row``: now, or as
        soon as the panes have laid it out (a book is laid out in slices)."""
        self._pending = row
        self._jump()

    def _jump(self) -> None:
        sentence_id = self.sentence_of(self._pending) if self._pending >= 0 else None
        shown = [pane for pane in self.panes if pane.isVisibleTo(pane.window())]
        if sentence_id is None or any(sentence_id >= pane.laid_out_rows() for pane in shown):
            if self._pending >= 0 and not self._retry.isActive():
                self._retry.start()
            return
        for pane in self.panes:
            if sentence_id < pane.laid_out_rows():  # the hidden mode's panes too, where laid out
                scroll_to_top(pane, sentence_id)
        # Less than a screen of text laid out below the chapter: the scroll stopped short of it.
        # Again once more is laid out (the first jump shows the chapter as near as it can meanwhile).
        if any(pane.sentence_rect(sentence_id).top() > pane.fontMetrics().height() and not pane.is_laid_out()
               for pane in shown):
            if not self._retry.isActive():
                self._retry.start()
            return
        self._retry.stop()
        self._pending = -1
