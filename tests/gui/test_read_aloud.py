"""Read aloud (:mod:`gui.read_aloud`): the Read menu's entries, enabled or disabled with the
reason, the voice chosen for each language and the sentence sent to the engine."""
import enum
import sys

import pytest
from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction

from gui import read_aloud
from gui.read_aloud import ARABIC, ENGLISH, SpeechUnavailable, choose_voice
from tests.support.reader import open_without_model

pytestmark = pytest.mark.slow

ARTICLE = "جملة أولى هنا. جملة ثانية هنا.\n\nفقرة ثانية."


def speech_here() -> str:
    """Why this machine cannot speak ("" when it has an engine)."""
    try:
        read_aloud.engine_names()
    except SpeechUnavailable as exc:
        return str(exc)
    return ""


class Voice:
    """A voice as the engine lists it: a name and a locale."""

    def __init__(self, name: str, locale: str):
        self._name, self._locale = name, QLocale(locale)

    def name(self) -> str:
        return self._name

    def locale(self) -> QLocale:
        return self._locale


class RecordingEngine(QObject):
    """An engine with QTextToSpeech's interface that records what it is asked to say instead of
    speaking it. It stands in for the platform's engine, so tests using it cover Qari's part
    (which voice it picks for which language, which text it sends, how it reacts to the engine's
    states and errors), not the platform's speech."""

    class State(enum.Enum):
        Ready, Speaking, Paused, Error = range(4)

    stateChanged = Signal(object)
    errorOccurred = Signal(object, str)

    def __init__(self, voices, parent=None):
        super().__init__(parent)
        self.voices, self.voice, self.said = voices, None, []
        self._state = self.State.Ready

    def engine(self) -> str:
        return "recording"

    def allVoices(self, language):
        return [v for v in self.voices if v.locale().language() == language]

    def setVoice(self, voice) -> None:
        self.voice = voice

    def say(self, text: str) -> None:
        self.said.append((self.voice.name(), text))
        self._set_state(self.State.Speaking)

    def stop(self) -> None:
        self._set_state(self.State.Ready)

    def state(self):
        return self._state

    def errorString(self) -> str:
        return "the audio device is gone" if self._state is self.State.Error else ""

    def _set_state(self, state) -> None:
        self._state = state
        self.stateChanged.emit(state)


VOICES = [Voice("Bob", "en_US"), Voice("Anne", "en_GB"), Voice("Hoda", "ar_SA"), Voice("Tarik", "ar_EG")]


@pytest.fixture
def window(make_window, qtbot):
    window = open_without_model(make_window, qtbot, ARTICLE)
    window.activateWindow()
    window.arabic_pane.setFocus()
    return window


def with_engine(window, make_engine):
    """``window``'s read-aloud, made to use ``make_engine`` (before it made its own)."""
    aloud = window.reading.aloud
    assert aloud.engine is None  # nothing is made before the menu or an entry is used
    aloud.use_engine(make_engine)
    return aloud


def action(window, name) -> QAction:
    return window.findChild(QAction, name)


def test_entries_on_this_machine_are_enabled_or_say_why_not(window):
    """Without making an engine: where Qt's speech module cannot load or finds no engine (as on
    the bare test machine: no libpulse, no speech-dispatcher), both entries are disabled and their
    tooltip gives the reason and, on Linux, the packages to install."""
    reason = speech_here()
    for name in ("readArabicAction", "readEnglishAction"):
        entry = action(window, name)
        assert entry.isEnabled() == (not reason)
        if reason:
            assert reason in entry.toolTip()
            if sys.platform.startswith("linux"):
                assert "sudo apt install speech-dispatcher espeak-ng" in entry.toolTip()
    assert not action(window, "stopReadingAction").isEnabled()
    assert window.reading.aloud.engine is None


def test_voice_choice_prefers_the_locale_then_the_first():
    engine = RecordingEngine(VOICES)
    assert choose_voice(engine, ARABIC, QLocale("ar_EG")).name() == "Tarik"
    assert choose_voice(engine, ARABIC, QLocale("en_GB")).name() == "Hoda"  # no Arabic voice of Britain
    assert choose_voice(engine, ENGLISH, QLocale("en_GB")).name() == "Anne"
    assert choose_voice(RecordingEngine(VOICES[:2]), ARABIC) is None


