"""View > Show vowels: the Arabic pane with a model's vowels, the original text still behind it."""
import pytest
from PySide6.QtGui import QGuiApplication, QTextCharFormat, QTextCursor

from gui.vowels import MACHINE_VOWELS_NOTE
from models.documents import sample_path
from models.glossary.store import Term
from models.lexicon.vowel_check import vowels_agree
from models.text.arabic import ARABIC_WORD_RE
from models.text.vocalization import Diacritizer
from tests.gui.test_frequent_words import marked
from tests.support.reader import only_terms
from tests.support.waiting import wait_blocking

pytestmark = pytest.mark.slow
NO_MODEL = "Helsinki-NLP/opus-mt-ar-en"  # not downloaded: the window reads without translating


@pytest.fixture(scope="session")
def diacritizer(tmp_path_factory):
    d = Diacritizer(tmp_path_factory.mktemp("vowels") / "vocalizations.sqlite3")
    if d.unavailable_reason():
        pytest.skip(d.unavailable_reason())
    yield d
    d.close()


def sample_window(make_window, qtbot, diacritizer):
    window = make_window(NO_MODEL)
    window.vowels.diacritizer = diacritizer
    window.open_path(sample_path())
    qtbot.waitUntil(lambda: window.sentences.document is not None and bool(window.arabic_pane.toPlainText()), timeout=10000)
    return window


def toggle(qtbot, window, shown):
    action = window.findChild(type(window.vowels.action), "showVowelsAction")
    assert action.isEnabled()
    if action.isChecked() != shown:
        action.trigger()
    pane = window.arabic_pane
    qtbot.waitUntil(lambda: (pane.vocalized is not None) == shown and not pane.vowels_pending, timeout=60000)


def offsets_seen(window, words):
    """For each word (document span): its pane span, the document offset of each pane position
    in it, and the offset under the middle of its first letter's glyph."""
    from tests.gui.test_reading_pane import glyph_center

    pane = window.arabic_pane
    seen = []
    for start, end in words:
        first, last = pane.pane_span(start, end)
        seen.append(([pane.document_offset(p) for p in range(first, last)],
                     pane.source_offset_at(glyph_center(pane, pane.pane_position(start)))))
    return seen


def test_vowels_on_and_off_keep_offsets_hover_copy_and_export(make_window, qtbot, diacritizer, tmp_path):
    window = sample_window(make_window, qtbot, diacritizer)
    pane, text = window.arabic_pane, window.sentences.document.text
    words = [m.span() for m in ARABIC_WORD_RE.finditer(text)][:60]
    plain = pane.toPlainText()
    before = offsets_seen(window, words)
    assert window.export_to(tmp_path / "before.json")

    toggle(qtbot, window, True)
    shown = pane.toPlainText()
    assert shown != plain and len(shown) > len(plain) + 100  # vowels added
    assert window.statusBar().currentMessage() == MACHINE_VOWELS_NOTE
    cursor = QTextCursor(pane.document())
    tinted = 0
    for position in range(0, len(shown), 7):
        cursor.setPosition(position + 1)
        tinted += cursor.charFormat().background().color().name() == "#f1ecfa"
    assert tinted > 10  # vocalized words are marked as such
    # Offsets: every pane position of a word (its added marks too) maps into that word.
    during = offsets_seen(window, words)
    for (start, end), (offsets, under) in zip(words, during):
        assert all(start <= o < end for o in offsets), text[start:end]
        assert under == start
    assert [u for _, u in during] == [u for _, u in before]
    # Hover: the word under the pointer is the original word.
    start, end = words[5]
    window.hover_glossary.show_span((start, end))
    assert window.hover_glossary.popup.word == text[start:end]
    # Copy gives the original text, without the model's marks.
    sentence = window.sentences.document.sentences[0]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.pane_position(sentence.start))
    cursor.setPosition(pane.sentence_span(0)[1], QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert pane.createMimeDataFromSelection().text() == sentence.text
    pane.copy()
    assert QGuiApplication.clipboard().text() == sentence.text
    assert window.export_to(tmp_path / "during.json")
    assert (tmp_path / "during.json").read_bytes() == (tmp_path / "before.json").read_bytes()

    toggle(qtbot, window, False)
    assert pane.toPlainText() == plain
    assert offsets_seen(window, words) == before
    assert window.statusBar().currentMessage() == ""


def test_popup_ranks_the_reading_with_the_model_vowels_first_or_says_they_are_uncertain(make_window, qtbot, diacritizer):
    window = sample_window(make_window, qtbot, diacritizer)
    service = window.hover_glossary.service
    assert wait_blocking(service.wait, 60, lambda: bool(service.error)), service.error
    toggle(qtbot, window, True)
    text, vocalized = window.sentences.document.text, window.arabic_pane.vocalized
    popup = window.hover_glossary.popup
    agreeing = uncertain = 0
    for match in list(ARABIC_WORD_RE.finditer(text))[:80]:
        window.hover_glossary.show_span(match.span())
        model_word = vocalized.span(*match.span())
        lexical = [a for a in popup.analyses if not a.backoff]
        if lexical and vowels_agree(model_word, lexical[0]):
            agreeing += 1
            assert not popup.vowels_label.isVisible()
        else:
            uncertain += 1
            assert not any(vowels_agree(model_word, a) for a in lexical)
            assert popup.vowels_label.isVisible() and "uncertain" in popup.vowels_label.text()
    assert agreeing > uncertain > 0
    toggle(qtbot, window, False)
    window.hover_glossary.show_span(next(ARABIC_WORD_RE.finditer(text)).span())
    assert not popup.vowels_label.isVisible()  # no vowels shown, nothing to be uncertain about


def test_a_failing_diacritizer_disables_the_action_with_a_tooltip(make_window, qtbot):
    window = make_window(NO_MODEL)
    window.vowels.diacritizer = Diacritizer(cache_path=False, model="no-such-model")
    window.open_path(sample_path())
    action = window.vowels.action
    action.trigger()
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=30000)
    assert not action.isChecked() and window.arabic_pane.vocalized is None
    assert action.toolTip().startswith("Vowels cannot be shown: the diacritization model failed to load")
    assert "خلافات أميركية روسية" in window.arabic_pane.toPlainText()  # the window reads on


