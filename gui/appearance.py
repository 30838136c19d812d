"""How the reader looks: the theme (light, dark, or the system's) and the fonts and sizes of the
two panes, from the settings ``theme``, ``arabic_font``, ``arabic_size``, ``english_font``,
``english_size`` and ``zoom`` (:data:`gui.settings.OPTIONS`), applied at once when they change."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from gui import colors
from gui.reading_pane import ReadingPane
from gui.settings import Settings

#: The settings that change the panes' fonts.
FONT_SETTINGS = ("arabic_font", "arabic_size", "english_font", "english_size", "zoom")
#: How much of a zoom step the English pane takes (its text is smaller than the Arabic).
ENGLISH_ZOOM_SHARE = 0.75


def effective_theme(setting: str) -> str:
    """The theme (``light`` or ``dark``) for the ``theme`` setting: ``system`` follows the
    platform's colour scheme (``QStyleHints.colorScheme``, Qt 6.5+; light when it is unknown)."""
    if setting in colors.THEMES:
        return setting
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def palette(theme: str) -> QPalette:
    """The widgets' palette (menus, dialogs, lists, the status bar) for ``theme``: the style's
    own for light, one made from :mod:`gui.colors`' dark table for dark."""
    if theme != "dark":
        return QApplication.style().standardPalette()
    pal = QPalette()
    ink, paper, rule = QColor(colors.DARK["ink"]), QColor(colors.DARK["paper"]), QColor(colors.DARK["rule"])
    muted = QColor(colors.DARK["muted"])
    for role, value in ((QPalette.ColorRole.Window, rule.darker(130)), (QPalette.ColorRole.WindowText, ink),
                        (QPalette.ColorRole.Base, paper), (QPalette.ColorRole.AlternateBase, QColor(colors.DARK["list"])),
                        (QPalette.ColorRole.Text, ink), (QPalette.ColorRole.Button, rule),
                        (QPalette.ColorRole.ButtonText, ink), (QPalette.ColorRole.ToolTipBase, paper),
                        (QPalette.ColorRole.ToolTipText, ink), (QPalette.ColorRole.PlaceholderText, muted),
                        (QPalette.ColorRole.Highlight, QColor(colors.DARK["text_selection"])),
                        (QPalette.ColorRole.HighlightedText, ink), (QPalette.ColorRole.Link, QColor("#8ab4f8"))):
        pal.setColor(role, value)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, muted)
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, muted)
    return pal


def apply_theme(theme: str) -> None:
    """Use ``theme`` (``light`` or ``dark``) for the colour table, the application's palette and
    its style sheet."""
    colors.use_theme(theme)
    app = QApplication.instance()
    app.setPalette(palette(theme))
    app.setStyleSheet(colors.stylesheet())


class Appearance(QObject):
    """Keeps ``arabic_pane`` and ``english_pane`` in the theme and fonts the settings name.
    ``arabic_family``: the Arabic font when the ``arabic_font`` setting is empty (the bundled
    Amiri). Signal ``themeChanged(theme)`` after the panes were repainted in a new theme: what
    else painted colours of its own (glossary marks, find matches) paints them again."""

    themeChanged = Signal(str)

    def __init__(self, settings: Settings, arabic_pane: ReadingPane, english_pane: ReadingPane,
                 arabic_family: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.panes = (arabic_pane, english_pane)
        self.default_families = (arabic_family or arabic_pane.font().family(), english_pane.font().family())
        settings.changed.connect(self._on_setting_changed)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.apply_fonts()
        if effective_theme(settings.get("theme")) != colors.theme():
            self.apply_theme()

    def _on_setting_changed(self, name: str, _value) -> None:
        if name in FONT_SETTINGS:
            self.apply_fonts()
        elif name == "theme":
            self.apply_theme()

    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.settings.get("theme") == "system":
            self.apply_theme()

    def apply_theme(self) -> None:
        """Switch to the theme the setting names, and repaint what was painted in the old one."""
        theme = effective_theme(self.settings.get("theme"))
        apply_theme(theme)
        self.apply_fonts()  # a new application style sheet polishes the panes again
        for pane in self.panes:
            pane.restyle()
        self.themeChanged.emit(theme)

    def apply_fonts(self) -> None:
        """Give each pane its font family and size (points), the zoom added."""
        zoom = self.settings.get("zoom")
        for pane, prefix, default, share in zip(self.panes, ("arabic", "english"), self.default_families,
                                                (1.0, ENGLISH_ZOOM_SHARE)):
            pane.setFont(QFont(self.settings.get(f"{prefix}_font") or default))
            pane.set_point_size(self.settings.get(f"{prefix}_size") + zoom * share)
