import json

import pytest

from cli import ExitCode
from main import main
from models.documents import sample_path
from models.glossary.exchange import export_csv
from models.glossary.store import Term, TermStore
from tests.conftest import FIXTURES

DRAFT = FIXTURES / "en-kerry-lavrov-syria-2016.txt"


def test_json_report_has_sentences_links_and_summary(tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out)]) == 0
    assert "17 links, no flags" in capsys.readouterr().out
    report = json.loads(out.read_text(encoding="utf-8"))
    source = sample_path().read_text(encoding="utf-8")
    draft = DRAFT.read_text(encoding="utf-8")
    for s in report["source_sentences"]:
        assert source[s["start"] : s["end"]] == s["text"]
    for s in report["draft_sentences"]:
        assert draft[s["start"] : s["end"]] == s["text"]
    assert report["summary"] == {"links": 17, "flags": {}}
    link = report["links"][8]
    assert link["source"] == [8, 9] and link["draft"] == [8] and 0 <= link["confidence"] <= 1 and link["flags"] == []


def test_html_report_marks_flagged_spans(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace("290,000", "300,000"), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["check", str(sample_path()), str(draft), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<mark>300,000</mark>" in page and "<mark>290 ألف</mark>" in page
    assert "number mismatch: 2" in page


def test_glossary_file_is_used(tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("# term\ttranslation\nالمبعوث\tspecial envoy\n", encoding="utf-8")
    out = tmp_path / "r.json"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out), "--glossary", str(glossary)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["flags"] == {"glossary_term": 1}


def test_glossary_csv_exported_from_my_glossary_is_used(tmp_path):
    """The CSV file that My glossary exports works as ``--glossary`` (terms without a translation left out)."""
    store = TermStore(tmp_path / "glossary.sqlite3")
    store.add(Term("المبعوث", translation="special envoy", status="learning"))
    store.add(Term("كيري", status="known"))
    glossary = tmp_path / "terms.csv"
    export_csv(store, glossary)
    out = tmp_path / "report.json"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out), "--glossary", str(glossary)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["flags"] == {"glossary_term": 1}


@pytest.mark.parametrize(
    "args, message, status",
    [
        (["missing.txt", str(DRAFT), "-o", "{tmp}/r.json"], "missing.txt does not exist", ExitCode.BAD_INPUT),
        ([str(sample_path()), str(DRAFT), "-o", "{tmp}/r.txt"], "must end in .json, .html, .xlf, .xliff or .tmx", ExitCode.USAGE),
        ([str(sample_path()), "{tmp}", "-o", "{tmp}/r.json"], "is a folder", ExitCode.BAD_INPUT),
        ([str(sample_path()), str(DRAFT), "-o", "{tmp}/no/such/dir/r.json"], "cannot write", ExitCode.CANNOT_WRITE),
    ],
)
def test_bad_input_gives_one_line_and_its_status(tmp_path, capsys, args, message, status):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["check", *args]) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_draft_far_longer_than_the_source_is_refused_quickly(tmp_path, capsys, monkeypatch):
    import models.drafts.checks

    def never(text):
        raise AssertionError("a 5 MB draft must be refused before it is split into sentences")

    monkeypatch.setattr(models.drafts.checks, "segment_english", never)  # splitting 5 MB takes ~15 s here
    draft = tmp_path / "book.txt"
    draft.write_text(DRAFT.read_text(encoding="utf-8") * 2000, encoding="utf-8")  # about 5 MB
    out = tmp_path / "r.json"
    assert main(["check", str(sample_path()), str(draft), "-o", str(out)]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "not a translation of this source" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_a_draft_with_far_more_sentences_than_the_source_is_refused(tmp_path, capsys):
    draft = tmp_path / "list.txt"
    draft.write_text("Yes. " * 400, encoding="utf-8")  # short in characters, 400 sentences
    assert main(["check", str(sample_path()), str(draft), "-o", str(tmp_path / "r.json")]) == ExitCode.BAD_INPUT
    err = capsys.readouterr().err
    assert "400 sentences" in err and "not a translation" in err


def test_a_news_article_is_not_refused(tmp_path):
    from models.drafts.checks import check_draft

    result = check_draft(sample_path().read_text(encoding="utf-8"), DRAFT.read_text(encoding="utf-8"))
    assert len(result.links) == 17


def test_html_report_gives_each_source_sentence_the_direction_of_its_script(tmp_path):
    import re

    out = tmp_path / "report.html"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    caption = re.search(r"<div dir='(\w+)'[^>]*>U\.S\. Secretary of State", page)
    assert caption and caption.group(1) == "ltr"
    assert re.search(r"<div dir='rtl' lang='ar'>كيري", page)
    assert not re.search(r"dir='rtl'[^>]*>[A-Za-z]", page)


def test_xliff_report_has_one_unit_per_link_with_flags_as_notes(tmp_path):
    from translate.storage import xliff2

    from models.drafts.exchange import xliff_notes

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace("For his part, Lavrov confirmed", "For his part, Kerry confirmed"),
                     encoding="utf-8")
    out = tmp_path / "report.xlf"
    assert main(["check", str(sample_path()), str(draft), "-o", str(out)]) == 0
    document = xliff2.Xliff2File.parsestring(out.read_bytes())
    assert (document.getsourcelanguage(), document.gettargetlanguage()) == ("ar", "en")
    units = document.units
    assert [u.getid() for u in units] == [f"l{k}" for k in range(1, 18)]
    assert units[0].source == "خلافات أميركية روسية تعيق الاتفاق بشأن سوريا"
    assert units[0].target == "US-Russian differences hold up agreement on Syria"
    flagged = {u.getid(): xliff_notes(u) for u in units if xliff_notes(u)}
    [(unit_id, notes)] = flagged.items()
    assert notes == [("name_mismatch", "The name \u201cلافروف\u201d is not in the draft sentence, which names Kerry.")]
    assert document.findid(unit_id).target.startswith("For his part, Kerry confirmed")
    notes_element = document.findid(unit_id).getunitelement()[0]  # unit-level notes, before the segment
    assert notes_element.tag.endswith("}notes")


