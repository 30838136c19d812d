"""Read aloud: the current sentence (:attr:`gui.reading_keys.ReadingKeys.current`) spoken by the
platform's speech engine through QtTextToSpeech (in the PySide6-Addons wheel), the Arabic with a
voice whose locale is Arabic, its translation with an English one.

The engine lives on a thread of its own (:class:`Speaker`), made when the Read menu is first
opened or an entry first used, not at start: loading Qt's speech module takes 0.4 s and making
speech-dispatcher's engine 2 s on the test machine (it lists every voice of every synthesizer),
which must not freeze the window. Where the platform has no engine, or the engine no voice for
the language, the menu entry is then disabled and its tooltip says why (on Linux, how to get
one: speech-dispatcher with espeak-ng, which has an Arabic voice). An engine that fails says so
in the status bar; the window goes on.

The window's menu rows (:data:`gui.actions.ACTIONS`) call :class:`ReadAloud` as
``reading.aloud.<method>``."""
from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QLocale, QLoggingCategory, QObject, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from gui import messages

if TYPE_CHECKING:
    from gui.reading_keys import ReadingKeys

log = logging.getLogger(__name__)

#: Qt's engine for its own tests: it speaks nothing, so it is never chosen for the reader.
TEST_ENGINE = "mock"
ARABIC, ENGLISH = QLocale.Language.Arabic, QLocale.Language.English
#: Object names of the Read menu's entries: the two languages' and Stop.
SPEAK_ACTIONS = {ARABIC: "readArabicAction", ENGLISH: "readEnglishAction"}
STOP_ACTION = "stopReadingAction"
#: How long closing the window waits for the speech thread (making an engine takes ~2 s).
SHUTDOWN_WAIT_MS = 5000
#: Speech threads that did not end in time: kept, as a QThread destroyed while running aborts.
_stragglers: list[QThread] = []


class SpeechUnavailable(Exception):
    """No speech engine can be used here; the text says why, for the user."""


def install_hint() -> str:
    """How to get a speech engine with an Arabic voice on this platform ("" where we cannot say)."""
    if sys.platform.startswith("linux"):
        return "On Debian or Ubuntu: sudo apt install speech-dispatcher espeak-ng (espeak-ng has an Arabic voice)."
    return ""


def speech_module():
    """The ``PySide6.QtTextToSpeech`` module; raises :class:`SpeechUnavailable` when it is not
    installed (PySide6-Addons) or cannot be loaded (on Linux it needs libpulse.so.0)."""
    # Qt Multimedia, loaded with it, warns when PipeWire is absent and falls back to PulseAudio.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    try:
        from PySide6 import QtTextToSpeech
    except ImportError as exc:
        raise SpeechUnavailable(f"Qt's text-to-speech module cannot be loaded ({exc}).") from exc
    return QtTextToSpeech


def open_engine(parent: QObject) -> Any:
    """A ``QTextToSpeech`` on the first engine Qt finds here (its test engine left out) that
    starts; raises :class:`SpeechUnavailable` when there is none, or with the engines' errors
    when none starts."""
    QTextToSpeech = speech_module().QTextToSpeech
    names = [name for name in QTextToSpeech.availableEngines() if name != TEST_ENGINE]
    if not names:
        raise SpeechUnavailable("No speech engine is installed.")
    errors = []
    for name in names:
        engine = QTextToSpeech(name, parent)
        if engine.state() != QTextToSpeech.State.Error:
            return engine
        errors.append(f"{name}: {engine.errorString() or 'it does not start'}")
        engine.deleteLater()
    raise SpeechUnavailable(f"The speech engine does not start ({'; '.join(errors)}).")


def choose_voice(engine: Any, language: QLocale.Language, preferred: QLocale | None = None) -> Any:
    """The voice ``engine`` picks itself for one of its locales of ``language``, or None when it
    has none: the locale of the ``preferred`` locale's country (default: the system's), else the
    language's main one (``QLocale(language)``: ar_EG, en_US), else the one with the most voices
    (espeak-ng, through speech-dispatcher, files "Arabic+Mr_Serious" under ar_MR). ``engine``: a
    ``QTextToSpeech`` (or anything with its ``availableLocales()``, ``allVoices(locale)``,
    ``setLocale(locale)`` and ``voice()``); its locale is left at the one chosen."""
    preferred = preferred or QLocale.system()
    locales = [locale for locale in engine.availableLocales() if locale.language() == language]
    if not locales:
        return None
    main = QLocale(language)
    locale = max(locales, key=lambda locale: (locale.territory() == preferred.territory(),
                                              locale.territory() == main.territory(), len(engine.allVoices(locale))))
    engine.setLocale(locale)
    voice = engine.voice()
    return voice if voice.name() and voice.locale().language() == language else (engine.allVoices(locale) or [None])[0]


