"""The reader window: the Arabic article beside its translation, sentence pairs linked.

Layout and wiring only: the translation (model, jobs, progress) is :class:`TranslationController`'s,
the menus are :data:`gui.actions.ACTIONS`, the status bar is :class:`gui.status_bar.StatusBar`,
and what the window says goes through :mod:`gui.messages`."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QInputDialog, QMainWindow, QSplitter, QVBoxLayout, QWidget

from gui import messages
from gui.actions import build_menus
from gui.appearance import Appearance
from gui.chapters import ChapterBox
from gui.file_chooser import choose_path
from gui.find_bar import FindBar
from gui.frequent_words import FrequentWords
from gui.glossary_dialog import GlossaryDialog
from gui.hover_glossary import HoverGlossary
from gui.word_link_hover import WordLinkHover
from gui.model_bar import ModelBar
from gui.opening import Opener, add_menu_before
from gui.reading_keys import ReadingKeys
from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, TARGET
from gui.session import Session
from gui.settings import Settings
from gui.status_bar import StatusBar
from gui.tasks import TaskRunner
from gui.vowels import ShowVowels
from gui.translation_controller import ModelState, TranslationController
from models.documents import Document
from models.documents.url import is_url
from models.errors import DocumentError, TermError
from models.glossary.store import TermStore

#: Public MarianMT models that translate Arabic to English.
KNOWN_MODELS = ("Helsinki-NLP/opus-mt-ar-en", "Helsinki-NLP/opus-mt-tc-big-ar-en")
#: How long closing the window waits for the translation thread to finish what it is doing.
CLOSE_WAIT_MS = 3000
TEXT_FILES = "Text files (*.txt);;All files (*)"


class MainWindow(QMainWindow):
    """``translation``: the controller to show (default: one on the user's translation cache);
    ``arabic_family``: the Arabic pane's font family."""

    def __init__(self, settings: Settings, translation: TranslationController | None = None,
                 arabic_family: str | None = None):
        super().__init__()
        self.settings = settings
        self.translation = translation or TranslationController(settings)
        self.translation.setParent(self)
        self.translation.on_screen = self.on_screen
        self.sentences = self.translation.sentences
        self.tasks = TaskRunner(self, max_threads=3)  # every background job but translation
        self.draft_window = None
        self.arabic_pane = ReadingPane(self.sentences, SOURCE)
        self.english_pane = ReadingPane(self.sentences, TARGET)
        self.model_bar = ModelBar()
        self.english_side = QWidget()
        layout = QVBoxLayout(self.english_side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.english_pane)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.arabic_pane)
        self.splitter.addWidget(self.english_side)
        self.find_bar = FindBar([self.arabic_pane, self.english_pane])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.find_bar)
        column.addWidget(self.model_bar)  # across both panes: their paragraphs stay level when it shows
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.chapters = ChapterBox((self.arabic_pane, self.english_pane))
        self.status.addPermanentWidget(self.chapters)
        self.setAcceptDrops(True)
        self.resize(1200, 780)
        self._build_glossary()
        self.vowels = ShowVowels(self, self.arabic_pane)
        self.opener = Opener(self, self.tasks)
        self.reading = ReadingKeys(self)
        actions = build_menus(self)
        add_menu_before(self, self.opener.recent_menu, "openTranslationAction")
        self.stop_action, self.swap_action = actions["stopAction"], actions["swapAction"]
        self.stop_action.setEnabled(False)
        self.swap_action.setChecked(settings.get("arabic_on_right"))
        self._connect()
        if settings.get("arabic_on_right"):
            self.splitter.insertWidget(0, self.english_side)
        self.session = Session(settings, self)  # geometry, splitter; the last article is opened by the caller
        self.appearance = Appearance(settings, self.arabic_pane, self.english_pane, arabic_family, parent=self)
        self.appearance.themeChanged.connect(lambda _theme: (self.hover_glossary.refresh_terms(), self.find_bar.restyle()))
        self.frequent_words = FrequentWords(self)
        self.translation.start()

    # -- set-up ---------------------------------------------------------------
    def _build_glossary(self) -> None:
        """The hover glossary on the Arabic pane (lexicon loaded in the background) and the
        learner's term store; without a store the popup still explains words."""
        try:
            self.term_store = TermStore()
        except TermError as exc:
            messages.error(self, "My glossary", f"{exc} Terms you add in this session will not be saved.")
            self.term_store = TermStore(":memory:")
        self.hover_glossary = HoverGlossary(self.arabic_pane, self.term_store, parent=self, tasks=self.tasks,
                                            delay_ms=lambda: self.settings.get("hover_delay_ms"))
        self.hover_glossary.service.failed.connect(lambda message: messages.error(self, "Arabic lexicon", message))
        self.word_links = WordLinkHover(self.arabic_pane, self.english_pane, self.hover_glossary, self.translation, parent=self)

    def _connect(self) -> None:
        self.settings.changed.connect(self.on_setting_changed)
        screen = QTimer(self)  # a burst of view changes (a slice of rows, both panes scrolled) told once
        screen.setSingleShot(True)
        screen.setInterval(0)
        screen.timeout.connect(self.translation.screen_changed)
        for pane in (self.arabic_pane, self.english_pane):
            pane.sentenceHovered.connect(lambda sid, p=pane: self.on_hover(sid, p))
            pane.sentenceClicked.connect(lambda sid, p=pane: self.on_click(sid, p))
            pane.viewChanged.connect(screen.start)  # scrolled, resized, zoomed or grown
        t = self.translation
        t.stateChanged.connect(self.model_bar.show_state)
        t.backendChanged.connect(self.status.show_backend)
        t.stateChanged.connect(self.status.show_model)
        t.countsChanged.connect(self.status.show_counts)
        t.progressChanged.connect(self.status.show_progress)
        t.progressChanged.connect(lambda _text, _done, total: self.stop_action.setEnabled(total > 0))
        t.downloadProgress.connect(self.model_bar.set_download_progress)
        t.noted.connect(lambda text: messages.note(self, text))
        t.failed.connect(lambda title, message: messages.error(self, title, message))
        self.model_bar.downloadRequested.connect(t.download_model)
        self.model_bar.folderRequested.connect(self.choose_model_folder)
        self.model_bar.cancelRequested.connect(t.cancel_download)

    # -- documents ------------------------------------------------------------
    def open_path(self, path: str | Path) -> bool:
        """Open a file (any format :mod:`gui.opening` reads); on failure say why and keep the current article."""
        return self.opener.open_path(path)

    def open_document(self, document: Document) -> None:
        self.setWindowTitle(f"{document.source if is_url(document.source) else Path(document.source).name} — Qari")
        self.translation.open(document)
        self.chapters.show_document(document)

    def choose_translation(self) -> None:
        choose_path(self, "Open an English translation of this article", self.open_translation, TEXT_FILES)

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
            messages.error(self, "Cannot check the translation", "Open the Arabic article first.")
            return False
        window = DraftWindow(self, self.tasks, fonts=lambda: (self.arabic_pane.font(), self.english_pane.font()))
        for changed in (self.appearance.themeChanged, self.settings.changed):  # fonts, zoom and colours follow the reader's
            changed.connect(window.restyle)
        window.view.set_glossary(self.term_store)  # the learner's terms are checked too
        try:
            window.open(doc.text, path, self.machine_translations())
        except DocumentError as exc:
            window.deleteLater()
            messages.error(self, "Cannot open the translation", str(exc))
            return False
        self.draft_window = window
        window.show()
        return True

    def choose_export(self) -> None:
        doc = self.sentences.document
        if doc is None:
            return
        stem = Path(doc.source).stem if doc.source != "clipboard" else "clipboard"
        dialog = choose_path(self, "Export the bitext", lambda path: self.export_to(Path(path)),
                             "Web page (*.html);;JSON (*.json);;Tab-separated (*.tsv)", save=True)
        dialog.selectFile(f"{stem}.html")

    def export_to(self, path: Path) -> bool:
        """Write the article and the translations so far (HTML, JSON or TSV by extension)."""
        from models.bitext import write_bitext

        translations = {i: text for i, (text, _) in self.sentences.translations().items()}
        model = self.translation.model_name if self.translation.state is ModelState.READY else None
        try:
            write_bitext(path, self.sentences.document, model, translations if model or translations else None)
        except (OSError, ValueError) as exc:
            messages.error(self, "Cannot export", f"{path} cannot be written: {getattr(exc, 'strerror', None) or exc}")
            return False
        messages.note(self, f"Exported to {path}")
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.opener.can_drop(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.opener.drop(event.mimeData())

    # -- model and settings ---------------------------------------------------
    def choose_model(self) -> None:
        dialog = QInputDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Translation model")
        dialog.setLabelText("Hugging Face model id or folder (MarianMT, Arabic to English):")
        dialog.setComboBoxItems(list(dict.fromkeys([self.translation.model_name, *KNOWN_MODELS])))
        dialog.setComboBoxEditable(True)
        dialog.textValueSelected.connect(self.translation.use_model)
        dialog.open()

    def choose_model_folder(self) -> None:
        choose_path(self, "Choose a MarianMT model folder", self.translation.use_model, folder=True)

    def open_preferences(self) -> None:
        from gui.preferences import PreferencesDialog

        PreferencesDialog(self.settings, self).open()

    def on_setting_changed(self, name: str, value) -> None:
        if name == "arabic_on_right" and self.swap_action.isChecked() != value:
            self.swap_action.setChecked(value)
            self.swap_panes()

    # -- glossary -------------------------------------------------------------
    def look_up_at_caret(self) -> None:
        if not self.reading.modes.active_glossary().show_at_caret():
            messages.note(self, "Put the caret on an Arabic word in the Arabic pane.")

    def add_selection_to_glossary(self) -> None:
        if self.reading.modes.active_glossary().add_selection() is None:
            messages.note(self, "Select a word or phrase in the Arabic pane first.")

    def open_glossary(self) -> None:
        dialog = GlossaryDialog(self.term_store, self)
        dialog.changed.connect(self.hover_glossary.termsChanged)
        self.hover_glossary.service.ready.connect(dialog.model.refresh_frequencies)
        dialog.open()

    # -- sentence pairs -------------------------------------------------------
    def on_screen(self) -> list[int]:
        """Ids of the sentences shown in either pane, the Arabic pane's first."""
        return list(dict.fromkeys(self.arabic_pane.visible_sentences() + self.english_pane.visible_sentences()))

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
        """One point larger (``step`` 1), smaller (-1), or back to the base size (0)."""
        self.settings.set("zoom", 0 if step == 0 else max(-8, min(24, self.settings.get("zoom") + step)))

    def swap_panes(self) -> None:
        right = self.swap_action.isChecked()
        self.settings.set("arabic_on_right", right)
        self.splitter.insertWidget(0, self.english_side if right else self.arabic_pane)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.save()
        self.opener.shutdown()
        self.reading.aloud.shutdown()
        self.translation.shutdown(CLOSE_WAIT_MS)
        self.tasks.shutdown(CLOSE_WAIT_MS)
        super().closeEvent(event)
