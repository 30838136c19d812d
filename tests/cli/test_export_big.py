"""Exporting a book: written part by part in bounded memory, progress as plain lines when
stderr is not a terminal."""
import io
import json
import tracemalloc

from cli.export import Progress, export
from models.documents import load_document, sample_path


def book(tmp_path, copies: int):
    path = tmp_path / "book.txt"
    path.write_bytes(b"\n".join([sample_path().read_bytes()] * copies))
    return path


def test_a_book_is_written_part_by_part_with_progress_lines(tmp_path):
    path = book(tmp_path, 40)
    whole = load_document(path)
    doc = load_document(path, first_chars=5000)
    out, err = io.StringIO(), io.StringIO()
    progress = Progress(len(doc.text), "qari export", None, stream=err)
    assert export(doc, out, ".json", None, progress, part_chars=20_000) == len(whole.sentences)
    progress.close()
    written = json.loads(out.getvalue())
    assert [(s["id"], s["paragraph"], s["start"], s["end"]) for s in written["sentences"]] == [
        (s.id, s.paragraph, s.start, s.end) for s in whole.sentences]
    assert written["model"] is None and all(s["translation"] is None for s in written["sentences"])
    lines = err.getvalue().splitlines()
    assert [line.split(":")[1].split("%")[0].strip() for line in lines] == [str(p) for p in range(10, 101, 10)]
    assert lines[-1] == f"qari export: 100% ({len(whole.sentences)} sentences)"


def test_memory_stays_bounded_whatever_the_size_of_the_book(tmp_path):
    """The peak of memory allocated while exporting (tracemalloc), beyond the text itself, is
    about the same for a book 4 times as long: it holds one part, not the book."""
    peaks = []
    for copies in (50, 200):
        doc = load_document(book(tmp_path, copies), first_chars=20_000)
        with open(tmp_path / "out.tsv", "w", encoding="utf-8") as out:
            tracemalloc.start()
            export(doc, out, ".tsv", None, Progress(len(doc.text), "qari export", None, stream=io.StringIO()),
                   part_chars=50_000)
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        assert (tmp_path / "out.tsv").read_text(encoding="utf-8").count("\n") > copies * 10
    small, large = peaks
    assert large < 1.5 * small, peaks
