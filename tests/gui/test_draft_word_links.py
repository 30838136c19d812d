"""Translator mode: the word hover in the three columns, and the word-level flags in the flag list
(on perturbed copies of the sample's human translation)."""
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from gui.colors import qcolor
from gui.draft_view import KIND_ROLE, DraftView


def make_view(qtbot, source_text, draft, translations=None):
    widget = DraftView(debounce_ms=50)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.set_source(source_text, translations)
    widget.set_draft_text(draft)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def hover(column, offset):
    """Move the pointer over the middle of the character at ``offset`` of ``column``."""
    cursor = QTextCursor(column.document())
    cursor.setPosition(column.to_position(offset))
    column.ensureCursorVisible()
    a = column.cursorRect(cursor).center()
    cursor.setPosition(column.to_position(offset + 1))
    b = column.cursorRect(cursor).center()
    point = QPointF((a.x() + b.x()) / 2, a.y())
    event = QMouseEvent(QEvent.Type.MouseMove, point, column.viewport().mapToGlobal(point),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(column.viewport(), event)


def painted(column, text):
    """The words painted in the ``linked`` colour in ``column`` (whose text is ``text``)."""
    linked = qcolor("linked").rgb()
    return [text[column.to_offset(s.cursor.selectionStart()):column.to_offset(s.cursor.selectionEnd())]
            for s in column.extraSelections() if s.format.background().color().rgb() == linked]


def test_hovering_a_word_highlights_its_links_in_the_three_columns(qtbot, source_text, draft_text):
    from models.text.segmentation import segment

    sentences = segment(source_text)
    translations = [""] * len(sentences)
    here = next(k for k, s in enumerate(sentences) if "التعاون العسكري" in s.text)
    translations[here] = next(line for line in draft_text.splitlines() if line.startswith("Differences between"))
    view = make_view(qtbot, source_text, draft_text, translations)
    check = view.check
    at = check.source_text.index("العسكري")
    hover(view.source_column, at + 2)
    assert painted(view.source_column, check.source_text) == ["العسكري"]
    assert painted(view.draft_column, check.draft_text) == ["military"]
    mt_text = view.mt_column.toPlainText()
    assert painted(view.mt_column, mt_text) == ["military"]
    at = check.draft_text.index("Lavrov said")
    hover(view.draft_column, at + 2)
    assert painted(view.draft_column, check.draft_text) == ["Lavrov"]
    assert painted(view.source_column, check.source_text) == ["ولافروف"]
    at = mt_text.index("cooperation")
    hover(view.mt_column, at + 3)
    assert painted(view.source_column, check.source_text) == ["التعاون"]
    hover(view.source_column, check.source_text.index(" "))  # a space: nothing
    assert painted(view.draft_column, check.draft_text) == []


@pytest.mark.parametrize("old, new, kind, words", [
    (" over military cooperation and a cessation of hostilities", "", "partial_omission", "التعاون العسكري"),
    ("his Russian counterpart Sergei Lavrov in Geneva", "his Russian counterpart in Geneva", "name_mismatch", "لافروف"),
    ("For his part, Lavrov confirmed", "For his part, Kerry confirmed", "name_mismatch", "Kerry"),
])
def test_word_flags_are_listed_with_their_messages(qtbot, source_text, draft_text, old, new, kind, words):
    view = make_view(qtbot, source_text, draft_text.replace(old, new))
    model = view.flag_model
    shown = [(model.index(r).data(KIND_ROLE), model.index(r).data()) for r in range(model.rowCount())]
    assert [text for k, text in shown if k == kind and words in text], shown
    label = kind.replace("_", " ").capitalize()
    assert all(text.startswith(f"{label}: ") for k, text in shown if k == kind)
    assert kind.replace("_", " ") in view.summary.text()


def test_reordered_sentences_are_listed(qtbot, source_text, draft_text):
    paragraphs = draft_text.split("\n\n")
    paragraphs[4], paragraphs[10] = paragraphs[10], paragraphs[4]
    view = make_view(qtbot, source_text, "\n\n".join(paragraphs))
    model = view.flag_model
    shown = [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(KIND_ROLE) == "reordered"]
    assert shown and all(text.startswith("Reordered: ") for text in shown)


def test_the_clean_translation_lists_no_flags(qtbot, source_text, draft_text):
    view = make_view(qtbot, source_text, draft_text)
    assert view.flag_model.rowCount() == 0 and "no flags" in view.summary.text()
