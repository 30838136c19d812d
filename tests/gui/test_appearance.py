"""Themes and fonts: chosen in Preferences (or by the system) and applied to the open window at once."""
import pytest
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QFontComboBox

from gui import colors
from gui.appearance import effective_theme
from gui.preferences import PreferencesDialog
from gui.sentence_model import State
from models.documents import Document

ARTICLE = "وقال كيري للصحفيين إن المحادثات مستمرة.\nU.S. Secretary of State John Kerry."


@pytest.fixture
def restore_theme():
    """The application's palette, style sheet and colour table as they were, after the test."""
    app = QApplication.instance()
    sheet, palette = app.styleSheet(), app.palette()
    app.setStyleSheet(colors.stylesheet())  # as create_app does
    yield
    colors.use_theme("light")
    app.setStyleSheet(sheet)
    app.setPalette(palette)


def pane_colours(pane):
    """(background, text) colours the pane paints with."""
    viewport = pane.viewport().palette()
    return viewport.color(QPalette.ColorRole.Base), pane.palette().color(QPalette.ColorRole.Text)


def test_system_theme_follows_the_platform_and_explicit_themes_win():
    assert effective_theme("dark") == "dark" and effective_theme("light") == "light"
    assert effective_theme("system") in colors.THEMES  # offscreen: the scheme is unknown, light


def test_every_colour_has_a_dark_counterpart():
    assert colors.DARK.keys() == colors.COLORS.keys()
    assert all(value.startswith("#") and len(value) == 7 for value in colors.DARK.values())


def test_switching_theme_in_preferences_repaints_the_panes(make_window, qtbot, settings, restore_theme):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    window.open_document(Document.from_text(ARTICLE))
    pane = window.english_pane
    assert pane_colours(pane)[0] == colors.qcolor("paper")  # light
    caption = next(s.id for s in window.sentences.document.sentences if not s.translatable)
    assert window.sentences.state(caption) == State.PASSED_THROUGH
    dialog = PreferencesDialog(settings, window)
    dialog.findChild(QComboBox, "theme").setCurrentText("dark")
    dialog.accept()
    assert settings.get("theme") == "dark" and colors.theme() == "dark"
    qtbot.waitUntil(lambda: pane_colours(pane)[0] == colors.QColor(colors.DARK["paper"]))
    assert pane_colours(window.arabic_pane) == (colors.QColor(colors.DARK["paper"]), colors.QColor(colors.DARK["ink"]))
    start, _ = pane.sentence_span(caption)
    cursor = pane.textCursor()
    cursor.setPosition(start + 1)
    assert cursor.charFormat().foreground().color() == colors.QColor(colors.DARK["muted"])  # passed-through text restyled
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 100  # menus, dialogs
    settings.set("theme", "light")
    qtbot.waitUntil(lambda: pane_colours(pane)[0] == colors.QColor(colors.COLORS["paper"][0]))
    cursor = pane.textCursor()
    cursor.setPosition(start + 1)
    assert cursor.charFormat().foreground().color() == colors.QColor(colors.COLORS["muted"][0])


def test_fonts_and_sizes_from_preferences_apply_at_once(make_window, settings):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    family = QFontDatabase.families()[-1]
    dialog = PreferencesDialog(settings, window)
    arabic_font = dialog.findChild(QFontComboBox, "arabic_font")
    assert arabic_font.currentText() == "" and arabic_font.lineEdit().placeholderText() == "Amiri (bundled)"
    dialog.findChild(QFontComboBox, "english_font").setCurrentText(family)
    dialog.findChild(QDoubleSpinBox, "arabic_size").setValue(22)
    dialog.findChild(QDoubleSpinBox, "english_size").setValue(15.5)
    dialog.accept()
    assert settings.get("arabic_font") == ""  # left at the default
    assert window.english_pane.font().family() == family
    assert window.english_pane.document().defaultFont().pointSizeF() == 15.5
    assert window.arabic_pane.font().pointSizeF() == 22
    window.zoom(+1)
    assert window.arabic_pane.font().pointSizeF() == 23
    assert window.english_pane.font().pointSizeF() == 15.5 + 0.75
    assert window.english_pane.font().family() == family
