"""Reading modes: side by side and interlinear, through the View menu."""
import contextlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from gui.reading_pane import CONCEALED_TEXT
from tests.gui.test_appearance import restore_theme  # noqa: F401 (a fixture)
from tests.support.reader import ABSENT_MODEL, open_without_model

pytestmark = pytest.mark.slow

ARTICLE = "جملة أولى هنا. جملة ثانية هنا.\n\nفقرة ثانية."


@pytest.fixture
def window(make_window, qtbot):
    window = open_without_model(make_window, qtbot, ARTICLE)
    return window


@contextlib.contextmanager
def only_terms(window, *terms):
    """The window's term store holds ``terms`` alone meanwhile (the stored terms come back after)."""
    store = window.term_store
    saved = store.all()
    for term in saved:
        store.delete(term.id)
    try:
        for term in terms:
            store.add(term)
        window.hover_glossary.termsChanged.emit()
        yield
    finally:
        for term in store.all():
            store.delete(term.id)
        for term in saved:
            store.add(term)


def char_format(view, offset: int):
    """The character format of the interlinear ``view`` at document offset ``offset``."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.pane_span(offset, offset + 1)[1])
    return cursor.charFormat()


def test_interlinear_puts_each_translation_under_its_sentence(window, qtbot):
    view = window.reading.modes.interlinear
    assert window.settings.get("reading_mode") == "side by side"
    assert window.arabic_pane.isVisible() and not view.isVisible()
    window.findChild(QAction, "interlinearAction").trigger()
    assert window.settings.get("reading_mode") == "interlinear"
    assert view.isVisible() and not window.arabic_pane.isVisible() and not window.english_pane.isVisible()
    assert window.findChild(QAction, "interlinearAction").isChecked()
    assert not window.findChild(QAction, "sideBySideAction").isChecked()
    blocks = view.toPlainText().split("\n")
    sentences = window.sentences.document.sentences
    assert blocks[0::2] == [s.text for s in sentences]
    window.sentences.set_translation(1, "Second sentence here.", True)  # streaming in: one block replaced
    assert view.translation_text(1) == "Second sentence here."
    assert view.toPlainText().split("\n")[2:4] == [sentences[1].text, "Second sentence here."]
    window.findChild(QAction, "selfTestAction").trigger()
    assert view.translation_text(1) == CONCEALED_TEXT
    window.reading.go_to(1)
    window.reading.reveal_current()
    assert view.translation_text(1) == "Second sentence here."
    block = view.document().findBlockByNumber(2 * 2 + 1)  # a click on a hidden translation reveals it
    cursor = view.textCursor()
    cursor.setPosition(block.position())  # on "—": without a model there is no translation to hide
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center())
    assert view.translation_text(2) == "—"  # no model: nothing to show, nor hidden
    assert window.reading.self_test_label.text() == "revealed 1 of 3"
    window.findChild(QAction, "sideBySideAction").trigger()
    assert window.arabic_pane.isVisible() and not view.isVisible()


def test_interlinear_mode_is_remembered(window, make_window, qtbot):
    window.reading.modes.set_mode("interlinear")
    again = make_window(ABSENT_MODEL)
    qtbot.waitUntil(lambda: again.reading.modes.interlinear.isVisible())
    assert again.findChild(QAction, "interlinearAction").isChecked()
    assert not again.arabic_pane.isVisible()


def test_interlinear_follows_zoom(window, qtbot):
    window.reading.modes.set_mode("interlinear")
    view = window.reading.modes.interlinear
    size = view.arabic_font.pointSizeF()
    assert size == window.arabic_pane.font().pointSizeF()
    window.zoom(+2)
    qtbot.waitUntil(lambda: view.arabic_font.pointSizeF() == size + 2)
    cursor = view.textCursor()
    cursor.setPosition(1)
    assert cursor.charFormat().font().pointSizeF() == size + 2


def test_interlinear_has_the_hover_glossary_and_term_marks(window, qtbot):
    from PySide6.QtGui import QTextCharFormat, QTextCursor

    from gui.colors import status_color
    from models.glossary.store import Term

    with only_terms(window, Term("ثانية", "second", status="known")):
        window.settings.set("highlight_unlisted", True)
        window.reading.modes.set_mode("interlinear")
        view, glossary = window.reading.modes.interlinear, window.reading.modes.glossary
        qtbot.waitUntil(view.isVisible)

        term = ARTICLE.index("ثانية")
        assert char_format(view, term).underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        assert char_format(view, term).underlineColor() == status_color("known")
        unlisted = ARTICLE.index("أولى")
        assert char_format(view, unlisted).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
        window.zoom(+1)  # the view is laid out again: the marks come back
        qtbot.waitUntil(lambda: view.arabic_font.pointSizeF() == window.arabic_pane.font().pointSizeF())
        assert char_format(view, term).underlineColor() == status_color("known")
        assert char_format(view, unlisted).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine

        start, end = view.pane_span(unlisted, unlisted + len("أولى"))
        cursor = QTextCursor(view.document())
        cursor.setPosition((start + end) // 2)
        point = view.cursorRect(cursor).center()
        assert view.source_offset_at(point) in range(unlisted, unlisted + len("أولى"))
        glossary.hover(point)  # the pointer rests on أولى
        qtbot.waitUntil(glossary.popup.isVisible)
        assert glossary.popup.word == "أولى"
        assert glossary.hovered_span() == (unlisted, unlisted + len("أولى"))
        translation = view.document().findBlockByNumber(1)  # under a translation: no word
        cursor.setPosition(translation.position() + 1)
        assert view.source_offset_at(view.cursorRect(cursor).center()) == -1


def highlighted_text(view) -> list[str]:
    """The text under each of the view's painted selections, with its background colour's name."""
    return [(s.cursor.selectedText().replace("\u2029", "\n").strip(), s.format.background().color().name())
            for s in view.extraSelections()]


def test_interlinear_paints_the_current_sentence_and_its_translation(window, qtbot, restore_theme):  # noqa: F811
    from gui.colors import qcolor

    view = window.reading.modes.interlinear
    window.findChild(QAction, "interlinearAction").trigger()
    window.sentences.set_translation(1, "Second sentence here.", True)
    assert highlighted_text(view) == []
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = window.sentences.document.sentences[1].text
    assert highlighted_text(view) == [(f"{second}\nSecond sentence here.", qcolor("selected").name())]
    window.sentences.set_translation(1, "The second sentence.", True)  # replaced: still painted whole
    assert highlighted_text(view) == [(f"{second}\nThe second sentence.", qcolor("selected").name())]
    window.settings.set("theme", "dark")
    qtbot.waitUntil(lambda: highlighted_text(view)[0][1] == qcolor("selected").name())
    window.open_document(window.sentences.document)
    assert highlighted_text(view) == []  # a new document: no current sentence


def test_a_long_article_is_laid_out_in_slices_with_its_marks(make_window, qtbot):
    """Switching to interlinear (or changing its fonts) lays out the first sentences at once and
    the rest in slices; the sentences laid out later get the term marks and the dotted marks."""
    from PySide6.QtGui import QTextCharFormat

    from gui.colors import status_color
    from gui.reading_pane import FIRST_ROWS
    from models.glossary.store import Term

    article = "\n".join(f"الجملة {i} عن جنيف. وقال الوزير إن المفاوضات صعبة." for i in range(400))
    window = open_without_model(make_window, qtbot, article)
    with only_terms(window, Term("المفاوضات", "the negotiations", status="learning")):
        window.settings.set("highlight_unlisted", True)
        window.reading.modes.set_mode("interlinear")
        view = window.reading.modes.interlinear
        qtbot.waitUntil(view.isVisible)
        assert FIRST_ROWS <= view.laid_out_rows() < window.sentences.rowCount() == 800
        term, unlisted = article.rindex("المفاوضات"), article.rindex("الوزير")
        for _ in range(2):
            qtbot.waitUntil(view.is_laid_out, timeout=30000)
            assert char_format(view, term).underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
            assert char_format(view, term).underlineColor() == status_color("learning")
            assert char_format(view, unlisted).underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
            window.zoom(+1)  # laid out again, in slices again
            qtbot.waitUntil(lambda: view.arabic_font.pointSizeF() == window.arabic_pane.font().pointSizeF())
            assert not view.is_laid_out()


def test_find_searches_the_interlinear_view_while_it_is_shown(window, qtbot):
    bar = window.find_bar
    bar.open()
    bar.query.setText("ثانية")
    bar.search()
    assert bar.count_text() == "1 of 2" and {m.pane for m in bar.matches} == {window.arabic_pane}
    bar.find_next()
    window.reading.modes.set_mode("interlinear")
    view = window.reading.modes.interlinear
    qtbot.waitUntil(view.isVisible)
    assert bar.panes == [view] and {m.pane for m in bar.matches} == {view}
    assert bar.count_text() == "2 of 2"  # the current match stays the current one
    bar.find_previous()
    text = view.document().toPlainText()
    # Painted within a screen of the view's text; the view gets its size on the next turns of
    # the event loop (its resize paints the marks again).
    qtbot.waitUntil(lambda: len(view.marks) == 2)
    marked = [(m.cursor.selectedText(), m.format.background().color()) for m in view.marks]
    assert [t for t, _ in marked] == ["ثانية", "ثانية"] and text.count("ثانية") == 2
    assert window.arabic_pane.marks == []  # the hidden pane's marks went
    bar.find_next()
    assert bar.count_text() == "2 of 2"
    assert view.textCursor().position() == bar.matches[1].start  # the view went to the match
    assert [c for _, c in marked] != [m.format.background().color() for m in view.marks]  # the current one moved
    bar.find_previous()
    window.reading.modes.set_mode("side by side")
    qtbot.waitUntil(window.arabic_pane.isVisible)
    assert {m.pane for m in bar.matches} == {window.arabic_pane} and view.marks == []
    assert bar.count_text() == "1 of 2"


def test_switching_modes_on_a_long_article_keeps_the_current_match(make_window, qtbot):
    """The interlinear view is laid out in slices when shown: the match far down that was
    current side by side becomes current again once the view holds it, and the view goes there."""
    from gui.reading_pane import FIRST_ROWS

    article = "\n".join(f"الجملة {i} عن جنيف." for i in range(3 * FIRST_ROWS))
    window = open_without_model(make_window, qtbot, article)
    qtbot.waitUntil(lambda: window.arabic_pane.is_laid_out() and window.english_pane.is_laid_out(), timeout=30000)
    bar = window.find_bar
    bar.open()
    bar.query.setText("جنيف")
    bar.search()
    bar.current = 2 * FIRST_ROWS - 1
    bar.find_next()  # sentence 2 * FIRST_ROWS, beyond what the interlinear view lays out at once
    assert bar.count_text() == f"{2 * FIRST_ROWS + 1} of {3 * FIRST_ROWS}"
    window.reading.modes.set_mode("interlinear")
    view = window.reading.modes.interlinear
    assert view.laid_out_rows() < 2 * FIRST_ROWS
    qtbot.waitUntil(lambda: bar.count_text() == f"{2 * FIRST_ROWS + 1} of {3 * FIRST_ROWS}", timeout=30000)
    match = bar.matches[bar.current]
    assert match.pane is view and view.sentence_at_position(match.start) == 2 * FIRST_ROWS
    assert view.textCursor().position() == match.start  # the view went there
    bar.find_next()
    bar.find_next()
    assert bar.count_text() == f"{2 * FIRST_ROWS + 3} of {3 * FIRST_ROWS}"
