"""My glossary sorts and filters the learner's terms by how common they are."""
import pytest
from PySide6.QtCore import Qt

from gui.glossary_dialog import GlossaryDialog
from gui.glossary_frequency import UNLISTED, BandRole
from gui.glossary_model import COLUMNS
from models.glossary.store import Term, TermStore
from models.lexicon import frequency

FREQUENCY = [name for name, _ in COLUMNS].index("frequency")


@pytest.fixture
def dialog(qtbot, tmp_path, service):
    if frequency.unavailable_reason():
        pytest.skip(frequency.unavailable_reason())
    store = TermStore(tmp_path / "g.sqlite3")
    for word in ("لافروف", "كتب", "التريث", "هدنة"):
        store.add(Term(word, translation="x"))
    dialog = GlossaryDialog(store)
    qtbot.addWidget(dialog)
    yield dialog
    store.close()


def shown(dialog, role=Qt.ItemDataRole.DisplayRole, column=0):
    proxy = dialog.proxy
    return [proxy.index(row, column).data(role) for row in range(proxy.rowCount())]


def test_frequency_column_says_how_common_each_term_is(dialog, qtmodeltester):
    qtmodeltester.check(dialog.model)
    assert dialog.model.headerData(FREQUENCY, Qt.Orientation.Horizontal) == "How common"
    bands = dict(zip(shown(dialog), shown(dialog, BandRole, FREQUENCY)))
    assert bands["كتب"] == 1 and bands["لافروف"] == UNLISTED and 1 < bands["التريث"] < UNLISTED
    texts = dict(zip(shown(dialog), shown(dialog, column=FREQUENCY)))
    assert texts["كتب"] == "very common (top 1,000) · band 1" and texts["لافروف"] == "not in the list"


def test_sorting_by_frequency_and_filtering_one_band(dialog):
    dialog.view.horizontalHeader().setSortIndicator(FREQUENCY, Qt.SortOrder.AscendingOrder)
    bands = shown(dialog, BandRole, FREQUENCY)
    assert bands == sorted(bands) and shown(dialog)[0] == "كتب" and shown(dialog)[-1] == "لافروف"
    combo = dialog.frequency_filter
    combo.setCurrentIndex(combo.findData(1))
    assert shown(dialog) == ["كتب"]
    dialog.view.selectRow(0)  # the selection maps to the stored term through the filter
    assert dialog.model.term(dialog._selected_row()).term == "كتب"
    combo.setCurrentIndex(combo.findData(UNLISTED))
    assert shown(dialog) == ["لافروف"]
    combo.setCurrentIndex(combo.findData(0))
    assert len(shown(dialog)) == 4


def test_the_column_waits_for_the_lexicon_instead_of_loading_it_on_the_gui_thread(qtbot, tmp_path, service,
                                                                               monkeypatch):
    from gui.glossary_frequency import PENDING
    from models.lexicon import index

    loaded = index.loaded_lexicon()
    monkeypatch.setattr(index, "_shared", None)  # as at a first start, before the window's loader is done
    store = TermStore(tmp_path / "g.sqlite3")
    store.add(Term("كتب", translation="x"))
    dialog = GlossaryDialog(store)
    qtbot.addWidget(dialog)
    try:
        assert shown(dialog, column=FREQUENCY) == ["…"] and shown(dialog, BandRole, FREQUENCY) == [PENDING]
        assert index.loaded_lexicon() is None  # reading the column loaded nothing
        monkeypatch.setattr(index, "_shared", loaded)  # the window's loader finished
        with qtbot.waitSignal(dialog.model.dataChanged):
            dialog.model.refresh_frequencies()
        assert shown(dialog, BandRole, FREQUENCY) == [1]
    finally:
        store.close()
