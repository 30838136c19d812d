"""Reading modes: side by side (the two reading panes, the default) or interlinear (one
:class:`gui.interlinear_view.InterlinearView`), chosen in the View menu and kept in the
``reading_mode`` setting."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction

from gui.appearance import FONT_SETTINGS
from gui.hover_glossary import HoverGlossary
from gui.interlinear_view import InterlinearView

if TYPE_CHECKING:
    from gui.learner_progress import LearnerProgress
    from gui.main_window import MainWindow

SIDE_BY_SIDE, INTERLINEAR = "side by side", "interlinear"
#: Object names of the View menu's mode actions.
MODE_ACTIONS = {SIDE_BY_SIDE: "sideBySideAction", INTERLINEAR: "interlinearAction"}


class ReadingModes(QObject):
    """Shows ``window``'s article in the mode of its ``reading_mode`` setting. The interlinear
    view has the reading aids of the Arabic pane: a hover glossary of its own (:attr:`glossary`,
    sharing the window's term store and lexicon), the term marks and ``progress``'s marks of
    the words not in the glossary."""

    def __init__(self, window: MainWindow, progress: LearnerProgress):
        super().__init__(window)
        self.window = window
        self.progress = progress
        self.interlinear = InterlinearView(window.sentences)
        self.interlinear.hide()
        window.splitter.addWidget(self.interlinear)
        window.find_bar.add_pane(self.interlinear)  # searched while shown
        window.chapters.add_pane(self.interlinear)  # and taken to a chapter
        main = window.hover_glossary
        self.glossary = HoverGlossary(self.interlinear, main.store, service=main.service, tasks=main.tasks,
                                      delay_ms=main.delay_ms, parent=self)
        self.glossary.termsChanged.connect(main.termsChanged)  # a term saved here: every view marks it
        main.termsChanged.connect(self._mark_terms)
        self.interlinear.rebuilt.connect(self._mark_terms)
        self.glossary.termsMarked.connect(self._mark_unlisted)  # after the terms of the whole text or of rows laid out
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
        if self.window.find_bar.isVisible():
            self.window.find_bar.search()  # in the panes of this mode
        for mode, name in MODE_ACTIONS.items():
            action = self.window.findChild(QAction, name)
            if action is not None:
                action.setChecked(mode == self.mode())

    def active_glossary(self) -> HoverGlossary:
        """The hover glossary of the mode shown (for the keyboard's look-up and add-term)."""
        return self.glossary if self.mode() == INTERLINEAR else self.window.hover_glossary

    def _mark_terms(self) -> None:
        """The learner's terms, and the words not in the glossary when asked, in the interlinear view."""
        self.glossary.refresh_terms()

    def _mark_unlisted(self, start: int, end: int) -> None:
        if self.window.sentences.document is not None and self.window.settings.get("highlight_unlisted"):
            self.progress.mark_unlisted(self.interlinear, start, end)

    def _on_setting_changed(self, name: str, _value) -> None:
        if name == "reading_mode":
            self.apply()
        elif name == "highlight_unlisted":
            self._mark_terms()
        elif (name in FONT_SETTINGS or name == "theme") and self.interlinear.isVisible():
            QTimer.singleShot(0, self, self.apply)  # after the window applied the new size or colours to the panes
