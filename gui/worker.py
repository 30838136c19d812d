"""The translation worker: one worker process owns the MarianMT model.

The window's process never imports torch, transformers or CTranslate2: :class:`TranslationWorker`
runs in a process of its own (:mod:`gui.worker_process`) and imports ``models.translation.engine``
there. :class:`TranslationService` is the window's handle on it: requests go down a pipe; results
come back as the signals of :class:`WorkerSignals`, each tagged with its job id so that the window
can drop results of a job it no longer wants. Cancellation is a job id the worker polls between
batches (and between decoding steps with torch); a CTranslate2 batch, which cannot be cut short,
is ended with its process."""
from __future__ import annotations

import logging
import queue

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from models.documents import Document
from models.translation.model_files import find_model
from models.translation.settings import DecodingSettings
from models.errors import ModelUnavailable
from models.translation.cache import TranslationCache
from models.text.segmentation import count_to_translate

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """What the translation worker reports; the same signals on both sides of the process boundary."""

    modelLoaded = Signal(str)  # model id or folder
    modelFailed = Signal(str, str)  # model, message for the user
    result = Signal(int, int, str, bool)  # job, sentence id, target text, machine translated
    wordLinks = Signal(int, int, str, object)  # job, sentence id, target text, model links as plain data (after its result)
    provisional = Signal(int, int, str)  # job, sentence id, quick draft (final result follows)
    cached = Signal(int, list)  # job, ids of the sentences the translation cache served (results follow)
    progress = Signal(int, int, int)  # job, sentences done, sentences to do
    jobFinished = Signal(int, bool)  # job, completed (False: stopped)
    jobFailed = Signal(int, str)  # job, message
    downloadProgress = Signal(int, int)  # bytes done, bytes total
    downloadFinished = Signal(str)  # model
    downloadFailed = Signal(str, str)  # model, message ("" when cancelled)


#: The names of :class:`WorkerSignals`, in declaration order.
SIGNALS = ("modelLoaded", "modelFailed", "result", "wordLinks", "provisional", "cached", "progress", "jobFinished", "jobFailed",
           "downloadProgress", "downloadFinished", "downloadFailed")


class TranslationWorker(WorkerSignals):
    """Owns the engine; runs in the worker process (:mod:`gui.worker_process`), or in the calling
    thread for tests. ``active_job``, ``on_screen`` and ``download_wanted`` are polled while it
    works, through :meth:`should_stop`, :meth:`screen` and :meth:`download_stopped`."""

    def __init__(self, cache: TranslationCache | None = None):
        super().__init__()
        self.engine = None
        self.cache = cache  # translations already made; None: no cache
        self.active_job = -1  # the job the worker may go on with
        self.on_screen: list[int] = []  # sentence ids on screen now
        self.download_wanted = False

    def should_stop(self, job: int) -> bool:
        """True once ``job`` is no longer the one wanted (asked between batches)."""
        return self.active_job != job

    def screen(self) -> list[int]:
        """The sentences on screen now (asked between batches)."""
        return self.on_screen

    def download_stopped(self) -> bool:
        """True once the download is cancelled (asked between chunks)."""
        return not self.download_wanted

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
            self.engine.keep_attention = True  # word links with each translation, where the backend gives them
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
        total = count_to_translate(document.sentences)  # what is passed through is not counted
        done = 0

        def on_result(sentence_id: int, text: str, translated: bool) -> None:
            nonlocal done
            self.result.emit(job, sentence_id, text, translated)
            if translated:
                done += 1
                self.progress.emit(job, done, total)
                self._send_word_links(job, document.sentences[sentence_id], text)

        try:
            translate_document(document, self.engine, on_result, should_stop=lambda: self.should_stop(job), first=first,
                               cache=self.cache, on_provisional=lambda sid, text: self.provisional.emit(job, sid, text),
                               on_screen=self.screen, on_cached=lambda ids: self.cached.emit(job, ids))
        except Exception as exc:
            log.exception("translation job %d failed", job)
            self.jobFailed.emit(job, f"Translation stopped with an error: {exc}")
            return
        self.jobFinished.emit(job, done == total)

    def _send_word_links(self, job: int, sentence, translation: str) -> None:
        """Emit ``wordLinks`` with the model links of ``translation`` when the engine kept its
        attention (:meth:`Engine.translation_links`), as lists of tuples
        (:data:`models.alignment.link_cache.PlainLinks`), spans into the sentence's text."""
        from models.alignment.link_cache import plain_links

        if sentence.model_text != sentence.text:
            return  # spans into the model's reading form, not into the text shown
        links = self.engine.translation_links(sentence.text, translation)
        if links:
            self.wordLinks.emit(job, sentence.id, translation, plain_links(links))

    @Slot(str)
    def download(self, model: str) -> None:
        from models.translation.model_files import download_model
        from models.errors import DownloadCancelled, ModelUnavailable

        try:
            download_model(model, progress=self.downloadProgress.emit, should_stop=self.download_stopped)
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


