"""The glossary in the window: popup, term dialog, table model, "My glossary" dialog."""
import csv
import sqlite3
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.glossary_dialog import GlossaryDialog
from gui.glossary_model import GlossaryModel
from gui.glossary_popup import GlossaryPopup
from gui.term_dialog import TermDialog
from models.glossary.exchange import IMPORT_BATCH_ROWS
from models.glossary.store import Term, TermStore


@pytest.fixture
def store(tmp_path):
    with TermStore(tmp_path / "g.sqlite3") as s:
        yield s


def test_popup_shows_best_analysis_and_others_one_click_away(qtbot, service):
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    popup.show_word("والمساعدات", service.analyses("والمساعدات", "and the aid"))
    popup.show()
    assert popup.word_label.text() == "والمساعدات"
    best = popup.best_label.text()
    assert "وَ + ال + مُساعَد + ات" in best and "assistance" in best and "wa-al-mus" in best
    assert "conjunction" in best and "article" in best
    assert popup.others_button.isVisible() and not popup.others_label.isVisible()
    qtbot.mouseClick(popup.others_button, Qt.MouseButton.LeftButton)
    assert popup.others_label.isVisible()
    assert "assistant" in popup.others_label.text()


def test_a_prefix_is_glossed_by_its_tag_not_as_missing(qtbot, service):
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    popup.show_word("سيذهب", service.analyses("سيذهب"))
    best = popup.best_label.text()
    assert "future" in best and "go" in best and "(no gloss)" not in best


def test_popup_for_unknown_word_offers_to_add_it(qtbot, service):
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    popup.show_word("ولافروف", service.analyses("ولافروف"), sentence="كيري ولافروف قالا", sentence_translation="Lavrov said")
    popup.show()
    assert popup.message_label.isVisible() and popup.message_label.text() == "Not in the lexicon (perhaps a name)."
    assert not popup.best_label.isVisible() and popup.add_button.isVisible()
    # the backoff reading underneath, plainly a guess: segmentation and transliteration, no gloss
    assert popup.backoff_label.isVisible() and "name" in popup.backoff_caption.text()
    reading = popup.backoff_label.text()
    assert "وَ + لافروف" in reading and "wa-lāfrūf" in reading and "proper noun" in reading
    assert "(no gloss)" in reading
    with qtbot.waitSignal(popup.addRequested) as blocker:
        qtbot.mouseClick(popup.add_button, Qt.MouseButton.LeftButton)
    term = blocker.args[0]
    assert (term.term, term.sentence, term.sentence_translation) == ("ولافروف", "كيري ولافروف قالا", "Lavrov said")
    assert term.translation == "" and term.vocalized == ""  # the backoff is no gloss


def test_popup_has_no_gap_for_hidden_rows_and_aligns_arabic_right(qtbot, service):
    popup = GlossaryPopup(arabic_family="Amiri")
    qtbot.addWidget(popup)
    popup.show_word("وزير", service.analyses("وزير", "minister"))
    popup.show()
    assert not popup.user_box.isVisible()
    gap = popup.best_label.geometry().top() - popup.word_label.geometry().bottom()
    assert 0 <= gap <= popup.layout().spacing() + 1
    assert popup.word_label.font().family() == "Amiri" and popup.word_label.font().pointSize() >= 20
    assert popup.word_label.alignment() & Qt.AlignmentFlag.AlignRight
    assert popup.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_popup_puts_the_learners_entry_first(qtbot, service):
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    mine = Term("هدنة", translation="truce (my note)", status="learning", id=1)
    popup.show_word("الهدنة", service.analyses("الهدنة"), [mine])
    popup.show()
    assert popup.user_label.isVisible() and "truce (my note)" in popup.user_label.text()
    assert "learning" in popup.user_label.text()
    assert popup.user_box.geometry().bottom() < popup.best_label.geometry().top()
    with qtbot.waitSignal(popup.editRequested) as blocker:
        qtbot.mouseClick(popup.edit_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] is mine


def test_popup_while_the_lexicon_loads(qtbot):
    popup = GlossaryPopup()
    qtbot.addWidget(popup)
    popup.show_word("كتاب", None)
    assert "Loading" in popup.message_label.text()


