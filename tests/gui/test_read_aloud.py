"""Read aloud (:mod:`gui.read_aloud`): the Read menu's entries, enabled or disabled with the
reason, the voice chosen for each language and the sentence sent to the engine."""
import enum
import sys

import pytest
from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui import read_aloud
from gui.read_aloud import ARABIC, ENGLISH, SpeechUnavailable, choose_voice
from tests.support.reader import open_focused

pytestmark = pytest.mark.slow

ARTICLE = "جملة أولى هنا. جملة ثانية هنا.\n\nفقرة ثانية."


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
    states and errors, all across the speech thread), not the platform's speech."""

    class State(enum.Enum):
        Ready, Speaking, Paused, Error = range(4)

    stateChanged = Signal(object)
    errorOccurred = Signal(object, str)
    fail = Signal()  # for the test: go to the Error state, on the engine's thread

    def __init__(self, voices, parent=None):
        super().__init__(parent)
        self.voices, self._voice, self.said = voices, None, []
        self._state = self.State.Ready
        self.fail.connect(lambda: self._set_state(self.State.Error))

    def engine(self) -> str:
        return "recording"

    def availableLocales(self):
        return list({v.locale().name(): v.locale() for v in self.voices}.values())

    def allVoices(self, locale):
        return [v for v in self.voices if v.locale() == locale]

    def setLocale(self, locale) -> None:  # as Qt's engines do, a voice of the locale is chosen
        self._voice = (self.allVoices(locale) or [None])[-1]

    def voice(self):
        return self._voice

    def setVoice(self, voice) -> None:
        self._voice = voice

    def say(self, text: str) -> None:
        self.said.append((self._voice.name(), text))
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
        if state is self.State.Error:  # as Qt's engines do, after the state
            self.errorOccurred.emit("output", self.errorString())


VOICES = [Voice("Bob", "en_US"), Voice("Anne", "en_GB"), Voice("Hoda", "ar_SA"), Voice("Layla", "ar_SA"),
          Voice("Tarik", "ar_EG"), Voice("Arabic+Mr_Serious", "ar_MR")]


@pytest.fixture
def window(make_window, qtbot):
    return open_focused(make_window, qtbot, ARTICLE)


def with_engine(window, qtbot, voices=VOICES, fails=""):
    """Make ``window``'s read-aloud use a :class:`RecordingEngine` with ``voices`` (or an engine
    that does not start, saying ``fails``), made at once; returns a list that holds the engine."""
    made = []

    def make(parent):
        if fails:
            raise SpeechUnavailable(fails)
        made.append(RecordingEngine(voices, parent))
        return made[-1]

    aloud = window.reading.aloud
    assert aloud.thread is None  # nothing is made before the menu or an entry is used
    aloud.use_engine(make)
    with qtbot.waitSignal(aloud.ready):
        aloud.prepare()
    return made


def action(window, name) -> QAction:
    return window.findChild(QAction, name)


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_engine_is_made_on_opening_the_menu_then_entries_are_enabled_or_say_why_not(window, qtbot):
    """With this machine's own engine (made, nothing spoken). Before the Read menu is opened no
    engine is made and the entries are enabled; opening it makes the engine on the speech thread.
    Where Qt's speech module cannot load or finds no engine (the bare test machine: no libpulse,
    no speech-dispatcher), both entries are then disabled and their tooltip gives the reason and,
    on Linux, the packages to install; with speech-dispatcher and espeak-ng, both are enabled."""
    aloud = window.reading.aloud
    entries = [action(window, name) for name in ("readArabicAction", "readEnglishAction")]
    assert aloud.thread is None and all(entry.isEnabled() for entry in entries)
    menu = next(m for m in entries[0].associatedObjects() if isinstance(m, QMenu))
    with qtbot.waitSignal(aloud.ready, timeout=60000):
        menu.aboutToShow.emit()  # as when it opens (a popup grabs the keyboard, which offscreen Qt cannot)
    if aloud.unavailable:
        for entry in entries:
            assert not entry.isEnabled() and aloud.unavailable == entry.toolTip()
            if sys.platform.startswith("linux"):
                assert "sudo apt install speech-dispatcher espeak-ng" in entry.toolTip()
    else:
        assert aloud.engine_name and aloud.engine_name != read_aloud.TEST_ENGINE
        for language, entry in zip((ARABIC, ENGLISH), entries):
            assert entry.isEnabled() == bool(aloud.voices[int(language.value)]), entry.toolTip()
    assert not action(window, "stopReadingAction").isEnabled()


