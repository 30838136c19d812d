"""The translation of the open article, without any widget: the model's state, translation jobs
and the results they send back.

:class:`TranslationController` asks the worker (:class:`gui.worker.TranslationService`) to load
or download a model and to translate the article, what is on screen first; it shows what comes
back in its :class:`SentenceModel` and says how things stand through signals. The window lays
out the panes that show the model and connects its status bar and model bar to those signals."""
from __future__ import annotations

import enum
import logging
import time
from collections import deque
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from gui.segmenter import BackgroundSegmenter
from gui.sentence_model import SentenceModel, State
from gui.settings import Settings
from gui.worker import TranslationService
from models.documents import Document
from models.text.segmentation import count_to_translate
from models.translation.cache import TranslationCache
from models.translation.model_files import is_local_model
from models.translation.settings import BACKENDS, DecodingSettings, translation_key

log = logging.getLogger(__name__)

#: Longest the GUI thread spends showing queued translations before it lets the event loop run
#: (seconds).
APPLY_BUDGET_S = 0.015
#: An article of at most this many sentences is translated whole (the longest of the six news
#: articles has 108; a 1,500-sentence report takes minutes on a laptop).
WHOLE_ARTICLE = 1500
#: In a longer document, a job translates the sentences on screen and this many after them (what
#: the reader is about to read), not the whole book; scrolling further starts the next one.
WINDOW = 400


class ModelState(enum.Enum):
    """Where the translation model stands; the value names it in the status bar."""

    LOADING = "loading"
    READY = "ready"
    MISSING = "missing"  # not on this computer or not loadable: the article is shown untranslated
    DOWNLOADING = "downloading"


def open_cache() -> TranslationCache | None:
    """The user's translation cache, or None (logged) when it cannot be opened."""
    try:
        return TranslationCache()
    except Exception:  # a read-only or damaged cache folder: translate without one
        log.exception("cannot open the translation cache")
        return None


