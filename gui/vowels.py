"""View > Show vowels: the Arabic pane shown with the vowels of a diacritization model.

The model (:class:`models.text.vocalization.Diacritizer`, cached) runs as a task of the window's
runner (:mod:`gui.tasks`); the result comes back to the GUI thread and is dropped when the article
has changed meanwhile. The pane then shows the vocalized text, words with machine-added vowels
tinted, and the status bar says the vowels may be wrong; offsets, hover look-up, export and copy
keep using the original text (:meth:`gui.reading_pane.ReadingPane.set_vocalized`). A missing or
failing model disables the action, its tooltip saying why.
"""
from __future__ import annotations

import importlib.util
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from gui import messages
from gui.tasks import Runner
from gui.reading_pane import ReadingPane
from models.text.vocalization import PACKAGE, Diacritizer, VocalizationError, VocalizedText, shared_diacritizer

log = logging.getLogger(__name__)

MACHINE_VOWELS_NOTE = "Vowels added by a model: may be wrong (tinted words)."
WORKING_NOTE = "Adding vowels…"
TOOLTIP = "Show the Arabic with its vowels, added by a diacritization model (may be wrong)"


def missing_package_reason() -> str | None:
    """Why the diacritizer cannot run, found without loading it (the package is not installed),
    or ``None``."""
    if importlib.util.find_spec(PACKAGE) is None:
        return f"Vowels cannot be shown: the {PACKAGE} package is not installed (pip install {PACKAGE})."
    return None


class ShowVowels(QObject):
    """The Show vowels action of ``window`` for its Arabic pane ``pane``.

    ``diacritizer``: the model (default :func:`shared_diacritizer`); ``tasks``: the window's task
    runner, which runs the model off the GUI thread.
    Signals: ``vocalized(object)`` with the :class:`VocalizedText` shown (``None`` when the
    vowels are hidden)."""

    vocalized = Signal(object)

    def __init__(self, window: QMainWindow, pane: ReadingPane, diacritizer: Diacritizer | None = None,
                 tasks: Runner | None = None):
        super().__init__(window)
        self.window, self.pane = window, pane
        self.diacritizer = diacritizer
        self._tasks = tasks if tasks is not None else window.tasks
        self._job = 0
        self.action: QAction | None = None
        pane.model.modelReset.connect(self._document_changed)

    def take_action(self, action: QAction) -> None:
        """Take the checkable menu action (:func:`gui.actions.build_menus` gives it); disable it
        (tooltip saying why) when the model's package is missing."""
        self.action = action
        action.setToolTip(TOOLTIP)
        if self.diacritizer is None:
            reason = missing_package_reason()
            if reason:
                self.disable(reason)

    def disable(self, reason: str) -> None:
        """Turn the vowels off and the action off, its tooltip and the status bar saying ``reason``."""
        log.warning("%s", reason)
        if self.action is not None:
            self.action.setChecked(False)
            self.action.setEnabled(False)
            self.action.setToolTip(reason)
        self._show(None)
        messages.note(self.window, reason)

    @property
    def shown(self) -> bool:
        """True when the vowels are shown (or being put in)."""
        return self.pane.vowels_on

    def toggle(self) -> None:
        """The action's slot: show or hide the vowels as the action's check says."""
        self.set_shown(self.action.isChecked() if self.action is not None else not self.shown)

    def set_shown(self, shown: bool) -> None:
        """Show the vowels (vocalizing in the background) or the text as written."""
        if self.action is not None and self.action.isChecked() != shown:
            self.action.setChecked(shown)
        self._job += 1
        if not shown:
            self._show(None)
            self.window.statusBar().clearMessage()
            return
        self._start()

    def _start(self) -> None:
        document = self.pane.model.document
        if document is None:
            return
        job, text = self._job, document.text
        diacritizer = self.diacritizer or shared_diacritizer()
        messages.note(self.window, WORKING_NOTE, 0)
        self._tasks.run(lambda: self._vocalize(diacritizer, text), lambda outcome: self._finished(job, *outcome),
                        context=self)

    @staticmethod
    def _vocalize(diacritizer: Diacritizer, text: str) -> tuple[VocalizedText | None, str]:
        """On the runner's thread: (the vocalized ``text``, "") or (None, why not)."""
        try:
            return diacritizer.vocalize(text), ""
        except VocalizationError as exc:
            return None, str(exc)
        except Exception as exc:  # noqa: BLE001 - a failure of the third-party model is said, not raised
            log.exception("vocalization failed")
            return None, f"Vowels cannot be shown: the diacritization model failed ({exc})."

    def _finished(self, job: int, result: VocalizedText | None, error: str) -> None:
        if job != self._job:
            return  # hidden again, or another article opened, meanwhile
        if error:
            self.disable(error)
            return
        document = self.pane.model.document
        if result is None or document is None or result.original != document.text:
            return
        self._show(result)
        messages.note(self.window, MACHINE_VOWELS_NOTE, 0)

    def _show(self, result: VocalizedText | None) -> None:
        if result is not None or self.pane.vocalized is not None:
            self.pane.set_vocalized(result)
            self.vocalized.emit(result)

    def _document_changed(self) -> None:
        """A new article: vocalize it too when the vowels are on."""
        if self.action is not None and self.action.isChecked() and self.action.isEnabled():
            self._job += 1
            self._start()
        else:
            self._show(None)