def test_without_qt_speech_module_both_entries_are_disabled_with_the_packages_to_install(window, qtbot, monkeypatch):
    """The module failing to load as it did on the test machine before speech-dispatcher was
    installed (its message verbatim); the real :func:`gui.read_aloud.open_engine` runs."""
    def no_module():
        raise SpeechUnavailable("Qt's text-to-speech module cannot be loaded "
                                "(libpulse.so.0: cannot open shared object file: No such file or directory).")

    monkeypatch.setattr(read_aloud, "speech_module", no_module)
    aloud = window.reading.aloud
    with qtbot.waitSignal(aloud.ready):
        aloud.speak_arabic()  # by its shortcut before the menu was ever opened
    for name in ("readArabicAction", "readEnglishAction"):
        tooltip = action(window, name).toolTip()
        assert not action(window, name).isEnabled() and "libpulse.so.0" in tooltip
        if sys.platform.startswith("linux"):
            assert tooltip.endswith("sudo apt install speech-dispatcher espeak-ng (espeak-ng has an Arabic voice).")
    assert window.statusBar().currentMessage() == aloud.unavailable


def test_voice_choice_is_the_engines_own_for_the_country_the_main_locale_or_the_largest():
    engine = RecordingEngine(VOICES)
    assert choose_voice(engine, ARABIC, QLocale("ar_SA")).name() == "Layla"  # the engine's pick in ar_SA
    assert choose_voice(engine, ARABIC, QLocale("en_GB")).name() == "Tarik"  # no Arabic of Britain: ar_EG
    assert choose_voice(engine, ENGLISH, QLocale("en_GB")).name() == "Anne"
    assert choose_voice(engine, ENGLISH, QLocale("fr_FR")).name() == "Bob"  # en_US
    without_egypt = RecordingEngine([v for v in VOICES if v.name() != "Tarik"])
    assert choose_voice(without_egypt, ARABIC, QLocale("C")).name() == "Layla"  # ar_SA has more than ar_MR
    assert choose_voice(RecordingEngine(VOICES[:2]), ARABIC) is None


def test_shortcuts_speak_the_current_sentence_with_its_language_voice(window, qtbot):
    (engine,) = with_engine(window, qtbot)
    aloud = window.reading.aloud
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "speaking"):
        qtbot.keyClick(window.arabic_pane, Qt.Key.Key_A, CTRL_SHIFT)
    assert window.reading.current == 0  # none was current: the first
    assert engine.said == [(engine.said[0][0], "جملة أولى هنا.")] and engine.said[0][0] in ("Layla", "Tarik")
    assert action(window, "stopReadingAction").isEnabled()
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "ready"):
        qtbot.keyClick(window.arabic_pane, Qt.Key.Key_Space, CTRL_SHIFT)
    assert not action(window, "stopReadingAction").isEnabled()

    window.reading.next_sentence()
    window.sentences.set_translation(1, "A second sentence here.", translated=True)
    with qtbot.waitSignal(aloud.stateChanged):
        qtbot.keyClick(window.arabic_pane, Qt.Key.Key_E, CTRL_SHIFT)
    assert engine.said[-1][1] == "A second sentence here." and engine.said[-1][0] in ("Bob", "Anne")

    window.english_pane.setFocus()  # the plain letters, in a read-only pane
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "ready"):
        qtbot.keyClick(window.english_pane, Qt.Key.Key_S)
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "speaking"):
        qtbot.keyClick(window.english_pane, Qt.Key.Key_A)
    assert engine.said[-1][1] == "جملة ثانية هنا."
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "speaking"):
        qtbot.keyClick(window.english_pane, Qt.Key.Key_E)
    assert engine.said[-1][1] == "A second sentence here." and len(engine.said) == 4

    window.reading.next_sentence()  # not translated yet: nothing said, and the reader told so
    action(window, "readEnglishAction").trigger()
    assert window.statusBar().currentMessage() == "This sentence is not translated yet."
    assert len(engine.said) == 4


