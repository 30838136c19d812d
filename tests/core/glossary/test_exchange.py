"""The learner's glossary in CSV files and Anki decks."""
import csv
import sqlite3
import zipfile

import pytest

from models.errors import TermError
from models.glossary.exchange import IMPORT_BATCH_ROWS, MAX_FIELD_CHARS, export_anki, export_csv, import_csv
from models.glossary.store import Term, TermStore


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
    assert report.ignored == [(3, "unknown status 'bogus' (one of new, learning, known)")]
    assert "Ignored fields in 1 row (line 3: unknown status 'bogus'" in report.summary()
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
    assert "Imported 1 new term," in summary and "Skipped 3 rows" in summary and "line 5" in summary


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


ROWS = [("على", "on", "learning"), ("علي", "Ali", "new"), ("القرار 242", "Resolution 242", "known"),
        ("القرار 2254", "Resolution 2254", "known")]


@pytest.mark.parametrize("encoding, delimiter", [
    ("cp1256", ";"), ("cp1256", ","), ("iso8859_6", "\t"), ("utf-16", "\t"), ("utf-16-le", ";"), ("utf-8-sig", ";")])
def test_import_reads_arabic_code_pages_utf16_and_other_separators(store, tmp_path, encoding, delimiter):
    lines = [delimiter.join(("term", "translation", "status"))] + [delimiter.join(row) for row in ROWS]
    source = tmp_path / "in.csv"
    source.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    report = import_csv(store, source)
    assert (report.added, report.updated, report.skipped) == (4, 0, [])
    assert [(t.term, t.translation, t.status) for t in store.all()] == ROWS


