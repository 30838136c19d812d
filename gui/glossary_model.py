"""The learner's glossary as a Qt table model over :class:`models.glossary.store.TermStore`."""
from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from gui.colors import status_background
from gui.glossary_frequency import band_data
from models.glossary.store import STATUSES, Term, TermStore
from models.errors import TermError

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
#: (attribute, header) per column.
COLUMNS = (("term", "Term"), ("translation", "Translation"), ("vocalized", "Vocalized"), ("status", "Status"), ("note", "Note"),
           ("frequency", "How common"))
EDITABLE = {"translation", "status", "note", "vocalized"}
#: Role returning the row's :class:`Term`.
TermRole = Qt.ItemDataRole.UserRole + 1


class GlossaryModel(QAbstractTableModel):
    """One row per stored term, oldest first. Translation, vocalized form, status and note are
    editable in place; each edit is saved at once (one transaction). ``errorOccurred(str)``
    carries a sentence for the user when a change cannot be saved."""

    errorOccurred = Signal(str)

    def __init__(self, store: TermStore, parent=None):
        super().__init__(parent)
        self.store = store
        self._terms: list[Term] = store.all()

    def reload(self, terms: list[Term] | None = None) -> None:
        """Show ``terms`` (the store's, read elsewhere), or read the store's terms again
        (after changes made elsewhere)."""
        terms = self.store.all() if terms is None else terms
        self.beginResetModel()
        self._terms = terms
        self.endResetModel()

    def refresh_frequencies(self) -> None:
        """Ask the views to read the frequency column again (once the lexicon has loaded)."""
        column = [name for name, _ in COLUMNS].index("frequency")
        if self._terms:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._terms) - 1, column))

    def term(self, row: int) -> Term:
        return self._terms[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._terms)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._terms):
            return None
        term = self._terms[index.row()]
        attr = COLUMNS[index.column()][0]
        if attr == "frequency":
            return band_data(term.term, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return getattr(term, attr)
        if role == Qt.ItemDataRole.BackgroundRole and attr == "status":
            return status_background(term.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and attr in ("term", "vocalized"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == TermRole:
            return term
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()][0] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        attr = COLUMNS[index.column()][0]
        if attr not in EDITABLE:
            return False
        value = str(value).strip()
        if attr == "status" and value not in STATUSES:
            self.errorOccurred.emit(f"Status must be one of: {', '.join(STATUSES)}.")
            return False
        try:
            saved = self.store.update(replace(self._terms[index.row()], **{attr: value}))
        except TermError as exc:
            log.info("term not saved: %s", exc)
            self.errorOccurred.emit(str(exc))
            return False
        self._terms[index.row()] = saved
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(len(COLUMNS) - 1))
        return True
