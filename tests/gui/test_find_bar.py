"""The find bar: both panes searched the way a reader means it, matches painted and counted."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget, QVBoxLayout

from gui.colors import qcolor
from gui.find_bar import FindBar
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, TARGET, SentenceModel
from models.documents import Document

ARTICLE = "قالَ الرئيسُ إنّ المفاوضاتِ مستمرةٌ.\nوقال وزير الخارجية إن المفاوضات صعبة.\nأكّد الرئيس أن الإتفاق قريب."
TRANSLATIONS = ("The president said the negotiations continue.", "The foreign minister said the NEGOTIATIONS are hard.",
                "The President confirmed that the agreement is near.")


def find_bar(qtbot, article: str = ARTICLE, translations=TRANSLATIONS) -> FindBar:
    model = SentenceModel()
    model.set_document(Document.from_text(article))
    for i, text in enumerate(translations):
        model.set_translation(i, text, True)
    panes = [ReadingPane(model, SOURCE), ReadingPane(model, TARGET)]
    host = QWidget()
    layout = QVBoxLayout(host)
    bar = FindBar(panes)
    for w in (bar, *panes):
        layout.addWidget(w)
    qtbot.addWidget(host)
    host.resize(600, 500)
    host.show()
    qtbot.waitExposed(host)
    bar.host = host  # kept alive with the bar
    return bar


def marked(pane: ReadingPane) -> list[str]:
    text = pane.document().toPlainText()
    return [text[m.cursor.selectionStart():m.cursor.selectionEnd()] for m in pane.marks]


def search(qtbot, bar: FindBar, query: str) -> None:
    bar.open()
    bar.query.setText(query)
    bar.search()


def test_undiacritized_query_finds_diacritized_and_plain_words(qtbot):
    bar = find_bar(qtbot)
    search(qtbot, bar, "المفاوضات")
    arabic, english = bar.panes
    assert marked(arabic) == ["المفاوضاتِ", "المفاوضات"]  # the kasra belongs to the match
    assert marked(english) == []
    assert bar.count_label.text() == "1 of 2"


def test_diacritized_query_and_hamza_spelling_find_the_same(qtbot):
    bar = find_bar(qtbot)
    search(qtbot, bar, "الرَّئيس")
    assert marked(bar.panes[0]) == ["الرئيسُ", "الرئيس"]
    bar.query.clear()
    bar.query.setText("الاتفاق")  # written with a hamza-less alef; the article has إ
    bar.search()
    assert marked(bar.panes[0]) == ["الإتفاق"]


def test_english_search_ignores_case_and_counts_across_both_panes(qtbot):
    bar = find_bar(qtbot)
    search(qtbot, bar, "negotiations")
    assert marked(bar.panes[1]) == ["negotiations", "NEGOTIATIONS"]
    assert bar.count_text() == "1 of 2"
    search(qtbot, bar, "president")
    assert marked(bar.panes[1]) == ["president", "President"]


def test_enter_and_shift_enter_step_and_the_current_match_has_its_colour(qtbot):
    bar = find_bar(qtbot)
    search(qtbot, bar, "قال")
    arabic = bar.panes[0]
    assert bar.count_text() == "1 of 2"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count_text() == "2 of 2"
    colours = [m.format.background().color() for m in arabic.marks]
    assert colours == [qcolor("find_match"), qcolor("find_current")]
    assert arabic.textCursor().position() == bar.matches[1].start  # scrolled to it
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count_text() == "1 of 2"  # wraps round
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_text() == "2 of 2"


def test_no_match_and_escape_clears_the_marks(qtbot):
    bar = find_bar(qtbot)
    search(qtbot, bar, "xyzzy")
    assert bar.count_label.text() == "No match"
    bar.query.clear()
    bar.query.setText("said")
    bar.search()
    assert marked(bar.panes[1]) == ["said", "said"]
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert bar.panes[1].marks == [] and bar.panes[1].extraSelections() == []


def test_matches_follow_a_translation_that_arrives(qtbot):
    bar = find_bar(qtbot)
    search(qtbot, bar, "truce")
    assert bar.count_text() == "No match"
    bar.panes[1].model.set_translation(2, "A truce is near.", True)
    qtbot.waitUntil(lambda: bar.count_text() == "1 of 1")
    assert marked(bar.panes[1]) == ["truce"]


def test_ctrl_f_f3_and_shift_f3_in_the_window(make_window, qtbot):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")  # no model: the English captions pass through
    window.open_document(Document.from_text(ARTICLE))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.arabic_pane.setFocus()
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.query.hasFocus()
    bar.query.setText("وزير")
    bar.search()
    assert bar.count_text() == "1 of 1"
    bar.query.setText("قال")
    bar.search()
    qtbot.keyClick(bar.query, Qt.Key.Key_F3)
    assert bar.count_text() == "2 of 2"
    qtbot.keyClick(bar.query, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_text() == "1 of 2"
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.stop_action.isEnabled() is False  # Esc went to the find bar, nothing else


def test_in_a_long_text_the_matches_near_the_screen_are_painted_and_follow_the_scrolling(qtbot):
    article = "\n".join(f"الجملة {i} عن جنيف." for i in range(3000))
    bar = find_bar(qtbot, article, [f"Sentence {i} about Geneva." for i in range(3000)])
    arabic, english = bar.panes
    qtbot.waitUntil(lambda: arabic.is_laid_out() and english.is_laid_out(), timeout=60000)
    search(qtbot, bar, "جنيف")
    assert bar.count_text() == "1 of 3000"
    first_marks = marked(arabic)
    assert 0 < len(first_marks) < 200 and set(first_marks) == {"جنيف"}  # a screen above and below, not 3,000
    assert arabic.marks[0].cursor.selectionStart() == bar.matches[0].start
    bar.find_previous()  # the last match: the pane scrolls there, and the marks follow
    assert bar.count_text() == "3000 of 3000"
    qtbot.waitUntil(lambda: any(m.cursor.selectionStart() == bar.matches[2999].start for m in arabic.marks))
    current = [m for m in arabic.marks if m.cursor.selectionStart() == bar.matches[2999].start]
    assert current[0].format.background().color() == qcolor("find_current")
    assert len(arabic.marks) < 200


def test_a_match_is_shown_with_its_translation_beside_it(qtbot):
    """The panes' paragraphs are lined up (ParagraphAligner): going to a match far down gives both
    panes the same scroll, so the match's paragraph and its translation are side by side."""
    from gui.pane_alignment import ParagraphAligner

    article = "\n".join(f"الجملة {i} عن جنيف. " + "وقال الوزير إن المفاوضات صعبة. " * (i % 4) for i in range(1000))
    bar = find_bar(qtbot, article, [])
    arabic, english = bar.panes
    aligner = ParagraphAligner(arabic, english, parent=bar)
    qtbot.waitUntil(lambda: arabic.is_laid_out() and english.is_laid_out(), timeout=60000)
    qtbot.waitUntil(lambda: aligner._next >= arabic.document().blockCount() and not aligner._timer.isActive(), timeout=60000)
    search(qtbot, bar, "جنيف")
    bar.current = 598
    bar.find_next()
    sentence = arabic.sentence_at_position(bar.matches[599].start)
    assert arabic.sentence_rect(sentence).top() == english.sentence_rect(sentence).top()
    assert arabic.verticalScrollBar().value() == english.verticalScrollBar().value() > 0


