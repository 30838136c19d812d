"""Opening each format: what the reader gets from saved pages, e-books, Word files and PDFs
(built here from the bundled sample article), and a plain sentence for every kind of bad file."""
import zipfile

import pytest

from models.documents import FORMATS, MAX_BYTES, format_for, load_document, read_text_file
from models.documents.pdf import bigram_score, read_pdf, repair_line, reverse_rtl_runs
from models.errors import DocumentError
from tests.support.documents import (
    docx_bytes, epub_bytes, html_page, pdf_bytes, sample_paragraphs, shape, visual, wrap, write,
)

TITLE, PARAGRAPHS = sample_paragraphs()
ARTICLE = PARAGRAPHS[2:6]  # four Arabic paragraphs of the sample


def words(text):
    return text.split()  # NBSP, line breaks and runs of spaces alike


# -- web pages ------------------------------------------------------------------------------
@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_saved_page_gives_title_then_article_without_menu_script_or_footer(tmp_path, charset):
    doc = load_document(write(tmp_path / "page.html", html_page(TITLE, ARTICLE, charset)))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == TITLE  # the title once, as the first paragraph
    assert [words(p) for p in paragraphs[1:]] == [words(p) for p in ARTICLE]
    for boilerplate in ("الرئيسية", "رياضة", "سكريبت", "جميع الحقوق", "أخبار"):
        assert boilerplate not in doc.text
    assert doc.sentences[0].text == TITLE and doc.notes == []


def test_page_encoding_meta_charset_wins_over_detection_and_bom_over_meta(tmp_path):
    # a page in Windows-1256 that says so: decoded as declared
    data = html_page(TITLE, ARTICLE, "windows-1256")
    assert load_document(write(tmp_path / "a.htm", data)).text.startswith(TITLE)
    # a UTF-8 page with a BOM whose meta (wrongly) says windows-1256: the BOM wins
    data = b"\xef\xbb\xbf" + html_page(TITLE, ARTICLE, "utf-8").replace(b'charset="utf-8"', b'charset="windows-1256"')
    assert load_document(write(tmp_path / "b.html", data)).text.startswith(TITLE)
    # no declaration at all: detected
    data = html_page(TITLE, ARTICLE, "windows-1256").replace(b'<meta charset="windows-1256">', b"")
    assert load_document(write(tmp_path / "c.html", data)).text.startswith(TITLE)


def test_page_whose_article_trafilatura_misses_is_read_by_readability(tmp_path, monkeypatch):
    from models.documents import html

    monkeypatch.setattr(html, "_trafilatura", lambda page: (None, []))
    doc = load_document(write(tmp_path / "page.html", html_page(TITLE, ARTICLE)))
    assert any(words(ARTICLE[0]) == words(p) for p in doc.text.split("\n\n"))
    assert "الرئيسية" not in doc.text


def test_page_without_article_text_says_so(tmp_path):
    page = b"<!DOCTYPE html><html><head><title></title><script>load()</script></head><body><div id=app></div></body></html>"
    with pytest.raises(DocumentError, match="no article text"):
        load_document(write(tmp_path / "app.html", page))
    menus = ("<html><head><title>أخبار</title></head><body><nav><a href='/'>الرئيسية</a> <a href='/w'>العالم</a></nav>"
             "<ul><li><a href='/1'>هدنة في سوريا</a></li><li><a href='/2'>كيري ولافروف</a></li></ul>"
             "<footer>© 2016</footer></body></html>")
    with pytest.raises(DocumentError, match="menus.html has no article text"):
        load_document(write(tmp_path / "menus.html", menus.encode()))


