import pytest
from PySide6.QtCore import QPoint

from gui.draft_view import KIND_ROLE, LINK_ROLE, DraftView, FlagListModel
from models.drafts.checks import check_draft
from tests.conftest import FIXTURES

DRAFT = FIXTURES / "en-kerry-lavrov-syria-2016.txt"


@pytest.fixture
def bad_draft(tmp_path):
    path = tmp_path / "draft.txt"
    text = DRAFT.read_text(encoding="utf-8").replace("290,000", "300,000").replace("Lavrov went on:", "Lavrov went on (وتابع):")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def view(qtbot, source_text, bad_draft):
    widget = DraftView(debounce_ms=50)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_source(source_text)
    widget.open_draft(bad_draft)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_flag_list_model_passes_the_model_tester(qtmodeltester, source_text, bad_draft):
    model = FlagListModel()
    model.set_check(check_draft(source_text, bad_draft.read_text(encoding="utf-8")))
    qtmodeltester.check(model)
    kinds = [model.index(r).data(KIND_ROLE) for r in range(model.rowCount())]
    assert sorted(kinds) == ["number_mismatch", "number_mismatch", "untranslated"]
    shown = [model.index(r).data() for r in range(model.rowCount())]
    assert any(d.startswith("Number mismatch:") and "290 ألف" in d for d in shown)
    assert any(d.startswith("Number mismatch:") and "300,000" in d for d in shown)
    assert any(d.startswith("Untranslated:") and "وتابع" in d for d in shown)


def test_columns_show_source_and_draft_and_summary(view, source_text, bad_draft):
    # (Qt's plain text gives no-break spaces back as spaces.)
    assert view.source_column.toPlainText() == source_text.replace("\u00a0", " ")
    assert view.draft_column.toPlainText() == bad_draft.read_text(encoding="utf-8")
    assert view.mt_column.isHidden()
    assert view.summary.text() == "17 links; 2 number mismatch, 1 untranslated"


def test_clicking_a_flag_selects_and_highlights_its_link(view, qtbot):
    row = next(r for r in range(view.flag_model.rowCount()) if view.flag_model.index(r).data(KIND_ROLE) == "untranslated")
    index = view.flag_model.index(row)
    with qtbot.waitSignal(view.linkSelected) as blocker:
        view.flag_list.clicked.emit(index)
    k = index.data(LINK_ROLE)
    assert blocker.args == [k] and view.current_link == k
    draft_spans = view.highlighted_spans()["draft"]
    assert [view.check.draft_text[s:e][:25] for s, e in draft_spans] == ["Lavrov went on (وتابع): \""]
    assert view.check.source_text[slice(*view.highlighted_spans()["source"][0])].startswith("وتابع لافروف")
    # The selected sentence is brought into view in the draft column.
    assert view.draft_column.textCursor().position() == draft_spans[0][0]


def test_hovering_a_draft_sentence_highlights_its_source(view, qtbot):
    check = view.check
    k = next(i for i, l in enumerate(check.links) if l.source == (8, 9))
    sentence = check.draft_sentences[check.links[k].draft[0]]
    view.draft_column.scroll_to(sentence.start + 5)
    cursor = view.draft_column.textCursor()
    cursor.setPosition(sentence.start + 5)
    point = view.draft_column.cursorRect(cursor).center()
    qtbot.mouseMove(view.draft_column.viewport(), point + QPoint(2, 0))  # a move even if the pointer was there
    qtbot.mouseMove(view.draft_column.viewport(), point)
    qtbot.waitUntil(lambda: view.hovered_link == k)
    spans = view.highlighted_spans()["source"]
    assert [check.source_text[s:e][:12] for s, e in spans] == ["وقال \"لا نري", "نريد إنجاز ش"]


def test_machine_translation_column(qtbot, source_text):
    from models.text.segmentation import segment

    sentences = segment(source_text)
    mt = [f"MT {s.id}: {s.text}" if s.translatable else s.text for s in sentences]
    widget = DraftView()
    qtbot.addWidget(widget)
    widget.set_source(source_text, translations=mt)
    widget.set_draft_text(DRAFT.read_text(encoding="utf-8"))
    assert not widget.mt_column.isHidden()
    assert widget.mt_column.toPlainText().splitlines()[0] == mt[0]
    widget.select_link(3)
    assert [widget.mt_column.toPlainText()[s:e] for s, e in widget.highlighted_spans()["mt"]] == [mt[3]]


def test_draft_changed_on_disk_is_checked_again(view, qtbot, bad_draft):
    fixed = DRAFT.read_text(encoding="utf-8")
    with qtbot.waitSignal(view.checked, timeout=5000):
        bad_draft.write_text(fixed, encoding="utf-8")
    assert view.summary.text() == "17 links; no flags"
    assert view.flag_model.rowCount() == 0


def test_a_draft_far_longer_than_the_source_is_refused_in_the_summary(qtbot, source_text, tmp_path):
    path = tmp_path / "book.txt"
    path.write_text(DRAFT.read_text(encoding="utf-8") * 2000, encoding="utf-8")
    widget = DraftView()
    qtbot.addWidget(widget)
    widget.set_source(source_text)
    widget.open_draft(path)
    assert "not a translation of this source" in widget.summary.text()
    assert "Traceback" not in widget.summary.text() and widget.check is None


