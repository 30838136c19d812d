"""The article marks its common words the learner does not know yet, when asked to."""
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from gui.colors import qcolor
from gui.preferences import PreferencesDialog
from models.documents import Document
from models.glossary.store import Term
from models.lexicon import frequency
from tests.support.reader import only_terms, open_without_model

pytestmark = pytest.mark.slow

# Bands (Arramooz, a word's most common reading): قال، الرئيس، إن، وقف، إطلاق، النار 1; والمفاوضون 2; صامد 4.
ARTICLE = "قال الرئيس والمفاوضون إن وقف إطلاق النار صامد."


@pytest.fixture
def window(make_window, qtbot, service):
    if frequency.unavailable_reason():
        pytest.skip(frequency.unavailable_reason())
    window = open_without_model(make_window, qtbot, ARTICLE)
    qtbot.waitUntil(lambda: window.hover_glossary.service.is_ready, timeout=60000)
    with only_terms(window, [Term("رئيس", "president", status="known")]):
        yield window


def marked(window) -> list[str]:
    """The article's words whose letters have the frequent-word colour in the pane."""
    pane, text = window.arabic_pane, window.sentences.document.text
    words = []
    for word in re.finditer(r"[^\s.]+", text):
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.pane_position(word.start()) + 1)
        brush = cursor.charFormat().foreground()
        if brush.style() != Qt.BrushStyle.NoBrush and brush.color() == qcolor("frequent_word"):
            words.append(word.group())
    return words


def set_marking(window, qtbot, value):
    with qtbot.waitSignal(window.frequent_words.marked, timeout=30000):
        window.settings.set("mark_frequent", value)


def test_off_by_default_then_the_top_bands_chosen(window, qtbot):
    assert window.settings.get("mark_frequent") == "off"
    assert marked(window) == []
    set_marking(window, qtbot, "top 1,000")
    # الرئيس is saved as known; والمفاوضون (band 2) and صامد (band 4) are less common.
    assert marked(window) == ["قال", "إن", "وقف", "إطلاق", "النار"]
    set_marking(window, qtbot, "top 12,000")  # N changed: more bands, painted again
    assert marked(window) == ["قال", "والمفاوضون", "إن", "وقف", "إطلاق", "النار", "صامد"]
    set_marking(window, qtbot, "top 3,000")
    assert marked(window) == ["قال", "والمفاوضون", "إن", "وقف", "إطلاق", "النار"]
    set_marking(window, qtbot, "off")
    assert marked(window) == []


def test_a_word_saved_as_known_loses_its_mark(window, qtbot):
    set_marking(window, qtbot, "top 1,000")
    window.term_store.add(Term("قال", "said", status="learning"))
    with qtbot.waitSignal(window.frequent_words.marked):
        window.hover_glossary.termsChanged.emit()
    assert "قال" in marked(window)  # saved, but not yet as known
    term = window.term_store.find("قال")
    window.term_store.delete(term.id)
    window.term_store.add(Term("قال", "said", status="known"))
    with qtbot.waitSignal(window.frequent_words.marked):
        window.hover_glossary.termsChanged.emit()
    assert marked(window) == ["إن", "وقف", "إطلاق", "النار"]
    # The term marks and the frequent-word marks are separate: the known term keeps its own.
    assert window.hover_glossary.matches and window.reading.progress.label.text().startswith("Words: 2 known")


def test_chosen_in_preferences_and_kept_apart_from_the_unlisted_marks(window, qtbot):
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.editors["mark_frequent"].setCurrentText("top 1,000")
    with qtbot.waitSignal(window.frequent_words.marked, timeout=30000):
        dialog.accept()
    assert marked(window) == ["قال", "إن", "وقف", "إطلاق", "النار"]
    assert window.settings.get("highlight_unlisted") is False  # the other option is untouched
    window.settings.set("highlight_unlisted", True)
    assert marked(window) == ["قال", "إن", "وقف", "إطلاق", "النار"]  # both marks at once


def test_a_new_article_and_another_theme_are_marked_too(window, qtbot):
    set_marking(window, qtbot, "top 1,000")
    with qtbot.waitSignal(window.frequent_words.marked, timeout=30000):
        window.open_document(Document.from_text("قال المفاوضون إن الهدنة صامدة."))
    assert "قال" in marked(window) and "المفاوضون" not in marked(window)  # band 2
    with qtbot.waitSignal(window.frequent_words.marked):
        window.settings.set("theme", "dark")
    try:
        assert qcolor("frequent_word").name() == "#5fd0d8" and "قال" in marked(window)
    finally:
        window.settings.set("theme", "light")