# -- e-books --------------------------------------------------------------------------------
@pytest.mark.parametrize("toc", ["nav", "ncx"])
def test_epub_chapters_in_spine_order_with_titles_and_a_chapter_list(tmp_path, toc):
    chapters = [("الفصل الأول", ARTICLE[:2]), ("الفصل الثاني", ARTICLE[2:])]
    doc = load_document(write(tmp_path / "book.epub", epub_bytes(chapters, toc=toc)))
    assert [title for title, _ in doc.chapters] == ["الفصل الأول", "الفصل الثاني"]
    expected = ["الفصل الأول", *ARTICLE[:2], "الفصل الثاني", *ARTICLE[2:]]
    assert [words(p) for p in doc.text.split("\n\n")] == [words(p) for p in expected]  # the cover (no text) left out
    for title, offset in doc.chapters:
        assert doc.text[offset:offset + len(title)] == title
        assert any(s.start == offset for s in doc.sentences)  # a chapter starts a sentence


def test_epub_without_its_package_document_or_not_a_zip_is_refused(tmp_path):
    good = epub_bytes([("الفصل", ARTICLE[:1])])
    with zipfile.ZipFile(tmp_path / "broken.epub", "w") as book:
        with zipfile.ZipFile(write(tmp_path / "good.epub", good)) as source:
            for item in source.infolist():
                if not item.filename.endswith(".opf"):
                    book.writestr(item, source.read(item))
    with pytest.raises(DocumentError, match="broken.epub is not a valid EPUB e-book: it has no OEBPS/content.opf"):
        load_document(tmp_path / "broken.epub")
    with pytest.raises(DocumentError, match="cut.epub is not a valid EPUB e-book"):
        load_document(write(tmp_path / "cut.epub", good[: len(good) // 2]))


# -- Word -----------------------------------------------------------------------------------
def test_docx_paragraphs_in_order_and_table_cells(tmp_path):
    table = [["البلد", "عدد الضحايا"], ["سوريا", "290 ألف"]]
    doc = load_document(write(tmp_path / "article.docx", docx_bytes([TITLE, *ARTICLE[:2]], table)))
    assert [words(p) for p in doc.text.split("\n\n")] == [words(p) for p in [TITLE, *ARTICLE[:2], "البلد", "عدد الضحايا", "سوريا", "290 ألف"]]


def test_damaged_or_misnamed_docx_is_refused(tmp_path):
    data = docx_bytes(ARTICLE[:1])
    with pytest.raises(DocumentError, match="cut.docx is not a valid Word document"):
        load_document(write(tmp_path / "cut.docx", data[:2000]))
    with pytest.raises(DocumentError, match="old.docx is not a valid Word document"):
        load_document(write(tmp_path / "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)))  # a .doc
    epub = epub_bytes([("الفصل", ARTICLE[:1])])
    with pytest.raises(DocumentError, match="book.docx is not a valid Word document"):
        load_document(write(tmp_path / "book.docx", epub))  # a zip, but not a Word package


def test_zip_bomb_is_refused_before_unpacking(tmp_path):
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (401 * 2**20))
    assert (tmp_path / "bomb.docx").stat().st_size < 2 * 2**20
    with pytest.raises(DocumentError, match="unpacks to 401 MB"):
        load_document(tmp_path / "bomb.docx")


# -- PDF ------------------------------------------------------------------------------------
def test_reversal_keeps_digit_runs_and_the_visual_fixture_is_what_a_page_shows():
    assert visual("عام 2016 في جنيف.") == ".فينج يف 2016 ماع"
    # what pypdf gives for "سنة 2016 في جنيف" written in logical order: each right-to-left run
    # backwards, its trailing space in front; the number where it was
    assert reverse_rtl_runs(" ةنس2016 فينج يف") == "سنة 2016 في جنيف"
    assert reverse_rtl_runs("2011 - 2016") == "2011 - 2016"


@pytest.mark.parametrize("scorer", ["lexicon", "bigram"])
def test_pdf_with_presentation_forms_and_reversed_lines_reads_as_the_article(tmp_path, scorer):
    lines = [shape(line) for paragraph in PARAGRAPHS for line in wrap(paragraph)]
    assert all("\u0627" not in line for line in lines)  # every letter a presentation form
    data = pdf_bytes([lines[:30], lines[30:]])
    text = read_pdf(data, "article.pdf", score=bigram_score if scorer == "bigram" else None).text
    assert words(text) == words(" ".join(PARAGRAPHS))  # letters, words, digits (290, 2011) in order
    assert not any("\ufb50" <= ch <= "\ufeff" for ch in text)


def test_pdf_in_visual_order_keeps_words_and_puts_the_stop_at_the_end(tmp_path):
    line = "وقال وزير الخارجية الأميركي جون كيري إن المبعوث الدولي سيعمل على إعادة أطراف الأزمة."
    doc = load_document(write(tmp_path / "visual.pdf", pdf_bytes([[shape(line)]], logical=False)))
    assert doc.text == line


def test_repair_line_keeps_a_line_that_reads_well():
    line = "استمرت الخلافات بين الولايات المتحدة وروسيا عام 2016."
    assert repair_line(shape(line), bigram_score) == line


def test_pdf_without_text_layer_or_with_unreadable_text_suggests_ocr(tmp_path):
    with pytest.raises(DocumentError, match="scan.pdf has no text layer.*OCR"):
        load_document(write(tmp_path / "scan.pdf", pdf_bytes([[], []])))
    with pytest.raises(DocumentError, match="text layer of garbled.pdf cannot be read.*OCR"):
        load_document(write(tmp_path / "garbled.pdf", pdf_bytes([["\ufffd\ufffd\ufffd \ufffd\ufffd ab"]])))
    with pytest.raises(DocumentError, match="cut.pdf is not a valid PDF file"):
        load_document(write(tmp_path / "cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catal"))


# -- the registry and bad input -------------------------------------------------------------
def test_extension_then_signature_chooses_the_format(tmp_path):
    assert {fmt.description for fmt in FORMATS} >= {"text file", "web page", "EPUB e-book", "PDF file"}
    assert format_for("a.HTM").description == "web page"
    pdf = pdf_bytes([[shape(ARTICLE[0][:60])]])
    assert format_for("download", pdf).description == "PDF file"
    doc = load_document(write(tmp_path / "download", pdf))  # no extension: known by its first bytes
    assert words(doc.text) == words(ARTICLE[0][:60])
    assert format_for("notes.md", pdf).description == "text file"


def test_bad_files_get_a_sentence(tmp_path):
    with pytest.raises(DocumentError, match="is a folder"):
        load_document(tmp_path)
    with pytest.raises(DocumentError, match="does not exist"):
        load_document(tmp_path / "missing.epub")
    with pytest.raises(DocumentError, match="contains no text"):
        load_document(write(tmp_path / "blank.txt", b" \n\t\n"))
    with pytest.raises(DocumentError, match="not a text file"):
        load_document(write(tmp_path / "binary.txt", bytes(range(256)) * 4))
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(DocumentError, match="too large to open .*the limit is 20 MB"):
        load_document(big)


def test_unreadable_file_is_refused(tmp_path):
    import os

    path = write(tmp_path / "secret.txt", "نص".encode())
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as a user who reads every file")
    with pytest.raises(DocumentError, match="permission denied"):
        load_document(path)


def test_file_without_arabic_is_shown_with_a_note(tmp_path):
    doc = load_document(write(tmp_path / "english.txt", b"The U.S. State Department said nothing."))
    assert doc.text == "The U.S. State Department said nothing."
    assert doc.notes == ["english.txt has no Arabic text; it is shown as it is, without translation."]


# -- text files -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_a_short_text_in_an_arabic_code_page(tmp_path, encoding):
    # charset-normalizer alone reads these few bytes as Big5 or a Mac code page
    for text in ("هدنة في سوريا.", "على;on\nعلي;Ali\n"):
        (tmp_path / "short.txt").write_bytes(text.encode(encoding))
        assert load_document(tmp_path / "short.txt").text == text


def test_utf8_with_a_stray_nul_is_text_with_a_note(tmp_path):
    (tmp_path / "nul.csv").write_bytes("term\r\nهدنة,pe\x00ace\r\n".encode("utf-8"))
    extracted = read_text_file(tmp_path / "nul.csv")  # a CSV file, read as text
    assert extracted.text == "term\nهدنة,pe\x00ace\n" and extracted.notes == ["nul.csv has 1 NUL character (U+0000)."]
