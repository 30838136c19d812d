"""Saving through the file dialog: the file gets the extension of the type chosen."""
import pytest
from PySide6.QtWidgets import QWidget

from gui.file_chooser import choose_path, with_type_extension


@pytest.mark.parametrize("path, expected", [
    ("/tmp/deck", "/tmp/deck.apkg"), ("/tmp/deck.txt", "/tmp/deck.txt.apkg"), ("/tmp/deck.apkg", "/tmp/deck.apkg"),
    ("/tmp/deck.APKG", "/tmp/deck.APKG"),
])
def test_a_saved_file_gets_the_extension_of_its_type(path, expected):
    assert with_type_extension(path, "Anki packages (*.apkg)") == expected
    assert with_type_extension(path, "All files (*)") == path


def test_the_dialog_hands_on_the_name_with_the_chosen_types_extension(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = []
    dialog = choose_path(parent, "Export", chosen.append, "Web page (*.html);;JSON (*.json)", save=True)
    dialog.selectNameFilter("JSON (*.json)")
    dialog.fileSelected.emit("/tmp/win.txt")
    dialog.reject()
    assert chosen == ["/tmp/win.txt.json"]
