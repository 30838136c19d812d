"""Reading by keyboard and the self-test, through the window's shortcuts."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from gui.reading_pane import CONCEALED_TEXT
from models.documents import Document
from tests.support.reader import open_focused

pytestmark = pytest.mark.slow

ARTICLE = "جملة أولى هنا. جملة ثانية هنا.\n\nفقرة ثانية تبدأ. وتنتهي هنا.\n\nفقرة ثالثة."


@pytest.fixture
def window(make_window, qtbot):
    return open_focused(make_window, qtbot, ARTICLE)


def selected(window):
    return window.arabic_pane.highlighted()[1], window.english_pane.highlighted()[1]


def test_sentence_and_paragraph_keys_move_the_pair(window, qtbot):
    paragraphs = [s.paragraph for s in window.sentences.document.sentences]
    assert paragraphs == [0, 0, 1, 1, 2]
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (0, 0)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_J)
    assert selected(window) == (1, 1)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_K)
    assert selected(window) == (0, 0)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (2, 2)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (4, 4)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (4, 4)  # the last stays
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (3, 3)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (2, 2)  # the start of its paragraph
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert selected(window) == (0, 0)  # the start of the paragraph before


def test_next_sentence_scrolls_both_panes(window, qtbot):
    window.open_document(Document.from_text("\n\n".join(f"جملة رقم {i} هنا." for i in range(200))))
    for _ in range(150):
        window.reading.next_sentence()
    for pane in (window.arabic_pane, window.english_pane):
        assert 149 in pane.visible_sentences()
    qtbot.waitUntil(lambda: all(abs(a - e) < 1 for a, e in zip(*window.reading.aligner.paragraph_tops())))
    window.reading.next_sentence()
    bars = [pane.verticalScrollBar().value() for pane in (window.arabic_pane, window.english_pane)]
    assert bars[0] > 0 and bars[0] == bars[1]  # paragraph 150 side by side


def test_copy_pair_puts_arabic_tab_english_on_the_clipboard(window, qtbot):
    window.reading.go_to(1)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    arabic = window.sentences.document.sentences[1].text
    assert QGuiApplication.clipboard().text() == f"{arabic}\t{window.sentences.target(1)}"
    assert arabic in QGuiApplication.clipboard().text()


def test_self_test_hides_and_reveals_one_sentence_at_a_time(window, qtbot):
    window.sentences.set_translation(0, "First sentence here.", True)
    window.sentences.set_translation(2, "A second paragraph begins.", True)
    action = window.findChild(type(window.swap_action), "selfTestAction")
    action.trigger()
    assert action.isChecked() and window.settings.get("self_test")
    english = window.english_pane
    assert "First sentence here." not in english.toPlainText()
    assert english.toPlainText().count(CONCEALED_TEXT) == 2  # the translations; no model: "—" for the rest
    assert english.toPlainText().count("—") == 3
    label = window.reading.self_test_label
    assert label.text() == "revealed 0 of 5"
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_J)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_R)
    assert "First sentence here." in english.toPlainText()
    assert label.text() == "revealed 1 of 5"
    rect = english.sentence_rect(2)  # a click on a hidden translation reveals it
    qtbot.mouseClick(english.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "A second paragraph begins." in english.toPlainText()
    assert label.text() == "revealed 2 of 5"
    window.sentences.set_translation(3, "It ends here.", True)  # arriving later, still hidden
    assert "It ends here." not in english.toPlainText()
    action.trigger()
    assert not window.settings.get("self_test") and not label.isVisible()
    assert "It ends here." in english.toPlainText() and CONCEALED_TEXT not in english.toPlainText()


#: The actions of reading by keyboard, modes, self-test and progress.
READING_ACTIONS = ("nextSentenceAction", "previousSentenceAction", "nextParagraphAction", "previousParagraphAction",
                   "copyPairAction", "revealAction", "selfTestAction", "sideBySideAction", "interlinearAction",
                   "markNewAction", "markLearningAction", "markKnownAction")


@pytest.mark.parametrize("name", READING_ACTIONS)
def test_every_shortcut_of_the_reading_actions_triggers_it(window, qtbot, name):
    action = window.findChild(QAction, name)
    assert action.shortcuts(), f"{name} has no shortcut"
    assert any(isinstance(menu, QMenu) for menu in action.associatedObjects())  # shown in a menu, with its key
    for sequence in action.shortcuts():
        combination = sequence[0]
        with qtbot.waitSignal(action.triggered, timeout=1000):
            qtbot.keyClick(window.arabic_pane, combination.key(), combination.keyboardModifiers())


def test_no_two_menu_entries_share_a_key(window):
    """Plain letters (J, K, R, A, E, S, 1–3) included: each key sequence triggers one entry."""
    owners = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString() not in owners, (sequence.toString(), owners.get(sequence.toString()), action.objectName())
            owners[sequence.toString()] = action.objectName()
    assert {"J", "K", "R", "A", "E", "S", "1", "2", "3"} <= set(owners)
