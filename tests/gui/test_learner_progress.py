"""The learner's progress on the open article: the breakdown, the marks, the status keys."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from models.glossary.store import Term
from tests.support.reader import only_terms, open_without_model

pytestmark = pytest.mark.slow

ARTICLE = "قال الرئيس إن وقف إطلاق النار صامد.\n\nوقال الرئيسُ إن المحادثات مستمرة."


@pytest.fixture
def window(make_window, qtbot):
    window = open_without_model(make_window, qtbot, ARTICLE)
    with only_terms(window, [Term("رئيس", "president", status="known")]):
        yield window


def underline_at(window, offset):
    cursor = QTextCursor(window.arabic_pane.document())
    cursor.setPosition(window.arabic_pane.pane_position(offset) + 1)
    return cursor.charFormat().underlineStyle()


def test_breakdown_in_the_status_bar(window):
    label = window.reading.progress.label
    assert label.text() == "Words: 1 known · 0 learning · 0 new · 9 not in my glossary"
    assert label.isVisible()


def test_status_keys_add_and_update_the_word_at_the_caret(window, qtbot):
    pane = window.arabic_pane
    offset = ARTICLE.index("صامد")
    cursor = pane.textCursor()
    cursor.setPosition(pane.pane_position(offset) + 1)
    pane.setTextCursor(cursor)
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_2)
    term = window.term_store.find("صامد")
    assert term is not None and term.status == "learning"
    assert term.sentence == window.sentences.document.sentences[0].text
    assert window.reading.progress.label.text() == "Words: 1 known · 1 learning · 0 new · 8 not in my glossary"
    assert underline_at(window, offset) == QTextCharFormat.UnderlineStyle.SingleUnderline  # marked as a term
    qtbot.keyClick(pane, Qt.Key.Key_3)
    assert window.term_store.find("صامد").status == "known"
    assert len(window.term_store.all()) == 2  # updated, not added again
    assert window.reading.progress.label.text() == "Words: 2 known · 0 learning · 0 new · 8 not in my glossary"


def test_unlisted_words_marked_only_when_asked(window):
    offset = ARTICLE.index("صامد")
    assert window.settings.get("highlight_unlisted") is False
    assert underline_at(window, offset) == QTextCharFormat.UnderlineStyle.NoUnderline
    action = window.findChild(type(window.swap_action), "highlightUnlistedAction")
    action.trigger()
    assert window.settings.get("highlight_unlisted")
    assert underline_at(window, offset) == QTextCharFormat.UnderlineStyle.DotLine
    assert underline_at(window, ARTICLE.index("الرئيس")) == QTextCharFormat.UnderlineStyle.SingleUnderline
    window.settings.set("highlight_unlisted", False)  # as from Preferences
    assert not action.isChecked()
    assert underline_at(window, offset) == QTextCharFormat.UnderlineStyle.NoUnderline


def test_unlisted_marks_stay_in_another_theme(window):
    offset = ARTICLE.index("صامد")
    window.settings.set("highlight_unlisted", True)
    window.settings.set("theme", "dark")  # the term marks are painted again in the dark colours
    try:
        assert underline_at(window, offset) == QTextCharFormat.UnderlineStyle.DotLine
    finally:
        window.settings.set("theme", "light")
