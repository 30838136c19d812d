"""Reading by keyboard: the current sentence pair, moved a sentence or a paragraph at a time,
highlighted and scrolled into view in both panes, and copied as a pair; and the self-test, in
which the translations are hidden and the reader reveals them one sentence at a time.

The window's menu rows (:data:`gui.actions.ACTIONS`) call :class:`ReadingKeys` as
``reading.<method>``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from gui import messages
from gui.caret_keys import ReadingOrderArrows
from gui.learner_progress import LearnerProgress
from gui.pane_alignment import ParagraphAligner
from gui.read_aloud import ReadAloud
from gui.reading_modes import ReadingModes
from gui.sentence_model import State
from models.text.segmentation import count_to_translate

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class ReadingKeys(QObject):
    """The current sentence of ``window``'s article (-1 before the reader picks one) and the
    self-test's revealed sentences; it keeps the panes' paragraphs lined up (:attr:`aligner`) and shows the
    learner's progress (:attr:`progress`); it reads the current pair aloud (:attr:`aloud`).

    Signal ``currentChanged(int)``: the current sentence id."""

    currentChanged = Signal(int)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.current = -1
        self.revealed: set[int] = set()
        self.self_test_label = QLabel()
        self.self_test_label.setObjectName("selfTestLabel")
        self.self_test_label.hide()
        window.statusBar().addPermanentWidget(self.self_test_label)
        window.english_pane.concealed = self.is_concealed
        self.aligner = ParagraphAligner(window.arabic_pane, window.english_pane, parent=self)
        self.progress = LearnerProgress(window)
        self.arrows = ReadingOrderArrows(window.arabic_pane)
        self.modes = ReadingModes(window, self.progress)
        self.aloud = ReadAloud(self)
        self.modes.interlinear.concealed = self.is_concealed
        self.modes.interlinear.sentenceClicked.connect(self._on_clicked)
        self.modes.interlinear.sentenceClicked.connect(self.reveal)
        self.currentChanged.connect(self.modes.interlinear.set_current)
        window.sentences.modelReset.connect(self._on_new_document)
        for pane in (window.arabic_pane, window.english_pane):
            pane.sentenceClicked.connect(self._on_clicked)
        window.english_pane.sentenceClicked.connect(self.reveal)
        self._show_self_test_count()

    # -- the current sentence -------------------------------------------------
    def _count(self) -> int:
        document = self.window.sentences.document
        return len(document.sentences) if document else 0

    def _on_new_document(self) -> None:
        self.current = -1
        self.currentChanged.emit(-1)
        self.revealed.clear()
        self._show_self_test_count()

    def _on_clicked(self, sentence_id: int) -> None:
        self.current = sentence_id
        self.currentChanged.emit(sentence_id)

    def go_to(self, sentence_id: int) -> None:
        """Make ``sentence_id`` current: selected and in view in both panes."""
        if not 0 <= sentence_id < self._count():
            return
        self.current = sentence_id
        arabic, english = self.window.arabic_pane, self.window.english_pane
        for pane in (arabic, english):
            pane.set_highlight(-1, selected=sentence_id)
        arabic.ensure_sentence_visible(sentence_id)
        # The paragraphs are lined up (:attr:`aligner`): the same scroll puts them side by side.
        english.verticalScrollBar().setValue(arabic.verticalScrollBar().value())
        english.ensure_sentence_visible(sentence_id)
        self.modes.interlinear.show_sentence(sentence_id)
        self.currentChanged.emit(sentence_id)

    def next_sentence(self) -> None:
        self.go_to(min(self.current + 1, self._count() - 1))

    def previous_sentence(self) -> None:
        self.go_to(max(self.current - 1, 0))

    def next_paragraph(self) -> None:
        """First sentence of the paragraph after the current one (the last sentence when there
        is none)."""
        sentences = self.window.sentences.document.sentences if self._count() else []
        paragraph = sentences[self.current].paragraph if self.current >= 0 else None
        for s in sentences[max(self.current, 0):]:
            if s.paragraph != paragraph:
                self.go_to(s.id)
                return
        self.go_to(self._count() - 1)

    def previous_paragraph(self) -> None:
        """First sentence of the current paragraph, or of the one before when the current
        sentence already starts its paragraph."""
        sentences = self.window.sentences.document.sentences if self._count() else []
        if self.current <= 0:
            self.go_to(0)
            return
        start = self.current
        while start > 0 and sentences[start - 1].paragraph == sentences[self.current].paragraph:
            start -= 1
        if start == self.current:
            start -= 1
            while start > 0 and sentences[start - 1].paragraph == sentences[self.current - 1].paragraph:
                start -= 1
        self.go_to(start)

    def pair(self, sentence_id: int) -> tuple[str, str]:
        """(Arabic sentence, its translation so far) of ``sentence_id``."""
        model = self.window.sentences
        return model.document.sentences[sentence_id].text, model.target(sentence_id)

    def copy_pair(self) -> None:
        """Put the current pair on the clipboard as ``Arabic<TAB>English``."""
        if self.current < 0:
            messages.note(self.window, "Pick a sentence first (click it, or Alt+Down).")
            return
        arabic, english = self.pair(self.current)
        QGuiApplication.clipboard().setText(f"{arabic}\t{english}")
        messages.note(self.window, "Copied the sentence and its translation.")

    # -- self-test ------------------------------------------------------------
    def self_test_on(self) -> bool:
        return self.window.settings.get("self_test")

    def is_concealed(self, sentence_id: int) -> bool:
        """Whether the translation of ``sentence_id`` is hidden (self-test, not yet revealed):
        only a translation is hidden (a draft too), never a placeholder or text passed through."""
        return (self.self_test_on() and sentence_id not in self.revealed
                and self.window.sentences.state(sentence_id) in (State.TRANSLATED, State.PROVISIONAL))

    def set_self_test(self, on: bool) -> None:
        """Hide every translation (``on``), or show them all again; the count starts afresh."""
        self.window.settings.set("self_test", bool(on))
        self.revealed.clear()
        for view in (self.window.english_pane, self.modes.interlinear):
            view.refresh(0, self._count() - 1)
        self._show_self_test_count()

    def toggle_self_test(self) -> None:
        self.set_self_test(not self.self_test_on())

    def reveal(self, sentence_id: int) -> None:
        """Show the translation of ``sentence_id`` in self-test mode."""
        if not 0 <= sentence_id < self._count() or not self.is_concealed(sentence_id):
            return
        self.revealed.add(sentence_id)
        for view in (self.window.english_pane, self.modes.interlinear):
            view.refresh(sentence_id, sentence_id)
        self._show_self_test_count()

    def reveal_current(self) -> None:
        if self.current < 0:
            self.next_sentence()
        self.reveal(self.current)

    def _show_self_test_count(self) -> None:
        self.self_test_label.setVisible(self.self_test_on())
        document = self.window.sentences.document
        total = count_to_translate(document.sentences) if document else 0
        self.self_test_label.setText(f"revealed {len(self.revealed)} of {total}")
