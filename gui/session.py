"""Where the reader left off: the last article read from a file and the sentence at the top of the
Arabic pane (settings ``last_article`` and ``last_sentence``), and the window's geometry and the
splitter's sizes (stored apart from the settings, as Picard's ``PreserveGeometry`` does:
``window/geometry``, ``window/splitter``). Zoom, theme and fonts are settings of their
own (:data:`gui.settings.OPTIONS`), kept as they change."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow

from gui.reading_pane import ReadingPane
from gui.settings import Settings

GEOMETRY_KEY, SPLITTER_KEY = "window/geometry", "window/splitter"


def top_sentence(pane: ReadingPane) -> int:
    """Id of the sentence at the top of ``pane``'s viewport (its first line in view, or the one
    running on from above), or -1 for an empty pane."""
    visible = pane.visible_sentences()
    return visible[0] if visible else -1


def scroll_to_sentence(pane: ReadingPane, sentence_id: int) -> None:
    """Scroll ``pane`` so that the first line of sentence ``sentence_id`` is at its top (as far
    as the scroll bar goes); an id not in the pane does nothing."""
    if not 0 <= sentence_id < pane.model.rowCount():
        return
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.sentence_span(sentence_id)[0])
    bar = pane.verticalScrollBar()
    bar.setValue(bar.value() + pane.cursorRect(cursor).top())


class Session:
    """Saves and restores, in ``settings``, where the reader of ``window`` (a main window with
    ``arabic_pane``, ``english_pane`` and ``splitter``) left off. Made, the window and the
    splitter take their last geometry and sizes; :meth:`restore` opens the last article."""

    def __init__(self, settings: Settings, window: QMainWindow):
        self.settings = settings
        self.window = window
        self.panes: tuple[ReadingPane, ReadingPane] = (window.arabic_pane, window.english_pane)
        geometry, state = settings.store.value(GEOMETRY_KEY), settings.store.value(SPLITTER_KEY)
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            window.splitter.restoreState(state)

    def save(self) -> None:
        """Remember the window's geometry, the splitter's sizes, the open article (when it came
        from a file) and its top sentence."""
        self.settings.store.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        self.settings.store.setValue(SPLITTER_KEY, self.window.splitter.saveState())
        document = self.panes[0].model.document
        if document is None or not document.source or not Path(document.source).is_file():
            return  # pasted text cannot be opened again
        self.settings.set("last_article", str(Path(document.source).resolve()))
        self.settings.set("last_sentence", max(0, top_sentence(self.panes[0])))

    def last_article(self) -> Path | None:
        """The article read last, when it is still there."""
        path = self.settings.get("last_article")
        return Path(path) if path and Path(path).is_file() else None

    def restore(self, open_path) -> bool:
        """Open the last article with ``open_path(path) -> bool`` and scroll both panes to the
        sentence that was at the top; False (nothing done) when there is none or it fails."""
        path = self.last_article()
        if path is None or not open_path(path):
            return False
        for pane in self.panes:
            scroll_to_sentence(pane, self.settings.get("last_sentence"))
        return True
