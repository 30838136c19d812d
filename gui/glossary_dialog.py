"""The "My glossary" window: the learner's terms in a table, with add, edit, delete, export to
CSV or an Anki deck, and import from CSV.

A CSV import runs as a background task (:mod:`gui.tasks`) on a connection of its own to the
glossary file (SQLite in WAL mode: the window goes on reading while it writes), storing the rows
in batches (:func:`models.glossary.exchange.import_csv`); the dialog shows its progress and a
Stop button, which ends it after the batch in hand. Closing the dialog stops it the same way.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from gui.file_chooser import choose_path
from gui.glossary_frequency import FrequencyFilter, band_combo
from gui.glossary_model import COLUMNS, GlossaryModel
from gui.tasks import Runner, SynchronousRunner, TaskRunner
from gui.term_dialog import TermDialog
from models.glossary import exchange
from models.glossary.store import Term, TermStore
from models.errors import QariError, TermError

log = logging.getLogger(__name__)


#: Longest wait for an import's batch in hand when the dialog closes, in milliseconds.
CLOSE_WAIT_MS = 10_000


class ImportProgress(QObject):
    """Carries ``(rows_done, rows_total)`` from an import's thread to the dialog: a signal
    emitted there is queued to the dialog's thread. It has no parent, so that it outlives the
    dialog while the import may still report."""

    reported = Signal(int, int)


class GlossaryDialog(QDialog):
    """Shows ``store``; emits ``changed()`` after any change so the reading panes re-highlight
    (once at the end of an import).

    File paths are asked in a file dialog unless given (tests pass them). ``tasks`` runs the CSV
    import (default: a runner of the dialog's own, shut down when it closes); a glossary held in
    memory, which no other connection can open, is imported on the GUI thread."""

    changed = Signal()

    def __init__(self, store: TermStore, parent: QWidget | None = None, tasks: Runner | None = None):
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
        self._own_tasks = tasks is None
        self._tasks: Runner = TaskRunner(self) if tasks is None else tasks
        self._stop_import: threading.Event | None = None  # set while an import runs
        QCoreApplication.instance().aboutToQuit.connect(self.shut_down)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setFormat("Importing: %v of %m rows")
        self.progress_bar.hide()
        self.stop_button = QPushButton("&Stop import")
        self.stop_button.clicked.connect(self.stop_import)
        self.stop_button.hide()
        progress = QHBoxLayout()
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.stop_button)
        buttons = QHBoxLayout()
        for text, slot in (("&Add…", self.add_term), ("&Edit…", lambda: self.edit_term()), ("&Delete", self.delete_term),
                           ("Export &CSV…", lambda: self.export_csv()), ("Export A&nki…", lambda: self.export_anki()),
                           ("&Import CSV…", lambda: self.import_csv())):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.import_button = button
        buttons.addStretch(1)
        buttons.addWidget(self.frequency_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        layout.addLayout(progress)
        layout.addLayout(buttons)
        self.resize(760, 460)

    def _filter_band(self) -> None:
        self.proxy.set_band(self.frequency_filter.currentData())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else -1

    def _after_change(self, message: str, terms: list[Term] | None = None) -> None:
        self.model.reload(terms)
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
        """Import a CSV file (asked for unless given) in the background; the summary is shown,
        and ``changed`` emitted, when it ends."""
        if self.importing:
            self.show_message("An import is running already.")
        elif path is not None:
            self._start_import(Path(path))
        else:
            choose_path(self, "Import terms from CSV", lambda chosen: self._start_import(Path(chosen)),
                        "CSV files (*.csv *.tsv *.txt);;All files (*)")

    def _start_import(self, target: Path) -> None:
        stop = self._stop_import = threading.Event()
        progress = ImportProgress()
        progress.reported.connect(self._show_progress)
        store_path, in_memory = self.store.path, self.store.in_memory

        def import_rows() -> tuple[exchange.ImportReport, list[Term]]:
            """The import's report, and the terms afterwards (30,000 take half a second to read:
            not on the GUI thread)."""
            if in_memory:
                return exchange.import_csv(self.store, target, progress.reported.emit, stop.is_set), self.store.all()
            with TermStore(store_path) as store:  # a connection of this thread's own
                return exchange.import_csv(store, target, progress.reported.emit, stop.is_set), store.all()

        self.progress_bar.setRange(0, 0)  # busy until the first batch is stored
        self.progress_bar.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()
        self.import_button.setEnabled(False)
        self.show_message(f"Importing {target.name}…")
        runner = SynchronousRunner() if in_memory else self._tasks
        runner.run(import_rows, self._import_done, self._import_failed, context=self)

    @property
    def importing(self) -> bool:
        """True while a CSV import runs."""
        return self._stop_import is not None

    def stop_import(self) -> None:
        """Ask the running import to stop after the batch in hand (the rows stored are kept)."""
        if self._stop_import is not None:
            self._stop_import.set()
            self.stop_button.setEnabled(False)
            self.show_message("Stopping the import after the rows in hand…")

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _import_ended(self) -> None:
        self._stop_import = None
        self.progress_bar.hide()
        self.stop_button.hide()
        self.import_button.setEnabled(True)

    def _import_done(self, outcome: tuple[exchange.ImportReport, list[Term]]) -> None:
        report, terms = outcome
        self._import_ended()
        self._after_change(report.summary(), terms)

    def _import_failed(self, error: BaseException) -> None:
        self._import_ended()
        if isinstance(error, QariError):
            message = str(error)
        else:
            log.error("CSV import failed", exc_info=error)
            message = f"The import failed: {error}. The rows stored before are kept."
        self._after_change(message)

    def done(self, result: int) -> None:
        """Closing stops a running import (:meth:`shut_down`)."""
        self.shut_down()
        super().done(result)

    def shut_down(self) -> None:
        """Stop a running import after its batch in hand and shut down the dialog's own runner
        (waiting up to :data:`CLOSE_WAIT_MS`): when the dialog closes, and when the application
        quits with the dialog open."""
        self.stop_import()
        if self._own_tasks:
            self._tasks.shutdown(CLOSE_WAIT_MS)
            self._tasks = TaskRunner(self)  # should the dialog be shown again
