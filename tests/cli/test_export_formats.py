"""``export`` and ``check`` open every format through the same loaders: an HTML page, an EPUB,
a Word file and a PDF export to JSON; bad input is one line on stderr and a non-zero exit."""
import json

import pytest

import main
from cli import ExitCode
from models.documents import load_document
from tests.support.documents import docx_bytes, epub_bytes, html_page, pdf_bytes, sample_paragraphs, shape, wrap, write

TITLE, PARAGRAPHS = sample_paragraphs()
ARTICLE = PARAGRAPHS[2:5]
NO_MODEL = ["--model", "qari-test/not-downloaded"]


def build(kind, folder):
    data = {
        "html": lambda: html_page(TITLE, ARTICLE),
        "epub": lambda: epub_bytes([("الفصل الأول", ARTICLE)]),
        "docx": lambda: docx_bytes([TITLE, *ARTICLE]),
        "pdf": lambda: pdf_bytes([[shape(line) for p in ARTICLE for line in wrap(p)]]),
    }[kind]()
    return write(folder / f"article.{kind}", data)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["html", "epub", "docx", "pdf"])
def test_export_reads_each_format(tmp_path, capsys, kind):
    source = build(kind, tmp_path)
    out = tmp_path / "out.json"
    assert main.main(["export", str(source), "-o", str(out), *NO_MODEL]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    doc = load_document(source)
    assert data["source"] == str(source)
    assert [row["text"] for row in data["sentences"]] == [s.text for s in doc.sentences]
    assert all(row["text"] == doc.text[row["start"]:row["end"]] for row in data["sentences"])
    assert " ".join(ARTICLE[0].split()) in " ".join(doc.text.split())
    assert capsys.readouterr().err.count("\n") == 1  # only: no model, source written without translation


def _bad_inputs(folder):
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "cut.docx").write_bytes(docx_bytes(ARTICLE)[:1500])
    (folder / "cut.epub").write_bytes(epub_bytes([("ف", ARTICLE)])[:900])
    (folder / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<<")
    (folder / "scan.pdf").write_bytes(pdf_bytes([[]]))
    (folder / "app.html").write_bytes(b"<!DOCTYPE html><html><body><div id=app></div><script>x()</script></body></html>")
    return {
        "empty.txt": "contains no text", "binary.txt": "not a text file", "cut.docx": "not a valid Word document",
        "cut.epub": "not a valid EPUB e-book", "cut.pdf": "not a valid PDF file", "scan.pdf": "no text layer",
        "app.html": "no article text", "missing.pdf": "does not exist", ".": "is a folder",
    }


def test_export_bad_input_is_one_line_and_the_bad_input_status(tmp_path, capsys):
    for name, message in _bad_inputs(tmp_path).items():
        out = tmp_path / "out.json"
        assert main.main(["export", str(tmp_path / name), "-o", str(out), *NO_MODEL]) == ExitCode.BAD_INPUT, name
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err and " export: error: " in err, (name, err)
        assert not out.exists()


def test_check_reads_a_word_source_and_refuses_a_damaged_one(tmp_path, capsys, draft_text):
    source = write(tmp_path / "source.docx", docx_bytes(PARAGRAPHS))
    draft = tmp_path / "draft.txt"
    draft.write_text(draft_text, encoding="utf-8")
    assert main.main(["check", str(source), str(draft), "-o", str(tmp_path / "report.json")]) == 0
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["links"]
    capsys.readouterr()
    _bad_inputs(tmp_path)
    assert main.main(["check", str(tmp_path / "cut.epub"), str(draft), "-o", str(tmp_path / "r.json")]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a valid EPUB e-book" in err
