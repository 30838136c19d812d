"""One colour table: the stylesheet, the reading pane, the glossary table and the popup agree."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from gui.colors import COLORS, color, qcolor, status_background, status_color, stylesheet
from gui.glossary_model import COLUMNS, GlossaryModel
from gui.hover_glossary import HoverGlossary
from models.documents import Document
from models.glossary.store import STATUSES, Term, TermStore
from tests.gui.test_reading_pane import shown_pane


def test_the_stylesheet_takes_its_colours_from_the_table(qtbot):
    sheet = stylesheet()
    assert "$" not in sheet
    assert color("paper") in sheet and color("text_selection") in sheet
    app = QApplication.instance()
    try:
        app.setStyleSheet(sheet)  # a sheet Qt cannot parse logs a warning when a widget is polished: a failure
        label = QLabel("x")
        label.setObjectName("errorLabel")
        qtbot.addWidget(label)
        label.show()
        qtbot.waitExposed(label)
        assert label.palette().color(label.foregroundRole()) == qcolor("error")
    finally:
        app.setStyleSheet("")


def test_every_status_has_a_mark_and_a_background():
    for status in STATUSES:
        assert status_color(status).isValid() and status_background(status).isValid()
    assert all(value.startswith("#") and len(value) == 7 for value, _ in COLORS.values())


def test_a_terms_status_looks_the_same_in_the_article_and_in_my_glossary(qtbot, tmp_path, service):
    with TermStore(tmp_path / "glossary.sqlite3") as store:
        store.add(Term("هدنة", translation="truce", status="learning"))
        pane = shown_pane(qtbot, Document.from_text("تم التوصل إلى هدنة"), 600, 200)
        glossary = HoverGlossary(pane, store, service)
        qtbot.addWidget(glossary.popup)
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.sentence_span(0)[0] + len("تم التوصل إلى ه"))
        in_article = cursor.charFormat().background().color()
        model = GlossaryModel(store)
        status_column = [name for name, _ in COLUMNS].index("status")
        in_table = model.index(0, status_column).data(Qt.ItemDataRole.BackgroundRole)
        assert in_article == in_table == status_background("learning")
        assert cursor.charFormat().underlineColor() == status_color("learning")