def test_shortcuts_speak_the_current_sentence_with_its_language_voice(window, qtbot):
    engine = RecordingEngine(VOICES)
    with_engine(window, lambda parent: engine)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.reading.current == 0  # none was current: the first
    arabic_voice = engine.said[0][0]
    assert engine.said == [(arabic_voice, "جملة أولى هنا.")] and arabic_voice in ("Hoda", "Tarik")
    assert action(window, "stopReadingAction").isEnabled()
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert engine.state() is RecordingEngine.State.Ready
    assert not action(window, "stopReadingAction").isEnabled()

    window.reading.next_sentence()
    window.sentences.set_translation(1, "A second sentence here.", translated=True)
    qtbot.keyClick(window.arabic_pane, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert engine.said[-1][1] == "A second sentence here." and engine.said[-1][0] in ("Bob", "Anne")

    window.reading.next_sentence()  # not translated yet: nothing said, and the reader told so
    action(window, "readEnglishAction").trigger()
    assert len(engine.said) == 2
    assert window.statusBar().currentMessage() == "This sentence is not translated yet."


def test_reading_the_translation_aloud_reveals_it_in_the_self_test(window):
    engine = RecordingEngine(VOICES)
    with_engine(window, lambda parent: engine)
    window.reading.set_self_test(True)
    window.sentences.set_translation(0, "A first sentence.", translated=True)
    window.reading.aloud.speak_english()
    assert engine.said[-1][1] == "A first sentence."
    assert window.reading.revealed == {0}


def test_no_voice_for_a_language_disables_its_entry_with_the_reason(window):
    with_engine(window, lambda parent: RecordingEngine(VOICES[:2]))
    window.reading.aloud.prepare()
    arabic, english = action(window, "readArabicAction"), action(window, "readEnglishAction")
    assert english.isEnabled() and not arabic.isEnabled()
    assert "The speech engine (recording) has no Arabic voice." in arabic.toolTip()
    window.reading.aloud.speak_arabic()  # by its slot all the same: said in the status bar
    assert "no Arabic voice" in window.statusBar().currentMessage()


def test_an_engine_that_does_not_start_disables_both_entries(window):
    def fails(parent):
        raise SpeechUnavailable("The speech engine does not start (speechd: no connection).")

    with_engine(window, fails)
    window.reading.aloud.prepare()
    for name in ("readArabicAction", "readEnglishAction"):
        assert not action(window, name).isEnabled()
        assert "speechd: no connection" in action(window, name).toolTip()


def test_an_engine_error_is_said_in_the_status_bar_and_the_window_goes_on(window, qtbot):
    engine = RecordingEngine(VOICES)
    with_engine(window, lambda parent: engine)
    window.reading.aloud.speak_arabic()
    engine._set_state(RecordingEngine.State.Error)
    assert window.statusBar().currentMessage() == "Read aloud failed: the audio device is gone."
    assert not action(window, "stopReadingAction").isEnabled()
    window.reading.next_sentence()  # still usable
    window.reading.aloud.speak_arabic()
    assert engine.said[-1][1] == "جملة ثانية هنا."


def test_qt_mock_engine_speaks_english_and_has_no_arabic_voice(window, qtbot):
    """Through Qt's own ``mock`` engine (shipped in the PySide6-Addons wheel): a real
    QTextToSpeech that goes Speaking then Ready and has English but no Arabic voice; it makes no
    sound, so what is heard on a real engine is not covered."""
    try:
        QTextToSpeech = read_aloud.speech_module().QTextToSpeech
    except SpeechUnavailable as exc:
        pytest.skip(str(exc))
    if read_aloud.TEST_ENGINE not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not installed")
    aloud = with_engine(window, lambda parent: QTextToSpeech(read_aloud.TEST_ENGINE, parent))
    assert aloud.prepare()
    assert aloud.voices[ARABIC] is None and aloud.voices[ENGLISH].locale().language() == ENGLISH
    assert not action(window, "readArabicAction").isEnabled()
    window.sentences.set_translation(0, "One two three.", translated=True)
    words = []
    aloud.engine.sayingWord.connect(lambda word, _id, _start, _length: words.append(word))
    with qtbot.waitSignal(aloud.engine.stateChanged, check_params_cb=lambda s: s == QTextToSpeech.State.Ready,
                          timeout=10000):
        aloud.speak_english()
        assert action(window, "stopReadingAction").isEnabled()
    assert words == ["One", "two", "three."]
