"""Each paragraph of the Arabic pane takes its direction from its first strong character (UAX #9
P2-P3), checked on the glyphs as laid out, not only on the string."""
import pytest
from PySide6.QtCore import Qt

from gui.reading_pane import ReadingPane
from gui.sentence_model import SOURCE, SentenceModel
from models.documents import Document

EMAIL = "email: info@example.com — الهاتف: +971 4 123 4567"
QUOTE = "The U.S. State Department said: لا تعليق."
ARABIC = "قال المتحدث: الهاتف +971 4 123 4567 (جدًا)."


def shown_paragraphs(qtbot, paragraphs: list[str]) -> ReadingPane:
    """A shown Arabic pane holding ``paragraphs``."""
    model = SentenceModel()
    pane = ReadingPane(model, SOURCE)
    qtbot.addWidget(pane)
    pane.resize(900, 400)
    pane.show()
    model.set_document(Document.from_text("\n\n".join(paragraphs)))
    return pane


@pytest.fixture
def pane(qtbot):
    return shown_paragraphs(qtbot, [EMAIL, QUOTE, ARABIC])


def glyph_x(pane: ReadingPane, paragraph: int, index: int) -> float:
    """Centre x (pixels from the block's left) of the glyph of character ``index`` of paragraph ``paragraph``."""
    layout = pane.document().findBlockByNumber(paragraph).layout()
    runs = layout.glyphRuns(index, 1)
    assert runs, (paragraph, index)
    rect = runs[0].boundingRect()
    return rect.center().x()


def xs(pane, paragraph, text, needle):
    """Glyph centres of each character of the first ``needle`` in ``text``."""
    start = text.index(needle)
    return [glyph_x(pane, paragraph, i) for i in range(start, start + len(needle))]


def test_a_paragraph_starting_in_latin_letters_is_left_to_right(pane):
    block = pane.document().findBlockByNumber(0)
    assert block.text() == EMAIL
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert block.layout().lineAt(0).naturalTextRect().left() < 5  # aligned left
    latin = xs(pane, 0, EMAIL, "email: info@example.com —")
    assert latin[0] < 10 and latin == sorted(latin)  # starts at the left edge, reads left to right
    arabic_run = xs(pane, 0, EMAIL, "الهاتف: +971 4 123 4567")
    assert min(arabic_run) > latin[-1]  # the Arabic clause follows on the right
    # Inside the Arabic clause the bidi algorithm (W2, N1) lays the groups out right to left,
    # each group of digits left to right, as a reader of Arabic reads them.
    for group in ("+971", " 123", " 4567"):
        digits = xs(pane, 0, EMAIL, group)[1:]
        assert digits == sorted(digits), group


def test_a_colon_between_english_and_arabic_stays_after_the_english(pane):
    assert pane.document().findBlockByNumber(1).blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    said = xs(pane, 1, QUOTE, "said")
    colon = glyph_x(pane, 1, QUOTE.index(":"))
    arabic = xs(pane, 1, QUOTE, "لا تعليق")
    stop = glyph_x(pane, 1, len(QUOTE) - 1)
    assert glyph_x(pane, 1, 0) < said[-1] < colon < min(arabic) and max(arabic) < stop  # "said:" then the Arabic, then "."
    assert arabic[0] > arabic[-1]  # the Arabic itself right to left


def test_an_arabic_paragraph_stays_right_to_left(pane):
    block = pane.document().findBlockByNumber(2)
    assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    first, last = glyph_x(pane, 2, 0), glyph_x(pane, 2, len(ARABIC) - 1)
    assert first > last  # begins on the right
    digits = [x for x, ch in zip(xs(pane, 2, ARABIC, "4567"), "4567")]
    assert digits == sorted(digits)  # digits keep their order inside the right-to-left line


#: Inputs from public bug reports on similar tools: digits, brackets and guillemets must be
#: shown in their order, the brackets and guillemets mirrored in a right-to-left line.
BUG_REPORTS = ["نص عربي 50", "(جدًا)", "«الصمتُ ... طائر.»", "١٨٩٤-١٩٦٢"]


def glyph_ids(pane: ReadingPane, paragraph: int, index: int) -> list[int]:
    layout = pane.document().findBlockByNumber(paragraph).layout()
    return [g for run in layout.glyphRuns(index, 1) for g in run.glyphIndexes()]


def font_glyph(pane: ReadingPane, paragraph: int, index: int, ch: str) -> int:
    """The glyph for ``ch`` (as such, not mirrored) in the font that shows character ``index``."""
    layout = pane.document().findBlockByNumber(paragraph).layout()
    return layout.glyphRuns(index, 1)[0].rawFont().glyphIndexesForString(ch)[0]


def test_digits_brackets_and_guillemets_are_laid_out_in_order_and_mirrored(qtbot):
    pane = shown_paragraphs(qtbot, BUG_REPORTS)
    for n, text in enumerate(BUG_REPORTS):
        assert pane.document().findBlockByNumber(n).blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft, text
    # "نص عربي 50": the number after the words, on their left, its digits left to right
    words, number = xs(pane, 0, BUG_REPORTS[0], "نص عربي"), xs(pane, 0, BUG_REPORTS[0], "50")
    assert words == sorted(words, reverse=True) and max(number) < min(words) and number == sorted(number)
    # "(جدًا)": "(" on the right, ")" on the left, each shown with the other's (mirrored) glyph
    opening, closing = glyph_x(pane, 1, 0), glyph_x(pane, 1, 5)
    assert opening > glyph_x(pane, 1, 1) > glyph_x(pane, 1, 4) > closing
    assert glyph_ids(pane, 1, 0) == [font_glyph(pane, 1, 0, ")")] and glyph_ids(pane, 1, 5) == [font_glyph(pane, 1, 5, "(")]
    # guillemets: « on the right, » on the left, mirrored; the stop before » (on its right)
    quote = BUG_REPORTS[2]
    assert glyph_x(pane, 2, 0) > glyph_x(pane, 2, 1) and glyph_x(pane, 2, len(quote) - 2) > glyph_x(pane, 2, len(quote) - 1)
    assert glyph_ids(pane, 2, 0) == [font_glyph(pane, 2, 0, "»")]
    # "١٨٩٤-١٩٦٢": read from the right, 1894 first, each number's digits left to right
    first, second = xs(pane, 3, BUG_REPORTS[3], "١٨٩٤"), xs(pane, 3, BUG_REPORTS[3], "١٩٦٢")
    assert first == sorted(first) and second == sorted(second) and min(first) > max(second)
