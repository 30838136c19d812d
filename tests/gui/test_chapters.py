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
        sentence = doc.sentences[box.itemData(row)]
        assert sentence.text == title and doc.text[sentence.start:].startswith(title)
    qtbot.waitUntil(lambda: window.arabic_pane.verticalScrollBar().maximum() > 0)
    for row in (2, 1):
        box.activated.emit(row)
        box.setCurrentIndex(row)
        sentence_id = box.itemData(row)
        for pane in (window.arabic_pane, window.english_pane):
            top = pane.sentence_rect(sentence_id).top()
            assert pane.verticalScrollBar().value() > 0
            assert 0 <= top <= pane.fontMetrics().height(), (pane.column, top)  # at the top of the view
            assert sentence_id in pane.visible_sentences()
    window.open_path(sample_path())  # no chapters: the list goes
    assert box.isHidden() and box.count() == 0
