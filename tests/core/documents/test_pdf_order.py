"""PDF lines in logical and in visual order, with digits, Latin words, brackets and guillemets:
read back in logical order (:mod:`models.documents.pdf`)."""
import pytest

from models.documents.pdf import read_pdf, reverse_rtl_runs, visual_to_logical
from tests.support.documents import pdf_bytes, shape, typeset_pdf_bytes

#: Right-to-left lines with what visual order moves: numbers (Western and Arabic-Indic, with
#: separators), Latin words next to numbers, brackets, guillemets, a phone number, a stop.
MIXED = [
    "قال الوزير إن 290 ألف شخص قتلوا منذ عام 2011.",
    "أعلنت شركة Apple عن هاتف iPhone 15 الجديد في 12 سبتمبر.",
    "وقال (جدًا) إن «الصمت ... طائر.»",
    "في عام ٢٠١٦ قتل ١٢٠٠ شخص، بين ١٨٩٤-١٩٦٢.",
    "بلغت النسبة 3.5 في المئة في الساعة 10:30 صباحا، حسب U.S. News.",
    "الهاتف: +971 4 123 4567",
    "نص عربي 50",
    "2016 كان عاما صعبا؟",
    "قال المتحدث باسم U.S. Army",
]
#: A left-to-right line with an Arabic word: its own order whatever the page's.
ENGLISH = "The word سلام means peace."


def paragraphs(text: str) -> str:
    return " ".join(text.split())


def test_a_typeset_pdf_in_visual_order_reads_in_logical_order():
    pytest.importorskip("fpdf")
    pytest.importorskip("uharfbuzz")
    text = paragraphs(read_pdf(typeset_pdf_bytes([MIXED + [ENGLISH]]), "typeset.pdf").text)
    for line in MIXED + [ENGLISH]:
        assert line in text


@pytest.mark.parametrize("shaped", [False, True], ids=["letters", "presentation-forms"])
def test_a_pdf_in_logical_order_reads_in_logical_order(shaped):
    lines = [shape(line) if shaped else line for line in MIXED + [ENGLISH]]
    text = paragraphs(read_pdf(pdf_bytes([lines]), "logical.pdf").text)
    for line in MIXED + [ENGLISH]:
        assert line in text


def test_visual_order_is_read_from_the_right_with_left_to_right_runs_kept():
    # as a page shows them, left to right
    assert visual_to_logical(".ربمتبس 12 يف ديدجلا 15 iPhone فتاه نع") == "عن هاتف iPhone 15 الجديد في 12 سبتمبر."
    assert visual_to_logical("4567 123 4 971+ :فتاهلا") == "الهاتف: +971 4 123 4567"
    assert visual_to_logical(".١٩٦٢-١٨٩٤ نيب 3.5 ةبسنلا") == "النسبة 3.5 بين ١٨٩٤-١٩٦٢."
    assert visual_to_logical("»رئاط« )اًدج(") == "(جدًا) «طائر»"  # characters, not mirrored glyphs


def test_logical_order_puts_each_run_pypdf_turned_back_in_place():
    # what pypdf gives for "في 12 سبتمبر." written in logical order
    assert reverse_rtl_runs(" يف12 .ربمتبس") == "في 12 سبتمبر."
    assert reverse_rtl_runs(".٢٦٩١-٤٩٨١ نيب") == "بين ١٨٩٤-١٩٦٢."
