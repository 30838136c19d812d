"""The "My glossary" window: the learner's terms in a table, with add, edit, delete, export to
CSV or an Anki deck, and import from CSV."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from gui.file_chooser import choose_path
from gui.glossary_frequency import FrequencyFilter, band_combo
from gui.glossary_model import COLUMNS, GlossaryModel
from gui.term_dialog import TermDialog
from models.glossary import exchange
from models.glossary.store import Term, TermStore
from models.errors import TermError

log = logging.getLogger(__name__)


class GlossaryDialog(QDialog):
    """Shows ``store``; emits ``changed()`` after any change so the reading panes re-highlight.

    File paths are asked in a file dialog unless given (tests pass them)."""

    changed = Signal()

    def __init__(self, store: TermStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("My glossary")
        self.store = store
        self.model = GlossaryModel(store, self)
        self.model.errorOccurred.connect(self.show_message)
        self.model.dataChanged.connect(lambda *_: self.changed.emit())
        self.proxy = FrequencyFilter([name for name, _ in COLUMNS].index("frequency"), self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()  # stored order until a column's header is clicked
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.proxy.sort)
        self.frequency_filter = band_combo()
        self.frequency_filter.currentIndexChanged.connect(self._filter_band)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda index: self.edit_term(self.proxy.mapToSource(index).row()))
        self.message = QLabel()
        self.message.setObjectName("glossaryMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (("&Add…", self.add_term), ("&Edit…", lambda: self.edit_term()), ("&Delete", self.delete_term),
                           ("Export &CSV…", lambda: self.export_csv()), ("Export A&nki…", lambda: self.export_anki()),
                           ("&Import CSV…", lambda: self.import_csv())):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.frequency_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 460)

    def _filter_band(self) -> None:
        self.proxy.set_band(self.frequency_filter.currentData())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else -1

    def _after_change(self, message: str) -> None:
        self.model.reload()
        self.show_message(message)
        self.changed.emit()

    def _open_term_dialog(self, term: Term, done: str) -> TermDialog:
        """Open a window-modal dialog on ``term``; when it is saved, say ``done`` (with
        ``{term}``: the saved term)."""
        dialog = TermDialog(self.store, term, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_change(done.format(term=dialog.saved.term)))
        dialog.open()
        return dialog

    def add_term(self) -> None:
        self._open_term_dialog(Term(""), "Added {term}.")

    def edit_term(self, row: int | None = None) -> None:
        row = self._selected_row() if row is None else row
        if row < 0:
            self.show_message("Select a term first.")
            return
        self._open_term_dialog(self.model.term(row), "Saved {term}.")

    def delete_term(self) -> None:
        row = self._selected_row()
        if row < 0:
            self.show_message("Select a term first.")
            return
        term = self.model.term(row)
        self.store.delete(term.id)
        self._after_change(f"Deleted {term.term}.")

    def _run_file_action(self, path, save: bool, title: str, filter_: str, action, done) -> None:
        """Ask for a file (unless ``path`` is given), run ``action(store, file)`` (a function of
        :mod:`models.glossary.exchange`) and report ``done(result, file)``; a :class:`TermError`
        is shown as it is."""
        def run(chosen: str | Path) -> None:
            target = Path(chosen)
            try:
                result = action(self.store, target)
            except TermError as exc:
                self.show_message(str(exc))
                return
            done(result, target)

        if path is not None:
            run(path)
        else:
            choose_path(self, title, run, filter_, save=save)

    def export_csv(self, path: str | Path | None = None) -> None:
        self._run_file_action(path, True, "Export glossary as CSV", "CSV files (*.csv)", exchange.export_csv,
                              lambda count, target: self.show_message(f"Exported {count} terms to {target.name}."))

    def export_anki(self, path: str | Path | None = None) -> None:
        self._run_file_action(path, True, "Export glossary as an Anki deck", "Anki packages (*.apkg)",
                              exchange.export_anki,
                              lambda count, target: self.show_message(f"Exported {count} cards to {target.name}."))

    def import_csv(self, path: str | Path | None = None) -> None:
        self._run_file_action(path, False, "Import terms from CSV", "CSV files (*.csv)", exchange.import_csv,
                              lambda report, _: self._after_change(report.summary()))
