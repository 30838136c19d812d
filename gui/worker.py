"""The translation worker: one QThread owns the MarianMT model.

The GUI thread never imports torch or transformers: :class:`TranslationWorker` imports
``models.translation.engine`` on its own thread when it first loads a model. Requests go to the worker as
queued signals; results come back as signals, each tagged with its job id so that the window can
drop results of a job it no longer wants. Cancellation is a job id the worker polls between
batches (set directly from the GUI thread, so it takes effect while the worker is busy)."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

from models.documents import Document
from models.translation.model_files import find_model
from models.translation.settings import DecodingSettings
from models.errors import ModelUnavailable
from models.translation.cache import TranslationCache

log = logging.getLogger(__name__)


class TranslationWorker(QObject):
    """Lives on the worker thread. Slots are called through queued connections only."""

    modelLoaded = Signal(str)  # model id or folder
    modelFailed = Signal(str, str)  # model, message for the user
    result = Signal(int, int, str, bool)  # job, sentence id, target text, machine translated
    provisional = Signal(int, int, str)  # job, sentence id, quick draft (final result follows)
    cached = Signal(int, list)  # job, ids of the sentences the translation cache served (results follow)
    progress = Signal(int, int, int)  # job, sentences done, sentences to do
    jobFinished = Signal(int, bool)  # job, completed (False: stopped)
    jobFailed = Signal(int, str)  # job, message
    downloadProgress = Signal(int, int)  # bytes done, bytes total
    downloadFinished = Signal(str)  # model
    downloadFailed = Signal(str, str)  # model, message ("" when cancelled)

    def __init__(self, cache: TranslationCache | None = None):
        super().__init__()
        self.engine = None
        self.cache = cache  # translations already made; None: no cache
        self.active_job = -1  # written by the GUI thread: the job the worker may go on with
        self.on_screen: list[int] = []  # written by the GUI thread: sentence ids on screen now
        self.download_wanted = False

    @Slot(str, object)
    def load(self, model: str, settings: DecodingSettings | None = None) -> None:
        self.engine = None
        try:
            find_model(model)  # a missing model is reported at once, before torch is imported
        except ModelUnavailable as exc:
            self.modelFailed.emit(model, str(exc))
            return
        try:
            from models.translation.engine import load_engine
        except ImportError as exc:  # a broken install: say so instead of failing silently
            log.exception("the translation engine cannot be imported")
            self.modelFailed.emit(model, f"The translation engine cannot start ({exc}). Reinstall Qari with its dependencies.")
            return
        try:
            self.engine = load_engine(model, settings, download=False)
        except ModelUnavailable as exc:
            self.modelFailed.emit(model, str(exc))
            return
        except Exception as exc:  # a broken model folder must not take the app down
            log.exception("loading %s failed", model)
            self.modelFailed.emit(model, f"The model {model} could not be loaded: {exc}")
            return
        self.modelLoaded.emit(model)

    @Slot(int, object, object)
    def translate(self, job: int, document: Document, first: list[int]) -> None:
        from models.translation.pipeline import translate_document

        if job != self.active_job:
            return  # cancelled before it started
        if self.engine is None:
            self.jobFailed.emit(job, "No translation model is loaded.")
            return
        total = len(document.sentences)
        done = 0

        def on_result(sentence_id: int, text: str, translated: bool) -> None:
            nonlocal done
            done += 1
            self.result.emit(job, sentence_id, text, translated)
            self.progress.emit(job, done, total)

        try:
            translate_document(document, self.engine, on_result, should_stop=lambda: self.active_job != job, first=first,
                               cache=self.cache, on_provisional=lambda sid, text: self.provisional.emit(job, sid, text),
                               on_screen=lambda: self.on_screen, on_cached=lambda ids: self.cached.emit(job, ids))
        except Exception as exc:
            log.exception("translation job %d failed", job)
            self.jobFailed.emit(job, f"Translation stopped with an error: {exc}")
            return
        self.jobFinished.emit(job, done == total)

    @Slot(str)
    def download(self, model: str) -> None:
        from models.translation.model_files import download_model
        from models.errors import DownloadCancelled, ModelUnavailable

        try:
            download_model(model, progress=self.downloadProgress.emit, should_stop=lambda: not self.download_wanted)
        except DownloadCancelled:
            self.downloadFailed.emit(model, "")
            return
        except ModelUnavailable as exc:
            self.downloadFailed.emit(model, str(exc))
            return
        except Exception as exc:
            log.exception("download of %s failed", model)
            self.downloadFailed.emit(model, f"The download of {model} failed: {exc}")
            return
        self.downloadFinished.emit(model)


class TranslationService(QObject):
    """GUI-thread handle on the worker thread: start/stop requests, and the worker's signals."""

    _load = Signal(str, object)
    _translate = Signal(int, object, object)
    _download = Signal(str)

    def __init__(self, parent: QObject | None = None, cache: TranslationCache | None = None):
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("translation")
        self.worker = TranslationWorker(cache)
        self.worker.moveToThread(self.thread)
        self._load.connect(self.worker.load)
        self._translate.connect(self.worker.translate)
        self._download.connect(self.worker.download)
        self._next_job = 0
        self.thread.start()

    def load(self, model: str, settings: DecodingSettings | None = None) -> None:
        """Load ``model`` (hub id or folder) on the worker thread, decoding with ``settings``
        (default :class:`DecodingSettings`); answers with ``modelLoaded`` or ``modelFailed``."""
        self.stop()
        self._load.emit(model, settings)

    def translate(self, document: Document, first: list[int] | None = None) -> int:
        """Start translating ``document`` (sentence ids in ``first`` before the rest); returns the
        job id. Any running job stops at its next batch."""
        self._next_job += 1
        job = self._next_job
        self.worker.on_screen = list(first or [])
        self.worker.active_job = job
        self._translate.emit(job, document, list(first or []))
        return job

    def set_on_screen(self, sentence_ids: list[int]) -> None:
        """The sentences on screen now: the running job translates those left before the rest
        (read by the worker thread between batches; a list is replaced in one step)."""
        self.worker.on_screen = list(sentence_ids)

    def stop(self) -> None:
        """Stop the running job (if any) at its next batch."""
        self.worker.active_job = -1

    def download(self, model: str) -> None:
        self.worker.download_wanted = True
        self._download.emit(model)

    def cancel_download(self) -> None:
        self.worker.download_wanted = False

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Stop work and end the thread (call before the application quits)."""
        self.stop()
        self.cancel_download()
        self.thread.quit()
        if not self.thread.wait(timeout_ms):
            log.warning("translation thread did not stop within %d ms", timeout_ms)
