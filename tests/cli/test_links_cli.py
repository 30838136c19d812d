import json

import pytest

from cli import ExitCode
from main import main

SOURCES = ["كيري ولافروف قالا إن هناك بضع مسائل", "", "أودى النزاع بـ290 ألف شخص في سوريا منذ فبراير/ شباط 2011"]
TARGETS = ["Kerry and Lavrov said there are a few issues", "", "The conflict killed 290,000 people in Syria since February 2011"]


@pytest.fixture
def files(tmp_path):
    source, translation = tmp_path / "ar.txt", tmp_path / "en.txt"
    source.write_text("\n".join(SOURCES) + "\n", encoding="utf-8")
    translation.write_text("\n".join(TARGETS) + "\n", encoding="utf-8")
    return source, translation


def spans(record):
    return {(record["source"][slice(*l["source"])], record["target"][slice(*l["target"])]): l for l in record["links"]}


def test_lexicon_links_per_line_with_offsets_into_each_line(files, tmp_path, capsys):
    out = tmp_path / "links.json"
    assert main(["links", str(files[0]), str(files[1]), "-o", str(out)]) == 0
    assert "word links in 3 sentences" in capsys.readouterr().out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["model"] is None and len(data["sentences"]) == 3
    first, blank, third = data["sentences"]
    assert blank["links"] == []
    assert {("كيري", "Kerry"), ("ولافروف", "Lavrov"), ("قالا", "said")} <= set(spans(first))
    assert {("290", "290,000"), ("ألف", "290,000"), ("شباط", "February"), ("سوريا", "Syria")} <= set(spans(third))
    link = spans(third)[("شباط", "February")]
    assert set(link) == {"source", "target", "score", "evidence"} and link["evidence"] == "month" and 0 < link["score"] <= 1
    assert [r["source"] for r in data["sentences"]] == SOURCES


@pytest.mark.slow
def test_model_links_are_added_by_forced_decoding(files, tmp_path, tiny_model_dir):
    out = tmp_path / "links.json"
    assert main(["links", str(files[0]), str(files[1]), "-o", str(out), "--model", str(tiny_model_dir), "--backend", "torch"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["model"] == str(tiny_model_dir)
    for record in data["sentences"]:
        words = {tuple(l["target"]) for l in record["links"] if "model" in l["evidence"]}
        if record["target"]:  # the model links every word of the translation to some source word
            assert len(words) == len(record["target"].split())
    assert any("+" in l["evidence"] for r in data["sentences"] for l in r["links"])  # found by both


@pytest.mark.parametrize("change, message, status", [
    (lambda s, t, o: (s, t, o.with_suffix(".txt")), "must end in .json", ExitCode.USAGE),
    (lambda s, t, o: (s.with_name("missing.txt"), t, o), "cannot be read", ExitCode.BAD_INPUT),
    (lambda s, t, o: (s, s.parent, o), "is a folder", ExitCode.BAD_INPUT),
    (lambda s, t, o: (s, t, o.parent / "no" / "such" / "links.json"), "cannot write", ExitCode.CANNOT_WRITE),
])
def test_bad_input_gives_one_line_and_its_status(files, tmp_path, capsys, change, message, status):
    source, translation, out = change(*files, tmp_path / "links.json")
    assert main(["links", str(source), str(translation), "-o", str(out)]) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_files_of_different_lengths_are_refused(files, tmp_path, capsys):
    files[1].write_text("one line\n", encoding="utf-8")
    assert main(["links", str(files[0]), str(files[1]), "-o", str(tmp_path / "l.json")]) == ExitCode.BAD_INPUT
    assert "has 3 lines and en.txt 1" in capsys.readouterr().err
    assert not (tmp_path / "l.json").exists()
