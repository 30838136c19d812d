"""Hit-testing the character under the pointer in right-to-left and mixed-direction text."""
import re

import pytest
from PySide6.QtCore import QPoint

from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, SentenceModel
from models.text.arabic import ARABIC_WORD_RE
from models.documents import Document

CASES = ["ببءب 1234 ببب", "safa123 العربية", "بسم (الله الرحمن )", "- كلمة عربية هنا", "قال كيري U.S. إن 290 ألف"]


def shown_pane(qtbot, document: Document, width: int, height: int) -> ReadingPane:
    """A shown Arabic reading pane of ``document``, ``width`` x ``height`` pixels."""
    model = SentenceModel()
    model.set_document(document)
    pane = ReadingPane(model, SOURCE)
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


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
    pane = shown_pane(qtbot, Document.from_text(text), 600, 200)
    words = [m for m in re.finditer(rf"{ARABIC_WORD_RE.pattern}|[A-Za-z0-9.]+", text)]
    assert words
    start = pane.sentence_span(0)[0]
    for word in words:
        # the middle character of the word: away from the ambiguous gaps at direction changes
        middle = (word.start() + word.end() - 1) // 2
        offset = pane.source_offset_at(glyph_center(pane, start + middle))
        assert word.start() <= offset < word.end(), (text, word.group(), offset)


def test_pointer_outside_text_finds_nothing(qtbot):
    pane = shown_pane(qtbot, Document.from_text("كلمة"), 600, 300)
    assert pane.source_offset_at(QPoint(20, 250)) == -1
    assert pane.source_offset_at(QPoint(5, 5)) == -1  # left of a right-aligned word


def test_no_dead_spots_inside_words_of_the_sample(qtbot):
    """Every point over an Arabic word of the sample article, in the Amiri font with its
    ligatures, finds a character of that word (a tester found 8.6% dead points before)."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QFont

    from gui.app import load_arabic_font
    from models.documents import load_document, sample_path

    doc = load_document(sample_path())
    pane = shown_pane(qtbot, doc, 600, 3000)
    pane.setFont(QFont(load_arabic_font() or ""))
    pane.set_point_size(17)
    layout = pane.document().documentLayout()
    checked = 0
    block = pane.document().firstBlock()
    while block.isValid():
        text, lay = block.text(), block.layout()
        for i in range(lay.lineCount()):
            line = lay.lineAt(i)
            y = lay.position().y() + line.y() + line.height() / 2 - pane.verticalScrollBar().value()
            for x in range(int(lay.position().x() + line.x()), int(lay.position().x() + line.x() + line.naturalTextWidth()), 3):
                gap = layout.hitTest(QPointF(x, y + pane.verticalScrollBar().value()), Qt.HitTestAccuracy.ExactHit) - block.position()
                if not (0 < gap < len(text)) or text[gap - 1].isspace() or text[gap].isspace():
                    continue
                word = next((m for m in ARABIC_WORD_RE.finditer(text) if m.start() < gap < m.end()), None)
                if word is None:
                    continue
                offset = pane.source_offset_at(QPoint(x, round(y)))
                sentence = next(s for s in doc.sentences if s.start <= offset < s.end) if offset >= 0 else None
                assert offset >= 0 and sentence is not None, (word.group(), x)
                assert doc.text[offset] in word.group(), (word.group(), doc.text[offset])
                checked += 1
        block = block.next()
    assert checked > 1000


def _utf16(text: str, offset: int) -> int:
    """Qt position of code-point ``offset`` of ``text``."""
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", ["😀 قال وزير الخارجية", "𝐀 = بسم (الله الرحمن)، ثم قال 🙂 كيري"])
def test_pointer_finds_the_word_after_a_character_outside_the_bmp(qtbot, text):
    # Qt counts the emoji as two positions, Python as one character.
    pane = shown_pane(qtbot, Document.from_text(text), 700, 200)
    start = pane.sentence_span(0)[0]
    for word in ARABIC_WORD_RE.finditer(text):
        for offset in range(word.start() + 1, word.end() - 1):  # inner characters: no gap ambiguity
            assert pane.source_offset_at(glyph_center(pane, start + _utf16(text, offset))) == offset, word.group()
            assert pane.pane_position(offset) == start + _utf16(text, offset)


def test_highlight_after_a_translation_with_an_emoji_covers_its_sentence(qtbot):
    from gui.sentence_model import TARGET

    model = SentenceModel()
    model.set_document(Document.from_text("قال كيري. وقال لافروف. ثم انتهى."))
    pane = ReadingPane(model, TARGET)
    qtbot.addWidget(pane)
    model.set_translation(0, "Kerry said 👍.", True)
    model.set_translation(1, "Lavrov said.", True)
    model.set_translation(2, "Then it ended.", True)
    for sentence_id, expected in enumerate(["Kerry said 👍.", "Lavrov said.", "Then it ended."]):
        pane.set_highlight(sentence_id)
        [selection] = pane.extraSelections()
        assert selection.cursor.selectedText() == expected
