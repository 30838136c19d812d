"""``python main.py export``: the bitext files a user gets, and the errors they see."""
import csv
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import main
from cli import ExitCode
from models.documents import load_document, sample_path

from tests.conftest import REPO as ROOT


@pytest.fixture(scope="module")
def exported(tiny_model_dir, tmp_path_factory):
    """The sample article exported with the tiny model to JSON, HTML and TSV."""
    folder = tmp_path_factory.mktemp("export")
    paths = {}
    for kind in ("json", "html", "tsv"):
        paths[kind] = folder / f"sample.{kind}"
        assert main.main(["export", str(sample_path()), "-o", str(paths[kind]), "--model", str(tiny_model_dir),
                          "--beams", "1"]) == 0
    return paths


@pytest.mark.slow
def test_json_has_every_sentence_with_offsets_into_the_document(exported, tiny_model_dir):
    data = json.loads(exported["json"].read_text(encoding="utf-8"))
    doc = load_document(sample_path())
    assert set(data) == {"source", "model", "sentences"}
    assert data["source"] == str(sample_path()) and data["model"] == str(tiny_model_dir)
    assert len(data["sentences"]) == len(doc.sentences) == 18
    for row, sentence in zip(data["sentences"], doc.sentences):
        assert set(row) == {"id", "paragraph", "start", "end", "text", "translation", "translated"}
        assert row["text"] == doc.text[row["start"]:row["end"]]
        assert (row["id"], row["paragraph"]) == (sentence.id, sentence.paragraph)
        assert isinstance(row["translation"], str) and row["translation"]
        assert row["translated"] is sentence.translatable
        if not sentence.translatable:
            assert row["translation"] == row["text"]
    assert [row["id"] for row in data["sentences"] if not row["translated"]] == [1, 2]  # the English caption


class _Cells(HTMLParser):
    """Collects table rows as lists of (attributes, text) cells."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.paragraphs = [], None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self.paragraphs += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = (dict(attrs), [])

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1].append(data)

    def handle_endtag(self, tag):
        if tag == "td":
            self.rows[-1].append((self.cell[0], "".join(self.cell[1])))
            self.cell = None


@pytest.mark.slow
def test_html_is_a_two_column_bitext(exported):
    data = json.loads(exported["json"].read_text(encoding="utf-8"))["sentences"]
    page = _Cells()
    page.feed(exported["html"].read_text(encoding="utf-8"))
    assert page.paragraphs == load_document(sample_path()).paragraph_count
    assert len(page.rows) == len(data)
    for row, (arabic, english) in zip(data, page.rows):
        expected = {"dir": "rtl", "lang": "ar"} if row["translated"] else {"dir": "ltr", "class": "source"}
        assert arabic == (expected, row["text"])
        assert english[0]["dir"] == "ltr" and english[0]["lang"] == "en"
        assert english[1] == row["translation"]


@pytest.mark.slow
def test_tsv_has_a_header_and_one_row_per_sentence(exported):
    data = json.loads(exported["json"].read_text(encoding="utf-8"))["sentences"]
    with exported["tsv"].open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) == len(data)
    for tsv, row in zip(rows, data):
        assert tsv["text"] == row["text"] and tsv["translation"] == row["translation"]
        assert int(tsv["start"]) == row["start"] and tsv["translated"] == str(row["translated"]).lower()


@pytest.mark.slow
def test_without_a_model_the_source_is_exported_and_the_user_told(tmp_path, capsys):
    out = tmp_path / "sample.json"
    assert main.main(["export", str(sample_path()), "-o", str(out), "--model", "qari-test/not-downloaded"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "qari-test/not-downloaded" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["model"] is None
    assert all(row["translation"] is None and row["translated"] is False for row in data["sentences"])


@pytest.mark.slow
def test_progress_is_shown_on_a_terminal(tmp_path, tiny_model_dir, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "sample.tsv"
    assert main.main(["export", str(sample_path()), "-o", str(out), "--model", str(tiny_model_dir), "--beams", "1"]) == 0
    err = capsys.readouterr().err
    assert "translated 1 of 18 sentences" in err and err.endswith("translated 18 of 18 sentences\n")


def run_export(*args):
    return subprocess.run([sys.executable, "main.py", "export", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("make_args, says, status", [
    (lambda tmp: (tmp / "missing.txt", "-o", tmp / "out.json"), "does not exist", ExitCode.BAD_INPUT),
    # pypdf's and readability's own warnings and tracebacks are not shown on top of the sentence
    (lambda tmp: (written(tmp / "fake.pdf", b"not a pdf"), "-o", tmp / "out.json"), "not a valid PDF", ExitCode.BAD_INPUT),
    (lambda tmp: (written(tmp / "empty.html", b""), "-o", tmp / "out.json"), "no article text", ExitCode.BAD_INPUT),
    (lambda tmp: (tmp, "-o", tmp / "out.json"), "is a folder", ExitCode.BAD_INPUT),
    (lambda tmp: (written(tmp / "cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catal"), "-o", tmp / "out.json"),
     "cut.pdf is not a valid PDF file", ExitCode.BAD_INPUT),  # pypdf warns "EOF marker not found"
    (lambda tmp: (sample_path(), "-o", tmp / "out.pdf"), "must end in .json, .html or .tsv", ExitCode.USAGE),
    (lambda tmp: (sample_path(), "-o", tmp / "out.json", "--beams", "0"), "--beams", ExitCode.USAGE),
])
def test_errors_are_one_line_without_traceback(tmp_path, make_args, says, status):
    result = run_export(*make_args(tmp_path))
    assert result.returncode == status
    assert says in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "out.pdf").exists()


@pytest.mark.slow
def test_export_fills_the_translation_cache(exported, tiny_model_dir):
    from models.translation.settings import DecodingSettings, translation_key
    from models.translation.cache import TranslationCache

    rows = json.loads(exported["json"].read_text(encoding="utf-8"))["sentences"]
    key = translation_key(str(tiny_model_dir), DecodingSettings(num_beams=1))
    cached = TranslationCache().get_many(key, [row["text"] for row in rows])
    assert cached == {row["text"]: row["translation"] for row in rows if row["translated"]}


def test_unwritable_output_is_refused_before_translating(tmp_path):
    result = run_export(sample_path(), "-o", tmp_path / "no-such-dir" / "x.json")
    assert result.returncode == ExitCode.CANNOT_WRITE
    assert "is not a writable folder" in result.stderr and "Traceback" not in result.stderr


def test_output_that_is_the_input_or_a_folder_is_refused(tmp_path, capsys):
    """``export page.html -o page.html`` would replace the saved page with the export: refused,
    the page unchanged; so is ``check`` writing over an input, and a folder as the output."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>قال المتحدث إن المحادثات ستستأنف غدا.</p></body></html>", encoding="utf-8")
    before = page.read_bytes()
    draft = tmp_path / "draft.txt"
    draft.write_text("The spokesman said the talks would resume tomorrow.", encoding="utf-8")
    for argv, says in ((["export", str(page), "-o", str(page)], "is the input"),
                       (["check", str(page), str(draft), "-o", str(tmp_path / "." / "page.html")], "is the input"),
                       (["export", str(page), "-o", str(tmp_path)], "is a folder")):
        assert main.main(argv) == ExitCode.USAGE
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1 and "Traceback" not in err
    assert page.read_bytes() == before
