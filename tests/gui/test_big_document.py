"""A long article in the reading panes: the first screen is laid out at once and the rest in
slices; a change to every sentence (the model goes missing or comes back) is one signal, shown
on screen at once and elsewhere in slices, never a walk over every row in one go."""
from PySide6.QtCore import QCoreApplication

from gui.reading_pane import FIRST_ROWS, PENDING_TEXT, ReadingPane
from gui.sentence_model import SOURCE, TARGET, SentenceModel, State
from models.documents import Document

PARAGRAPHS = 700  # three sentences each: 2,100 sentences, many screens


def long_document() -> Document:
    return Document.from_text("\n".join(f"الجملة الأولى رقم {i} عن سوريا. والثانية عن جنيف. والثالثة {i}."
                                        for i in range(PARAGRAPHS)), "long.txt")


def shown_panes(qtbot, document: Document) -> tuple[SentenceModel, ReadingPane, ReadingPane]:
    model = SentenceModel()
    source, target = ReadingPane(model, SOURCE), ReadingPane(model, TARGET)
    for pane in (source, target):
        qtbot.addWidget(pane)
        pane.resize(500, 400)
        pane.show()
    model.set_document(document)
    return model, source, target


def test_a_long_article_shows_its_first_sentences_before_the_rest_is_laid_out(qtbot):
    document = long_document()
    model, source, target = shown_panes(qtbot, document)
    assert 0 < len(source._spans) <= FIRST_ROWS < model.rowCount()
    assert not source.is_laid_out()
    lines = source.toPlainText().split("\n")
    assert lines[0] == "الجملة الأولى رقم 0 عن سوريا. والثانية عن جنيف. والثالثة 0."
    assert source.visible_sentences()[0] == 0
    qtbot.waitUntil(lambda: source.is_laid_out() and target.is_laid_out(), timeout=60000)
    assert source.toPlainText() == document.text
    assert target.toPlainText().split("\n")[PARAGRAPHS - 1] == " ".join([PENDING_TEXT] * 3)
    last = document.sentences[-1]
    start, end = source.sentence_span(last.id)
    assert source.toPlainText()[start:end] == last.text
    assert source.document_offset(start) == last.start


def test_the_model_going_missing_is_one_signal_for_all_sentences(qtbot):
    model, source, target = shown_panes(qtbot, long_document())
    qtbot.waitUntil(target.is_laid_out, timeout=60000)
    emitted = []
    model.dataChanged.connect(lambda top, bottom, roles: emitted.append((top.row(), bottom.row())))
    model.mark_unavailable()
    assert emitted == [(0, model.rowCount() - 1)]
    assert model.count(State.UNAVAILABLE) == model.rowCount()
    # on screen at once; the rest while the event loop runs
    on_screen = target.visible_sentences()
    text = target.toPlainText()
    for row in on_screen:
        start, end = target.sentence_span(row)
        assert text[start:end] == "—"
    start, end = target.sentence_span(model.rowCount() - 1)
    assert text[start:end] == PENDING_TEXT
    assert not target.is_laid_out()
    qtbot.waitUntil(target.is_laid_out, timeout=60000)
    assert target.toPlainText().split("\n")[PARAGRAPHS - 1] == "— — —"
    emitted.clear()
    model.mark_pending()
    assert len(emitted) == 1


def test_a_longer_translation_moves_only_its_paragraph_and_later_text(qtbot):
    model, source, target = shown_panes(qtbot, long_document())
    qtbot.waitUntil(target.is_laid_out, timeout=60000)
    model.set_translation(4, "A much longer English translation of the second sentence.", True)
    text = target.toPlainText()
    for row in (3, 4, 5, 6, model.rowCount() - 1):
        start, end = target.sentence_span(row)
        expected = model.target(row) if model.state(row) == State.TRANSLATED else PENDING_TEXT
        assert text[start:end] == expected
    assert target.sentence_at_position(target.sentence_span(5)[0]) == 5


def test_a_new_document_stops_laying_out_the_old_one(qtbot):
    model, source, target = shown_panes(qtbot, long_document())
    short = Document.from_text("نص قصير. وجملة ثانية.", "short.txt")
    model.set_document(short)
    QCoreApplication.processEvents()
    qtbot.waitUntil(source.is_laid_out, timeout=10000)
    assert source.toPlainText() == short.text
    assert len(source._spans) == 2


