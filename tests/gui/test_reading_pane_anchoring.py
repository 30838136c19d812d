"""Scroll anchoring: a translation pane keeps what the reader sees in place while the
translations of sentences above it arrive and change their length."""
from gui.reading_pane import ReadingPane
from gui.sentence_model import TARGET, SentenceModel
from models.documents import Document


def first_starting_in_view(pane: ReadingPane) -> int:
    return next(s for s in pane.visible_sentences() if pane.sentence_rect(s).top() >= 0)


def test_translations_above_the_viewport_do_not_move_what_the_reader_sees(qtbot):
    model = SentenceModel()
    model.set_document(Document.from_text("\n".join(f"الجملة رقم {i} عن المفاوضات." for i in range(80)), "a.txt"))
    pane = ReadingPane(model, TARGET)
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    qtbot.waitExposed(pane)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    first = first_starting_in_view(pane)
    y = pane.sentence_rect(first).top()
    views = []
    pane.viewChanged.connect(lambda: views.append(pane.visible_sentences()))
    for sentence_id in range(first):  # every sentence above grows from "…" to several lines
        model.set_translation(sentence_id, "a long translation of this sentence " * 8, True)
    assert bar.value() > scrolled  # the pane scrolled by what grew above
    assert first_starting_in_view(pane) == first
    assert pane.sentence_rect(first).top() == y
    assert len(views) == first  # said once per translation, when the pane was consistent again ...
    assert all(view[0] >= first - 1 for view in views)  # ... and never with the text slid down meanwhile

    bar.setValue(0)  # at the top of the text, what grows pushes only what is below it
    model.set_translation(first, "another long translation " * 8, True)
    assert bar.value() == 0
