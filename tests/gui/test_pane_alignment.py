"""Side by side that lines up: paragraph tops at the same height in both panes."""
import pytest
from PySide6.QtGui import QAction

from gui.pane_alignment import PARAGRAPH_GAP, paragraph_blocks
from tests.support.reader import open_without_model

pytestmark = pytest.mark.slow

#: Paragraphs whose translations are much shorter or longer than the Arabic.
ARTICLE = "\n\n".join([
    "قال وزير الخارجية الأمريكي إن المحادثات مع روسيا بشأن سوريا لم تصل إلى اتفاق بعد. " * 4,
    "فقرة قصيرة.",
    "وأضاف أن الجانبين سيواصلان العمل على وقف إطلاق النار في الأيام المقبلة. " * 2,
    "خاتمة.",
])
TRANSLATIONS = ["Short.", "A very long translation of a very short paragraph, running on and on. " * 6,
                "Medium length sentence about a ceasefire.", "End."]


def tops(window):
    return window.reading.aligner.paragraph_tops()


def assert_lined_up(window, qtbot):
    def same():
        arabic, english = tops(window)
        assert len(arabic) == len(english) == 4
        assert all(abs(a - e) < 1 for a, e in zip(arabic, english)), (arabic, english)
        margins = [[b.blockFormat().bottomMargin() for b in paragraph_blocks(pane)] for pane in (window.arabic_pane, window.english_pane)]
        for a, e in list(zip(*margins))[:3]:  # the taller of a pair keeps just the gap below it
            assert min(a, e) == pytest.approx(PARAGRAPH_GAP), margins
    qtbot.waitUntil(same, timeout=5000)


@pytest.fixture
def window(make_window, qtbot):
    window = open_without_model(make_window, qtbot, ARTICLE)
    for s in window.sentences.document.sentences:
        window.sentences.set_translation(s.id, TRANSLATIONS[s.paragraph] if s.text == next(
            t.text for t in window.sentences.document.sentences if t.paragraph == s.paragraph) else "", True)
    return window


def test_paragraph_tops_match_and_stay_in_step(window, qtbot):
    assert_lined_up(window, qtbot)
    arabic, _ = tops(window)
    assert arabic[1] < arabic[2] < arabic[3]
    window.zoom(+4)
    assert_lined_up(window, qtbot)
    window.resize(700, 600)
    assert_lined_up(window, qtbot)
    window.swap_action.trigger()
    assert_lined_up(window, qtbot)
    window.sentences.set_translation(0, "Now a much longer translation of the first paragraph. " * 8, True)
    assert_lined_up(window, qtbot)


def test_lining_up_keeps_the_reader_in_place(make_window, qtbot):
    window = open_without_model(make_window, qtbot, "\n\n".join(f"جملة رقم {i} هنا." for i in range(120)))
    qtbot.waitUntil(lambda: window.reading.aligner.paragraph_tops()[0][-1] > 0)
    arabic = window.arabic_pane
    arabic.verticalScrollBar().setValue(arabic.verticalScrollBar().maximum() // 2)
    first = arabic.visible_sentences()[1]
    y = arabic.sentence_rect(first).top()
    for i in range(first // 2):  # translations above the view grow longer than the Arabic
        window.sentences.set_translation(i, "A long translation that wraps onto more lines. " * 12, True)
    qtbot.waitUntil(lambda: abs(tops(window)[0][first] - tops(window)[1][first]) < 1)
    assert tops(window)[0][first] > 2 * first * 30  # the Arabic paragraphs above were pushed down
    assert arabic.sentence_rect(first).top() == y


def test_paragraphs_stay_level_on_screen_while_the_model_bar_shows(window, qtbot):
    """The bar that says the model is missing spans both panes: the panes' viewports start at the
    same height in the window, so paragraph tops matched in the documents are level on screen."""
    from PySide6.QtCore import QPoint

    assert window.model_bar.isVisible()  # no model here
    assert_lined_up(window, qtbot)
    on_screen = [[pane.viewport().mapTo(window, QPoint(0, round(top) - pane.verticalScrollBar().value())).y()
                  for top in pane_tops] for pane, pane_tops in zip((window.arabic_pane, window.english_pane), tops(window))]
    assert on_screen[0] == on_screen[1]
    window.findChild(QAction, "interlinearAction").trigger()  # and it stays in sight in the interlinear mode
    assert window.model_bar.isVisible()


def test_paragraphs_off_screen_line_up_after_text_and_layout_changes(make_window, qtbot):
    """The sweep lines up pairs far from the screen: after they are laid out, after a zoom (a
    change of layout alone, every pair again), and after a translation far down changes."""
    window = open_without_model(make_window, qtbot, "\n\n".join(f"جملة رقم {i} هنا." for i in range(300)))
    for i in range(0, 300, 3):
        window.sentences.set_translation(i, "A translation that wraps onto more lines than its Arabic. " * (1 + i % 4), True)

    def all_level():
        arabic, english = tops(window)
        return len(arabic) == len(english) == 300 and all(abs(a - e) < 1 for a, e in zip(arabic, english))

    qtbot.waitUntil(all_level, timeout=20000)
    window.zoom(+3)
    qtbot.waitUntil(lambda: not all_level(), timeout=5000)  # the Arabic grew more than the English
    qtbot.waitUntil(all_level, timeout=20000)
    assert window.arabic_pane.verticalScrollBar().value() == 0  # the reader is at the top, far from 290
    window.sentences.set_translation(290, "Now a much longer translation of that paragraph. " * 10, True)
    qtbot.waitUntil(all_level, timeout=20000)
    assert tops(window)[1][291] - tops(window)[1][290] > 100


def test_pairs_on_screen_line_up_while_a_book_is_still_being_laid_out(make_window, qtbot):
    """Each slice of a book's layout changes the panes; the lining up must not wait for the
    changes to stop (seconds for a book): the pairs on screen line up meanwhile."""
    text = "\n\n".join(f"الفقرة {i}: " + "قال الوزير إن المفاوضات مستمرة. " * (1 + i % 5) for i in range(4000))
    window = open_without_model(make_window, qtbot, text)
    arabic, english = window.arabic_pane, window.english_pane
    qtbot.waitUntil(lambda: min(arabic.laid_out_rows(), english.laid_out_rows()) > 1500, timeout=30000)
    arabic.verticalScrollBar().setValue(arabic.verticalScrollBar().maximum() * 2 // 3)  # pairs not lined up yet

    def level_on_screen_while_laying_out():
        if arabic.is_laid_out() and english.is_laid_out():
            raise AssertionError("laid out before the pairs on screen were lined up")
        paragraphs = {window.sentences.document.sentences[r].paragraph for r in arabic.visible_sentences()}
        layouts = [pane.document().documentLayout() for pane in (arabic, english)]
        top = [[layout.blockBoundingRect(pane.document().findBlockByNumber(p)).top() for p in paragraphs]
               for layout, pane in zip(layouts, (arabic, english))]
        return len(paragraphs) >= 2 and all(abs(a - e) < 1 for a, e in zip(*top))

    qtbot.waitUntil(level_on_screen_while_laying_out, timeout=30000)
