"""The learner's glossary: storage, matching in articles, CSV/Anki files, crash safety."""
import csv
import signal
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from models.glossary.store import Term, TermStore
from models.errors import TermError

from tests.conftest import REPO


@pytest.fixture
def store(tmp_path):
    with TermStore(tmp_path / "glossary.sqlite3") as s:
        yield s


def spans(text, store):
    return [(text[m.start:m.end], m.term.term) for m in store.matches(text)]


def test_add_edit_delete_persist(tmp_path):
    path = tmp_path / "g.sqlite3"
    with TermStore(path) as s:
        t = s.add(Term("جبهة النصرة", translation="al-Nusra Front", note="group", status="learning"))
        s.update(Term(**{**t.__dict__, "status": "known"}))
        gone = s.add(Term("هدنة", translation="truce"))
        s.delete(gone.id)
    with TermStore(path) as s:
        terms = s.all()
    assert [(x.term, x.translation, x.status, x.note) for x in terms] == [("جبهة النصرة", "al-Nusra Front", "known", "group")]


def test_default_location_is_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("QARI_DATA_DIR", str(tmp_path / "qari-data"))
    with TermStore() as s:
        s.add(Term("هدنة"))
    assert (tmp_path / "qari-data" / "glossary.sqlite3").is_file()


def test_duplicates_and_non_arabic_terms_are_refused(store):
    store.add(Term("إطلاق"))
    with pytest.raises(TermError, match="already"):
        store.add(Term("اِطْلاق"))  # same word, other alef and a kasra
    with pytest.raises(TermError, match="Arabic"):
        store.add(Term("ceasefire"))
    with pytest.raises(TermError, match="status"):
        store.add(Term("هدنة", status="forgotten"))


def test_terms_found_whatever_the_diacritics_hamza_and_clitics(store):
    store.add(Term("وقف إطلاق النار", translation="ceasefire"))
    store.add(Term("جبهة النصرة", translation="al-Nusra Front"))
    store.add(Term("مساعدة", translation="aid"))
    text = ("دعا إلى وقفِ اطلاق النار، وقال إن لجبهة النصرة دوراً. وبالمساعدات لا. "
            "ووصلت المساعدة ومساعدتهم. وقف. اطلاق النار")
    assert spans(text, store) == [
        ("وقفِ اطلاق النار", "وقف إطلاق النار"),
        ("لجبهة النصرة", "جبهة النصرة"),
        ("المساعدة", "مساعدة"),
        ("ومساعدتهم", "مساعدة"),
    ]


def test_match_offsets_point_into_the_text(store):
    store.add(Term("سوريا"))
    text = "Syria سوريا، وبسوريا"
    found = store.matches(text)
    assert [(m.start, m.end) for m in found] == [(6, 11), (13, 20)]
    assert [text[m.start:m.end] for m in found] == ["سوريا", "وبسوريا"]


def test_longest_term_wins(store):
    store.add(Term("وقف"))
    store.add(Term("وقف إطلاق النار"))
    assert spans("وقف إطلاق النار ثم وقف", store) == [("وقف إطلاق النار", "وقف إطلاق النار"), ("وقف", "وقف")]


def test_csv_round_trip_and_import_updates(store, tmp_path):
    store.add(Term("هدنة", translation="truce", sentence="تم التوصل إلى هدنة.", sentence_translation="A truce was reached."))
    out = tmp_path / "terms.csv"
    assert store.export_csv(out) == 1
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["term"] == "هدنة" and rows[0]["sentence_translation"] == "A truce was reached."
    source = tmp_path / "in.csv"
    source.write_text("term,translation,status\nهُدنة,ceasefire,known\nمستورا,de Mistura,bogus\nhello,x,new\n", encoding="utf-8")
    report = store.import_csv(source)
    assert (report.added, report.updated) == (1, 1)
    assert report.skipped == [(4, "no Arabic word in the term")]
    got = {t.term: (t.translation, t.status) for t in store.all()}
    assert got == {"هدنة": ("ceasefire", "known"), "مستورا": ("de Mistura", "new")}
    bad = tmp_path / "bad.csv"
    bad.write_text("word,meaning\nهدنة,truce\n", encoding="utf-8")
    with pytest.raises(TermError, match="term"):
        store.import_csv(bad)


def test_anki_package_holds_the_notes(store, tmp_path):
    store.add(Term("هدنة", translation="truce", vocalized="هُدْنَة", sentence="تم التوصل إلى هدنة.",
                   sentence_translation="A truce was reached."))
    out = tmp_path / "deck.apkg"
    assert store.export_anki(out) == 1
    with zipfile.ZipFile(out) as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    (flds,) = db.execute("SELECT flds FROM notes").fetchone()
    db.close()
    assert flds.split("\x1f")[:5] == ["هدنة", "truce", "هُدْنَة", "تم التوصل إلى هدنة.", "A truce was reached."]


WRITER = textwrap.dedent("""
    import sys
    from models.glossary.store import Term, TermStore
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    store = TermStore(sys.argv[1])
    i = 0
    while True:
        word, n = "", i
        for _ in range(4):
            word += letters[n % len(letters)]
            n //= len(letters)
        t = store.add(Term(word, translation=f"t{i}", note="x" * 500))
        print(t.id, word, flush=True)
        i += 1
""")


@pytest.mark.slow
def test_killed_writer_loses_no_committed_term(tmp_path):
    path = tmp_path / "g.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    committed = []
    try:
        while len(committed) < 150:
            line = proc.stdout.readline()
            assert line, "writer stopped early"
            committed.append(line.split())
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    with TermStore(path) as s:
        stored = {(str(t.id), t.term) for t in s.all()}
    assert {tuple(c) for c in committed} <= stored


def test_import_reports_an_unclosed_quote_and_control_characters(store, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('term,translation\nهدنة,truce\nسلام,pe\x00ace\nhello,x\n'
                      'مبعوث,"envoy\nحرب,war\nسلم,peace\n', encoding="utf-8")
    report = store.import_csv(source)
    assert report.added == 1 and report.updated == 0
    assert [line for line, _ in report.skipped] == [3, 4, 5]
    assert "U+0000" in report.skipped[0][1]
    assert "line break" in report.skipped[2][1] and "quotation mark" in report.skipped[2][1]
    assert [t.term for t in store.all()] == ["هدنة"]
    summary = report.summary()
    assert "Imported 1 new terms" in summary and "Skipped 3 rows" in summary and "line 5" in summary


def test_a_term_with_a_control_character_is_refused(store):
    with pytest.raises(TermError, match="control character"):
        store.add(Term("سلا\x00م"))
    with pytest.raises(TermError, match="line break"):
        store.add(Term("سلام", translation="peace\nwar"))


def test_anki_fields_are_html_escaped(store, tmp_path):
    import sqlite3
    import zipfile

    store.add(Term("اتصالات", translation="AT&T <b>"))
    deck = tmp_path / "deck.apkg"
    store.export_anki(deck)
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        fields = db.execute("SELECT flds FROM notes").fetchone()[0].split("\x1f")
    finally:
        db.close()
    assert fields[1] == "AT&amp;T &lt;b&gt;"
