"""Arrow keys in the Arabic pane move in reading order, across paragraphs of either direction."""
from PySide6.QtCore import Qt

from gui.caret_keys import ReadingOrderArrows
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, SentenceModel
from models.documents import Document

TEXT = "جملة عربية أولى.\n\nAn English caption.\n\nجملة عربية ثانية."


def pane_with_caret_at(qtbot, position):
    model = SentenceModel()
    pane = ReadingPane(model, SOURCE)
    qtbot.addWidget(pane)
    ReadingOrderArrows(pane)
    model.set_document(Document.from_text(TEXT))
    cursor = pane.textCursor()
    cursor.setPosition(position)
    pane.setTextCursor(cursor)
    return pane


def test_left_moves_forward_through_every_paragraph(qtbot):
    pane = pane_with_caret_at(qtbot, 0)
    end = len(pane.toPlainText())
    positions = []
    for _ in range(end + 3):
        qtbot.keyClick(pane, Qt.Key.Key_Left)
        positions.append(pane.textCursor().position())
    assert positions == list(range(1, end + 1)) + [end] * 3  # never stuck at 16/17 (RTL meets LTR)


def test_right_moves_backward_and_shift_selects(qtbot):
    end = len(TEXT.replace("\n\n", "\n"))
    pane = pane_with_caret_at(qtbot, end)
    for _ in range(end):
        qtbot.keyClick(pane, Qt.Key.Key_Right)
    assert pane.textCursor().position() == 0
    qtbot.keyClick(pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().selectedText() == "جم"


def test_ctrl_left_moves_a_word_forward_across_the_caption(qtbot):
    pane = pane_with_caret_at(qtbot, 0)
    starts = []
    for _ in range(8):
        qtbot.keyClick(pane, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
        starts.append(pane.textCursor().position())
    assert starts == sorted(starts) and len(set(starts)) == 8
    assert any(17 <= p <= 36 for p in starts)  # it went through the English caption
