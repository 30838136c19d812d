"""The reader window: the Arabic article beside its translation, sentence pairs linked."""
from __future__ import annotations

import logging
import time
from collections import deque
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMainWindow, QProgressBar, QSplitter, QVBoxLayout, QWidget

from gui.errors import show_error
from gui.glossary_dialog import GlossaryDialog
from gui.hover_glossary import HoverGlossary
from gui.model_bar import DOWNLOAD_LABEL, ModelBar
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, TARGET, SentenceModel, State
from gui.settings import Settings
from gui.worker import TranslationService
from models.text.arabic import has_arabic
from models.documents import Document, load_document
from models.errors import DocumentError
from models.translation.model_files import is_local_model
from models.translation.settings import BACKENDS, DEFAULT_MODEL, DecodingSettings, translation_key
from models.glossary.store import TermStore
from models.errors import TermError
from models.translation.cache import TranslationCache

log = logging.getLogger(__name__)

BASE_POINT_SIZE = {SOURCE: 17.0, TARGET: 12.5}
#: Longest the GUI thread spends showing queued translations before it lets the event loop run
#: (seconds).
APPLY_BUDGET_S = 0.015
#: Public MarianMT models that translate Arabic to English.
KNOWN_MODELS = ("Helsinki-NLP/opus-mt-ar-en", "Helsinki-NLP/opus-mt-tc-big-ar-en")


def _open_cache() -> TranslationCache | None:
    """The user's translation cache, or None (logged) when it cannot be opened."""
    try:
        return TranslationCache()
    except Exception:  # a read-only or damaged cache folder: translate without one
        log.exception("cannot open the translation cache")
        return None


#: How long closing the window waits for the translation thread to finish what it is doing.
CLOSE_WAIT_MS = 3000


