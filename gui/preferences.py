"""Preferences dialog: one field per labelled option of :data:`gui.settings.OPTIONS`."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFontComboBox, QFormLayout,
                               QLineEdit, QSpinBox, QWidget)

from gui.settings import OPTIONS, Option, Settings


def _editor(option: Option, value: Any) -> QWidget:
    if option.type is bool:
        widget = QCheckBox()
        widget.setChecked(bool(value))
    elif option.font:
        widget = QFontComboBox()
        widget.lineEdit().setPlaceholderText(option.special)
        widget.setEditText(str(value))  # "" shows the placeholder: the default font
    elif option.choices:
        widget = QComboBox()
        widget.addItems(list(option.choices))
        widget.setCurrentText(str(value))
    elif option.type is int:
        widget = QSpinBox()
        widget.setRange(option.minimum, option.maximum)
        widget.setSpecialValueText(option.special)
        widget.setValue(int(value))
    elif option.type is float:
        widget = QDoubleSpinBox()
        widget.setRange(option.minimum, option.maximum)
        widget.setDecimals(1)
        widget.setSingleStep(0.5)
        widget.setSuffix(" pt")
        widget.setValue(float(value))
    else:
        widget = QLineEdit(str(value))
    widget.setToolTip(option.description)
    widget.setObjectName(option.name)
    return widget


def _value(option: Option, widget: QWidget) -> Any:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QFontComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    return widget.text().strip() or option.default


class PreferencesDialog(QDialog):
    """Edits the labelled settings; OK stores the changed ones (``Settings.changed`` is emitted
    for each), Cancel nothing."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for option in OPTIONS.values():
            if option.label:
                self.editors[option.name] = _editor(option, settings.get(option.name))
                form.addRow(option.label, self.editors[option.name])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        for name, widget in self.editors.items():
            self.settings.set(name, _value(OPTIONS[name], widget))
        super().accept()