def _line_rect(column, block_number):
    block = column.document().findBlockByNumber(block_number)
    return block, block.layout().lineAt(0).naturalTextRect()


def test_each_source_paragraph_runs_in_the_direction_of_its_script(view, source_text):
    from PySide6.QtCore import Qt

    column = view.source_column
    lines = source_text.split("\n")
    latin = next(k for k, line in enumerate(lines) if line.startswith("U.S. Secretary"))
    arabic = next(k for k, line in enumerate(lines) if line.strip() and k != latin and not line.isascii())
    width = column.document().textWidth() if column.document().textWidth() > 0 else column.viewport().width()
    block, rect = _line_rect(column, latin)
    assert block.textDirection() == Qt.LayoutDirection.LeftToRight
    assert rect.left() < 10  # left-aligned: the caption starts at the left margin
    block, rect = _line_rect(column, arabic)
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft
    assert rect.right() > width - 20  # right-aligned


def test_columns_have_headings(qtbot, source_text, bad_draft):
    widget = DraftView()
    qtbot.addWidget(widget)
    widget.set_source(source_text, translations=["x"] * 18)
    widget.open_draft(bad_draft)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.source_heading.text() == "Arabic source" and widget.source_heading.isVisible()
    assert widget.draft_heading.text() == f"Draft: {bad_draft.name}" and widget.draft_heading.isVisible()
    assert widget.mt_heading.text() == "Machine translation" and widget.mt_heading.isVisible()


def test_no_machine_translation_heading_without_translations(view):
    assert not view.mt_heading.isVisible()


def test_hover_and_highlight_after_a_character_outside_the_bmp(qtbot, source_text):
    # The draft's first line starts with an emoji: two Qt positions, one character.
    draft = "🙂 " + DRAFT.read_text(encoding="utf-8")
    widget = DraftView()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_source(source_text)
    widget.set_draft_text(draft)
    widget.show()
    qtbot.waitExposed(widget)
    check = widget.check
    k = next(i for i, link in enumerate(check.links) if link.source == (8, 9))
    sentence = check.draft_sentences[check.links[k].draft[0]]
    position = len(draft[:sentence.start + 5].encode("utf-16-le")) // 2
    widget.draft_column.scroll_to(sentence.start + 5)
    cursor = widget.draft_column.textCursor()
    cursor.setPosition(position)
    point = widget.draft_column.cursorRect(cursor).center()
    qtbot.mouseMove(widget.draft_column.viewport(), point + QPoint(2, 0))
    qtbot.mouseMove(widget.draft_column.viewport(), point)
    qtbot.waitUntil(lambda: widget.hovered_link == k)
    # What is painted in the draft column is exactly the linked draft sentence.
    painted = [s.cursor.selectedText() for s in widget.draft_column.extraSelections()]
    assert sentence.text in painted


def test_the_learners_glossary_is_checked(qtbot, source_text, tmp_path):
    from models.glossary.store import Term, TermStore

    with TermStore(tmp_path / "glossary.sqlite3") as store:
        widget = DraftView()
        qtbot.addWidget(widget)
        widget.set_source(source_text)
        widget.set_glossary(store)
        widget.set_draft_text(DRAFT.read_text(encoding="utf-8"))
        assert widget.check.flag_counts() == {}
        store.add(Term("المبعوث", translation="special envoy"))
        store.add(Term("هدنة"))  # no translation: nothing to check
        widget.set_draft_text(DRAFT.read_text(encoding="utf-8"))  # read at each check
        [(_, flag)] = [(k, f) for k, fl in enumerate(widget.check.flags) for f in fl]
        assert flag.kind == "glossary_term" and "special envoy" in flag.message
        assert widget.summary.text() == "17 links; 1 glossary term"


def paragraph_gaps(column) -> set[int]:
    """The vertical gaps (pixels) between consecutive lines of text (paragraphs) of a column."""
    layout, gaps, previous = column.document().documentLayout(), set(), None
    block = column.document().begin()
    while block.isValid():
        if block.text().strip():
            rect = layout.blockBoundingRect(block)  # the text's lines, without the margins
            if previous is not None:
                gaps.add(round(rect.top() - previous))
            previous = rect.bottom()
        block = block.next()
    return gaps


def test_the_three_columns_set_off_paragraphs_alike(qtbot, source_text):
    from gui.interlinear_view import PARAGRAPH_GAP
    from models.text.segmentation import segment

    assert "\n\n" in source_text and "\n" in source_text.replace("\n\n", "")  # both kinds of break
    sentences = segment(source_text)
    sentences = getattr(sentences, "sentences", sentences)
    widget = DraftView(debounce_ms=50)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.set_source(source_text, [f"Sentence {s.id}." for s in sentences])
    widget.set_draft_text(DRAFT.read_text(encoding="utf-8"))
    widget.show()
    qtbot.waitUntil(lambda: widget.check is not None)
    for column in (widget.source_column, widget.draft_column, widget.mt_column):
        assert paragraph_gaps(column) == {round(PARAGRAPH_GAP)}, column.objectName()
    # The machine translation: a line per source paragraph, its sentences run on.
    lines = widget.mt_column.toPlainText().split("\n")
    assert len(lines) == len({s.paragraph for s in sentences})
    first_two = [s for s in sentences if s.paragraph == sentences[0].paragraph] or sentences[:1]
    assert lines[0] == " ".join(f"Sentence {s.id}." for s in first_two)