def test_asked_before_the_engine_is_made_it_speaks_once_made(window, qtbot):
    made = []
    aloud = window.reading.aloud
    aloud.use_engine(lambda parent: made.append(RecordingEngine(VOICES, parent)) or made[-1])
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "speaking"):
        aloud.speak_arabic()
        assert window.statusBar().currentMessage() == "Starting the speech engine…"
    assert made[0].said[0][1] == "جملة أولى هنا."


def test_reading_the_translation_aloud_reveals_it_in_the_self_test(window, qtbot):
    (engine,) = with_engine(window, qtbot)
    window.reading.set_self_test(True)
    window.sentences.set_translation(0, "A first sentence.", translated=True)
    with qtbot.waitSignal(window.reading.aloud.stateChanged):
        window.reading.aloud.speak_english()
    assert engine.said[-1][1] == "A first sentence."
    assert window.reading.revealed == {0}


def test_no_voice_for_a_language_disables_its_entry_with_the_reason(window, qtbot):
    with_engine(window, qtbot, voices=VOICES[:2])
    arabic, english = action(window, "readArabicAction"), action(window, "readEnglishAction")
    assert english.isEnabled() and not arabic.isEnabled()
    assert "The speech engine (recording) has no Arabic voice." in arabic.toolTip()
    window.reading.aloud.speak_arabic()  # by its slot all the same: said in the status bar
    assert "no Arabic voice" in window.statusBar().currentMessage()


def test_an_engine_that_does_not_start_disables_both_entries(window, qtbot):
    with_engine(window, qtbot, fails="The speech engine does not start (speechd: no connection).")
    for name in ("readArabicAction", "readEnglishAction"):
        assert not action(window, name).isEnabled()
        assert "speechd: no connection" in action(window, name).toolTip()


def test_an_engine_error_is_said_in_the_status_bar_and_the_window_goes_on(window, qtbot):
    (engine,) = with_engine(window, qtbot)
    aloud = window.reading.aloud
    notes = []
    window.statusBar().messageChanged.connect(notes.append)
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "error"):
        engine.fail.emit()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Read aloud failed: the audio device is gone.")
    assert notes.count("Read aloud failed: the audio device is gone.") == 1  # said once
    assert not action(window, "stopReadingAction").isEnabled()
    window.reading.go_to(1)  # still usable
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "speaking"):
        aloud.speak_arabic()
    assert engine.said[-1][1] == "جملة ثانية هنا."


def test_qt_mock_engine_speaks_english_and_has_no_arabic_voice(window, qtbot):
    """Through Qt's own ``mock`` engine (shipped in the PySide6-Addons wheel), on the speech
    thread: a real QTextToSpeech that has English but no Arabic voice, and goes speaking then
    ready; it makes no sound, so what is heard from a real engine is not covered."""
    try:
        QTextToSpeech = read_aloud.speech_module().QTextToSpeech
    except SpeechUnavailable as exc:
        pytest.skip(str(exc))
    if read_aloud.TEST_ENGINE not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not installed")
    aloud = window.reading.aloud
    aloud.use_engine(lambda parent: QTextToSpeech(read_aloud.TEST_ENGINE, parent))
    with qtbot.waitSignal(aloud.ready):
        aloud.prepare()
    assert aloud.engine_name == "mock"
    assert not aloud.voices[int(ARABIC.value)] and aloud.voices[int(ENGLISH.value)]
    assert not action(window, "readArabicAction").isEnabled()
    assert action(window, "readEnglishAction").isEnabled()
    window.sentences.set_translation(0, "One two three.", translated=True)
    states = []
    aloud.stateChanged.connect(states.append)
    with qtbot.waitSignal(aloud.stateChanged, check_params_cb=lambda state: state == "ready", timeout=10000):
        aloud.speak_english()
    assert states == ["speaking", "ready"]
