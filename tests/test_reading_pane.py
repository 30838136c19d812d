"""Hit-testing the character under the pointer in right-to-left and mixed-direction text."""
import re

import pytest
from PySide6.QtCore import QPoint

from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, SentenceModel
from models.arabic import ARABIC_WORD_RE
from models.document import Document

CASES = ["ببءب 1234 ببب", "safa123 العربية", "بسم (الله الرحمن )", "- كلمة عربية هنا", "قال كيري U.S. إن 290 ألف"]


def glyph_center(pane: ReadingPane, position: int) -> QPoint:
    """Viewport point in the middle of the glyph of the character at document position ``position``."""
    block = pane.document().findBlock(position)
    layout = block.layout()
    relative = position - block.position()
    line = layout.lineForTextPosition(relative)
    x1, _ = line.cursorToX(relative)
    x2, _ = line.cursorToX(relative + 1)
    origin = layout.position()
    x = origin.x() + (x1 + x2) / 2
    y = origin.y() + line.y() + line.height() / 2
    return QPoint(round(x) - pane.horizontalScrollBar().value(), round(y) - pane.verticalScrollBar().value())


@pytest.mark.parametrize("text", CASES)
def test_pointer_over_each_word_finds_that_word(qtbot, text):
    model = SentenceModel()
    model.set_document(Document.from_text(text))
    pane = ReadingPane(model, SOURCE)
    qtbot.addWidget(pane)
    pane.resize(600, 200)
    pane.show()
    qtbot.waitExposed(pane)
    words = [m for m in re.finditer(rf"{ARABIC_WORD_RE.pattern}|[A-Za-z0-9.]+", text)]
    assert words
    start = pane.sentence_span(0)[0]
    for word in words:
        # the middle character of the word: away from the ambiguous gaps at direction changes
        middle = (word.start() + word.end() - 1) // 2
        offset = pane.source_offset_at(glyph_center(pane, start + middle))
        assert word.start() <= offset < word.end(), (text, word.group(), offset)


def test_pointer_outside_text_finds_nothing(qtbot):
    model = SentenceModel()
    model.set_document(Document.from_text("كلمة"))
    pane = ReadingPane(model, SOURCE)
    qtbot.addWidget(pane)
    pane.resize(600, 300)
    pane.show()
    assert pane.source_offset_at(QPoint(20, 250)) == -1
    assert pane.source_offset_at(QPoint(5, 5)) == -1  # left of a right-aligned word