def test_a_missing_diacritizer_package_disables_the_action_with_a_tooltip(make_window, monkeypatch):
    monkeypatch.setattr("gui.vowels.PACKAGE", "no_such_diacritizer_package")
    window = make_window(NO_MODEL)
    action = window.vowels.action
    assert not action.isEnabled()
    assert "no_such_diacritizer_package package is not installed" in action.toolTip()


def test_word_marks_stay_when_the_vowels_come_and_the_tint_stays_when_a_term_changes(make_window, qtbot, diacritizer):
    window = sample_window(make_window, qtbot, diacritizer)
    pane, text = window.arabic_pane, window.sentences.document.text
    with only_terms(window, [Term("الهدنة", "truce", status="learning")]):
        qtbot.waitUntil(lambda: window.hover_glossary.service.is_ready, timeout=60000)
        with qtbot.waitSignal(window.frequent_words.marked, timeout=30000):
            window.settings.set("mark_frequent", "top 1,000")
        frequent = marked(window)
        assert frequent
        window.settings.set("highlight_unlisted", True)
        unlisted = text.index("لافروف")

        def underline(offset):
            cursor = QTextCursor(pane.document())
            cursor.setPosition(pane.pane_position(offset) + 1)
            return cursor.charFormat().underlineStyle()

        def term_background():
            cursor = QTextCursor(pane.document())
            cursor.setPosition(pane.pane_position(text.index("الهدنة")) + 1)
            return cursor.charFormat().background().color().name()

        def tinted():
            cursor, found = QTextCursor(pane.document()), set()
            for position in range(0, len(pane.toPlainText()), 7):
                cursor.setPosition(position + 1)
                if cursor.charFormat().background().color().name() == "#f1ecfa":
                    found.add(position)
            return found

        learning = term_background()
        toggle(qtbot, window, True)  # the sentences are written again, with their vowels
        qtbot.waitUntil(lambda: not window.frequent_words.painting)
        assert term_background() == learning and marked(window) == frequent
        assert underline(unlisted) == QTextCharFormat.UnderlineStyle.DotLine
        before = tinted()
        assert len(before) > 10
        window.term_store.add(Term("قال", "said", status="known"))
        window.hover_glossary.termsChanged.emit()  # the marks are cleared and painted again
        said = [pane.pane_span(m.start, m.end) for m in window.hover_glossary.matches if m.term.term == "قال"]
        lost = before - tinted()
        assert said and all(any(a <= p < b for a, b in said) for p in lost)  # only under the new term's background
        toggle(qtbot, window, False)
        assert term_background() == learning and not tinted()
        assert underline(unlisted) == QTextCharFormat.UnderlineStyle.DotLine
