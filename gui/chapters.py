"""The chapter list of an e-book: a combo box in the status bar, filled from
:attr:`models.documents.Document.chapters`, that scrolls both reading panes to the first sentence
of the chapter chosen; hidden when the document has no chapters."""
from __future__ import annotations

import bisect
from typing import Sequence

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
    """Jumps ``panes`` to the chapter chosen (object name ``chapterBox``)."""

    def __init__(self, panes: Sequence[ReadingPane], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chapterBox")
        self.setToolTip("Go to a chapter")
        self.setMinimumContentsLength(18)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.panes = tuple(panes)
        self.document: Document | None = None
        self.activated.connect(self.go_to)
        self.hide()

    def show_document(self, document: Document) -> None:
        """List ``document``'s chapters (title, first sentence id); hide the box when it has none."""
        self.document = document
        self.clear()
        for title, offset in document.chapters:
            index = first_sentence_from(document.sentences, offset)
            if index is not None:
                self.addItem(title, document.sentences[index].id)
        self.setVisible(self.count() > 0)

    def go_to(self, row: int) -> None:
        """Scroll both panes to the first sentence of the chapter in ``row``."""
        sentence_id = self.itemData(row)
        if sentence_id is None:
            return
        for pane in self.panes:
            scroll_to_top(pane, sentence_id)