def test_a_long_articles_terms_are_found_off_the_gui_thread_and_highlighted_as_rows_are_laid_out(
        qtbot, tmp_path, service, monkeypatch):
    from PySide6.QtGui import QTextCursor

    from gui import hover_glossary
    from gui.hover_glossary import HoverGlossary
    from gui.tasks import TaskRunner
    from models.glossary.store import Term, TermStore

    monkeypatch.setattr(hover_glossary, "MATCH_INLINE_CHARS", 1000)  # the long article counts as a book
    store = TermStore(tmp_path / "glossary.sqlite3")
    store.add(Term("جنيف", translation="Geneva", status="learning"))
    tasks = TaskRunner()
    model = SentenceModel()
    source = ReadingPane(model, SOURCE)
    qtbot.addWidget(source)
    source.show()
    glossary = HoverGlossary(source, store, service, tasks=tasks)
    qtbot.addWidget(glossary.popup)
    found = []  # how many terms were marked over the whole text, each time it was
    document = long_document()
    glossary.termsMarked.connect(lambda start, end: (start, end) == (0, len(document.text))
                                 and found.append(len(glossary.matches)))
    try:
        model.set_document(document)
        assert glossary.matches == [] and found == [0]  # nothing matched on the GUI thread
        qtbot.waitUntil(lambda: len(found) == 2 and source.is_laid_out(), timeout=60000)
        assert found[1] == PARAGRAPHS  # one جنيف a paragraph
        text = source.toPlainText()
        cursor = QTextCursor(source.document())
        for row in (1, model.rowCount() - 2):  # laid out first, and last
            start, _ = source.sentence_span(row)
            cursor.setPosition(start + text[start:].index("جنيف") + 1)
            assert cursor.charFormat().underlineStyle() == cursor.charFormat().UnderlineStyle.SingleUnderline
    finally:
        tasks.shutdown()
        store.close()


def test_the_sentence_model_passes_the_model_tester_and_counts_as_parts_come(qtmodeltester):
    text = "\n".join(f"الجملة {i} عن جنيف. Line {i}." for i in range(300))
    document = Document.from_text(text, "parts.txt", first_chars=500)
    model = SentenceModel()
    model.set_document(document)
    qtmodeltester.check(model)
    first = model.rowCount()
    model.mark_unavailable()
    while not document.segmented:
        model.add_part(*document.next_part(2000))
        model.mark_unavailable(first)
        first = model.rowCount()
    qtmodeltester.check(model)
    whole = Document.from_text(text, "parts.txt")
    assert model.rowCount() == len(whole.sentences)
    assert model.translatable_count() == sum(s.translatable for s in whole.sentences) == 300
    model.set_translations({s.id: (s.text, False) for s in whole.sentences if not s.translatable})
    assert model.count(State.UNAVAILABLE) == 300 and model.count(State.PASSED_THROUGH) == 300
    model.set_translation(0, "Sentence 0 about Geneva.", True)
    model.mark_pending()
    assert model.count(State.PENDING) == 299 and model.state(0) is State.TRANSLATED
    model.forget_translations()
    assert model.count(State.PENDING) == 300 and model.target(0) == "" and model.target(1) == "Line 0."


def test_the_interlinear_view_shows_the_parts_segmented_after_the_first(qtbot):
    from gui.interlinear_view import InterlinearView

    text = "\n".join(f"الجملة {i} عن جنيف. Line {i}." for i in range(300))
    document = Document.from_text(text, "parts.txt", first_chars=500)
    model = SentenceModel()
    view = InterlinearView(model)
    qtbot.addWidget(view)
    view.show()
    model.set_document(document)
    while not document.segmented:
        model.add_part(*document.next_part(2000))
    last = model.rowCount() - 1
    qtbot.waitUntil(view.is_laid_out)  # the sentences of the later parts follow in slices
    model.set_translation(last, "Line 299.", False)
    assert view.document().blockCount() == 2 * model.rowCount()
    assert view.document().findBlockByNumber(2 * last).text() == "Line 299."
    assert view.translation_text(last) == "Line 299."
    assert view.translation_text(last - 1) == PENDING_TEXT
    view.hide()  # side by side: a change to every row waits until the view is shown again
    model.mark_unavailable()
    assert view.translation_text(last - 1) == PENDING_TEXT
    view.show()
    assert 0 < view.laid_out_rows() < model.rowCount()  # laid out again: the first sentences at once
    qtbot.waitUntil(view.is_laid_out)
    assert view.translation_text(last - 1) == "—" and view.translation_text(last) == "Line 299."
