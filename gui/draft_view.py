"""Translator mode: the Arabic source, the English draft and (when given) the machine translation
in three columns, sentence links highlighted together, flagged links marked, a flag list.

The check itself is :func:`models.drafts.checks.check_draft` (Qt-free), using the Buckwalter lexicon as its
bilingual dictionary (shared with the hover glossary, which loads it in the background when the
reader starts; without it the check still runs, and the summary line says so). It takes 0.1 to
0.3 s for a news article on a busy 2-core machine, so it runs on the GUI thread; the draft file is watched with QFileSystemWatcher and
re-checked, debounced, when it changes on disk.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QFileSystemWatcher, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QSplitter, QTextEdit, QVBoxLayout, QWidget

from gui.colors import qcolor
from gui.draft_word_links import DRAFT, MT, SOURCE, DraftWordLinks, Highlights
from gui.interlinear_view import PARAGRAPH_GAP
from gui.tasks import Runner, SynchronousRunner
from gui.text_positions import TextPositions
from models.documents import load_document
from models.errors import DocumentError
from models.drafts.checks import DraftCheck, Flag, check_draft
from models.errors import DraftTooLong
from models.glossary.store import TermStore
from models.text.segmentation import sentence_at_caret

log = logging.getLogger(__name__)

LINK_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class FlagListModel(QAbstractListModel):
    """The flags of a draft check, one row each, in link order. Roles: display ("Kind: message"),
    tooltip (the message), ``LINK_ROLE`` (index of the link in ``DraftCheck.links``), ``KIND_ROLE``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, Flag]] = []

    def set_check(self, check: DraftCheck | None) -> None:
        self.beginResetModel()
        self._rows = [] if check is None else [(k, f) for k, flags in enumerate(check.flags) for f in flags]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        link, flag = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{flag.kind.replace('_', ' ').capitalize()}: {flag.message}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return flag.message
        if role == LINK_ROLE:
            return link
        if role == KIND_ROLE:
            return flag.kind
        return None

    def flag(self, row: int) -> tuple[int, Flag]:
        """(link index, flag) of a row."""
        return self._rows[row]


