"""Hovering a word in one reading pane highlights the words linked to it in the other (lexicon
links, on the sample's sentences with their human translation)."""
import pytest

from gui.colors import qcolor
from gui.hover_glossary import HoverGlossary
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, TARGET, SentenceModel
from gui.word_link_hover import WordLinkHover, link_color
from models.documents import Document
from models.glossary.store import TermStore
from tests.gui.test_hover_glossary import move
from tests.gui.test_reading_pane import glyph_center

ARABIC = ("كيري ولافروف قالا إن هناك بضع مسائل لابد من الانتهاء منها قبل إمكان التوصل لاتفاق (رويترز)\n"
          "استمرت الخلافات بين الولايات المتحدة وروسيا بشأن التعاون العسكري ووقف العمليات القتالية في سوريا.")
ENGLISH = ["Kerry and Lavrov said a few issues must be settled before an agreement can be reached (Reuters)",
           "Differences between the United States and Russia over military cooperation and a cessation of"
           " hostilities in Syria persisted."]


@pytest.fixture
def panes(qtbot, service, tmp_path):
    model = SentenceModel()
    model.set_document(Document.from_text(ARABIC))
    assert len(model.document.sentences) == len(ENGLISH)
    for row, text in enumerate(ENGLISH):
        model.set_translation(row, text, translated=True)
    shown = []
    for column in (SOURCE, TARGET):
        pane = ReadingPane(model, column)
        qtbot.addWidget(pane)
        pane.resize(700, 300)
        pane.show()
        qtbot.waitExposed(pane)
        shown.append(pane)
    store = TermStore(tmp_path / "glossary.sqlite3")
    glossary = HoverGlossary(shown[0], store, service, delay_ms=lambda: 0)
    qtbot.addWidget(glossary.popup)
    yield shown[0], shown[1], WordLinkHover(shown[0], shown[1], glossary)
    store.close()


def highlighted_words(pane):
    text = pane.document().toPlainText()
    return [(text[start:end], color) for start, end, color in pane.word_highlights()]


def hover_word(pane, sentence_id, text, word):
    start = pane.sentence_span(sentence_id)[0] + text.index(word)
    move(pane, glyph_center(pane, start + len(word) // 2))


def test_hovering_an_arabic_word_highlights_its_english_words(panes):
    arabic, english, hover = panes
    hover_word(arabic, 1, hover.model.document.sentences[1].text, "العسكري")
    assert [word for word, _ in highlighted_words(english)] == ["military"]
    assert [word for word, _ in highlighted_words(arabic)] == ["العسكري"]
    hover_word(arabic, 0, hover.model.document.sentences[0].text, "كيري")
    assert [word for word, _ in highlighted_words(english)] == ["Kerry"]
    (_, color), = highlighted_words(english)
    assert color.rgb() == qcolor("linked").rgb() and 60 < color.alpha() <= 200


def test_hovering_an_english_word_highlights_its_arabic_source(panes):
    arabic, english, hover = panes
    hover_word(english, 1, ENGLISH[1], "Russia")
    assert [word for word, _ in highlighted_words(arabic)] == ["وروسيا"]
    assert [word for word, _ in highlighted_words(english)] == ["Russia"]


def test_opacity_follows_the_score_and_leaving_clears(panes, qtbot):
    arabic, english, hover = panes
    assert link_color(1.0).alpha() > link_color(0.5).alpha() > link_color(0.0).alpha()
    hover_word(arabic, 1, hover.model.document.sentences[1].text, "العسكري")
    assert english.word_highlights()
    hover.clear()
    assert not english.word_highlights() and not arabic.word_highlights()


def test_linked_english_for_the_popup(panes):
    _, _, hover = panes
    sentence = hover.model.document.sentences[1].text
    assert hover.linked_english(1, sentence.index("التعاون")) == "cooperation"
    assert hover.linked_english(0, 0) == "Kerry"


def test_model_links_from_the_worker_are_highlighted_too(panes):
    arabic, english, hover = panes
    source = hover.model.document.sentences[0].text
    here, there = source.index("بضع"), ENGLISH[0].index("few")
    hover_word(arabic, 0, source, "مسائل")
    assert [word for word, _ in highlighted_words(english)] == ["issues"]  # the lexicon's
    hover.add_model_links(0, ENGLISH[0], [((here, here + 3), (there, there + 3), 0.9),
                                          ((source.index("مسائل"), source.index("مسائل") + 5), (there, there + 3), 0.4)])
    hover.clear()
    hover_word(arabic, 0, source, "مسائل")
    assert [word for word, _ in highlighted_words(english)] == ["few", "issues"]
    hover_word(english, 0, ENGLISH[0], "few")
    assert [word for word, _ in highlighted_words(arabic)] == ["بضع", "مسائل"]
    (_, strong), (_, weak) = highlighted_words(arabic)
    assert strong.alpha() > weak.alpha()  # opacity by score


def test_the_popup_shows_the_linked_english_and_a_linked_name_first(panes, qtbot):
    arabic, english, hover = panes
    sentence = hover.model.document.sentences[0]
    popup = hover.glossary.popup
    start = sentence.start + sentence.text.index("كيري")
    hover.glossary.show_span((start, start + 4))
    assert popup.isVisible() and popup.here_label.isVisible() and "Kerry" in popup.here_label.text()
    assert popup.name_label.isVisible() and "<b>Kerry</b>" in popup.name_label.text()
    assert not popup.best_label.isVisible()  # the lexicon's "bellows" only under other readings
    assert "bellows" in popup.others_label.text() and popup.prefilled_term().translation == "Kerry"
    sentence = hover.model.document.sentences[1]
    start = sentence.start + sentence.text.index("التعاون")
    hover.glossary.show_span((start, start + len("التعاون")))
    assert "here: <i>cooperation</i>" in popup.here_label.text() and popup.here_label.isVisible()
    assert not popup.name_label.isVisible() and popup.best_label.isVisible() and "cooperation" in popup.best_label.text()


def test_the_window_adds_the_model_links_the_translation_sends(make_window, tmp_path):
    window = make_window(tmp_path / "no-model")
    window.open_document(Document.from_text(ARABIC))
    window.sentences.set_translation(0, ENGLISH[0], translated=True)
    source = window.sentences.document.sentences[0].text
    window.translation.wordLinks.emit(0, ENGLISH[0], [((0, 4), (ENGLISH[0].index("few"), ENGLISH[0].index("few") + 3), 0.9)])
    assert ("few" in [ENGLISH[0][a:b] for (a, b), _ in window.word_links.cache.index(source, ENGLISH[0]).targets_at(0)])
