"""User settings, declared once with type, default and description, stored with QSettings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from models.translation.settings import BACKENDS, DEFAULT_MODEL

#: The ``theme`` setting's values: "system" follows the platform's light or dark scheme.
THEME_CHOICES = ("system", "light", "dark")


@dataclass(frozen=True)
class Option:
    """One setting. ``label`` names it in the Preferences dialog (options without one are set
    elsewhere, e.g. zoom by Ctrl +/-); ``choices`` limits a str option; ``minimum``/``maximum``
    bound an int or float option, and ``special`` names its minimum in the dialog (e.g.
    "automatic"), or the default of a ``font`` option (a font family; "" is the default)."""

    name: str
    type: type
    default: Any
    description: str
    label: str = ""
    choices: tuple[str, ...] = ()
    minimum: int = 0
    maximum: int = 0
    special: str = ""
    font: bool = False


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("model", str, DEFAULT_MODEL, "MarianMT model: a Hugging Face id or a local folder.", "Translation model"),
        Option("backend", str, "auto", "auto uses CTranslate2 (int8) when it can, else torch; "
               "torch-int8 quantizes torch; torch is plain float32.", "Backend", choices=BACKENDS),
        Option("threads", int, 0, "CPU cores a translation uses. Automatic is one per core, at most 4; "
               "fewer leave more to other programs.", "Translation threads", minimum=0, maximum=16,
               special="automatic"),
        Option("zoom", int, 0, "Font size change of the reading panes, in points."),
        Option("theme", str, "system", "Light or dark colours; system follows the desktop's choice.", "Theme",
               choices=THEME_CHOICES),
        Option("arabic_font", str, "", "Font family of the Arabic text; empty: the bundled Amiri font.", "Arabic font",
               special="Amiri (bundled)", font=True),
        Option("arabic_size", float, 17.0, "Size of the Arabic text in points, before zoom.", "Arabic font size",
               minimum=6, maximum=72),
        Option("english_font", str, "", "Font family of the translation; empty: the system's font.", "English font",
               special="System font", font=True),
        Option("english_size", float, 12.5, "Size of the translation in points, before zoom.", "English font size",
               minimum=6, maximum=72),
        Option("arabic_on_right", bool, False, "Show the Arabic pane on the right of the translation.",
               "Arabic on the right"),
        Option("last_article", str, "", "The article read last (a file), opened again at start."),
        Option("last_sentence", int, 0, "The sentence at the top of the Arabic pane when the last article was closed."),
        Option("reading_mode", str, "side by side", "Side by side: the Arabic and its translation in two panes; "
               "interlinear: each Arabic sentence with its translation under it.", "Reading mode",
               choices=("side by side", "interlinear")),
        Option("self_test", bool, False, "Hide the translation until the reader reveals it, a sentence at a time."),
        Option("highlight_unlisted", bool, False, "Underline (dotted) the Arabic words not yet in my glossary.",
               "Mark words not in my glossary"),
        Option("hover_delay_ms", int, 350, "How long the pointer rests on a word before its glossary popup opens.",
               "Glossary popup delay (ms)", minimum=0, maximum=3000),
        Option("recent", str, "", "Documents opened last (File > Recent): paths or URLs, one a line, most recent first."),
        Option("reading_progress", str, "", "How far the reader got in each document of File > Recent "
               "(JSON: source -> top sentence, furthest sentence reached, sentences)."),
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
