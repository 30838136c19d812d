"""File > Open translation… in the reader window (no model: the check needs none)."""
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from gui.main_window import MainWindow
from gui.settings import Settings
from models.documents import sample_path
from tests.conftest import FIXTURES
from tests.gui.test_appearance import restore_theme  # noqa: F401 (a fixture)

pytestmark = pytest.mark.slow


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "data"))  # a glossary of this test's own
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", str(tmp_path / "no-model-here"))
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.translation.shutdown()


def test_open_translation_shows_the_check(window, qtbot):
    assert window.findChild(type(window.menuBar().actions()[0]), "openTranslationAction").text() == "Open &translation…"
    window.open_path(sample_path())
    assert window.open_translation(FIXTURES / "en-kerry-lavrov-syria-2016.txt")
    draft = window.draft_window
    qtbot.waitExposed(draft)
    qtbot.waitUntil(lambda: draft.view.check is not None, timeout=30000)  # checked off the GUI thread
    assert draft.view.summary.text() == "17 links; no flags"
    assert draft.view.mt_column.isHidden()  # no model loaded
    assert "en-kerry-lavrov-syria-2016.txt" in draft.windowTitle()


def test_the_check_sees_the_learners_glossary(window, qtbot):
    from models.glossary.store import Term

    # The draft renders المبعوث as "UN envoy"; the learner's glossary says "special envoy".
    window.term_store.add(Term("المبعوث", translation="special envoy"))
    window.open_path(sample_path())
    assert window.open_translation(FIXTURES / "en-kerry-lavrov-syria-2016.txt")
    view = window.draft_window.view
    qtbot.waitUntil(lambda: view.check is not None, timeout=30000)
    assert view.summary.text() == "17 links; 1 glossary term"
    [flag] = [f for fl in view.check.flags for f in fl]
    assert flag.kind == "glossary_term"
    assert view.check.source_text[slice(*flag.source_spans[0])] == "المبعوث"
    assert flag.message == "\u201cالمبعوث\u201d is not rendered as \u201cspecial envoy\u201d."


def test_unreadable_translation_is_explained(window, qtbot, tmp_path):
    window.open_path(sample_path())
    assert not window.open_translation(tmp_path / "missing.txt")
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "does not exist" in box.text()
    assert window.draft_window is None


def test_translation_window_works_without_the_lexicon(window, qtbot, monkeypatch):
    import models.lexicon.dictionary as word_dictionary
    from models.errors import LexiconDataError

    def fail():
        raise LexiconDataError("The Arabic lexicon data files are missing.")

    monkeypatch.setattr(word_dictionary, "shared_lexicon", fail)
    word_dictionary.reset_default_dictionary()
    try:
        window.open_path(sample_path())
        assert window.open_translation(FIXTURES / "en-kerry-lavrov-syria-2016.txt")
        qtbot.waitUntil(lambda: window.draft_window.view.check is not None, timeout=30000)
        summary = window.draft_window.view.summary.text()
        assert summary == "17 links; no flags (aligned without the Arabic lexicon: by length, numbers and names)"
    finally:
        word_dictionary.reset_default_dictionary()


def test_the_check_follows_the_readers_theme_fonts_and_zoom(window, qtbot, restore_theme):  # noqa: F811
    """Switching the theme while the check is open: the selected link takes the new theme's colour
    (light text on the light highlight was unreadable) and the columns keep the reader's fonts
    (the new style sheet had put them back to the default font)."""
    from gui.colors import qcolor

    window.open_path(sample_path())
    assert window.open_translation(FIXTURES / "en-kerry-lavrov-syria-2016.txt")
    view = window.draft_window.view
    qtbot.waitUntil(lambda: view.check is not None, timeout=30000)
    view.select_link(2)

    def painted(column):
        return {s.format.background().color().name() for s in column.extraSelections()}

    assert painted(view.source_column) == painted(view.draft_column) == {qcolor("selected").name()}
    window.settings.set("theme", "dark")
    assert qcolor("selected").name() == "#1f3b5e"  # the dark table's
    assert painted(view.source_column) == painted(view.draft_column) == {"#1f3b5e"}
    assert view.source_column.font().family() == window.arabic_pane.font().family()
    assert view.source_column.font().pointSizeF() == window.arabic_pane.font().pointSizeF()
    assert view.draft_column.font().pointSizeF() == window.english_pane.font().pointSizeF()
    window.zoom(+2)
    assert view.source_column.font().pointSizeF() == window.arabic_pane.font().pointSizeF()
