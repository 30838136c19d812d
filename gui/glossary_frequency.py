"""How common each term of My glossary is: the frequency band column, its sorting and its filter.

The band is that of the term's most common reading (:func:`models.lexicon.frequency.frequency_band`,
Arramooz's word frequencies), looked up once per term text; a term the list lacks (a name, a
phrase) is "not in the list" and sorts last. Until the window has loaded the lexicon (in the
background) a band is "…" and sorts last too: the GUI thread never loads the lexicon itself, and
the dialog asks again when it is ready (:meth:`gui.glossary_model.GlossaryModel.refresh_frequencies`).
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox

from models.lexicon.frequency import FrequencyBand, frequency_band
from models.lexicon.index import loaded_lexicon

#: Role giving a term's band number (1 = very common ... 5 = rare; :data:`UNLISTED` when unknown).
BandRole = Qt.ItemDataRole.UserRole + 2
UNLISTED = 6
NOT_LISTED = "not in the list"
#: Band number while the lexicon is still loading.
PENDING = 7


def band_of(term: str) -> int:
    """The band number of ``term`` (Arabic), :data:`UNLISTED` when the list lacks it,
    :data:`PENDING` while the lexicon is not loaded yet."""
    return _band_of(term) if loaded_lexicon() is not None else PENDING


@lru_cache(maxsize=4096)
def _band_of(term: str) -> int:
    band = frequency_band(term) if term and " " not in term.strip() else None
    return int(band) if band is not None else UNLISTED


def band_text(band: int) -> str:
    if band == PENDING:
        return "…"
    return f"{FrequencyBand(band).label} · band {band}" if band != UNLISTED else NOT_LISTED


def band_data(term: str, role: int):
    """The frequency column's data for ``term`` in ``role``."""
    if role == BandRole:
        return band_of(term)
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return band_text(band_of(term))
    return None


class FrequencyFilter(QSortFilterProxyModel):
    """Sorts the glossary by any column (the frequency column by band number) and keeps the
    rows of one band (:meth:`set_band`; 0: all)."""

    def __init__(self, column: int, parent=None):
        super().__init__(parent)
        self.column = column
        self.band = 0

    def set_band(self, band: int) -> None:
        self.beginFilterChange()  # Qt 6.9+; invalidateFilter is deprecated
        self.band = band
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self.band:
            return True
        return self.sourceModel().index(row, self.column, parent).data(BandRole) == self.band

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        if left.column() == self.column:
            return left.data(BandRole) < right.data(BandRole)
        return super().lessThan(left, right)


def band_combo() -> QComboBox:
    """A combo choosing the band to show: "All frequencies", each band, "Not in the list"
    (item data: the band number, 0 for all)."""
    combo = QComboBox()
    combo.setObjectName("frequencyFilter")
    combo.addItem("All frequencies", 0)
    for band in FrequencyBand:
        combo.addItem(band_text(int(band)).capitalize(), int(band))
    combo.addItem(NOT_LISTED.capitalize(), UNLISTED)
    return combo
