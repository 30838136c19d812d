"""The one channel for errors the user must see: log it, then a plain sentence in the window."""
from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def show_error(parent: QWidget, title: str, message: str) -> QMessageBox:
    """Log ``message`` and show it in a window-modal box that does not block the event loop."""
    log.warning("%s: %s", title, message)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.open()
    return box