class Speaker(QObject):
    """Owns the speech engine, on the speech thread; :class:`ReadAloud` talks to it by queued
    signals. ``make_engine(parent)`` makes the engine (it may raise :class:`SpeechUnavailable`).

    Signals: ``ready(engine name, {language: voice name, "" for none})``, ``unavailable(reason)``,
    ``stateChanged(name)`` (the engine's state in lower case: "ready", "speaking", "error", …),
    ``failed(message)``."""

    ready = Signal(str, object)
    unavailable = Signal(str)
    stateChanged = Signal(str)
    failed = Signal(str)

    def __init__(self, make_engine: Callable[[QObject], Any]):
        super().__init__()
        self.make_engine = make_engine
        self.engine: Any = None
        self.voices: dict[int, Any] = {}

    @Slot()
    def start(self) -> None:
        try:
            self.engine = self.make_engine(self)
        except SpeechUnavailable as exc:
            self.unavailable.emit(str(exc))
            return
        except Exception as exc:  # an engine's bug must not pass silently in a thread
            log.exception("the speech engine cannot be made")
            self.unavailable.emit(f"The speech engine does not start ({exc}).")
            return
        self.voices = {int(language.value): choose_voice(self.engine, language) for language in SPEAK_ACTIONS}
        self.engine.stateChanged.connect(self._on_state_changed)
        self.engine.errorOccurred.connect(lambda _reason, message: self.failed.emit(message or self.engine.errorString()))
        names = {language: voice.name() if voice is not None else "" for language, voice in self.voices.items()}
        log.info("speech engine %s, voices %s", self.engine.engine(), names)
        self.ready.emit(self.engine.engine(), names)

    @Slot(int, str)
    def say(self, language: int, text: str) -> None:
        self.engine.setVoice(self.voices[language])
        self.engine.say(text)

    @Slot()
    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()

    def _on_state_changed(self, state) -> None:
        self.stateChanged.emit(state.name.lower())  # entering Error, the engine emits errorOccurred too


