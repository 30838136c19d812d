"""The learner's glossary in CSV files and Anki decks."""
import csv
import sqlite3
import zipfile

import pytest

from models.errors import TermError
from models.glossary.exchange import export_anki, export_csv, import_csv
from models.glossary.store import Term


def test_csv_round_trip_and_import_updates(store, tmp_path):
    store.add(Term("هدنة", translation="truce", sentence="تم التوصل إلى هدنة.", sentence_translation="A truce was reached."))
    out = tmp_path / "terms.csv"
    assert export_csv(store, out) == 1
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["term"] == "هدنة" and rows[0]["sentence_translation"] == "A truce was reached."
    source = tmp_path / "in.csv"
    source.write_text("term,translation,status\nهُدنة,ceasefire,known\nمستورا,de Mistura,bogus\nhello,x,new\n", encoding="utf-8")
    report = import_csv(store, source)
    assert (report.added, report.updated) == (1, 1)
    assert report.skipped == [(4, "no Arabic word in the term")]
    got = {t.term: (t.translation, t.status) for t in store.all()}
    assert got == {"هدنة": ("ceasefire", "known"), "مستورا": ("de Mistura", "new")}
    bad = tmp_path / "bad.csv"
    bad.write_text("word,meaning\nهدنة,truce\n", encoding="utf-8")
    with pytest.raises(TermError, match="term"):
        import_csv(store, bad)


def test_anki_package_holds_the_notes(store, tmp_path):
    store.add(Term("هدنة", translation="truce", vocalized="هُدْنَة", sentence="تم التوصل إلى هدنة.",
                   sentence_translation="A truce was reached."))
    out = tmp_path / "deck.apkg"
    assert export_anki(store, out) == 1
    with zipfile.ZipFile(out) as z:
        z.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    (flds,) = db.execute("SELECT flds FROM notes").fetchone()
    db.close()
    assert flds.split("\x1f")[:5] == ["هدنة", "truce", "هُدْنَة", "تم التوصل إلى هدنة.", "A truce was reached."]


def test_import_reports_an_unclosed_quote_and_control_characters(store, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('term,translation\nهدنة,truce\nسلام,pe\x00ace\nhello,x\n'
                      'مبعوث,"envoy\nحرب,war\nسلم,peace\n', encoding="utf-8")
    report = import_csv(store, source)
    assert report.added == 1 and report.updated == 0
    assert [line for line, _ in report.skipped] == [3, 4, 5]
    assert "U+0000" in report.skipped[0][1]
    assert "line break" in report.skipped[2][1] and "quotation mark" in report.skipped[2][1]
    assert [t.term for t in store.all()] == ["هدنة"]
    summary = report.summary()
    assert "Imported 1 new terms" in summary and "Skipped 3 rows" in summary and "line 5" in summary


def test_anki_fields_are_html_escaped(store, tmp_path):
    store.add(Term("اتصالات", translation="AT&T <b>"))
    deck = tmp_path / "deck.apkg"
    export_anki(store, deck)
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        fields = db.execute("SELECT flds FROM notes").fetchone()[0].split("\x1f")
    finally:
        db.close()
    assert fields[1] == "AT&amp;T &lt;b&gt;"
