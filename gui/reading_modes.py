"""Reading modes: side by side (the two reading panes, the default) or interlinear (one
:class:`gui.interlinear_view.InterlinearView`), chosen in the View menu and kept in the
``reading_mode`` setting."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from gui.appearance import FONT_SETTINGS
from gui.interlinear_view import InterlinearView

if TYPE_CHECKING:
    from gui.main_window import MainWindow

SIDE_BY_SIDE, INTERLINEAR = "side by side", "interlinear"
#: Object names of the View menu's mode actions.
MODE_ACTIONS = {SIDE_BY_SIDE: "sideBySideAction", INTERLINEAR: "interlinearAction"}


class ReadingModes(QObject):
    """Shows ``window``'s article in the mode of its ``reading_mode`` setting."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.interlinear = InterlinearView(window.sentences)
        self.interlinear.hide()
        window.splitter.addWidget(self.interlinear)
        window.settings.changed.connect(self._on_setting_changed)
        QTimer.singleShot(0, self, self.apply)  # once the window has its menus and zoom

    def mode(self) -> str:
        return self.window.settings.get("reading_mode")

    def set_mode(self, mode: str) -> None:
        self.window.settings.set("reading_mode", mode)
        self.apply()

    def apply(self) -> None:
        """Show the panes of the current mode and tick its menu entry."""
        interlinear = self.mode() == INTERLINEAR
        if interlinear:
            self.interlinear.set_fonts(self.window.arabic_pane.font(), self.window.english_pane.font())
        self.window.arabic_pane.setVisible(not interlinear)
        self.window.english_side.setVisible(not interlinear)
        self.interlinear.setVisible(interlinear)
        for mode, name in MODE_ACTIONS.items():
            action = self.window.findChild(QAction, name)
            if action is not None:
                action.setChecked(mode == self.mode())

    def _on_setting_changed(self, name: str, _value) -> None:
        if name == "reading_mode":
            self.apply()
        elif (name in FONT_SETTINGS or name == "theme") and self.interlinear.isVisible():
            QTimer.singleShot(0, self, self.apply)  # after the window applied the new size or colours to the panes
