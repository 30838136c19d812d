"""The open article as a Qt table model: one row per sentence, source and target columns."""
from __future__ import annotations

import enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.documents import Document


class State(enum.IntEnum):
    """Where a sentence's translation stands."""

    PENDING = 0  # waiting for the model
    TRANSLATED = 1  # machine translation
    PASSED_THROUGH = 2  # no Arabic letter: shown as it is, not sent to the model
    UNAVAILABLE = 3  # no model loaded
    PROVISIONAL = 4  # a quick greedy draft, shown until the final translation arrives


SOURCE, TARGET = 0, 1
SentenceIdRole = Qt.ItemDataRole.UserRole + 1
ParagraphRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3
SpanRole = Qt.ItemDataRole.UserRole + 4  # (start, end) character offsets into the document text

_Index = QModelIndex | QPersistentModelIndex


_SHOWN = (State.TRANSLATED, State.PASSED_THROUGH, State.PROVISIONAL)  # states whose target text is shown


class SentenceModel(QAbstractTableModel):
    """Rows are the document's sentences in order (row == sentence id); column 0 is the Arabic
    source, column 1 the translation (empty string until it arrives).

    The states are one byte a sentence, so that a change to every sentence (the model goes
    missing or comes back) and the counts are single C-speed passes (``bytes.translate``,
    ``bytearray.count``), a millisecond for a book of 100,000 sentences, not a Python loop."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document: Document | None = None
        self._target: list[str] = []  # meaningful only in the states of _SHOWN
        self._state = bytearray()
        self._translatable = 0  # how many sentences have an Arabic letter

    # -- loading and updating -------------------------------------------------
    def set_document(self, document: Document | None) -> None:
        self.beginResetModel()
        self.document = document
        n = len(document.sentences) if document else 0
        self._target = [""] * n
        self._state = bytearray(n)  # State.PENDING
        self._translatable = sum(s.translatable for s in document.sentences) if document else 0
        self.endResetModel()

    def add_part(self, sentences: list, end: int) -> None:
        """Append the next part of the document's sentences (from
        :meth:`models.documents.Document.next_part`), pending, as new rows."""
        if self.document is None or not sentences:
            if self.document is not None:
                self.document.segmented_to = end
            return
        first = len(self._target)
        self.beginInsertRows(QModelIndex(), first, first + len(sentences) - 1)
        self.document.add_part(sentences, end)
        self._target.extend([""] * len(sentences))
        self._state.extend(bytes(len(sentences)))  # State.PENDING
        self._translatable += sum(s.translatable for s in sentences)
        self.endInsertRows()

    def set_translation(self, sentence_id: int, text: str, translated: bool, provisional: bool = False) -> None:
        """Store a sentence's target text; ``translated`` False means passed through unchanged.
        ``provisional``: a draft (:attr:`State.PROVISIONAL`) to show until the final translation
        comes; it never replaces a final one."""
        if not 0 <= sentence_id < len(self._target):
            return
        if provisional:
            if self._state[sentence_id] in (State.TRANSLATED, State.PASSED_THROUGH):
                return
            state = State.PROVISIONAL
        else:
            state = State.TRANSLATED if translated else State.PASSED_THROUGH
        self._target[sentence_id] = text
        self._state[sentence_id] = state
        index = self.index(sentence_id, TARGET)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, StateRole])

    def set_translations(self, translations: dict[int, tuple[str, bool]]) -> None:
        """Store many final translations at once: ``{sentence id: (target text, machine
        translated)}``, as :meth:`set_translation` does, with one ``dataChanged`` for the rows
        from the first to the last (a view refreshes them in one go, or in slices)."""
        rows = [i for i in translations if 0 <= i < len(self._target)]
        for i in rows:
            text, translated = translations[i]
            self._target[i] = text
            self._state[i] = State.TRANSLATED if translated else State.PASSED_THROUGH
        if rows:
            self.dataChanged.emit(self.index(min(rows), TARGET), self.index(max(rows), TARGET),
                                  [Qt.ItemDataRole.DisplayRole, StateRole])

    def mark_unavailable(self, first: int = 0) -> None:
        """No model: pending sentences (from row ``first`` on) stay untranslated (passed-through
        ones keep their text). One ``dataChanged`` for the range of rows changed."""
        self._set_pending_to(State.UNAVAILABLE, first=first)

    def mark_pending(self) -> None:
        """A model is back: untranslated sentences are waiting for it again."""
        self._set_pending_to(State.PENDING, frm=State.UNAVAILABLE)

    def forget_translations(self) -> None:
        """The translations shown were made by another model or backend: translated sentences
        (and drafts) wait for a new translation, with no text meanwhile."""
        self._set_pending_to(State.PENDING, frm=(State.TRANSLATED, State.PROVISIONAL))

    def _set_pending_to(self, state: State, frm: State | tuple[State, ...] = State.PENDING, first: int = 0) -> None:
        frm = frm if isinstance(frm, tuple) else (frm,)
        table = bytearray(range(256))
        for old in frm:
            table[old] = state
        changed = [i for i in (self._state.find(old, first) for old in frm) if i >= 0]
        if not changed:
            return
        last = max(self._state.rfind(old, first) for old in frm)
        self._state[first:] = self._state[first:].translate(table)
        self.dataChanged.emit(self.index(min(changed), TARGET), self.index(last, TARGET), [StateRole])

    # -- queries --------------------------------------------------------------
    def state(self, sentence_id: int) -> State:
        return State(self._state[sentence_id])

    def target(self, sentence_id: int) -> str:
        return self._target[sentence_id] if self._state[sentence_id] in _SHOWN else ""

    def count(self, state: State) -> int:
        return self._state.count(state)

    def translatable_count(self) -> int:
        """How many sentences have an Arabic letter (those to translate)."""
        return self._translatable

    def translations(self) -> dict[int, tuple[str, bool]]:
        """Sentence id -> (target text, machine translated) for the sentences that have a final
        one (provisional drafts are left out)."""
        return {
            i: (t, s == State.TRANSLATED)
            for i, (t, s) in enumerate(zip(self._target, self._state))
            if s == State.TRANSLATED or s == State.PASSED_THROUGH
        }

    # -- Qt model interface ---------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._target)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.document is None:
            return None
        row, col = index.row(), index.column()
        sentence = self.document.sentences[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return sentence.text if col == SOURCE else self.target(row)
        if role == SentenceIdRole:
            return sentence.id
        if role == ParagraphRole:
            return sentence.paragraph
        if role == StateRole:
            return self._state[row]
        if role == SpanRole:
            return (sentence.start, sentence.end)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            rtl = col == SOURCE and sentence.translatable
            return int(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Arabic", "English")[section] if 0 <= section < 2 else None
        return None
