"""Hovering words in the Arabic reading pane opens the glossary popup for the word under the pointer."""
import re

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from gui.hover_glossary import HoverGlossary
from models.text.arabic import ARABIC_WORD_RE
from models.documents import Document
from models.glossary.store import Term, TermStore
from tests.gui.test_reading_pane import glyph_center, shown_pane

CASES = ["ببءب 1234 ببب", "safa123 العربية", "بسم (الله الرحمن )", "- كلمة عربية هنا"]


@pytest.fixture
def make(qtbot, tmp_path, service):
    stores = []

    def make(text, terms=()):
        store = TermStore(tmp_path / f"g{len(stores)}.sqlite3")
        stores.append(store)
        for t in terms:
            store.add(t)
        pane = shown_pane(qtbot, Document.from_text(text), 700, 240)
        glossary = HoverGlossary(pane, store, service, delay_ms=lambda: 30)
        qtbot.addWidget(glossary.popup)
        return pane, glossary

    yield make
    for s in stores:
        s.close()


def move(pane, point):
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), QPointF(pane.viewport().mapToGlobal(point)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pane.viewport(), event)


@pytest.mark.parametrize("text", CASES)
def test_hovering_each_word_shows_that_word(qtbot, make, text):
    pane, glossary = make(text)
    start = pane.sentence_span(0)[0]
    for word in ARABIC_WORD_RE.finditer(text):
        middle = (word.start() + word.end() - 1) // 2
        move(pane, glyph_center(pane, start + middle))
        qtbot.waitUntil(lambda: glossary.popup.isVisible() and glossary.popup.word == word.group(), timeout=2000)
    for other in re.finditer(r"[0-9A-Za-z]+", text):
        glossary.popup.hide()
        move(pane, glyph_center(pane, start + (other.start() + other.end() - 1) // 2))
        qtbot.wait(80)
        assert not glossary.popup.isVisible(), other.group()


def test_popup_waits_for_the_hover_delay(qtbot, make):
    pane, glossary = make("قال وزير الخارجية")
    glossary.delay_ms = lambda: 300
    move(pane, glyph_center(pane, pane.sentence_span(0)[0] + 5))
    qtbot.wait(100)
    assert not glossary.popup.isVisible()
    qtbot.waitUntil(glossary.popup.isVisible, timeout=2000)
    assert glossary.popup.word == "وزير"
    assert "minister" in glossary.popup.best_label.text()


def test_keyboard_shortcut_shows_the_word_at_the_caret(qtbot, make):
    pane, glossary = make("وقال كيري عقب لقاء مع نظيره الروسي")
    cursor = pane.textCursor()
    cursor.setPosition(pane.sentence_span(0)[0] + 16)  # inside لقاء
    pane.setTextCursor(cursor)
    assert glossary.show_at_caret()
    assert glossary.popup.isVisible() and glossary.popup.word == "لقاء"
    assert "meeting" in glossary.popup.best_label.text()


def test_terms_are_highlighted_by_status_and_come_first(qtbot, make):
    text = "دعا إلى وقفِ اطلاق النار مع جبهة النصرة"
    pane, glossary = make(text, [Term("وقف إطلاق النار", translation="ceasefire", status="learning"),
                                 Term("النصرة", translation="Nusra", status="known")])
    assert [(text[m.start:m.end], m.term.status) for m in glossary.matches] == [("وقفِ اطلاق النار", "learning"), ("النصرة", "known")]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_span(0)[0] + text.index("اطلاق") + 1)
    assert cursor.charFormat().underlineColor() == QColor("#e0a800")
    cursor.setPosition(pane.sentence_span(0)[0] + text.index("دعا") + 1)
    assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.NoUnderline
    move(pane, glyph_center(pane, pane.sentence_span(0)[0] + text.index("اطلاق") + 2))
    qtbot.waitUntil(glossary.popup.isVisible, timeout=2000)
    assert "ceasefire" in glossary.popup.user_label.text()
    assert glossary.popup.user_label.isVisible()


def test_adding_an_unknown_name_from_the_popup(qtbot, make, monkeypatch):
    pane, glossary = make("قال لافروف")
    move(pane, glyph_center(pane, pane.sentence_span(0)[0] + 6))
    qtbot.waitUntil(glossary.popup.isVisible, timeout=2000)
    assert glossary.popup.message_label.text() == "Not in the lexicon (perhaps a name)."
    assert "lāfrūf" in glossary.popup.backoff_label.text()

    def fake_open(dialog):  # the learner types a translation and saves
        dialog.translation_edit.setText("Lavrov")
        dialog.accept()

    monkeypatch.setattr("gui.term_dialog.TermDialog.open", fake_open)
    glossary.popup.add_button.click()
    assert glossary.store.find("لافروف").translation == "Lavrov"
    assert [pane.model.document.text[m.start:m.end] for m in glossary.matches] == ["لافروف"]


def test_popup_sits_beside_the_hovered_words_line_without_covering_it(qtbot, make):
    text = "قال وزير الخارجية الأميركي جون كيري"
    pane, glossary = make(text)
    point = glyph_center(pane, pane.sentence_span(0)[0] + text.index("الخارجية") + 3)
    move(pane, point)
    qtbot.waitUntil(glossary.popup.isVisible, timeout=2000)
    assert glossary.popup.word == "الخارجية"
    word = glossary.word_rect(glossary._shown)
    popup = glossary.popup.geometry()
    assert word.contains(pane.viewport().mapToGlobal(point))
    assert not popup.intersects(word)
    assert popup.top() > word.bottom() or popup.bottom() < word.top()
    assert popup.left() <= word.center().x() <= popup.right()


def _utf16(text, offset):
    return len(text[:offset].encode("utf-16-le")) // 2


def test_hover_caret_and_term_highlight_after_a_character_outside_the_bmp(qtbot, make):
    text = "😀 دعا إلى وقف اطلاق النار مع جبهة النصرة"
    pane, glossary = make(text, [Term("النصرة", translation="Nusra", status="known")])
    start = pane.sentence_span(0)[0]
    # The learner's term is highlighted on exactly its letters.
    marked = ""
    for offset in range(len(text)):
        cursor = QTextCursor(pane.document())
        cursor.setPosition(start + _utf16(text, offset) + 1)  # the format of the character before the cursor
        if cursor.charFormat().underlineStyle() != cursor.charFormat().UnderlineStyle.NoUnderline:
            marked += text[offset]
    assert marked == "النصرة"
    # The pointer over a word shows that word, and the caret in a word looks that word up.
    move(pane, glyph_center(pane, start + _utf16(text, text.index("اطلاق") + 2)))
    qtbot.waitUntil(lambda: glossary.popup.isVisible() and glossary.popup.word == "اطلاق", timeout=2000)
    cursor = pane.textCursor()
    cursor.setPosition(start + _utf16(text, text.index("جبهة") + 1))
    pane.setTextCursor(cursor)
    assert glossary.show_at_caret() and glossary.popup.word == "جبهة"
    assert glossary.word_rect((text.index("جبهة"), text.index("جبهة") + 4)).contains(
        pane.viewport().mapToGlobal(glyph_center(pane, start + _utf16(text, text.index("جبهة") + 1))))
