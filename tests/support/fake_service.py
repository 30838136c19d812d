"""A stand-in for :class:`gui.worker.TranslationService` with no thread and no model.

It records what it is asked (loads, translation jobs with the sentences on screen, stops,
downloads); a test answers through ``service.worker``, a real :class:`TranslationWorker` that
is never given work, by emitting its signals as the worker thread would: on the GUI thread and
at a moment the test chooses."""
from __future__ import annotations

from PySide6.QtCore import QObject

from gui.worker import TranslationWorker
from models.documents import Document
from models.translation.settings import DecodingSettings


class FakeTranslationService(QObject):
    """Same methods as :class:`gui.worker.TranslationService`. ``loads``: (model, settings)
    asked; ``jobs``: (job id, document, sentence ids on screen) started; ``on_screen``: the
    latest ids on screen; ``stops``: how many times work was stopped; ``downloads``: models."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = TranslationWorker()
        self.loads: list[tuple[str, DecodingSettings | None]] = []
        self.jobs: list[tuple[int, Document, list[int]]] = []
        self.on_screen: list[int] = []
        self.stops = 0
        self.downloads: list[str] = []
        self.download_wanted = False

    def load(self, model: str, settings: DecodingSettings | None = None) -> None:
        self.stop()
        self.loads.append((model, settings))

    def translate(self, document: Document, first: list[int] | None = None) -> int:
        self.on_screen = list(first or [])
        self.jobs.append((len(self.jobs) + 1, document, list(self.on_screen)))
        return len(self.jobs)

    def set_on_screen(self, sentence_ids: list[int]) -> None:
        self.on_screen = list(sentence_ids)

    def stop(self) -> None:
        self.stops += 1

    def download(self, model: str) -> None:
        self.download_wanted = True
        self.downloads.append(model)

    def cancel_download(self) -> None:
        self.download_wanted = False

    def shutdown(self, timeout_ms: int = 30000) -> None:
        self.stop()
        self.cancel_download()