class TextColumn(QTextEdit):
    """A read-only column of text whose positions are reported as character offsets (code points)
    into the text given to :meth:`set_text`. A QTextEdit rather than a QPlainTextEdit because only
    the rich-text layout resolves a relative alignment against each paragraph's own direction."""

    offsetHovered = Signal(int)
    offsetClicked = Signal(int)

    def __init__(self, rtl: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
        self._positions = TextPositions("")

    def set_text(self, text: str) -> None:
        self._positions = TextPositions(text)
        # Each paragraph's direction follows its content (Arabic right-to-left and right-aligned,
        # an English caption left-to-right and left-aligned): automatic text direction with the
        # relative (leading-edge) alignment.
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)
        self.document().setDefaultTextOption(option)
        self.setPlainText(text)
        self._space_paragraphs()

    def _space_paragraphs(self) -> None:
        """Every line is a paragraph (as :func:`models.text.segmentation.segment` counts them),
        set off by the same gap whether one or several line breaks end the one before: a blank
        line takes no room, a paragraph after another gets :data:`PARAGRAPH_GAP` above it."""
        document = self.document()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        block, seen_text = document.begin(), False
        while block.isValid():
            if not block.text().strip():
                block.setVisible(False)
                document.markContentsDirty(block.position(), block.length())
            elif seen_text:
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setTopMargin(PARAGRAPH_GAP)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
            seen_text = seen_text or bool(block.text().strip())
            block = block.next()
        cursor.endEditBlock()

    def to_position(self, offset: int) -> int:
        """Qt document position (UTF-16 units) of a character offset."""
        return self._positions.to_position(offset)

    def to_offset(self, position: int) -> int:
        """Character offset of a Qt document position."""
        return self._positions.to_offset(position)

    def set_spans(self, spans: Sequence[tuple[int, int, QColor]]) -> None:
        """Background colours on character spans (start, end, colour); later spans paint over earlier."""
        selections = []
        for start, end, color in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_position(start))
            cursor.setPosition(self.to_position(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)

    def scroll_to(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_position(offset))
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).center().y() - self.viewport().height() // 2)

    def _offset_at(self, event: QMouseEvent) -> int:
        return self.to_offset(self.cursorForPosition(event.position().toPoint()).position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.offsetHovered.emit(self._offset_at(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.offsetClicked.emit(self._offset_at(event))


class DraftView(QWidget):
    """Translator-mode widget. Call :meth:`set_source` then :meth:`open_draft` (or
    :meth:`set_draft_text`). ``linkSelected(k)`` is emitted when link ``k`` of :attr:`check` is
    selected (click in a column or in the flag list); ``checked`` after every (re)check.
    ``tasks`` runs the checks (default: at once, on the GUI thread; the window passes its
    background :class:`gui.tasks.TaskRunner`)."""

    linkSelected = Signal(int)
    checked = Signal()

    def __init__(self, parent=None, debounce_ms: int = 300, tasks: Runner | None = None) -> None:
        super().__init__(parent)
        self._job = 0
        self._tasks = tasks if tasks is not None else SynchronousRunner()
        self.check: DraftCheck | None = None
        self.source_text = ""
        self.draft_path: Path | None = None
        self.translations: list[str] | None = None
        self.term_store: TermStore | None = None
        self.current_link = -1
        self.hovered_link = -1
        self._source_link: list[int] = []
        self._draft_link: list[int] = []
        self._mt_spans: list[tuple[int, int]] = []
        self.source_column = TextColumn(rtl=True)
        self.source_column.setObjectName("sourceColumn")
        self.draft_column = TextColumn()
        self.draft_column.setObjectName("draftColumn")
        self.mt_column = TextColumn()
        self.mt_column.setObjectName("mtColumn")
        self.mt_column.hide()
        self.flag_model = FlagListModel(self)
        self.flag_list = QListView()
        self.flag_list.setObjectName("flagList")
        self.flag_list.setModel(self.flag_model)
        self.flag_list.setWordWrap(True)
        self.summary = QLabel()
        self.source_heading = QLabel("Arabic source")
        self.draft_heading = QLabel("Draft")
        self.mt_heading = QLabel("Machine translation")
        columns = QSplitter(Qt.Orientation.Horizontal)
        self._panes: list[QWidget] = []
        for heading, column in ((self.source_heading, self.source_column), (self.draft_heading, self.draft_column),
                                (self.mt_heading, self.mt_column)):
            heading.setObjectName(column.objectName().replace("Column", "Heading"))
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            pane = QWidget()
            pane_layout = QVBoxLayout(pane)
            pane_layout.setContentsMargins(0, 0, 0, 0)
            pane_layout.setSpacing(2)
            pane_layout.addWidget(heading)
            pane_layout.addWidget(column)
            columns.addWidget(pane)
            self._panes.append(pane)
        self._panes[2].hide()
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.summary)
        below_layout.addWidget(self.flag_list)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(columns)
        outer.addWidget(below)
        outer.setStretchFactor(0, 4)
        outer.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self.reload_draft)
        self.source_column.offsetHovered.connect(lambda o: self._hover(self._source_link, self.check and self.check.source_sentences, o))
        self.draft_column.offsetHovered.connect(lambda o: self._hover(self._draft_link, self.check and self.check.draft_sentences, o))
        self.source_column.offsetClicked.connect(lambda o: self._click(self._source_link, self.check and self.check.source_sentences, o))
        self.draft_column.offsetClicked.connect(lambda o: self._click(self._draft_link, self.check and self.check.draft_sentences, o))
        self.flag_list.clicked.connect(self._on_flag_clicked)
        self.flag_list.activated.connect(self._on_flag_clicked)
        self.word_links: DraftWordLinks | None = None
        self.word_highlights: Highlights = {}  # the hovered word and its linked words, per column
        for name, column in ((SOURCE, self.source_column), (DRAFT, self.draft_column), (MT, self.mt_column)):
            column.offsetHovered.connect(lambda offset, name=name: self._hover_word(name, offset))

    def set_fonts(self, arabic: QFont, english: QFont) -> None:
        """Use the reader's fonts (and zoom) for the Arabic column and the English columns."""
        self.source_column.setFont(arabic)
        for column in (self.draft_column, self.mt_column):
            column.setFont(english)

    # -- inputs ---------------------------------------------------------------
    def set_source(self, text: str, translations: Sequence[str] | None = None) -> None:
        """The Arabic source text and, optionally, one machine translation per source sentence
        (as segmented by :func:`models.text.segmentation.segment`); the third column shows them."""
        self.source_text = text
        self.translations = list(translations) if translations is not None else None
        self.mt_column.setVisible(self.translations is not None)
        self._panes[2].setVisible(self.translations is not None)

    def set_glossary(self, store: TermStore | None) -> None:
        """Check the draft against the learner's glossary ``store`` from the next check on: each
        of its terms that has a translation and occurs in the source must be rendered so
        (``glossary_term`` flags). The terms are read at each check, so edits count."""
        self.term_store = store

    def glossary(self) -> list[tuple[str, str]]:
        """The (Arabic term, English translation) pairs the next check uses."""
        if self.term_store is None:
            return []
        return [(t.term, t.translation) for t in self.term_store.all() if t.translation.strip()]

    def open_draft(self, path: str | Path) -> None:
        """Read, check and watch a draft file. Raises :class:`DocumentError` with a sentence for
        the user when it cannot be read."""
        document = load_document(path)
        if self.draft_path is not None and str(self.draft_path) in self.watcher.files():
            self.watcher.removePath(str(self.draft_path))
        self.draft_path = Path(path)
        self.draft_heading.setText(f"Draft: {self.draft_path.name}")
        self.watcher.addPath(str(self.draft_path))
        self.set_draft_text(document.text)

    def set_draft_text(self, text: str) -> None:
        """Check ``text`` as the draft and show the result (emits ``checked``). With a background
        runner the check runs off the GUI thread and a newer draft supersedes it."""
        self._job += 1
        job, source, glossary, translations = self._job, self.source_text, self.glossary(), self.translations
        if not isinstance(self._tasks, SynchronousRunner):
            self.summary.setText("Checking the draft…")
        self._tasks.run(lambda: check_draft(source, text, glossary=glossary, translations=translations),
                        lambda check: self._on_check_done(job, check), lambda exc: self._on_check_failed(job, exc),
                        context=self)

    def _on_check_done(self, job: int, check: DraftCheck) -> None:
        if job != self._job:
            return  # a newer draft is being checked
        self.check = check
        self._show()
        self.checked.emit()

    def _on_check_failed(self, job: int, exc: BaseException) -> None:
        if isinstance(exc, DraftTooLong):  # refused up front: a sentence for the user, not a failure
            log.info("draft refused: %s", exc)
        else:  # shown in the summary line, never a traceback in the window
            log.error("draft check failed", exc_info=exc)
        if job == self._job:
            self.summary.setText(f"The draft could not be checked: {exc}")

    def reload_draft(self) -> None:
        """Re-read the watched draft file and check it again; a file that cannot be read (being
        saved, deleted) keeps the last result and says so in the summary line."""
        if self.draft_path is None:
            return
        if str(self.draft_path) not in self.watcher.files() and self.draft_path.exists():
            self.watcher.addPath(str(self.draft_path))  # editors that save by renaming drop the watch
        try:
            document = load_document(self.draft_path)
        except DocumentError as exc:
            log.info("draft not re-read: %s", exc)
            self.summary.setText(f"The draft could not be read again: {exc}")
            return
        self.set_draft_text(document.text)

    def _on_file_changed(self, path: str) -> None:
        self.debounce.start()

    # -- display --------------------------------------------------------------
    def _show(self) -> None:
        check = self.check
        assert check is not None
        self._source_link = [-1] * len(check.source_sentences)
        self._draft_link = [-1] * len(check.draft_sentences)
        for k, link in enumerate(check.links):
            for i in link.source:
                self._source_link[i] = k
            for j in link.draft:
                self._draft_link[j] = k
        self.source_column.set_text(check.source_text)
        self.draft_column.set_text(check.draft_text)
        if self.translations is not None:
            # One line per source paragraph, its sentences' translations run on as in the draft.
            paragraphs = [s.paragraph for s in check.source_sentences]
            text, spans = "", []
            for i, t in enumerate(self.translations):
                if i:
                    same = i < len(paragraphs) and paragraphs[i] == paragraphs[i - 1]
                    text += " " if same else "\n"
                spans.append((len(text), len(text) + len(t)))
                text += t
            self._mt_spans = spans
            self.mt_column.set_text(text)
        self.flag_model.set_check(check)
        counts = check.flag_counts()
        flags = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(counts.items())) or "no flags"
        note = "" if check.dictionary_used else " (aligned without the Arabic lexicon: by length, numbers and names)"
        self.summary.setText(f"{len(check.links)} links; {flags}{note}")
        self.current_link = self.hovered_link = -1
        self.word_links = DraftWordLinks(check, self.translations, self._mt_spans if self.translations is not None else None)
        self.word_highlights = {}
        self._paint()

    def _hover_word(self, column: str, offset: int) -> None:
        """Paint the word at ``offset`` of ``column`` and the words linked to it in the others."""
        if self.word_links is not None:
            found = self.word_links.highlights_at(column, offset)
            if found != self.word_highlights:
                self.word_highlights = found
                self._paint()

    def _link_spans(self, k: int, color: QColor, with_flag_spans: bool) -> tuple[list, list, list]:
        check = self.check
        link, flags = check.links[k], check.flags[k]
        src = [(check.source_sentences[i].start, check.source_sentences[i].end, color) for i in link.source]
        dft = [(check.draft_sentences[j].start, check.draft_sentences[j].end, color) for j in link.draft]
        mt = [(*self._mt_spans[i], color) for i in link.source] if self.translations is not None else []
        if with_flag_spans:
            src += [(s, e, qcolor("flag_span")) for f in flags for s, e in f.source_spans]
            dft += [(s, e, qcolor("flag_span")) for f in flags for s, e in f.draft_spans]
        return src, dft, mt

    def repaint_highlights(self) -> None:
        """Paint the highlights again (in the colours of the theme now in use)."""
        self._paint()

    def _paint(self) -> None:
        """Flagged links tinted; the hovered or selected link highlighted in all columns."""
        if self.check is None:
            return
        src: list = []
        dft: list = []
        mt: list = []
        for k, flags in enumerate(self.check.flags):
            if flags:
                a, b, c = self._link_spans(k, qcolor("flagged"), False)
                src += a; dft += b; mt += c  # noqa: E702
        for k in dict.fromkeys((self.current_link, self.hovered_link)):
            if k >= 0:
                color = qcolor("selected_flagged" if self.check.flags[k] else "selected")
                a, b, c = self._link_spans(k, color, True)
                src += a; dft += b; mt += c  # noqa: E702
        words = self.word_highlights
        self.source_column.set_spans(src + words.get(SOURCE, []))
        self.draft_column.set_spans(dft + words.get(DRAFT, []))
        self.mt_column.set_spans(mt + words.get(MT, []))

    def highlighted_spans(self) -> dict[str, list[tuple[int, int]]]:
        """Character spans highlighted as the current or hovered link, per column
        ("source", "draft", "mt"): what the user sees marked."""
        result: dict[str, list[tuple[int, int]]] = {"source": [], "draft": [], "mt": []}
        for k in dict.fromkeys((self.current_link, self.hovered_link)):
            if k >= 0:
                a, b, c = self._link_spans(k, qcolor("selected"), False)
                result["source"] += [(s, e) for s, e, _ in a]
                result["draft"] += [(s, e) for s, e, _ in b]
                result["mt"] += [(s, e) for s, e, _ in c]
        return result

    # -- gestures -------------------------------------------------------------
    def _link_at(self, table: list[int], sentences, offset: int) -> int:
        if not sentences:
            return -1
        k = sentence_at_caret(sentences, offset)
        return -1 if k is None else table[k]

    def _hover(self, table, sentences, offset: int) -> None:
        link = self._link_at(table, sentences, offset)
        if link != self.hovered_link:
            self.hovered_link = link
            self._paint()

    def _click(self, table, sentences, offset: int) -> None:
        link = self._link_at(table, sentences, offset)
        if link >= 0:
            self.select_link(link, scroll=False)

    def select_link(self, k: int, scroll: bool = True) -> None:
        """Select link ``k``: highlight it in every column and, with ``scroll``, bring it into view."""
        if self.check is None or not 0 <= k < len(self.check.links):
            return
        self.current_link = k
        self._paint()
        if scroll:
            link = self.check.links[k]
            if link.source:
                self.source_column.scroll_to(self.check.source_sentences[link.source[0]].start)
                if self.translations is not None:
                    self.mt_column.scroll_to(self._mt_spans[link.source[0]][0])
            if link.draft:
                self.draft_column.scroll_to(self.check.draft_sentences[link.draft[0]].start)
        self.linkSelected.emit(k)

    def _on_flag_clicked(self, index: QModelIndex) -> None:
        self.select_link(index.data(LINK_ROLE))


class DraftWindow(QMainWindow):
    """A top-level window around a :class:`DraftView`, opened by the reader's
    File > Open translation… for the article it shows."""

    def __init__(self, parent=None, tasks: Runner | None = None,
                 fonts: Callable[[], tuple[QFont, QFont]] | None = None) -> None:
        super().__init__(parent)
        self.view = DraftView(tasks=tasks)
        self.fonts = fonts  # the reader's (Arabic, English) fonts, zoom included
        self.setCentralWidget(self.view)
        self.resize(1300, 820)
        self.restyle()

    def restyle(self, *_changed) -> None:
        """Take the reader's fonts again and repaint the highlights in the current theme's
        colours: connected to the reader's theme and settings changes (a new application style
        sheet polishes the columns back to the default font)."""
        if self.fonts is not None:
            self.view.set_fonts(*self.fonts())
        self.view.repaint_highlights()

    def open(self, source_text: str, draft_path: str | Path, translations: Sequence[str] | None = None) -> None:
        """Check the draft file against ``source_text``. Raises :class:`DocumentError`."""
        self.view.set_source(source_text, translations)
        self.view.open_draft(draft_path)
        self.setWindowTitle(f"{Path(draft_path).name} — translation check — Qari")