def test_a_semicolon_file_keeps_the_commas_of_its_fields(store, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('Term;Translation;Note\nهدنة;truce, ceasefire;"a note; with a semicolon"\n', encoding="utf-8")
    import_csv(store, source)
    assert [(t.translation, t.note) for t in store.all()] == [("truce, ceasefire", "a note; with a semicolon")]


def test_an_oversized_field_skips_its_row_only(store, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("term,note\nهدنة,truce\n"
                      f"سلام,{'x' * 200_000}\n"  # longer than the csv module reads
                      "حرب,war\n"
                      f"وقف,{'y' * (MAX_FIELD_CHARS + 1)}\n"
                      "سلم,peace\n", encoding="utf-8")
    report = import_csv(store, source)
    assert [t.term for t in store.all()] == ["هدنة", "حرب", "سلم"]
    assert (report.added, report.updated) == (3, 0)
    assert [line for line, _ in report.skipped] == [3, 5]
    assert "field limit" in report.skipped[0][1]
    assert "the note is 10,001 characters long" in report.skipped[1][1]
    assert report.summary().startswith("Imported 3 new terms, updated 0. Skipped 2 rows (line 3: ")


def test_import_keeps_terms_of_one_folded_key_apart(store, tmp_path):
    store.add(Term("على", translation="on"))
    source = tmp_path / "in.csv"
    source.write_text("term,translation\nعلي,Ali\nعَلى,upon\nالقرار ٢٤٢,Resolution 242\nالقرار 2254,Resolution 2254\n",
                      encoding="utf-8")
    report = import_csv(store, source)
    assert (report.added, report.updated, report.skipped) == (3, 1, [])
    assert [(t.term, t.translation) for t in store.all()] == [
        ("على", "upon"), ("علي", "Ali"), ("القرار ٢٤٢", "Resolution 242"), ("القرار 2254", "Resolution 2254")]


def test_import_reports_progress_by_batch_and_stops_when_asked(tmp_path):
    path = tmp_path / "g.sqlite3"
    rows = 2 * IMPORT_BATCH_ROWS + 7
    source = tmp_path / "in.csv"
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    source.write_text("term,translation\n" + "".join(
        f"{letters[i % 27]}{letters[i // 27 % 27]}{letters[i // 729]},t{i}\n" for i in range(rows)), encoding="utf-8")
    with TermStore(path) as store, TermStore(path) as other:
        seen = []
        # Each batch is committed before its progress is reported: another connection sees it.
        report = import_csv(store, source, progress=lambda done, total: seen.append((done, total, len(other.all()))))
        assert seen == [(IMPORT_BATCH_ROWS, rows, IMPORT_BATCH_ROWS), (2 * IMPORT_BATCH_ROWS, rows, 2 * IMPORT_BATCH_ROWS),
                        (rows, rows, rows)]
        assert (report.added, report.stopped) == (rows, False)
    with TermStore(tmp_path / "g2.sqlite3") as store:
        seen = []
        report = import_csv(store, source, progress=lambda done, total: seen.append(done), should_stop=lambda: bool(seen))
        assert seen == [IMPORT_BATCH_ROWS] and report.stopped
        assert len(store.all()) == report.added == IMPORT_BATCH_ROWS
        assert report.summary().startswith(f"Stopped after {IMPORT_BATCH_ROWS} of {rows} rows. Imported {IMPORT_BATCH_ROWS} new terms")


def anki_notes(deck, tmp_path):
    with zipfile.ZipFile(deck) as archive:
        archive.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        return [(guid, flds.split("\x1f")) for guid, flds in db.execute("SELECT guid, flds FROM notes ORDER BY id")]
    finally:
        db.close()


def test_anki_cards_keep_the_notes_line_breaks_and_the_sentence(store, tmp_path):
    store.add(Term("هدنة", translation="truce", note="first line\nsecond <line> & more\r\nthird",
                   sentence="تم التوصل إلى هدنة.", sentence_translation="A truce was reached."))
    deck = tmp_path / "deck.apkg"
    export_anki(store, deck)
    [(_, fields)] = anki_notes(deck, tmp_path)
    assert fields == ["هدنة", "truce", "", "تم التوصل إلى هدنة.", "A truce was reached.",
                      "first line<br>second &lt;line&gt; &amp; more<br>third"]


def test_anki_notes_of_one_folded_key_are_two_notes(store, tmp_path):
    import genanki

    store.add(Term("على", translation="on"))
    store.add(Term("علي", translation="Ali"))
    deck = tmp_path / "deck.apkg"
    assert export_anki(store, deck) == 2
    notes = anki_notes(deck, tmp_path)
    assert [fields[:2] for _, fields in notes] == [["على", "on"], ["علي", "Ali"]]
    # The older keeps the GUID of its key (as exported before), so re-importing updates its card.
    assert [guid for guid, _ in notes] == [genanki.guid_for("qari", "علي"), genanki.guid_for("qari", "علي", "علي")]


def test_import_without_a_status_keeps_each_terms_status(store, tmp_path):
    """A file with only term and translation columns (or an empty or unknown status) updates the
    translation and leaves a stored term's status and note as they were."""
    store.add(Term("الاتفاق", translation="the agreement", status="learning", note="from the UN text"))
    store.add(Term("هدنة", translation="truce", status="known"))
    source = tmp_path / "in.csv"
    source.write_text("term,translation\nالاتفاق,agreement (new wording)\n", encoding="utf-8")
    report = import_csv(store, source)
    assert (report.added, report.updated, report.ignored) == (0, 1, [])
    source.write_text("term,translation,status\nهدنة,ceasefire,\nالاتفاق,,Bogus\n", encoding="utf-8")
    report = import_csv(store, source)
    assert report.updated == 2 and [line for line, _ in report.ignored] == [3]
    got = {t.term: (t.translation, t.status, t.note) for t in store.all()}
    assert got == {"الاتفاق": ("agreement (new wording)", "learning", "from the UN text"),
                   "هدنة": ("ceasefire", "known", "")}


def test_import_of_a_file_without_rows_says_so(store, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("term,translation\n", encoding="utf-8")
    assert import_csv(store, source).summary() == "The file has no terms (no rows after the header)."
