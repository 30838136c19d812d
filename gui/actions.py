"""The reader window's menus as one table (as Picard's ``picard/ui/mainwindow/actions.py``): each
row names its menu, text, shortcuts, object name and the window's slot; :func:`build_menus`
makes the menu bar from it."""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey
#: The text of a row that is a separator line.
SEPARATOR = "-"


@dataclass(frozen=True)
class MenuAction:
    """One menu entry. ``slot``: the window's method to call, a dotted path from the window
    (``"translation.stop"``), with ``args``; ``shortcuts``: key sequences as text or standard
    keys (the first is the one shown); ``name``: the action's object name."""

    menu: str
    text: str
    slot: str = ""
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    name: str = ""
    checkable: bool = False
    args: tuple = ()


ACTIONS: tuple[MenuAction, ...] = (
    MenuAction("&File", "&Open…", "choose_file", (Key.Open,), "openAction"),
    MenuAction("&File", "New from &clipboard", "open_clipboard", ("Ctrl+Shift+V",), "clipboardAction"),
    MenuAction("&File", "Open &translation…", "choose_translation", ("Ctrl+Shift+O",), "openTranslationAction"),
    MenuAction("&File", "&Export…", "choose_export", ("Ctrl+E",), "exportAction"),
    MenuAction("&File", SEPARATOR),
    MenuAction("&File", "&Preferences…", "open_preferences", (Key.Preferences,), "preferencesAction"),
    MenuAction("&File", SEPARATOR),
    MenuAction("&File", "&Quit", "close", (Key.Quit,), "quitAction"),
    MenuAction("&View", "Zoom &in", "zoom", (Key.ZoomIn, "Ctrl+="), "zoomInAction", args=(+1,)),
    MenuAction("&View", "Zoom &out", "zoom", (Key.ZoomOut,), "zoomOutAction", args=(-1,)),
    MenuAction("&View", "&Reset zoom", "zoom", ("Ctrl+0",), "resetZoomAction", args=(0,)),
    MenuAction("&View", "Arabic on the &right", "swap_panes", (), "swapAction", checkable=True),
    MenuAction("&Glossary", "&Look up the word at the caret", "look_up_at_caret", ("Ctrl+G",), "lookUpAction"),
    MenuAction("&Glossary", "&Add the selection to my glossary…", "add_selection_to_glossary", ("Ctrl+Shift+G",),
               "addTermAction"),
    MenuAction("&Glossary", "&My glossary…", "open_glossary", ("Ctrl+Shift+L",), "myGlossaryAction"),
    MenuAction("&Translation", "&Stop", "translation.stop", ("Esc",), "stopAction"),
    MenuAction("&Translation", "&Translate again", "translation.translate_current", ("F5",), "translateAgainAction"),
    MenuAction("&Translation", SEPARATOR),
    MenuAction("&Translation", "Choose &model…", "choose_model", (), "chooseModelAction"),
    MenuAction("&Translation", "Use a model &folder…", "choose_model_folder", (), "modelFolderAction"),
    MenuAction("&Translation", "&Download the model", "translation.download_model", (), "downloadAction"),
    MenuAction("&Translation", SEPARATOR),
    MenuAction("&Translation", "&Clear translation cache", "translation.clear_cache", (), "clearCacheAction"),
)


def _key_sequences(shortcut: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)
    return [QKeySequence(shortcut)]


def build_menus(window: QMainWindow, table: tuple[MenuAction, ...] = ACTIONS) -> dict[str, QAction]:
    """Add the menus of ``table`` to ``window``'s menu bar, in the table's order; returns the
    actions by object name."""
    menus: dict[str, QMenu] = {}
    actions: dict[str, QAction] = {}
    for row in table:
        if row.menu not in menus:
            menus[row.menu] = window.menuBar().addMenu(row.menu)
        if row.text == SEPARATOR:
            menus[row.menu].addSeparator()
            continue
        action = QAction(row.text, window)
        action.setObjectName(row.name)
        action.setShortcuts([key for shortcut in row.shortcuts for key in _key_sequences(shortcut)])
        action.setCheckable(row.checkable)
        slot = attrgetter(row.slot)(window)
        action.triggered.connect(lambda _checked=False, slot=slot, args=row.args: slot(*args))
        menus[row.menu].addAction(action)
        actions[row.name] = action
    return actions