class TranslationController(QObject):
    """Translates the article in :attr:`sentences` with the model named by the ``model``,
    ``backend`` and ``threads`` settings (reloaded when they change; only the answer to the
    newest load counts).

    ``cache``: the translation cache (default: the user's); ``service``: the worker (default: a
    new :class:`TranslationService`). Call :meth:`start` once the signals are connected.
    :attr:`on_screen` gives the ids of the sentences on screen (set by the window), translated
    first; :meth:`screen_changed` tells a running job that they changed.

    Signals: ``stateChanged(ModelState, model, message)`` (message: why the model is missing, else
    ""); ``progressChanged(text, done, total)`` (sentences; total 0 when no job runs);
    ``downloadProgress(bytes done, bytes total)``; ``noted(text)`` a passing note;
    ``failed(title, message)`` an error the user must see; ``wordLinks(sentence id, translation,
    links)`` the model's word links of a translation (:data:`models.alignment.link_cache.PlainLinks`);
    ``countsChanged(translated, to translate, from the cache)`` sentences of the article
    (:meth:`counts`); ``backendChanged(name)`` the backend the loaded model runs on."""

    stateChanged = Signal(object, str, str)
    progressChanged = Signal(str, int, int)
    downloadProgress = Signal(int, int)
    noted = Signal(str)
    failed = Signal(str, str)
    wordLinks = Signal(int, str, object)  # sentence id, translation, model links (plain data: gui.worker)
    countsChanged = Signal(int, int, int)
    backendChanged = Signal(str)

    def __init__(self, settings: Settings, cache: TranslationCache | None = None,
                 service: TranslationService | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.cache = cache if cache is not None else open_cache()
        self.service = service or TranslationService(self, self.cache)
        self.sentences = SentenceModel(self)
        self.segmenter = BackgroundSegmenter(self)
        self._window: range | None = None  # the sentences the running job translates, None: all
        self.state = ModelState.LOADING
        self.model_name: str = settings.get("model")
        self.job = -1  # the running job's id, -1 when none runs
        self._stopped = False  # the reader stopped translation: scrolling starts no job until asked again
        self.on_screen: Callable[[], Sequence[int]] = list
        self._loads_pending = 0  # loads asked of the worker and not answered yet
        self._shown_key: str | None = None  # the translation key of the translations shown
        self._incoming: deque[tuple] = deque()  # results not shown yet: (sentence id, text, translated[, provisional])
        self._progress: tuple[int, int] | None = None  # latest (done, total) not shown yet
        self._shown_progress = (0, 0)
        self._finished: bool | None = None  # the job ended (completed?) before its results were shown
        self.from_cache: set[int] = set()  # ids of the sentences of this article the translation cache served
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_results)
        settings.changed.connect(self._on_setting_changed)
        worker = self.service.worker
        worker.modelLoaded.connect(self._on_model_loaded)
        worker.modelFailed.connect(self._on_model_failed)
        worker.result.connect(self._on_result)
        worker.cached.connect(self._on_cached)
        worker.provisional.connect(self._on_provisional)
        worker.wordLinks.connect(lambda job, sid, text, links: job == self.job and self.wordLinks.emit(sid, text, links))
        worker.progress.connect(self._on_progress)
        worker.jobFinished.connect(self._on_job_finished)
        worker.jobFailed.connect(self._on_job_failed)
        worker.downloadProgress.connect(self.downloadProgress)
        worker.downloadFinished.connect(self.load_model)
        worker.downloadFailed.connect(self._on_download_failed)

    def start(self) -> None:
        """Load the model of the settings."""
        self.load_model(self.model_name)

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Stop work and end the worker, waiting at most ``timeout_ms``."""
        self.segmenter.shutdown(timeout_ms)
        self.service.shutdown(timeout_ms)

    # -- the article ----------------------------------------------------------
    def open(self, document: Document) -> None:
        """Show ``document``: at once what needs no model (text without an Arabic letter, the
        cache's translations), then the model's translations as they come. A document not
        segmented to its end is segmented in the background, its sentences added as they come."""
        self.segmenter.cancel()
        self.service.stop()
        if self.job >= 0:
            self._show_progress("", 0, 0)
        self.job = -1
        self._stopped = False
        self._incoming.clear()
        self._progress = self._finished = None
        self.sentences.set_document(document)
        self._show_cached()
        if self.state is ModelState.READY:
            self.translate_current()
        elif self.state is ModelState.MISSING:
            self.sentences.mark_unavailable()
        if not document.segmented:
            self.segmenter.start(document, self._add_part)

    def _add_part(self, sentences: list, end: int) -> None:
        """The next part of the open document, segmented in the background."""
        first = self.sentences.rowCount()
        self.sentences.add_part(sentences, end)
        self._show_cached(sentences)
        if self.state is ModelState.MISSING:
            self.sentences.mark_unavailable(first)
        if self.sentences.document.segmented and self.state is ModelState.READY and self.job < 0 and not self._stopped:
            self.translate_current()

    def _show_cached(self, sentences: Sequence | None = None) -> None:
        """Show the sentences that need no model: those with no Arabic letter, and those in the
        translation cache for the current model and settings (read here, on the GUI thread: one
        indexed SQLite query, a few ms for an article; the model may still be loading).
        ``sentences``: those to look at (default: all of the document's)."""
        doc = self.sentences.document
        sentences = doc.sentences if sentences is None else sentences
        key = self._shown_key = self.translation_key()
        hits = {}
        if key is not None and self.cache is not None:
            try:
                hits = self.cache.get_many(key, (s.text for s in sentences if s.translatable))
            except Exception:  # a damaged cache costs a model run, never the article
                log.exception("cannot read the translation cache")
        self.sentences.set_translations({
            s.id: (s.text, False) if not s.translatable else (hits[s.text], True)
            for s in sentences if not s.translatable or s.text in hits})
        served = {s.id for s in sentences if s.translatable and s.text in hits}
        if sentences is doc.sentences:
            self.from_cache = served
        else:
            self.from_cache |= served
        self._show_counts()

    def _on_cached(self, job: int, sentence_ids: list[int]) -> None:
        if job == self.job:
            self.from_cache.update(sentence_ids)

    def counts(self) -> tuple[int, int, int]:
        """(translated, to translate, served from the cache): sentences of the open article; those
        to translate have an Arabic letter; those served from the cache are among the translated."""
        m = self.sentences
        if m.document is None:
            return 0, 0, 0
        from_cache = sum(1 for i in self.from_cache if m.state(i) is State.TRANSLATED)
        return m.count(State.TRANSLATED), m.translatable_count(), from_cache

    def _show_counts(self) -> None:
        self.countsChanged.emit(*self.counts())

    def clear_cache(self) -> None:
        if self.cache is None:
            self.noted.emit("There is no translation cache.")
            return
        try:
            count = self.cache.clear()
        except Exception as exc:
            log.exception("cannot clear the translation cache")
            self.failed.emit("Cannot clear the translation cache", str(exc))
            return
        self.noted.emit(f"Translation cache cleared ({count} translations).")

    # -- the model ------------------------------------------------------------
    def decoding_settings(self) -> DecodingSettings:
        """Default decoding with the "backend" ("auto" if unknown) and "threads" settings."""
        backend = self.settings.get("backend")
        return DecodingSettings(backend=backend if backend in BACKENDS else "auto",
                                threads=max(0, self.settings.get("threads")) or None)

    def translation_key(self) -> str | None:
        """What names the current model and decoding settings in the translation cache (None
        when the model is not on this computer)."""
        return translation_key(self.model_name, self.decoding_settings())

    def _set_state(self, state: ModelState, message: str = "") -> None:
        self.state = state
        self.stateChanged.emit(state, self.model_name, message)

    def load_model(self, model: str) -> None:
        """Load ``model`` (hub id or folder) with the current decoding settings."""
        self.model_name = model
        self._loads_pending += 1
        self._set_state(ModelState.LOADING)
        self.service.load(model, self.decoding_settings())

    def use_model(self, model: str) -> None:
        """Make ``model`` the translation model (remembered in the settings) and load it; a
        blank ``model`` changes nothing."""
        model = model.strip()
        if not model:
            return
        if model == self.settings.get("model"):
            self.load_model(model)  # the same model again: reload it (e.g. a folder now filled)
        else:
            self.settings.set("model", model)  # _on_setting_changed loads it

    def _on_setting_changed(self, name: str, value) -> None:
        if name == "model":
            self.load_model(value)
        elif name in ("backend", "threads"):
            self.load_model(self.model_name)

    def _newest_load(self, model: str) -> bool:
        """Count one answer of the worker to a load; True when it answers the last one asked
        (the worker loads in order; changing several settings at once asks for several)."""
        self._loads_pending -= 1
        return self._loads_pending == 0 and model == self.model_name

    def _on_model_loaded(self, model: str) -> None:
        if not self._newest_load(model):
            return
        self._set_state(ModelState.READY)
        self.backendChanged.emit(getattr(self.service.worker.engine, "backend", ""))  # reported before modelLoaded
        self.sentences.mark_pending()
        if self.sentences.document is not None and self._shown_key != self.translation_key():
            self.sentences.forget_translations()  # made by another model or backend
            self._show_cached()
        self.translate_current()

    def _on_model_failed(self, model: str, message: str) -> None:
        if not self._newest_load(model):
            return
        self._set_state(ModelState.MISSING, message)
        self.sentences.mark_unavailable()
        self.noted.emit("No translation model: the Arabic text is shown alone.")

    def download_model(self) -> None:
        """Download the model from the Hugging Face hub (nothing for a folder), then load it."""
        if is_local_model(self.model_name):
            return
        self._set_state(ModelState.DOWNLOADING)
        self.service.download(self.model_name)

    def cancel_download(self) -> None:
        self.service.cancel_download()

    def _on_download_failed(self, model: str, message: str) -> None:
        self._set_state(ModelState.MISSING, message or f"Download of {model} cancelled.")

    # -- translation jobs -----------------------------------------------------
    def translate_current(self) -> None:
        """Translate the sentences of the article not translated yet, those on screen first."""
        doc = self.sentences.document
        if doc is None or self.state is not ModelState.READY:
            return
        self._stopped = False
        on_screen = list(self.on_screen())
        window = self._window = self._window_for(on_screen)
        sentences = doc.sentences if window is None else doc.sentences[window.start:window.stop]
        done = (State.TRANSLATED, State.PASSED_THROUGH)
        total = count_to_translate(sentences)
        if all(self.sentences.state(s.id) in done for s in sentences):
            if window is None:
                self._show_progress(f"Translated {total} sentences." if total else "No Arabic to translate.", 0, 0)
            return
        job_doc = doc if window is None else Document(doc.text, doc.source, sentences)
        self.job = self.service.translate(job_doc, on_screen)
        self._show_progress(f"Translating 0 of {total} sentences…", 0, total)

    def _window_for(self, on_screen: list[int]) -> range | None:
        """The sentences a job translates: all of an article of at most :data:`WHOLE_ARTICLE`
        sentences (None), else those on screen and :data:`WINDOW` after them."""
        count = self.sentences.rowCount()
        if count <= WHOLE_ARTICLE and self.sentences.document.segmented:
            return None
        first = min(on_screen, default=0)
        return range(first, min(count, max(on_screen, default=0) + WINDOW))

    def screen_changed(self) -> None:
        """The panes scrolled, were resized or zoomed: a running job translates what is on
        screen now next; in a long article, sentences on screen outside the running job's
        window (or with no job running) start a job on a window around them, unless the reader
        stopped translation (:meth:`stop`; :meth:`translate_current` goes on)."""
        if self.state is not ModelState.READY or self.sentences.document is None:
            return
        on_screen = list(self.on_screen())
        if self.job >= 0 and (self._window is None or all(i in self._window for i in on_screen)):
            self.service.set_on_screen(on_screen)
        elif self._window is not None and not self._stopped and any(self.sentences.state(i) is State.PENDING for i in on_screen):
            self.translate_current()

    def stop(self) -> None:
        """Stop the running job after its current batch (what is done is kept); scrolling starts
        no new job until :meth:`translate_current` (F5) or another article."""
        if self.job >= 0:
            self._stopped = True
            self.service.stop()
            self._show_progress("Stopping after this batch…", *self._shown_progress)

    def _show_progress(self, text: str, done: int, total: int) -> None:
        self._shown_progress = (done, total)
        self.progressChanged.emit(text, done, total)
        self._show_counts()

    def _queue(self, job: int, result: tuple) -> None:
        """Queue a result of the running job; :meth:`_apply_results` shows queued results in
        slices of at most :data:`APPLY_BUDGET_S`, so that a batch of many sentences never
        freezes the window."""
        if job == self.job:
            self._incoming.append(result)
            if not self._apply_timer.isActive():
                self._apply_timer.start()

    def _on_result(self, job: int, sentence_id: int, text: str, translated: bool) -> None:
        self._queue(job, (sentence_id, text, translated))

    def _on_provisional(self, job: int, sentence_id: int, text: str) -> None:
        """A quick draft of a sentence (shown muted until its final translation comes)."""
        self._queue(job, (sentence_id, text, True, True))

    def _apply_results(self) -> None:
        deadline = time.perf_counter() + APPLY_BUDGET_S
        while self._incoming:  # at least one per turn of the event loop
            self.sentences.set_translation(*self._incoming.popleft())
            if time.perf_counter() >= deadline:
                break
        if self._incoming:
            self._apply_timer.start()
            return
        if self._progress is not None:
            done, total = self._progress
            self._progress = None
            self._show_progress(f"Translating {done} of {total} sentences…", done, total)
        if self._finished is not None:
            self._show_finished(self._finished)

    def _on_progress(self, job: int, done: int, total: int) -> None:
        if job == self.job:
            self._progress = (done, total)  # shown when the queued results are

    def _on_job_finished(self, job: int, completed: bool) -> None:
        if job != self.job:
            return
        self.job = -1
        self._finished = completed
        if not self._incoming:
            self._show_finished(completed)

    def _show_finished(self, completed: bool) -> None:
        self._finished = None
        self._progress = None
        to_translate = self.sentences.translatable_count()
        if completed:
            window = self._window
            done = (f"sentences {window.start + 1}–{window.stop} of {self.sentences.rowCount()}" if window
                    else f"{to_translate} sentences")
            self._show_progress(f"Translated {done}.", 0, 0)
            return
        drafts = self.sentences.count(State.PROVISIONAL)
        note = f" {drafts} quick draft{'s' if drafts > 1 else ''} (muted italic) kept." if drafts else ""
        self._show_progress(f"Stopped: {self.sentences.count(State.TRANSLATED)} of {to_translate} sentences "
                            f"translated.{note} F5 goes on.", 0, 0)

    def _on_job_failed(self, job: int, message: str) -> None:
        if job != self.job:
            return
        self.job = -1
        self._show_progress("", 0, 0)
        self.failed.emit("Translation failed", message)
