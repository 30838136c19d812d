"""What the learner can see of their progress on the open article: the status breakdown of its
distinct words in the status bar (:func:`models.glossary.progress.word_progress`), the words not
yet in the glossary marked (a setting, off by default), and one key to set the status of the
word under the pointer (or at the caret)."""
from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel

from gui import messages
from gui.colors import qcolor
from gui.hover_glossary import MATCH_INLINE_CHARS
from gui.sentence_model import State
from models.errors import TermError
from models.glossary.matching import matches_between
from models.glossary.progress import WordProgress, word_progress, word_progress_steps
from models.glossary.store import Term
from models.text.arabic import ARABIC_WORD_RE
from models.text.segmentation import sentence_at
from models.text.word_spans import word_span_at_caret

#: Longest the GUI thread counts a long article's words before the event loop runs (seconds).
COUNT_BUDGET_S = 0.005

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def progress_text(progress: WordProgress) -> str:
    """The breakdown as the status bar says it."""
    return (f"Words: {progress.known} known · {progress.learning} learning · {progress.new} new · "
            f"{progress.unlisted} not in my glossary")


class LearnerProgress(QObject):
    """The breakdown label (:attr:`label`) of ``window``'s article, refreshed when the article or
    the glossary changes."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.glossary = window.hover_glossary  # its term matches are ours too
        self.progress = WordProgress()
        self.label = QLabel()
        self.label.setObjectName("wordProgressLabel")
        window.statusBar().addPermanentWidget(self.label)
        self._counting: Iterator[WordProgress | None] | None = None  # a long article's count under way
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count_slice)
        # After the hover glossary's own refresh (a new article or term, a theme, the vowels), so
        # its matches are current and its marks painted.
        self.glossary.termsMarked.connect(self._on_terms_marked)
        window.settings.changed.connect(self._on_setting_changed)
        self.refresh()

    def _on_setting_changed(self, name: str, value) -> None:
        if name != "highlight_unlisted":
            return
        action = self.window.findChild(QAction, "highlightUnlistedAction")
        if action is not None:
            action.setChecked(bool(value))  # also when set in Preferences
        if self.window.sentences.document is not None:
            self.glossary.refresh_terms()  # the term marks alone, then refresh() marks the unlisted words

    def _on_terms_marked(self, start: int, end: int) -> None:
        document = self.window.sentences.document
        if document is None or (start, end) == (0, len(document.text)):
            self.refresh()
        elif self.window.settings.get("highlight_unlisted"):
            self.mark_unlisted(self.window.arabic_pane, start, end)  # sentences written again: the counts are the same

    def refresh(self) -> None:
        """Count again (a long document in slices of the GUI thread's time, "Words: …"
        meanwhile: a Python thread would take the interpreter lock from the window for
        seconds), and mark the unlisted words when the setting says so."""
        document = self.window.sentences.document
        self._counting = None
        if document is not None and len(document.text) > MATCH_INLINE_CHARS:
            self.label.setText("Words: …")
            self._counting = word_progress_steps(document.text, self.glossary.matches)
            self._count_timer.start()
        else:
            self._show(word_progress(document.text, self.glossary.matches) if document else WordProgress())
        if document is not None and self.window.settings.get("highlight_unlisted"):
            self.mark_unlisted(self.window.arabic_pane)

    def _count_slice(self) -> None:
        """Count on for at most :data:`COUNT_BUDGET_S`; show the breakdown when done."""
        deadline = time.perf_counter() + COUNT_BUDGET_S
        while self._counting is not None and time.perf_counter() < deadline:
            progress = next(self._counting)
            if progress is not None:
                self._counting = None
                self._show(progress)
        if self._counting is not None:
            self._count_timer.start()

    def _show(self, progress: WordProgress) -> None:
        self.progress = progress
        self.label.setText(progress_text(progress) if self.window.sentences.document is not None else "")

    def mark_unlisted(self, pane, start: int = 0, end: int | None = None) -> None:
        """Dotted underline under every Arabic word no glossary term covers (between document
        offsets ``start`` and ``end``; default: all), in ``pane`` (a source :class:`ReadingPane`
        or the interlinear view: anything with ``pane_span``)."""
        document = self.window.sentences.document
        text = document.text
        laid_out = document.sentences[pane.laid_out_rows() - 1].end if pane.laid_out_rows() else 0
        end = laid_out if end is None else min(end, laid_out)  # a big document's later rows: as they are laid out
        covered = matches_between(self.glossary.matches, start, end)
        i = 0
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(qcolor("unlisted_word"))
        cursor = QTextCursor(pane.document())
        cursor.beginEditBlock()
        for word in ARABIC_WORD_RE.finditer(text, start, end):
            while i < len(covered) and covered[i].end <= word.start():
                i += 1
            if i < len(covered) and covered[i].start <= word.start():
                continue
            positions = pane.pane_span(word.start(), word.end())
            if positions is None:
                continue
            cursor.setPosition(positions[0])
            cursor.setPosition(positions[1], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def toggle_highlight_unlisted(self) -> None:
        self.window.settings.set("highlight_unlisted", not self.window.settings.get("highlight_unlisted"))

    def word_span(self) -> tuple[int, int] | None:
        """Document span of the word under the pointer, else of the word at the caret."""
        glossary = self.window.reading.modes.active_glossary()  # side by side or interlinear
        if glossary.hovered_span() is not None:
            return glossary.hovered_span()
        document = self.window.sentences.document
        pane = glossary.pane
        offset = pane.document_offset(pane.textCursor().position(), caret=True)
        return word_span_at_caret(document.text, offset) if document and offset >= 0 else None

    def set_word_status(self, status: str) -> None:
        """Give the word under the pointer (or at the caret) ``status``: the term covering it is
        updated, or the word is added to the glossary with the sentence it came from."""
        span = self.word_span()
        if span is None:
            messages.note(self.window, "Point at an Arabic word (or put the caret on one) first.")
            return
        store = self.glossary.store
        match = next((m for m in self.glossary.matches if m.start <= span[0] < m.end), None)
        try:
            if match is not None:
                store.update(replace(match.term, status=status))
                word = match.term.term
            else:
                document = self.window.sentences.document
                word = document.text[span[0]:span[1]]
                sid = sentence_at(document.sentences, span[0])
                model = self.window.sentences
                translation = model.target(sid) if model.state(sid) == State.TRANSLATED else ""
                store.add(Term(word, status=status, sentence=document.sentences[sid].text,
                               sentence_translation=translation))
        except TermError as exc:
            messages.error(self.window, "My glossary", str(exc))
            return
        self.glossary.termsChanged.emit()
        messages.note(self.window, f"{word}: {status}")
