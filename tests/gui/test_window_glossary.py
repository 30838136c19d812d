"""The glossary wired into the reader window: Glossary menu, caret shortcut, My glossary dialog."""
import pytest
from PySide6.QtCore import QSettings, Qt

from gui.glossary_dialog import GlossaryDialog
from gui.main_window import MainWindow
from gui.settings import Settings
from models.documents import Document
from models.glossary.store import Term


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "data"))
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", "Helsinki-NLP/opus-mt-ar-en")  # not in the test cache: the window reads without it
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.resize(1000, 600)
    w.show()
    assert w.hover_glossary.service.wait(60)
    yield w
    w.translation.shutdown()


def test_caret_shortcut_and_selection_to_glossary(qtbot, window, monkeypatch):
    window.open_document(Document.from_text("وقال كيري عقب لقاء مع نظيره الروسي"))
    pane = window.arabic_pane
    assert window.findChild(type(window.stop_action), "lookUpAction").shortcut().toString() == "Ctrl+G"
    cursor = pane.textCursor()
    cursor.setPosition(pane.sentence_span(0)[0] + 16)  # inside لقاء
    pane.setTextCursor(cursor)
    window.findChild(type(window.stop_action), "lookUpAction").trigger()
    assert window.hover_glossary.popup.isVisible() and window.hover_glossary.popup.word == "لقاء"

    cursor.setPosition(pane.sentence_span(0)[0] + 5)
    cursor.setPosition(pane.sentence_span(0)[0] + 9, cursor.MoveMode.KeepAnchor)  # كيري
    pane.setTextCursor(cursor)

    def fake_open(dialog):  # the learner types a translation and saves
        dialog.translation_edit.setText("Kerry")
        dialog.accept()

    monkeypatch.setattr("gui.term_dialog.TermDialog.open", fake_open)
    window.findChild(type(window.stop_action), "addTermAction").trigger()
    saved = window.term_store.find("كيري")
    assert saved.translation == "Kerry" and saved.sentence == "وقال كيري عقب لقاء مع نظيره الروسي"
    assert [m.term.term for m in window.hover_glossary.matches] == ["كيري"]


def test_my_glossary_dialog_opens_with_the_terms(qtbot, window):
    window.term_store.add(Term("هدنة", translation="truce"))
    window.findChild(type(window.stop_action), "myGlossaryAction").trigger()
    dialog = window.findChild(GlossaryDialog)  # not a closed dialog of an earlier test awaiting deletion
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.model.rowCount() == 1 and dialog.model.data(dialog.model.index(0, 1)) == "truce"
    dialog.close()


def test_add_term_dialog_shows_arabic_at_the_right_in_the_readers_font(qtbot, window):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QStyle

    from gui.term_dialog import TermDialog

    sentence = "وتم التوصل إلى الهدنة في فبراير"
    window.open_document(Document.from_text(sentence))
    pane = window.arabic_pane
    cursor = pane.textCursor()
    start = pane.sentence_span(0)[0] + sentence.index("الهدنة")
    cursor.setPosition(start)
    cursor.setPosition(start + len("الهدنة"), cursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    window.findChild(type(window.stop_action), "addTermAction").trigger()
    dialog = window.findChild(TermDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.term_edit.text() == "الهدنة"
    vocalized = dialog.vocalized_edit.text()  # the popup's first reading
    assert vocalized.replace("\u064e", "").replace("\u064f", "").replace("\u0650", "").replace("\u0652", "").replace("\u0651", "")
    assert vocalized != "الهدنة" and len(vocalized) > len("الهدنة")
    assert dialog.sentence_label.font().family() == pane.font().family()
    assert dialog.term_edit.font().family() == pane.font().family()
    for edit in (dialog.term_edit, dialog.vocalized_edit):
        shown = QStyle.visualAlignment(edit.layoutDirection(), edit.alignment())
        assert shown & Qt.AlignmentFlag.AlignRight
        image = edit.grab().toImage()  # the glyphs are in the right half of the field
        background = QColor(image.pixel(image.width() // 2, 2))
        inked = [x for x in range(3, image.width() - 3) for y in range(3, image.height() - 3, 2)
                 if QColor(image.pixel(x, y)).lightness() < background.lightness() - 80]
        assert inked and min(inked) > image.width() // 2
    dialog.reject()