class RemoteWorker(WorkerSignals):
    """The window's view of the worker process: its signals (emitted on the GUI thread), what it
    last reported of its engine (``engine``, an :class:`gui.worker_process.EngineSummary` or
    None), and the requests last sent (``active_job``, ``on_screen``, ``download_wanted``).
    ``cache`` is the window's connection to the translation cache the worker fills."""

    def __init__(self, cache: TranslationCache | None = None):
        super().__init__()
        self.engine = None
        self.cache = cache
        self.active_job = -1
        self.on_screen: list[int] = []
        self.download_wanted = False


class ReplyReader(QThread):
    """Starts each worker process handed to :attr:`links` in turn and reads its replies until it
    ends; ``received(link, message)`` for each, then ``(\"ended\", exit code)``. A ``None`` link
    ends the thread."""

    received = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.links: queue.SimpleQueue = queue.SimpleQueue()

    def run(self) -> None:
        while (link := self.links.get()) is not None:
            try:
                link.start()
            except Exception:  # no process could be made: reported as one that ended
                log.exception("the translation worker could not start")
                self.received.emit(link, ("ended", None))
                continue
            while True:
                try:
                    message = link.connection.recv()
                except (EOFError, OSError):
                    break
                self.received.emit(link, message)
            link.process.join()
            link.connection.close()
            self.received.emit(link, ("ended", link.process.exitcode))


