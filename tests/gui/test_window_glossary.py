"""The glossary wired into the reader window: Glossary menu, caret shortcut, My glossary dialog."""
import pytest
from PySide6.QtCore import QSettings

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
