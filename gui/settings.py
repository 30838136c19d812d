"""User settings, declared once with type, default and description, stored with QSettings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from models.engine_api import DEFAULT_MODEL


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    description: str


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("model", str, DEFAULT_MODEL, "MarianMT model: a Hugging Face id or a local folder."),
        Option("backend", str, "auto", "Translation backend: auto, torch, torch-int8 or ctranslate2 (see models.engine_api.BACKENDS)."),
        Option("zoom", int, 0, "Font size change of the reading panes, in points."),
        Option("arabic_on_right", bool, False, "Show the Arabic pane on the right of the translation."),
        Option("hover_delay_ms", int, 350, "Delay before the glossary popup appears, in milliseconds."),
    )
}


class Settings(QObject):
    """Typed access to :data:`OPTIONS`; emits ``changed(name, value)`` when a value is set."""

    changed = Signal(str, object)

    def __init__(self, qsettings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = qsettings or QSettings()

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        value = self.store.value(name, option.default)
        try:
            if option.type is bool and isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return option.type(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        value = option.type(value)
        if value != self.get(name):
            self.store.setValue(name, value)
            self.changed.emit(name, value)