class TranslationService(QObject):
    """The window's handle on the translation worker process (:mod:`gui.worker_process`):
    requests go down a pipe, and the worker's signals come back on :attr:`worker`. :attr:`thread`
    reads the replies; it ends with :meth:`shutdown`."""

    def __init__(self, parent: QObject | None = None, cache: TranslationCache | None = None):
        super().__init__(parent)
        self.worker = RemoteWorker(cache)
        self.thread = ReplyReader()
        self.thread.setObjectName("translation")
        self.thread.received.connect(self._dispatch)
        self._next_job = 0
        self._running_job: int | None = None  # started by the worker and not finished yet
        self._last_load: tuple[str, DecodingSettings | None] | None = None
        self._closing = False
        self._started = False  # no worker process until a model on this computer is loaded
        self._link = self._new_link()
        self.thread.start()

    def _new_link(self, reload: bool = False):
        from gui.worker_process import WorkerLink  # it imports this module for the worker's side

        link = WorkerLink(self.worker.cache)
        if reload and self._last_load is not None:
            link.silent_load = True
            link.send("load", *self._last_load)
        if self._started:
            self.thread.links.put(link)
        return link

    def _start(self) -> None:
        """Start the worker process (the first one imports torch: only when a model is there)."""
        if not self._started:
            self._started = True
            self.thread.links.put(self._link)

    def load(self, model: str, settings: DecodingSettings | None = None) -> None:
        """Load ``model`` (hub id or folder) in the worker process, decoding with ``settings``
        (default :class:`DecodingSettings`); answers with ``modelLoaded`` or ``modelFailed``."""
        self._last_load = (model, settings)
        self.worker.active_job = -1
        if not self._started:
            try:
                find_model(model)  # a missing model needs no process (nor torch) to be reported
            except ModelUnavailable as exc:
                message = str(exc)
                QTimer.singleShot(0, lambda: self.worker.modelFailed.emit(model, message))
                return
            self._start()
        if self._batch_ends_late():  # a new process loads at once instead of after the batch
            self._replace_process(reload=False)
        else:
            self._link.send("stop")
        self._link.loads_pending.append(model)
        self._link.send("load", model, settings)

    def translate(self, document: Document, first: list[int] | None = None) -> int:
        """Start translating ``document`` (sentence ids in ``first`` before the rest); returns the
        job id. Any running job stops at its next batch."""
        self._next_job += 1
        job = self._next_job
        self.worker.on_screen = list(first or [])
        self.worker.active_job = job
        self._start()
        self._link.send("translate", job, document, list(first or []))
        return job

    def set_on_screen(self, sentence_ids: list[int]) -> None:
        """The sentences on screen now: the running job translates those left before the rest
        (the worker reads it between batches)."""
        if list(sentence_ids) != self.worker.on_screen:
            self.worker.on_screen = list(sentence_ids)
            self._send_if_started("on_screen", self.worker.on_screen)

    def stop(self) -> None:
        """Stop the running job (if any): at once with the torch backends, which check between
        decoding steps; a CTranslate2 batch cannot be cut short, so unless another job follows
        at once (in the same turn of the event loop), the worker process is ended and a new one
        loads the model again (``jobFinished(job, False)`` follows either way)."""
        self.worker.active_job = -1
        self._send_if_started("stop")
        if self._batch_ends_late() and not self._closing:
            QTimer.singleShot(0, self._end_stopped_batch)

    def _batch_ends_late(self) -> bool:
        engine = self.worker.engine
        return self._running_job is not None and engine is not None and engine.backend == "ctranslate2"

    def _end_stopped_batch(self) -> None:
        if self.worker.active_job == -1 and self._batch_ends_late() and not self._closing:
            self._replace_process(reload=True)

    def _replace_process(self, reload: bool) -> None:
        old = self._link
        old.killed_job = self._running_job
        self._link = self._new_link(reload=reload)
        old.kill()

    def download(self, model: str) -> None:
        self.worker.download_wanted = True
        self._start()
        self._link.send("download", model)

    def cancel_download(self) -> None:
        self.worker.download_wanted = False
        self._send_if_started("cancel_download")

    def _send_if_started(self, *message) -> None:
        """Requests about work in progress: none without a process (and they must not pile up in
        the pipe of a process not started)."""
        if self._started:
            self._link.send(*message)

    def _dispatch(self, link, message: tuple) -> None:
        kind, *args = message
        if kind == "ended":
            self._ended(link, args[0])
        elif kind in ("engine", "modelLoaded", "modelFailed") and link is not self._link:
            return  # a process ended by a stop or a load
        elif kind == "engine":
            self.worker.engine = args[0]
        elif kind == "started":
            self._running_job = args[0]
        elif kind in ("modelLoaded", "modelFailed") and link.silent_load:
            link.silent_load = False
            if kind == "modelFailed":
                log.warning("the model could not be loaded again after a stop: %s", args[1])
        else:
            if kind in ("modelLoaded", "modelFailed") and link.loads_pending:
                link.loads_pending.pop(0)
            if kind in ("jobFinished", "jobFailed") and args[0] == self._running_job:
                self._running_job = None
            getattr(self.worker, kind).emit(*args)

    def _ended(self, link, exitcode: int | None) -> None:
        """A worker process ended: answer what it left unanswered."""
        if link.killed_job is not None and link.killed_job == self._running_job:
            self._running_job = None
            self.worker.jobFinished.emit(link.killed_job, False)
        if link is not self._link or self._closing or link.kill_requested:
            return
        message = f"The translation worker stopped unexpectedly (exit code {exitcode})."
        log.error(message)
        self.worker.engine = None
        self._link = self._new_link(reload=not link.loads_pending and not link.silent_load)
        if self._running_job is not None:
            job, self._running_job = self._running_job, None
            self.worker.jobFailed.emit(job, message)
        for model in link.loads_pending:
            self.worker.modelFailed.emit(model, message)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Stop work and end the worker process and the reply thread (call before the
        application quits); a worker still busy after ``timeout_ms`` ms is ended."""
        self._closing = True
        self.stop()
        self.cancel_download()
        self._send_if_started("quit")
        self.thread.links.put(None)
        if not self.thread.wait(timeout_ms):
            log.warning("quitting while the translation thread is still busy: its process is ended")
            self._link.kill()
            if not self.thread.wait(5000):  # still starting (the fork server imports torch first)
                log.warning("the translation worker process has not started yet; leaving it")
