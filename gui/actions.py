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
    keys (the first is the one shown); ``name``: the action's object name; ``setting``: the
    setting (:data:`gui.settings.OPTIONS`) a checkable action starts from: ticked when the bool
    is true, or when the setting's value is the row's first argument."""

    menu: str
    text: str
    slot: str = ""
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    name: str = ""
    checkable: bool = False
    args: tuple = ()
    setting: str = ""


ACTIONS: tuple[MenuAction, ...] = (
    MenuAction("&File", "&Open…", "opener.choose_file", (Key.Open,), "openAction"),
    MenuAction("&File", "Open &URL…", "opener.choose_url", ("Ctrl+L",), "openUrlAction"),
    MenuAction("&File", "New from &clipboard", "opener.open_clipboard", ("Ctrl+Shift+V",), "clipboardAction"),
    MenuAction("&File", "Open &translation…", "choose_translation", ("Ctrl+Shift+O",), "openTranslationAction"),
    MenuAction("&File", "&Export…", "choose_export", ("Ctrl+E",), "exportAction"),
    MenuAction("&File", SEPARATOR),
    MenuAction("&File", "&Preferences…", "open_preferences", (Key.Preferences,), "preferencesAction"),
    MenuAction("&File", SEPARATOR),
    MenuAction("&File", "&Quit", "close", (Key.Quit,), "quitAction"),
    MenuAction("&Edit", "&Find…", "find_bar.open", ("Ctrl+F",), "findAction"),
    MenuAction("&Edit", "Find &next", "find_bar.find_next", ("F3",), "findNextAction"),
    MenuAction("&Edit", "Find &previous", "find_bar.find_previous", ("Shift+F3",), "findPreviousAction"),
    MenuAction("&View", "Zoom &in", "zoom", (Key.ZoomIn, "Ctrl+="), "zoomInAction", args=(+1,)),
    MenuAction("&View", "Zoom &out", "zoom", (Key.ZoomOut,), "zoomOutAction", args=(-1,)),
    MenuAction("&View", "&Reset zoom", "zoom", ("Ctrl+0",), "resetZoomAction", args=(0,)),
    MenuAction("&View", "Arabic on the &right", "swap_panes", (), "swapAction", checkable=True),
    MenuAction("&View", "Show &vowels", "vowels.toggle", ("Ctrl+Shift+H",), "showVowelsAction", checkable=True),
    MenuAction("&View", SEPARATOR),
    MenuAction("&View", "Side &by side", "reading.modes.set_mode", ("Ctrl+1",), "sideBySideAction", checkable=True,
               args=("side by side",), setting="reading_mode"),
    MenuAction("&View", "&Interlinear", "reading.modes.set_mode", ("Ctrl+2",), "interlinearAction", checkable=True,
               args=("interlinear",), setting="reading_mode"),
    MenuAction("&View", SEPARATOR),
    MenuAction("&View", "&Self-test: hide the translation", "reading.toggle_self_test", ("Ctrl+T",), "selfTestAction",
               checkable=True, setting="self_test"),
    MenuAction("&View", "Re&veal the sentence's translation", "reading.reveal_current", ("Alt+Return", "R"),
               "revealAction"),
    MenuAction("&Go", "&Next sentence", "reading.next_sentence", ("Alt+Down", "J"), "nextSentenceAction"),
    MenuAction("&Go", "&Previous sentence", "reading.previous_sentence", ("Alt+Up", "K"), "previousSentenceAction"),
    MenuAction("&Go", "Next p&aragraph", "reading.next_paragraph", ("Alt+PgDown", "Shift+J"), "nextParagraphAction"),
    MenuAction("&Go", "Previous pa&ragraph", "reading.previous_paragraph", ("Alt+PgUp", "Shift+K"),
               "previousParagraphAction"),
    MenuAction("&Go", SEPARATOR),
    MenuAction("&Go", "&Copy the sentence pair", "reading.copy_pair", ("Ctrl+Shift+C",), "copyPairAction"),
    MenuAction("&Read", "Read the &Arabic sentence aloud", "reading.aloud.speak_arabic", ("Ctrl+Shift+A", "A"),
               "readArabicAction"),
    MenuAction("&Read", "Read the &English sentence aloud", "reading.aloud.speak_english", ("Ctrl+Shift+E", "E"),
               "readEnglishAction"),
    MenuAction("&Read", "&Stop reading", "reading.aloud.stop", ("Ctrl+Shift+Space", "S"), "stopReadingAction"),
    MenuAction("&Glossary", "&Look up the word at the caret", "look_up_at_caret", ("Ctrl+G",), "lookUpAction"),
    MenuAction("&Glossary", "&Add the selection to my glossary…", "add_selection_to_glossary", ("Ctrl+Shift+G",),
               "addTermAction"),
    MenuAction("&Glossary", SEPARATOR),
    MenuAction("&Glossary", "Mark the word as &new", "reading.progress.set_word_status", ("1",), "markNewAction",
               args=("new",)),
    MenuAction("&Glossary", "Mark the word as l&earning", "reading.progress.set_word_status", ("2",),
               "markLearningAction", args=("learning",)),
    MenuAction("&Glossary", "Mark the word as &known", "reading.progress.set_word_status", ("3",), "markKnownAction",
               args=("known",)),
    MenuAction("&Glossary", "Mark words &not in my glossary", "reading.progress.toggle_highlight_unlisted", (),
               "highlightUnlistedAction", checkable=True, setting="highlight_unlisted"),
    MenuAction("&Glossary", SEPARATOR),
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
        if row.setting:  # a bool setting, or a choice this row's argument names
            value = window.settings.get(row.setting)
            action.setChecked(value == row.args[0] if row.args else bool(value))
        slot = attrgetter(row.slot)(window)
        action.triggered.connect(lambda _checked=False, slot=slot, args=row.args: slot(*args))
        menus[row.menu].addAction(action)
        actions[row.name] = action
        owner = attrgetter(row.slot.rpartition(".")[0])(window) if "." in row.slot else None
        if hasattr(owner, "take_action"):  # the object behind the slot keeps its action (to enable it, say why not)
            owner.take_action(action)
    return actions
