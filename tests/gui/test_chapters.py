"""The chapter list of an e-book: filled from the document's chapters in spine order, it scrolls
both panes to the chapter's first sentence; hidden for a document without chapters."""
import pytest

from gui.chapters import first_sentence_from
from models.documents import Document, sample_path
from tests.support.documents import epub_bytes, sample_paragraphs, write

NO_MODEL = "Helsinki-NLP/opus-mt-ar-en"
TITLE, PARAGRAPHS = sample_paragraphs()
TITLES = ["الفصل الأول", "الفصل الثاني", "الفصل الثالث"]


def test_first_sentence_from_an_offset():
    doc = Document.from_text("جملة أولى. جملة ثانية.\n\nجملة ثالثة.")
    assert [first_sentence_from(doc.sentences, o) for o in (0, 9, 10, 11, 24, len(doc.text))] == [0, 0, 1, 1, 2, None]


@pytest.fixture
def book(tmp_path):
    """Three chapters, each long enough that the next one starts off screen."""
    return write(tmp_path / "book.epub", epub_bytes([(t, PARAGRAPHS * 2) for t in TITLES]))


def test_choosing_a_chapter_scrolls_both_panes_to_its_first_sentence(make_window, qtbot, book):
    window = make_window(NO_MODEL)
    window.open_path(sample_path())
    box = window.chapters
    assert box.isHidden()
    assert window.open_path(book)
    assert box.isVisible()
    assert [box.itemText(i) for i in range(box.count())] == TITLES
    doc = window.sentences.document
    for row, title in enumerate(TITLES):
        sentence = doc.sentences[box.sentence_of(row)]
        assert sentence.text == title and doc.text[sentence.start:].startswith(title)
    qtbot.waitUntil(lambda: window.arabic_pane.verticalScrollBar().maximum() > 0)
    for row in (2, 1):
        box.activated.emit(row)
        box.setCurrentIndex(row)
        qtbot.waitUntil(lambda: not box.going, timeout=30000)  # once a screen of it is laid out
        sentence_id = box.sentence_of(row)
        for pane in (window.arabic_pane, window.english_pane):
            top = pane.sentence_rect(sentence_id).top()
            assert pane.verticalScrollBar().value() > 0
            assert 0 <= top <= pane.fontMetrics().height(), (pane.column, top)  # at the top of the view
            assert sentence_id in pane.visible_sentences()
    window.open_path(sample_path())  # no chapters: the list goes
    assert box.isHidden() and box.count() == 0


def test_every_chapter_of_a_long_book_is_listed_and_reached_once_laid_out(make_window, qtbot, tmp_path):
    """A book is shown once its first part is segmented; the list has all its chapters at once,
    and a chapter chosen before it is laid out is gone to as soon as it is."""
    titles = [f"الفصل {n}" for n in range(1, 41)]
    path = write(tmp_path / "long.epub", epub_bytes([(t, PARAGRAPHS * 2) for t in titles]))
    window = make_window(NO_MODEL)
    assert window.open_path(path)
    box = window.chapters
    assert [box.itemText(i) for i in range(box.count())] == titles
    assert not window.sentences.document.segmented or not window.arabic_pane.is_laid_out()
    box.activated.emit(38)  # a chapter not laid out yet, with one after it
    qtbot.waitUntil(lambda: not box.going, timeout=60000)  # gone to
    sentence_id = box.sentence_of(38)
    assert window.sentences.document.sentences[sentence_id].text == titles[38]
    for pane in (window.arabic_pane, window.english_pane):  # at the top of the view, not short of it
        line = pane.fontMetrics().height()  # (pairs above may be lined up after the jump: within half a line)
        assert -line / 2 <= pane.sentence_rect(sentence_id).top() <= line, pane.column


def test_a_chapter_is_gone_to_in_the_interlinear_view(make_window, qtbot, book):
    window = make_window(NO_MODEL)
    assert window.open_path(book)
    window.reading.modes.set_mode("interlinear")
    view = window.reading.modes.interlinear
    qtbot.waitUntil(lambda: view.isVisible() and view.is_laid_out() and view.verticalScrollBar().maximum() > 0)
    box = window.chapters
    box.activated.emit(2)
    sentence_id = box.sentence_of(2)
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    assert 0 <= view.sentence_rect(sentence_id).top() <= view.fontMetrics().height() * 2
