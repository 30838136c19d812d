"""The bitext writers (JSON, HTML, TSV) without a model or a command line: what ``qari export`` and
the window's File > Export write for given translations."""
import csv
import json

import pytest

from models.bitext import FORMATS, bitext_rows, to_html, write_bitext
from models.documents import Document, load_document, sample_path


def test_html_source_cells_take_their_direction_from_their_text(tmp_path):
    doc = load_document(sample_path())
    page = to_html(doc, None, bitext_rows(doc, None))
    caption = next(s for s in doc.sentences if s.text.startswith("U.S."))
    assert f'<td dir="ltr" class="source">{caption.text}</td>' in page  # the period stays at the end
    assert f'<td dir="rtl" lang="ar">{doc.sentences[0].text}</td>' in page


@pytest.fixture
def article():
    """Two paragraphs: an Arabic sentence and a Latin-script caption, then an Arabic sentence;
    translations for the first paragraph only (the second is still being translated)."""
    doc = Document.from_text("قال كيري في جنيف. U.S. Secretary of State.\n\nوصل لافروف أمس.", source="/tmp/article.txt")
    ids = [s.id for s in doc.sentences]
    return doc, {ids[0]: "Kerry said in Geneva.", ids[1]: "U.S. Secretary of State."}


def test_json_rows_keep_offsets_and_say_what_was_translated(tmp_path, article):
    doc, translations = article
    out = tmp_path / "a.json"
    write_bitext(out, doc, "Helsinki-NLP/opus-mt-ar-en", translations)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"] == "/tmp/article.txt" and data["model"] == "Helsinki-NLP/opus-mt-ar-en"
    rows = data["sentences"]
    assert [row["text"] for row in rows] == [doc.text[s.start:s.end] for s in doc.sentences]
    assert [row["paragraph"] for row in rows] == [0, 0, 1]
    assert [row["translation"] for row in rows] == ["Kerry said in Geneva.", "U.S. Secretary of State.", None]
    assert [row["translated"] for row in rows] == [True, False, False]  # the caption is shown as it is


def test_without_a_model_nothing_is_translated(article):
    doc, _ = article
    assert all(row["translation"] is None and row["translated"] is False for row in bitext_rows(doc, None))


def test_tsv_writes_empty_cells_for_missing_translations_and_json_booleans(tmp_path, article):
    doc, translations = article
    out = tmp_path / "a.TSV"  # the extension is read whatever its case
    write_bitext(out, doc, None, translations)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert [(r["translation"], r["translated"]) for r in rows] == [
        ("Kerry said in Geneva.", "true"), ("U.S. Secretary of State.", "false"), ("", "false")]


def test_html_has_one_tbody_per_paragraph_and_an_empty_cell_for_a_missing_translation(tmp_path, article):
    doc, translations = article
    out = tmp_path / "a.html"
    write_bitext(out, doc, None, translations)
    page = out.read_text(encoding="utf-8")
    assert page.count('<tbody class="paragraph"') == 2
    assert "no translation model was available" in page
    assert page.count('<td dir="ltr" lang="en" class="missing"></td>') == 1


def test_an_unknown_extension_is_refused_before_writing(tmp_path, article):
    doc, translations = article
    with pytest.raises(ValueError, match=r"\.json, \.html, \.tsv"):
        write_bitext(tmp_path / "a.pdf", doc, None, translations)
    assert not (tmp_path / "a.pdf").exists()
    assert FORMATS == (".json", ".html", ".tsv")