class MainWindow(QMainWindow):
    """Model states: "loading", "ready", "missing", "downloading"."""

    def __init__(self, settings: Settings, service: TranslationService | None = None, arabic_family: str | None = None,
                 cache: TranslationCache | None = None):
        super().__init__()
        self.settings = settings
        self.cache = cache if cache is not None else _open_cache()
        self.service = service or TranslationService(self, self.cache)
        self.model_state = "loading"
        self.model_name = settings.get("model")
        self._loads_pending = 0  # loads asked of the worker and not answered yet
        self._shown_key: str | None = None  # the translation key of the translations shown
        self.job = -1
        self.draft_window = None
        self.sentences = SentenceModel(self)
        self._incoming: deque[tuple] = deque()  # results not shown yet: (sentence id, text, translated[, provisional])
        self._progress: tuple[int, int] | None = None  # latest (done, total) not shown yet
        self._finished: bool | None = None  # the job ended (completed?) before its results were shown
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(0)
        self._apply_timer.timeout.connect(self._apply_results)
        self.arabic_pane = ReadingPane(self.sentences, SOURCE)
        self.english_pane = ReadingPane(self.sentences, TARGET)
        if arabic_family:
            self.arabic_pane.setFont(QFont(arabic_family))
        self.model_bar = ModelBar()
        english = QWidget()
        layout = QVBoxLayout(english)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.model_bar)
        layout.addWidget(self.english_pane)
        self.english_side = english
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.arabic_pane)
        self.splitter.addWidget(english)
        self.setCentralWidget(self.splitter)
        for pane in (self.arabic_pane, self.english_pane):  # scrolled, resized or zoomed
            pane.verticalScrollBar().valueChanged.connect(self._report_screen)
            pane.verticalScrollBar().rangeChanged.connect(self._report_screen)
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.model_label = QLabel()
        self.statusBar().addWidget(self.progress_label, 1)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.model_label)
        self.progress_bar.hide()
        self.setAcceptDrops(True)
        self.resize(1200, 780)
        self._build_glossary()
        self._build_menus()
        self._connect()
        self._restore()
        self.apply_zoom()
        self._set_model_label()
        self.load_model(self.model_name)

    # -- set-up ---------------------------------------------------------------
    def _build_glossary(self) -> None:
        """The hover glossary on the Arabic pane (lexicon loaded in the background) and the
        learner's term store; without a store the popup still explains words."""
        try:
            self.term_store = TermStore()
        except TermError as exc:
            show_error(self, "My glossary", str(exc))
            self.term_store = TermStore(":memory:")
        self.hover_glossary = HoverGlossary(
            self.arabic_pane, self.term_store, delay_ms=lambda: self.settings.get("hover_delay_ms"), parent=self,
        )
        self.hover_glossary.service.failed.connect(lambda message: show_error(self, "Arabic lexicon", message))

    def look_up_at_caret(self) -> None:
        if not self.hover_glossary.show_at_caret():
            self.statusBar().showMessage("Put the caret on an Arabic word in the Arabic pane.", 4000)

    def add_selection_to_glossary(self) -> None:
        if self.hover_glossary.add_selection() is None and not self.arabic_pane.textCursor().hasSelection():
            self.statusBar().showMessage("Select a word or phrase in the Arabic pane first.", 4000)

    def open_glossary(self) -> None:
        dialog = GlossaryDialog(self.term_store, self)
        dialog.changed.connect(self.hover_glossary.refresh_terms)
        dialog.open()

    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu("&File")
        self._action(file, "&Open…", self.choose_file, QKeySequence.StandardKey.Open, "openAction")
        self._action(file, "New from &clipboard", self.open_clipboard, "Ctrl+Shift+V", "clipboardAction")
        self._action(file, "Open &translation…", self.choose_translation, "Ctrl+Shift+O", "openTranslationAction")
        self._action(file, "&Export…", self.choose_export, "Ctrl+E", "exportAction")
        file.addSeparator()
        self._action(file, "&Preferences…", self.open_preferences, QKeySequence.StandardKey.Preferences, "preferencesAction")
        file.addSeparator()
        self._action(file, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        view = bar.addMenu("&View")
        self._action(view, "Zoom &in", lambda: self.zoom(+1), QKeySequence.StandardKey.ZoomIn, "zoomInAction")
        self._action(view, "Zoom &out", lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut, "zoomOutAction")
        self._action(view, "&Reset zoom", lambda: self.zoom(0), "Ctrl+0")
        swap = self._action(view, "Arabic on the &right", self.swap_panes, None, "swapAction")
        swap.setCheckable(True)
        swap.setChecked(self.settings.get("arabic_on_right"))
        self.swap_action = swap
        glossary = bar.addMenu("&Glossary")
        self._action(glossary, "&Look up the word at the caret", self.look_up_at_caret, "Ctrl+G", "lookUpAction")
        self._action(glossary, "&Add the selection to my glossary…", self.add_selection_to_glossary, "Ctrl+Shift+G", "addTermAction")
        self._action(glossary, "&My glossary…", self.open_glossary, "Ctrl+Shift+L", "myGlossaryAction")
        translation = bar.addMenu("&Translation")
        self.stop_action = self._action(translation, "&Stop", self.stop, "Esc", "stopAction")
        self.stop_action.setEnabled(False)
        self._action(translation, "&Translate again", self.translate_current, "F5")
        translation.addSeparator()
        self._action(translation, "Choose &model…", self.choose_model)
        self._action(translation, "Use a model &folder…", self.choose_model_folder)
        self._action(translation, "&Download the model", self.download_model)
        translation.addSeparator()
        self._action(translation, "&Clear translation cache", self.clear_cache, None, "clearCacheAction")
        self.zoom_in_shortcut_extra = QAction(self)
        self.zoom_in_shortcut_extra.setShortcut(QKeySequence("Ctrl+="))
        self.zoom_in_shortcut_extra.triggered.connect(lambda: self.zoom(+1))
        self.addAction(self.zoom_in_shortcut_extra)

    def _connect(self) -> None:
        self.settings.changed.connect(self.on_setting_changed)
        for pane in (self.arabic_pane, self.english_pane):
            pane.sentenceHovered.connect(lambda sid, p=pane: self.on_hover(sid, p))
            pane.sentenceClicked.connect(lambda sid, p=pane: self.on_click(sid, p))
        w = self.service.worker
        w.modelLoaded.connect(self.on_model_loaded)
        w.modelFailed.connect(self.on_model_failed)
        w.result.connect(self.on_result)
        w.provisional.connect(self.on_provisional)
        w.progress.connect(self.on_progress)
        w.jobFinished.connect(self.on_job_finished)
        w.jobFailed.connect(self.on_job_failed)
        w.downloadProgress.connect(self.model_bar.set_download_progress)
        w.downloadFinished.connect(self.on_download_finished)
        w.downloadFailed.connect(self.on_download_failed)
        self.model_bar.downloadRequested.connect(self.download_model)
        self.model_bar.folderRequested.connect(self.choose_model_folder)
        self.model_bar.cancelRequested.connect(self.service.cancel_download)

    def _restore(self) -> None:
        geometry = self.settings.store.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if self.settings.get("arabic_on_right"):
            self.splitter.insertWidget(0, self.english_side)

    # -- documents ------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a text file; on failure say why and keep the current article."""
        try:
            document = load_document(path)
        except DocumentError as exc:
            show_error(self, "Cannot open the file", str(exc))
            return False
        self.open_document(document)
        if document.notes:
            show_error(self, "Opened with a problem", " ".join(document.notes))
        return True

    def open_document(self, document: Document) -> None:
        self.service.stop()
        self.job = -1
        self._incoming.clear()
        self._progress = self._finished = None
        self.sentences.set_document(document)
        name = Path(document.source).name if document.source else "untitled"
        self.setWindowTitle(f"{name} — Qari")
        self._show_cached()
        if self.model_state == "ready":
            self.translate_current()
        else:
            self._pass_through_only()

    def _pass_through_only(self) -> None:
        """Without a model, text with no Arabic letter is still shown on the English side."""
        doc = self.sentences.document
        if doc is None:
            return
        for s in doc.sentences:
            if not s.translatable:
                self.sentences.set_translation(s.id, s.text, False)
        if self.model_state == "missing":
            self.sentences.mark_unavailable()

    def _show_cached(self) -> None:
        """Show at once the sentences that need no model: those with no Arabic letter, and
        those in the translation cache for the current model and settings (read here, on the
        GUI thread: one indexed SQLite query, a few ms for an article; the model may still be
        loading)."""
        doc = self.sentences.document
        key = self._shown_key = self._translation_key()
        hits = {}
        if key is not None and self.cache is not None:
            try:
                hits = self.cache.get_many(key, (s.text for s in doc.sentences if s.translatable))
            except Exception:  # a damaged cache costs a model run, never the article
                log.exception("cannot read the translation cache")
        for s in doc.sentences:
            if not s.translatable:
                self.sentences.set_translation(s.id, s.text, False)
            elif s.text in hits:
                self.sentences.set_translation(s.id, hits[s.text], True)

    def _translation_key(self) -> str | None:
        """What names the current model and decoding settings in the translation cache (None
        when the model is not on this computer)."""
        return translation_key(self.model_name, self.decoding_settings())

    def clear_cache(self) -> None:
        if self.cache is None:
            self.progress_label.setText("There is no translation cache.")
            return
        try:
            count = self.cache.clear()
        except Exception as exc:
            log.exception("cannot clear the translation cache")
            show_error(self, "Cannot clear the translation cache", str(exc))
            return
        self.progress_label.setText(f"Translation cache cleared ({count} translations).")

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open an Arabic article", "", "Text files (*.txt);;All files (*)")
        if path:
            self.open_path(path)

    def choose_translation(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open an English translation of this article", "", "Text files (*.txt);;All files (*)")
        if path:
            self.open_translation(path)

    def machine_translations(self) -> list[str] | None:
        """One machine translation per sentence of the open article when every sentence has its
        translation (or its pass-through text), else None."""
        doc = self.sentences.document
        if doc is None:
            return None
        done = self.sentences.translations()
        if not any(machine for _, machine in done.values()) or len(done) < len(doc.sentences):
            return None
        return [done[s.id][0] for s in doc.sentences]

    def open_translation(self, path: str | Path) -> bool:
        """Open a translator-mode window checking the draft at ``path`` against the open article;
        on failure say why."""
        from gui.draft_view import DraftWindow

        doc = self.sentences.document
        if doc is None:
            show_error(self, "Cannot check the translation", "Open the Arabic article first.")
            return False
        window = DraftWindow(self)
        window.view.set_fonts(self.arabic_pane.font(), self.english_pane.font())
        window.view.set_glossary(self.term_store)  # the learner's terms are checked too
        try:
            window.open(doc.text, path, self.machine_translations())
        except DocumentError as exc:
            window.deleteLater()
            show_error(self, "Cannot open the translation", str(exc))
            return False
        self.draft_window = window
        window.show()
        return True

    def open_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not has_arabic(text):
            show_error(self, "Nothing to open", "The clipboard holds no Arabic text. Copy an Arabic article first.")
            return
        self.open_document(Document.from_text(text, source="clipboard"))

    def choose_export(self) -> None:
        doc = self.sentences.document
        if doc is None:
            return
        stem = Path(doc.source).stem if doc.source != "clipboard" else "clipboard"
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export the bitext", f"{stem}.html", "Web page (*.html);;JSON (*.json);;Tab-separated (*.tsv)"
        )
        if path:
            if not Path(path).suffix:
                path += "." + chosen.split("*.")[-1].rstrip(")")
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the article and the translations so far (HTML, JSON or TSV by extension)."""
        from models.bitext import write_bitext

        doc = self.sentences.document
        translations = {i: text for i, (text, _) in self.sentences.translations().items()}
        model = self.model_name if self.model_state == "ready" else None
        try:
            write_bitext(path, doc, model, translations if model or translations else None)
        except (OSError, ValueError) as exc:
            show_error(self, "Cannot export", f"{path} cannot be written: {getattr(exc, 'strerror', None) or exc}")
            return False
        self.statusBar().showMessage(f"Exported to {path}", 5000)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.open_path(urls[0].toLocalFile())

    # -- model ----------------------------------------------------------------
    def load_model(self, model: str) -> None:
        self.model_name = model
        self.model_state = "loading"
        self._loads_pending += 1
        self._set_model_label()
        self.model_bar.show_loading(model)
        self.service.load(model, self.decoding_settings())

    def decoding_settings(self) -> DecodingSettings:
        """Default decoding with the "backend" ("auto" if unknown) and "threads" settings."""
        backend = self.settings.get("backend")
        return DecodingSettings(backend=backend if backend in BACKENDS else "auto",
                                threads=max(0, self.settings.get("threads")) or None)

    def _newest_load(self, model: str) -> bool:
        """Count one answer of the worker to a load; True when it answers the last one asked
        (the worker loads in order; changing several settings at once asks for several)."""
        self._loads_pending -= 1
        return self._loads_pending == 0 and model == self.model_name

    def on_model_loaded(self, model: str) -> None:
        if not self._newest_load(model):
            return
        self.model_state = "ready"
        self.model_bar.hide()
        self._set_model_label()
        self.sentences.mark_pending()
        if self.sentences.document is not None and self._shown_key != self._translation_key():
            self.sentences.forget_translations()  # made by another model or backend
            self._show_cached()
        self.translate_current()

    def on_model_failed(self, model: str, message: str) -> None:
        if not self._newest_load(model):
            return
        self.model_state = "missing"
        self._set_model_label()
        self.model_bar.show_missing(message, self._download_label(model))
        self._pass_through_only()
        self.progress_label.setText("No translation model: the Arabic text is shown alone.")

    def choose_model(self) -> None:
        choices = list(dict.fromkeys([self.model_name, *KNOWN_MODELS]))
        model, ok = QInputDialog.getItem(
            self, "Translation model", "Hugging Face model id or folder (MarianMT, Arabic to English):", choices, 0, True
        )
        if ok and model.strip():
            self.use_model(model.strip())

    def choose_model_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a MarianMT model folder")
        if folder:
            self.use_model(folder)

    def use_model(self, model: str) -> None:
        if model == self.settings.get("model"):
            self.load_model(model)  # the same model again: reload it (e.g. a folder now filled)
        else:
            self.settings.set("model", model)  # on_setting_changed loads it

    def on_setting_changed(self, name: str, value) -> None:
        if name == "model":
            self.load_model(value)
        elif name in ("backend", "threads"):
            self.load_model(self.model_name)
        elif name == "arabic_on_right" and self.swap_action.isChecked() != value:
            self.swap_action.setChecked(value)
            self.swap_panes()

    def open_preferences(self) -> None:
        from gui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).open()

    def download_model(self) -> None:
        if is_local_model(self.model_name):
            return
        self.model_state = "downloading"
        self.model_bar.show_download(self.model_name)
        self.service.download(self.model_name)

    def on_download_finished(self, model: str) -> None:
        self.load_model(model)

    def on_download_failed(self, model: str, message: str) -> None:
        self.model_state = "missing"
        self.model_bar.show_missing(message or f"Download of {model} cancelled.", self._download_label(model))

    @staticmethod
    def _download_label(model: str) -> str | None:
        if is_local_model(model):
            return None
        return DOWNLOAD_LABEL if model == DEFAULT_MODEL else "Download model"

    def _set_model_label(self) -> None:
        name = Path(self.model_name).name if is_local_model(self.model_name) else self.model_name
        self.model_label.setText(f"{name} ({self.model_state})" if self.model_state != "ready" else name)

    # -- translation ----------------------------------------------------------
    def translate_current(self) -> None:
        doc = self.sentences.document
        if doc is None or self.model_state != "ready":
            return
        todo = [s for s in doc.sentences if self.sentences.state(s.id) not in (State.TRANSLATED, State.PASSED_THROUGH)]
        if not todo:
            self.progress_label.setText(f"Translated {len(doc.sentences)} sentences.")
            return
        self.job = self.service.translate(doc, self.on_screen())
        self.stop_action.setEnabled(True)
        self.progress_bar.setRange(0, len(doc.sentences))
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.progress_label.setText(f"Translating 0 of {len(doc.sentences)} sentences…")

    def on_screen(self) -> list[int]:
        """Ids of the sentences shown in either pane, the Arabic pane's first."""
        return list(dict.fromkeys(self.arabic_pane.visible_sentences() + self.english_pane.visible_sentences()))

    def _report_screen(self) -> None:
        """A pane scrolled, was resized or zoomed: a running job translates what is on screen now next."""
        if self.job >= 0:
            self.service.set_on_screen(self.on_screen())

    def stop(self) -> None:
        if self.job >= 0:
            self.service.stop()
            self.progress_label.setText("Stopping after this batch…")

    def on_result(self, job: int, sentence_id: int, text: str, translated: bool) -> None:
        """Queue a result; :meth:`_apply_results` shows queued results in slices of at most
        :data:`APPLY_BUDGET_S`, so that a batch of many sentences never freezes the window."""
        if job == self.job:
            self._incoming.append((sentence_id, text, translated))
            if not self._apply_timer.isActive():
                self._apply_timer.start()

    def on_provisional(self, job: int, sentence_id: int, text: str) -> None:
        """Queue a quick draft of a sentence (shown muted until its final translation comes)."""
        if job == self.job:
            self._incoming.append((sentence_id, text, True, True))
            if not self._apply_timer.isActive():
                self._apply_timer.start()

    def _apply_results(self) -> None:
        deadline = time.perf_counter() + APPLY_BUDGET_S
        while self._incoming and time.perf_counter() < deadline:
            self.sentences.set_translation(*self._incoming.popleft())
        if self._incoming:
            self._apply_timer.start()
            return
        if self._progress is not None:
            done, total = self._progress
            self._progress = None
            self.progress_bar.setValue(done)
            self.progress_label.setText(f"Translating {done} of {total} sentences…")
        if self._finished is not None:
            self._show_finished(self._finished)

    def on_progress(self, job: int, done: int, total: int) -> None:
        if job == self.job:
            self._progress = (done, total)  # shown when the queued results are

    def on_job_finished(self, job: int, completed: bool) -> None:
        if job != self.job:
            return
        self.job = -1
        self._finished = completed
        if not self._incoming:
            self._show_finished(completed)

    def _show_finished(self, completed: bool) -> None:
        self._finished = None
        self._progress = None
        self.stop_action.setEnabled(False)
        self.progress_bar.hide()
        if completed:
            self.progress_label.setText(f"Translated {self.sentences.rowCount()} sentences.")
            return
        doc = self.sentences.document
        to_translate = sum(s.translatable for s in doc.sentences) if doc is not None else 0
        drafts = self.sentences.count(State.PROVISIONAL)
        note = f" {drafts} quick draft{'s' if drafts > 1 else ''} (muted italic) kept." if drafts else ""
        self.progress_label.setText(
            f"Stopped: {self.sentences.count(State.TRANSLATED)} of {to_translate} sentences translated.{note} F5 goes on.")

    def on_job_failed(self, job: int, message: str) -> None:
        if job != self.job:
            return
        self.job = -1
        self.stop_action.setEnabled(False)
        self.progress_bar.hide()
        self.progress_label.setText(message)
        show_error(self, "Translation failed", message)

    # -- sentence pairs -------------------------------------------------------
    def other_pane(self, pane: ReadingPane) -> ReadingPane:
        return self.english_pane if pane is self.arabic_pane else self.arabic_pane

    def on_hover(self, sentence_id: int, pane: ReadingPane) -> None:
        for p in (self.arabic_pane, self.english_pane):
            p.set_highlight(sentence_id)
        if sentence_id >= 0:
            self.other_pane(pane).ensure_sentence_visible(sentence_id)

    def on_click(self, sentence_id: int, pane: ReadingPane) -> None:
        for p in (self.arabic_pane, self.english_pane):
            p.set_highlight(sentence_id, selected=sentence_id)
        self.other_pane(pane).ensure_sentence_visible(sentence_id)

    # -- view -----------------------------------------------------------------
    def zoom(self, step: int) -> None:
        self.settings.set("zoom", 0 if step == 0 else max(-8, min(24, self.settings.get("zoom") + step)))
        self.apply_zoom()

    def apply_zoom(self) -> None:
        delta = self.settings.get("zoom")
        self.arabic_pane.set_point_size(BASE_POINT_SIZE[SOURCE] + delta)
        self.english_pane.set_point_size(BASE_POINT_SIZE[TARGET] + delta * 0.75)

    def swap_panes(self) -> None:
        right = self.swap_action.isChecked()
        self.settings.set("arabic_on_right", right)
        self.splitter.insertWidget(0, self.english_side if right else self.arabic_pane)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.store.setValue("window/geometry", self.saveGeometry())
        self.service.shutdown(CLOSE_WAIT_MS)
        super().closeEvent(event)
