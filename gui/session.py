"""Where the reader left off: the last article read from a file and the sentence at the top of the
Arabic pane (settings ``last_article`` and ``last_sentence``), the window's geometry and the
splitter's sizes (stored apart from the settings, as Picard's ``PreserveGeometry`` does:
``window/geometry``, ``window/splitter``), and, for each document of File > Recent, how far the
reader got in it (setting ``reading_progress``): shown in the menu, and the document opens there
again. Zoom, theme and fonts are settings of their own (:data:`gui.settings.OPTIONS`), kept as
they change."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow

from gui.reading_pane import ReadingPane
from gui.settings import Settings

GEOMETRY_KEY, SPLITTER_KEY = "window/geometry", "window/splitter"


@dataclass(frozen=True)
class Progress:
    """How far the reader got in a document of ``sentences`` sentences: ``top``, the sentence at
    the top of the Arabic pane when they left it; ``reached``, the furthest sentence they had
    on screen or made current (sentence ids, from 0)."""

    top: int
    reached: int
    sentences: int

    def percent(self) -> int:
        """Sentences up to :attr:`reached` of all of them, in percent (0 to 100)."""
        return round(100 * (self.reached + 1) / self.sentences) if self.sentences else 0


def stored_progress(stored: str) -> dict[str, Progress]:
    """The ``reading_progress`` setting (JSON: source -> progress) read; {} when it is not valid."""
    try:
        return {source: Progress(**fields) for source, fields in json.loads(stored or "{}").items()}
    except (TypeError, ValueError, AttributeError):
        return {}


def progress_text(settings: Settings, source: str) -> str:
    """" — 40%" for a document of the Recent list read to 40 %; "" for one never recorded."""
    progress = stored_progress(settings.get("reading_progress")).get(source)
    return f" — {progress.percent()}%" if progress else ""


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
        window.sentences.modelAboutToBeReset.connect(self.record_progress)  # the document that goes
        window.sentences.modelReset.connect(self.resume)  # the one that comes

    def record_progress(self) -> None:
        """Remember how far the reader got in the open document (not pasted text), for the
        documents of the Recent list."""
        document = self.panes[0].model.document
        if document is None or not document.sentences or document.source in ("", "clipboard"):
            return
        entries = stored_progress(self.settings.get("reading_progress"))
        before = entries.get(document.source)
        current = getattr(getattr(self.window, "reading", None), "current", -1)
        shown = self.panes[0].visible_sentences() if self.panes[0].isVisible() else []
        reached = max([current, *shown[-1:], before.reached if before and before.sentences == len(document.sentences) else -1])
        entries[document.source] = Progress(max(0, top_sentence(self.panes[0])), max(0, reached), len(document.sentences))
        recent = set(self.settings.get("recent").split("\n")) | {document.source}
        self.settings.set("reading_progress", json.dumps({s: asdict(p) for s, p in entries.items() if s in recent}))

    def resume(self) -> None:
        """Scroll both panes to where the reader left the document just opened, when it was read before."""
        document = self.panes[0].model.document
        progress = stored_progress(self.settings.get("reading_progress")).get(document.source) if document else None
        if progress is not None and progress.sentences == len(document.sentences):
            for pane in self.panes:
                scroll_to_sentence(pane, progress.top)

    def save(self) -> None:
        """Remember the window's geometry, the splitter's sizes, the open article (when it came
        from a file) and its top sentence."""
        self.settings.store.setValue(GEOMETRY_KEY, self.window.saveGeometry())
        self.settings.store.setValue(SPLITTER_KEY, self.window.splitter.saveState())
        self.record_progress()
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