def test_a_long_text_is_searched_in_slices_and_again_when_it_changed_meanwhile(qtbot, monkeypatch):
    from gui import find_bar as module

    article = "\n".join(f"الجملة {i} عن جنيف." for i in range(3000))
    bar = find_bar(qtbot, article, [f"Sentence {i} about Geneva." for i in range(3000)])
    arabic, english = bar.panes
    qtbot.waitUntil(lambda: arabic.is_laid_out() and english.is_laid_out(), timeout=60000)
    search(qtbot, bar, "Geneva")  # at once (the default threshold)
    whole = [(bar.panes.index(m.pane), m.start, m.end) for m in bar.matches]
    assert len(whole) == 3000
    monkeypatch.setattr(module, "SEARCH_INLINE_CHARS", 1000)
    monkeypatch.setattr(module, "CHUNK_CHARS", 500)
    bar.query.setText("")
    bar.query.setText("Geneva")
    bar.search()
    assert bar.searching and bar.count_text() == "Searching…"
    qtbot.waitUntil(lambda: not bar.searching, timeout=60000)
    assert [(bar.panes.index(m.pane), m.start, m.end) for m in bar.matches] == whole  # chunks cut no match
    assert bar.count_text() == "1 of 3000"
    bar.search()
    bar.find_next()  # asked for while the search runs: taken when it is done, each of them
    bar.find_next()
    english.model.set_translation(2999, "Geneva, Geneva and Geneva.", True)  # while the search runs
    qtbot.waitUntil(lambda: not bar.searching and bar.count_text().endswith("of 3002"), timeout=60000)
    assert bar.count_text() == "3 of 3002"
    bar.search()
    assert bar.count_text() == "3 of 3002"  # searching the same query again: the count stays meanwhile
    bar.find_next()
    bar.close_bar()  # a step asked before closing is not taken after reopening
    bar.open()
    qtbot.waitUntil(lambda: not bar.searching, timeout=60000)
    assert bar.count_text() == "1 of 3002"
    bar.query.setText("Genev")
    assert bar.count_text() == "Searching…"  # typed, not searched yet: never a stale "No match"
    qtbot.waitUntil(lambda: bar.count_text().endswith("of 3002"), timeout=60000)


def test_a_text_being_laid_out_is_searched_as_it_grows(qtbot):
    """A book's panes grow a slice at a time: the search runs as they grow (the count says "…"
    while it is of the text so far), not only once they stop changing."""
    article = "\n".join(f"الجملة {i} عن جنيف." for i in range(6000))
    bar = find_bar(qtbot, article, [])
    arabic, _ = bar.panes
    assert not arabic.is_laid_out()
    search(qtbot, bar, "جنيف")
    so_far = bar.count_text()
    assert so_far.startswith("1 of ") and so_far.endswith("…") and int(so_far[5:-1]) < 6000
    qtbot.waitUntil(lambda: bar.count_text() != so_far and not arabic.is_laid_out(), timeout=60000)  # searched again meanwhile
    qtbot.waitUntil(lambda: bar.count_text() == "1 of 6000", timeout=60000)
