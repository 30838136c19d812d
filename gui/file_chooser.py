"""Asking for a file or folder without blocking: a :class:`QFileDialog` opened with ``open()``."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_path(parent: QWidget, caption: str, on_chosen: Callable[[str], object], name_filter: str = "", *,
                save: bool = False, folder: bool = False) -> QFileDialog:
    """Open a window-modal dialog asking for an existing file (``save``: a file to write,
    ``folder``: an existing folder); ``on_chosen(path)`` runs when the user picks one, nothing
    when they cancel. ``name_filter`` as in Qt, e.g. ``"Text files (*.txt);;All files (*)"``.
    Returns the open dialog."""
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    elif not save:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog
