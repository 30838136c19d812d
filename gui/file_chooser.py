"""Asking for a file or folder without blocking: a :class:`QFileDialog` opened with ``open()``."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_path(parent: QWidget, caption: str, on_chosen: Callable[[str], object], name_filter: str = "", *,
                save: bool = False, folder: bool = False) -> QFileDialog:
    """Open a window-modal dialog asking for an existing file (``save``: a file to write,
    ``folder``: an existing folder); ``on_chosen(path)`` runs when the user picks one, nothing
    when they cancel. ``name_filter`` as in Qt, e.g. ``"Text files (*.txt);;All files (*)"``.
    When saving, a name without an extension of the chosen file type gets the type's first
    (``deck`` and ``deck.txt`` become ``deck.apkg`` and ``deck.txt.apkg``: the file is what its
    name says). Returns the open dialog."""
    dialog = QFileDialog(parent, caption, "", name_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    if folder:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
    elif not save:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if save:
        dialog.fileSelected.connect(lambda path: on_chosen(with_type_extension(path, dialog.selectedNameFilter())))
    else:
        dialog.fileSelected.connect(on_chosen)
    dialog.open()
    return dialog


def with_type_extension(path: str, name_filter: str) -> str:
    """``path``, or ``path`` with the first extension of ``name_filter`` (one Qt filter such as
    ``"Anki packages (*.apkg)"``) appended when its own extension is not among the filter's;
    unchanged for a filter of any file (``*``)."""
    extensions = re.findall(r"\*(\.[\w.]+)", name_filter)
    if not extensions or Path(path).suffix.lower() in extensions:
        return path
    return path + extensions[0]