class ReadAloud(QObject):
    """Speaks ``reading``'s current sentence pair through a :class:`Speaker` on its own thread.
    ``make_engine(parent)``: makes the engine, called on that thread (default :func:`open_engine`);
    the object it returns has QTextToSpeech's ``availableLocales``, ``allVoices``, ``setVoice``,
    ``say``, ``stop``, ``state``, ``engine``, ``errorString`` and the signals
    ``stateChanged(state)`` and ``errorOccurred(reason, message)``.

    Signals: ``ready()`` once the engine is made or known missing, ``stateChanged(name)``."""

    ready = Signal()
    stateChanged = Signal(str)
    _start = Signal()
    _say = Signal(int, str)
    _stop = Signal()

    def __init__(self, reading: ReadingKeys, make_engine: Callable[[QObject], Any] | None = None):
        super().__init__(reading)
        self.reading = reading
        self.window = reading.window
        self.make_engine = make_engine or open_engine
        self.thread: QThread | None = None
        self.speaker: Speaker | None = None
        self.engine_name = ""
        self.voices: dict[int, str] = {}  # language -> voice name ("" none), once the engine is made
        self.state = ""
        self.unavailable = ""  # why nothing can be spoken here ("" while it may)
        self.pending: tuple[int, str] | None = None  # asked for before the engine was made
        self.actions: dict[str, QAction] = {}

    def use_engine(self, make_engine: Callable[[QObject], Any]) -> None:
        """Make the engine with ``make_engine`` from now on (one made before is dropped)."""
        self.shutdown()
        self.make_engine, self.engine_name, self.voices, self.unavailable = make_engine, "", {}, ""
        self._update_actions()

    def take_action(self, action: QAction) -> None:
        """Keep a Read menu entry (called by :func:`gui.actions.build_menus`) to enable it and
        say in its tooltip why it is not; the engine is made when its menu is first opened."""
        self.actions[action.objectName()] = action
        for menu in action.associatedObjects():
            if isinstance(menu, QMenu) and not menu.toolTipsVisible():
                menu.setToolTipsVisible(True)
                menu.aboutToShow.connect(self.prepare)
        self._update_actions()

    # -- the engine, on its thread ------------------------------------------------
    def prepare(self) -> None:
        """Start making the engine on the speech thread, once (:attr:`ready` tells when it is made)."""
        if self.thread is not None or self.unavailable:
            return
        self.thread = QThread(self)
        self.thread.setObjectName("speech")
        self.speaker = Speaker(self.make_engine)
        self.speaker.moveToThread(self.thread)
        self.thread.finished.connect(self.speaker.deleteLater)
        self._start.connect(self.speaker.start)
        self._say.connect(self.speaker.say)
        self._stop.connect(self.speaker.stop)
        self.speaker.ready.connect(self._on_ready)
        self.speaker.unavailable.connect(self._on_unavailable)
        self.speaker.stateChanged.connect(self._on_state_changed)
        self.speaker.failed.connect(self._on_failed)
        QCoreApplication.instance().aboutToQuit.connect(self.shutdown)  # should the window not be closed first
        self.thread.start()
        self._start.emit()

    def shutdown(self) -> None:
        """Stop speaking and end the speech thread (called when the window closes)."""
        if self.thread is None:
            return
        self._stop.emit()
        for signal in (self._start, self._say, self._stop):
            signal.disconnect()
        self.thread.quit()
        if not self.thread.wait(SHUTDOWN_WAIT_MS):
            log.warning("the speech thread is still running after %d ms", SHUTDOWN_WAIT_MS)
            self.thread.setParent(None)
            _stragglers.append(self.thread)
        self.thread = self.speaker = None
        self.state, self.pending = "", None

    def is_made(self) -> bool:
        return bool(self.engine_name or self.unavailable)

    def _on_ready(self, engine_name: str, voices: dict) -> None:
        self.engine_name, self.voices = engine_name, voices
        self._update_actions()
        self.ready.emit()
        if self.pending is not None:
            language, text = self.pending
            self.pending = None
            self._send(language, text)

    def _on_unavailable(self, reason: str) -> None:
        self.unavailable = self._with_hint(reason)
        self._update_actions()
        self.ready.emit()
        if self.pending is not None:
            self.pending = None
            messages.note(self.window, self.unavailable)

    def _on_state_changed(self, state: str) -> None:
        self.state = state
        self._update_actions()
        self.stateChanged.emit(state)

    def _on_failed(self, message: str) -> None:
        messages.note(self.window, f"Read aloud failed: {message or 'the speech engine reported an error'}.")

    @staticmethod
    def _with_hint(reason: str) -> str:
        return f"{reason} {install_hint()}".strip()

    def why_not(self, language: QLocale.Language) -> str:
        """Why ``language`` cannot be spoken ("" when it can, or while the engine is being made)."""
        if self.unavailable:
            return self.unavailable
        if not self.engine_name or self.voices.get(int(language.value)):
            return ""
        name = QLocale.languageToString(language)
        return self._with_hint(f"The speech engine ({self.engine_name}) has no {name} voice.")

    def _update_actions(self) -> None:
        for language, name in SPEAK_ACTIONS.items():
            if name in self.actions:
                reason = self.why_not(language)
                self.actions[name].setEnabled(not reason)
                self.actions[name].setToolTip(reason or self.actions[name].text().replace("&", ""))
                self.actions[name].setStatusTip(reason)
        if STOP_ACTION in self.actions:
            self.actions[STOP_ACTION].setEnabled(self.state == "speaking")

    # -- speaking ---------------------------------------------------------------
    def speak_arabic(self) -> None:
        """Speak the current Arabic sentence (the first one when none is current)."""
        self._speak(ARABIC)

    def speak_english(self) -> None:
        """Speak the current sentence's translation (revealing it in the self-test)."""
        self._speak(ENGLISH)

    def stop(self) -> None:
        self.pending = None
        self._stop.emit()

    def _speak(self, language: QLocale.Language) -> None:
        if self.why_not(language):
            messages.note(self.window, self.why_not(language))
            return
        if self.reading.current < 0:
            self.reading.next_sentence()
        if self.reading.current < 0:
            messages.note(self.window, "Open an article first.")
            return
        arabic, english = self.reading.pair(self.reading.current)
        text = arabic if language == ARABIC else english
        if not text.strip():
            messages.note(self.window, "This sentence is not translated yet.")
            return
        if language == ENGLISH:
            self.reading.reveal(self.reading.current)
        if self.is_made():
            self._send(int(language.value), text)
            return
        self.pending = (int(language.value), text)
        messages.note(self.window, "Starting the speech engine…")
        self.prepare()

    def _send(self, language: int, text: str) -> None:
        if self.voices.get(language):
            self._say.emit(language, text)
        else:
            messages.note(self.window, self.why_not(QLocale.Language(language)))