def test_term_dialog_saves_and_reports_duplicates(qtbot, store):
    dialog = TermDialog(store, Term("وقف إطلاق النار", sentence="دعا إلى وقف إطلاق النار"))
    qtbot.addWidget(dialog)
    dialog.translation_edit.setText("ceasefire")
    dialog.status_combo.setCurrentText("learning")
    dialog.accept()
    assert dialog.result() == TermDialog.DialogCode.Accepted
    saved = store.find("وقف اطلاق النار")
    assert (saved.translation, saved.status, saved.sentence) == ("ceasefire", "learning", "دعا إلى وقف إطلاق النار")
    again = TermDialog(store, Term("وَقْف إطلاق النار"))
    qtbot.addWidget(again)
    again.show()
    again.accept()
    assert again.error_label.isVisible() and "already" in again.error_label.text()
    assert again.saved is None


def test_glossary_model_passes_the_model_tester_and_saves_edits(qtmodeltester, store):
    store.add(Term("هدنة", translation="truce"))
    store.add(Term("جبهة النصرة", translation="al-Nusra Front", status="known"))
    model = GlossaryModel(store)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0)) == "جبهة النصرة"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Status"
    assert model.setData(model.index(0, 3), "known")
    assert store.find("هدنة").status == "known"
    errors = []
    model.errorOccurred.connect(errors.append)
    assert not model.setData(model.index(0, 3), "forgotten")
    assert errors and store.find("هدنة").status == "known"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_glossary_dialog_exports_and_imports(qtbot, store, tmp_path):
    store.add(Term("هدنة", translation="truce", sentence="تم التوصل إلى هدنة.", sentence_translation="A truce was reached."))
    dialog = GlossaryDialog(store)
    qtbot.addWidget(dialog)
    dialog.export_csv(tmp_path / "out.csv")
    with open(tmp_path / "out.csv", encoding="utf-8") as handle:
        assert [r["term"] for r in csv.DictReader(handle)] == ["هدنة"]
    assert "Exported 1 terms" in dialog.message.text()
    dialog.export_anki(tmp_path / "deck.apkg")
    assert zipfile.is_zipfile(tmp_path / "deck.apkg")
    (tmp_path / "in.csv").write_text("term,translation\nمستورا,de Mistura\nhello,x\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.changed):
        dialog.import_csv(tmp_path / "in.csv")
    assert dialog.model.rowCount() == 2
    assert "Imported 1 new" in dialog.message.text()
    assert "Skipped 1 row (line 3: no Arabic word in the term)" in dialog.message.text()
    dialog.view.selectRow(0)
    dialog.delete_term()
    assert [t.term for t in store.all()] == ["مستورا"]


@pytest.mark.parametrize("sentence", ["", "تم التوصل إلى هدنة في سوريا بعد محادثات طويلة في جنيف"])
def test_term_dialog_keeps_its_layout_when_it_shows_an_error(qtbot, store, sentence):
    long_term = "وقف الأعمال العدائية في جميع أنحاء البلاد باستثناء المناطق التي يسيطر عليها تنظيم الدولة"
    store.add(Term(long_term))
    dialog = TermDialog(store, Term(long_term, sentence=sentence))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = (dialog.term_edit, dialog.translation_edit, dialog.vocalized_edit, dialog.status_combo,
              dialog.note_edit, dialog.buttons)

    def layout():
        QApplication.processEvents()
        return dialog.size(), [w.geometry() for w in fields]

    before = layout()
    dialog.accept()
    assert dialog.saved is None and "already in your glossary" in dialog.error_label.text()
    assert layout() == before
    assert dialog.error_label.isVisible() and dialog.error_label.height() >= 2 * dialog.error_label.fontMetrics().height()
    dialog.term_edit.setText("hello")  # another error, shorter
    dialog.accept()
    assert "Arabic word" in dialog.error_label.text() and layout() == before


def write_terms_csv(path, rows):
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    path.write_text("term,translation\n" + "".join(
        f"{letters[i % 27]}{letters[i // 27 % 27]}{letters[i // 729]},t{i}\n" for i in range(rows)), encoding="utf-8")


@pytest.fixture
def import_setup(qtbot, tmp_path):
    """A glossary file, a dialog on it, a CSV file of a little over two batches, and a second
    connection that can hold the glossary's write lock."""
    path = tmp_path / "g.sqlite3"
    rows = 2 * IMPORT_BATCH_ROWS + 7
    source = tmp_path / "in.csv"
    write_terms_csv(source, rows)
    with TermStore(path) as store:
        dialog = GlossaryDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        blocker = sqlite3.connect(path, isolation_level=None)
        yield dialog, store, source, rows, blocker
        blocker.close()


def test_csv_import_runs_in_the_background_with_progress(qtbot, import_setup):
    dialog, store, source, rows, blocker = import_setup
    seen = []
    dialog.progress_bar.valueChanged.connect(seen.append)
    blocker.execute("BEGIN IMMEDIATE")  # the import cannot store a row until this ends
    dialog.import_csv(source)
    # Back at once, the import waiting in its own thread: the window answers meanwhile.
    assert dialog.importing and dialog.progress_bar.isVisible() and dialog.stop_button.isVisible()
    assert not dialog.import_button.isEnabled() and dialog.model.rowCount() == 0
    dialog.import_csv(source)
    assert dialog.message.text() == "An import is running already."
    with qtbot.waitSignal(dialog.changed, timeout=60000):
        blocker.execute("ROLLBACK")
    assert [v for v in seen if v > 0] == [IMPORT_BATCH_ROWS, 2 * IMPORT_BATCH_ROWS, rows]
    assert dialog.model.rowCount() == len(store.all()) == rows
    assert dialog.message.text() == f"Imported {rows} new terms, updated 0."
    assert not dialog.importing and not dialog.progress_bar.isVisible() and not dialog.stop_button.isVisible()
    assert dialog.import_button.isEnabled()


def test_stop_ends_the_import_after_the_batch_in_hand(qtbot, import_setup):
    dialog, store, source, rows, blocker = import_setup
    blocker.execute("BEGIN IMMEDIATE")
    dialog.import_csv(source)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not dialog.stop_button.isEnabled() and "Stopping" in dialog.message.text()
    with qtbot.waitSignal(dialog.changed, timeout=60000):
        blocker.execute("ROLLBACK")
    stored = len(store.all())
    # Stopped before its first batch, or after it if that was waiting for the lock already.
    assert stored in (0, IMPORT_BATCH_ROWS) and dialog.model.rowCount() == stored
    assert dialog.message.text().startswith(f"Stopped after {stored} of {rows} rows. Imported {stored} new terms")


@pytest.mark.parametrize("end", ["close the dialog", "quit the application"])
def test_closing_the_dialog_or_quitting_stops_the_import_and_waits_for_it(qtbot, import_setup, end):
    dialog, store, source, rows, _ = import_setup
    dialog.import_csv(source)
    if end == "close the dialog":
        dialog.reject()
    else:
        QApplication.instance().aboutToQuit.emit()  # what QApplication.quit() sends before the windows go
    stored = len(store.all())
    qtbot.wait(300)
    assert len(store.all()) == stored  # nothing writes any more
    assert stored % IMPORT_BATCH_ROWS == 0 or stored == rows  # whole batches only


def test_a_glossary_in_memory_is_imported_on_the_gui_thread(qtbot, tmp_path):
    write_terms_csv(tmp_path / "in.csv", 30)
    with TermStore(":memory:") as store:
        dialog = GlossaryDialog(store)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.changed, timeout=1000):
            dialog.import_csv(tmp_path / "in.csv")
        assert dialog.model.rowCount() == 30 and dialog.message.text() == "Imported 30 new terms, updated 0."


def test_a_csv_file_that_cannot_be_imported_is_explained(qtbot, import_setup, tmp_path):
    dialog, store, _, _, _ = import_setup
    (tmp_path / "bad.csv").write_text("word;meaning\nهدنة;truce\n", encoding="utf-8")
    with qtbot.waitSignal(dialog.changed, timeout=60000):
        dialog.import_csv(tmp_path / "bad.csv")
    assert dialog.message.text().startswith("bad.csv has no 'term' column")
    assert not dialog.importing and dialog.import_button.isEnabled() and store.all() == []

