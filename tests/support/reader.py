"""A reader window with no translation model (the default model is not on this computer, and
nothing is downloaded), showing an article given as text."""
from gui.translation_controller import ModelState
from models.documents import Document
from tests.conftest import wait_model

#: A model that is never on the test machine.
ABSENT_MODEL = "Helsinki-NLP/opus-mt-ar-en"


def open_without_model(make_window, qtbot, text: str):
    """A new window (``make_window`` fixture) once its model is known missing and its lexicon
    loaded (closing the window while the lexicon loads waits for it, and says so), showing ``text``."""
    window = make_window(ABSENT_MODEL)
    wait_model(qtbot, window, ModelState.MISSING)
    assert window.hover_glossary.service.wait(60)
    window.open_document(Document.from_text(text))
    return window


def open_focused(make_window, qtbot, text: str):
    """:func:`open_without_model`, the window active and the Arabic pane focused (for its keys)."""
    window = open_without_model(make_window, qtbot, text)
    window.activateWindow()
    window.arabic_pane.setFocus()
    return window