def test_tmx_memory_holds_the_aligned_pairs(tmp_path):
    from translate.storage import tmx

    out = tmp_path / "pairs.tmx"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out)]) == 0
    memory = tmx.tmxfile.parsestring(out.read_bytes())
    assert len(memory.units) == 17
    pairs = {u.source: u.target for u in memory.units}
    assert pairs["المصدر : الجزيرة + وكالات"] == "Source: Al Jazeera + agencies"
    assert pairs["وقال \"لا نريد اتفاقا من أجل الاتفاق. نريد إنجاز شيء فعال يفيد الشعب السوري ويجعل المنطقة أكثر استقرارا وأمنا ويأتي بنا إلى الطاولة هنا في جنيف لإيجاد حل سياسي\"."].startswith("He said: \"We do not want")


def test_json_report_has_word_links(tmp_path):
    out = tmp_path / "report.json"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    source = sample_path().read_text(encoding="utf-8")
    draft = DRAFT.read_text(encoding="utf-8")
    found = {(source[slice(*w["source"])], draft[slice(*w["target"])]) for l in report["links"] for w in l["word_links"]}
    assert {("التعاون", "cooperation"), ("كيري", "Kerry")} <= found


@pytest.mark.slow
def test_check_with_a_model_uses_its_translations_and_word_links(tmp_path, tiny_model_dir, capsys):
    out = tmp_path / "report.json"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out), "--model", str(tiny_model_dir), "--beams", "1"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    evidence = {w["evidence"] for l in report["links"] for w in l["word_links"]}
    assert any("model" in e for e in evidence) and "gloss" in evidence
    assert report["summary"]["links"] == 17


def test_check_with_a_missing_model_goes_on_without_it(tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["check", str(sample_path()), str(DRAFT), "-o", str(out), "--model", str(tmp_path / "no-model")]) == 0
    captured = capsys.readouterr()
    assert "Checking without the model." in captured.err and "17 links, no flags" in captured.out


def test_a_source_without_arabic_is_checked_and_said_to_have_none(tmp_path, capsys):
    source = tmp_path / "english.txt"
    source.write_text("The minister said nothing.", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("The minister said nothing.", encoding="utf-8")
    assert main(["check", str(source), str(draft), "-o", str(tmp_path / "report.json")]) == 0
    err = capsys.readouterr().err
    assert err.endswith(" check: english.txt has no Arabic text; it is shown as it is, without translation.\n")
    assert err.count("\n") == 1
    assert (tmp_path / "report.json").is_file()
