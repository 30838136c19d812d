"""Read aloud: the current sentence (:attr:`gui.reading_keys.ReadingKeys.current`) spoken by the
platform's speech engine through QtTextToSpeech (in the PySide6-Addons wheel), the Arabic with a
voice whose locale is Arabic, its translation with an English one.

Where the platform has no engine, or the engine no voice for the language, the menu entry is
disabled and its tooltip says why (on Linux, how to get one: speech-dispatcher with espeak-ng,
which has an Arabic voice). The engine is made when the Read menu is first opened or an entry
first used, not at start: making it connects to the platform's speech service. An engine that
fails says so in the status bar; the window goes on.

The window's menu rows (:data:`gui.actions.ACTIONS`) call :class:`ReadAloud` as
``reading.aloud.<method>``."""
from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QLocale, QObject
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
    try:
        from PySide6 import QtTextToSpeech
    except ImportError as exc:
        raise SpeechUnavailable(f"Qt's text-to-speech module cannot be loaded ({exc}).") from exc
    return QtTextToSpeech


def engine_names() -> list[str]:
    """The speech engines Qt finds here, its test engine left out (read from the plugins' metadata,
    no engine is loaded); raises :class:`SpeechUnavailable` when there is none."""
    names = [name for name in speech_module().QTextToSpeech.availableEngines() if name != TEST_ENGINE]
    if not names:
        raise SpeechUnavailable("No speech engine is installed.")
    return names


def open_engine(parent: QObject) -> Any:
    """A ``QTextToSpeech`` on the first engine of :func:`engine_names` that starts; raises
    :class:`SpeechUnavailable` with the engines' errors when none does."""
    QTextToSpeech = speech_module().QTextToSpeech
    errors = []
    for name in engine_names():
        engine = QTextToSpeech(name, parent)
        if engine.state() != QTextToSpeech.State.Error:
            return engine
        errors.append(f"{name}: {engine.errorString() or 'it does not start'}")
        engine.deleteLater()
    raise SpeechUnavailable(f"The speech engine does not start ({'; '.join(errors)}).")


def choose_voice(engine: Any, language: QLocale.Language, preferred: QLocale | None = None) -> Any:
    """A voice of ``engine`` whose locale's language is ``language``: one of the ``preferred``
    locale (default: the system's) when there is one, else the engine's first; None when it has
    none. ``engine``: a ``QTextToSpeech`` (or anything with ``allVoices(language)`` returning
    objects with ``locale()``)."""
    voices = list(engine.allVoices(language))
    preferred = preferred or QLocale.system()
    for voice in voices:
        if voice.locale().language() == language and voice.locale().territory() == preferred.territory():
            return voice
    return voices[0] if voices else None


class ReadAloud(QObject):
    """Speaks ``reading``'s current sentence pair. ``make_engine(parent)``: makes the engine
    (default :func:`open_engine`; it may raise :class:`SpeechUnavailable`); the object it returns
    has QTextToSpeech's ``allVoices``, ``setVoice``, ``say``, ``stop``, ``state``, ``engine`` and
    the signals ``stateChanged(state)`` and ``errorOccurred(reason, message)``."""

    def __init__(self, reading: ReadingKeys, make_engine: Callable[[QObject], Any] | None = None):
        super().__init__(reading)
        self.reading = reading
        self.window = reading.window
        self.make_engine = make_engine or open_engine
        self.engine: Any = None
        self.voices: dict[QLocale.Language, Any] = {}
        self.actions: dict[str, QAction] = {}
        self.unavailable = ""  # why nothing can be spoken here ("" while it may)
        if make_engine is None:
            try:
                engine_names()  # cheap: no engine is made before it is needed
            except SpeechUnavailable as exc:
                self.unavailable = self._with_hint(str(exc))

    def use_engine(self, make_engine: Callable[[QObject], Any]) -> None:
        """Make the engine with ``make_engine`` from now on (the one made before, if any, is
        stopped and dropped)."""
        if self.engine is not None:
            self.engine.stop()
            self.engine.deleteLater()
        self.make_engine, self.engine, self.voices, self.unavailable = make_engine, None, {}, ""
        self._update_actions()

    @staticmethod
    def _with_hint(reason: str) -> str:
        return f"{reason} {install_hint()}".strip()

    def take_action(self, action: QAction) -> None:
        """Keep a Read menu entry (called by :func:`gui.actions.build_menus`) to enable it and
        say in its tooltip why it is not; the engine is made when its menu is first opened."""
        self.actions[action.objectName()] = action
        for menu in action.associatedObjects():
            if isinstance(menu, QMenu) and not menu.toolTipsVisible():
                menu.setToolTipsVisible(True)
                menu.aboutToShow.connect(self.prepare)
        self._update_actions()

    # -- the engine -----------------------------------------------------------
    def prepare(self) -> bool:
        """Make the engine and choose its voices, once; False (the entries disabled, saying
        why) when there is none."""
        if self.engine is None and not self.unavailable:
            try:
                self.engine = self.make_engine(self)
            except SpeechUnavailable as exc:
                self.unavailable = self._with_hint(str(exc))
            else:
                self.voices = {language: choose_voice(self.engine, language) for language in SPEAK_ACTIONS}
                self.engine.stateChanged.connect(self._on_state_changed)
                self.engine.errorOccurred.connect(self._on_error)
                log.info("speech engine %s; voices %s", self.engine.engine(),
                         {QLocale.languageToString(k): v and v.name() for k, v in self.voices.items()})
        self._update_actions()
        return self.engine is not None

    def why_not(self, language: QLocale.Language) -> str:
        """Why ``language`` cannot be spoken ("" when it can, or while the engine is not made)."""
        if self.unavailable:
            return self.unavailable
        if self.engine is None or self.voices.get(language) is not None:
            return ""
        name = QLocale.languageToString(language)
        return self._with_hint(f"The speech engine ({self.engine.engine()}) has no {name} voice.")

    def _update_actions(self) -> None:
        for language, name in SPEAK_ACTIONS.items():
            if name in self.actions:
                reason = self.why_not(language)
                self.actions[name].setEnabled(not reason)
                self.actions[name].setToolTip(reason or self.actions[name].text().replace("&", ""))
                self.actions[name].setStatusTip(reason)
        if STOP_ACTION in self.actions:
            self.actions[STOP_ACTION].setEnabled(self.speaking())

    def speaking(self) -> bool:
        return self.engine is not None and self.engine.state() == type(self.engine.state()).Speaking

    def _on_state_changed(self, state) -> None:
        if state == type(state).Error:
            self._on_error(None, self.engine.errorString())
        self._update_actions()

    def _on_error(self, _reason, message: str) -> None:
        messages.note(self.window, f"Read aloud failed: {message or 'the speech engine reported an error'}.")

    # -- speaking ---------------------------------------------------------------
    def speak_arabic(self) -> None:
        """Speak the current Arabic sentence (the first one when none is current)."""
        self._speak(ARABIC)

    def speak_english(self) -> None:
        """Speak the current sentence's translation (revealing it in the self-test)."""
        self._speak(ENGLISH)

    def stop(self) -> None:
        if self.engine is not None:
            self.engine.stop()

    def _speak(self, language: QLocale.Language) -> None:
        if not self.prepare() or self.why_not(language):
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
        self.engine.setVoice(self.voices[language])
        self.engine.say(text)
