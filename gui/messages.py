"""The one channel for what the window tells the user (as qutebrowser's ``utils/message.py``):
everything is logged, then a passing note goes to the status bar and an error the user must see
to a window-modal box opened with ``open()`` (the event loop goes on; nothing waits for it)."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

log = logging.getLogger(__name__)

#: How long a note stays in the status bar (ms).
NOTE_MS = 5000


def note(window: QMainWindow, text: str, timeout_ms: int = NOTE_MS) -> None:
    """Log ``text`` and show it in ``window``'s status bar for ``timeout_ms`` (0: until the next note)."""
    log.info("%s", text)
    window.statusBar().showMessage(text, timeout_ms)


def error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """Log ``message`` and show it in a box over ``parent`` titled ``title``; returns the box
    (object name ``errorBox``), already open."""
    log.warning("%s: %s", title, message)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()
    return box
