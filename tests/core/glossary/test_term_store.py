"""The learner's glossary store: storage, refusals, crash safety."""
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from models.glossary.store import SCHEMA_VERSION, Term, TermStore
from models.errors import TermError

from tests.conftest import REPO


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
        store.add(Term("إِطْلاقـ"))  # same spelling: a kasra, a sukun and a tatweel more
    with pytest.raises(TermError, match="Arabic"):
        store.add(Term("ceasefire"))
    with pytest.raises(TermError, match="status"):
        store.add(Term("هدنة", status="forgotten"))


def test_the_store_finds_its_terms_in_a_text(store):
    store.add(Term("سوريا", status="learning"))
    text = "Syria سوريا، وبسوريا"
    assert [(text[m.start:m.end], m.term.status, m.term.id is not None) for m in store.matches(text)] == [
        ("سوريا", "learning", True), ("وبسوريا", "learning", True)]


WRITER = textwrap.dedent("""
    import sys
    from models.glossary.store import SCHEMA_VERSION, Term, TermStore
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


def test_a_term_with_a_control_character_is_refused(store):
    with pytest.raises(TermError, match="control character"):
        store.add(Term("سلا\x00م"))
    with pytest.raises(TermError, match="line break"):
        store.add(Term("سلام", translation="peace\nwar"))


def test_terms_that_differ_only_in_digits_are_two_terms(store):
    store.add(Term("القرار 2254", translation="Resolution 2254"))
    store.add(Term("القرار 242", translation="Resolution 242"))
    with pytest.raises(TermError, match="already"):
        store.add(Term("القرار ٢٤٢"))  # the same number in Arabic-Indic digits
    text = "القرار ٢٤٢ والقرار 2254"
    assert [(text[m.start:m.end], m.term.translation) for m in store.matches(text)] == [
        ("القرار ٢٤٢", "Resolution 242"), ("والقرار 2254", "Resolution 2254")]
    assert store.find("القرار ٢٤٢").translation == "Resolution 242"


def test_spellings_of_one_folded_key_are_two_terms(store):
    ala = store.add(Term("على", translation="on"))
    store.add(Term("إطلاق"))
    assert store.find("علي").term == "على"  # tolerant while علي is not saved
    assert store.find("علي", exact=True) is None
    ali = store.add(Term("علي", translation="Ali"))
    store.add(Term("اطلاق"))
    with pytest.raises(TermError, match="already"):
        store.add(Term("عَلَى"))
    assert (store.find("عَلِيّ").id, store.find("عَلى").id) == (ali.id, ala.id)
    with pytest.raises(TermError, match="already"):
        store.update(replace(ali, term="على"))
    text = "قال علي إنه اعتمد على الاتفاق"
    assert [(text[m.start:m.end], m.term.translation) for m in store.matches(text)] == [("علي", "Ali"), ("على", "on")]


def test_a_batch_is_one_transaction_and_a_refused_change_undoes_only_itself(tmp_path):
    path = tmp_path / "g.sqlite3"
    with TermStore(path) as store, TermStore(path) as other:
        store.add(Term("هدنة"))
        with store.batch():
            store.add(Term("سلام"))
            with pytest.raises(TermError, match="already"):
                store.add(Term("هُدنة"))
            store.add(Term("حرب"))
            assert [t.term for t in other.all()] == ["هدنة"]  # nothing committed yet
        assert [t.term for t in other.all()] == ["هدنة", "سلام", "حرب"]
        with pytest.raises(RuntimeError):
            with store.batch():
                store.add(Term("وقف"))
                raise RuntimeError("interrupted")
        assert [t.term for t in store.all()] == ["هدنة", "سلام", "حرب"]


#: The first layout of the glossary (schema version 0): one term per folded key, digits left out.
SCHEMA_VERSION_0 = """
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    translation TEXT NOT NULL DEFAULT '',
    vocalized TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'learning', 'known')),
    note TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    sentence_translation TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL
);
"""
VERSION_0_ROWS = [  # (id, term, key as version 0 made it, translation, status, note, created, updated)
    (3, "القرار 242", "القرار", "Resolution 242", "known", "UN", 100.0, 150.0),
    (7, "على", "علي", "on", "learning", "", 200.0, 200.0),
    (9, "هُدنة", "هدنه", "truce", "new", "line one\nline two", 300.0, 310.0),
]


def make_version_0_glossary(path):
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_VERSION_0)
    db.executemany("INSERT INTO terms (id, term, key, translation, status, note, created, updated)"
                   " VALUES (?,?,?,?,?,?,?,?)", VERSION_0_ROWS)
    db.commit()
    db.close()


def test_a_glossary_of_the_first_schema_is_upgraded(tmp_path):
    path = tmp_path / "g.sqlite3"
    make_version_0_glossary(path)
    with TermStore(path) as store:
        terms = store.all()
        assert [(t.id, t.term, t.translation, t.status, t.note, t.created, t.updated) for t in terms] == [
            (i, term, tr, status, note, created, updated) for i, term, _, tr, status, note, created, updated in VERSION_0_ROWS]
        assert [(t.spelling, t.key) for t in terms] == [("القرار 242", "القرار 242"), ("على", "علي"), ("هدنة", "هدنه")]
        store.add(Term("علي", translation="Ali"))  # refused by the old UNIQUE key
        store.add(Term("القرار 2254"))
        with pytest.raises(TermError, match="already"):
            store.add(Term("هدنة"))
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["terms"]
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    with TermStore(path) as store:  # opened again: nothing left to do
        assert len(store.all()) == 5


def test_a_glossary_of_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "g.sqlite3"
    with TermStore(path) as store:
        store.add(Term("هدنة"))
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(TermError, match="newer version of Qari"):
        TermStore(path)


UPGRADE_KILLED = textwrap.dedent("""
    import os, signal, sys
    from models.glossary import store
    calls = []
    spelling = store.term_spelling
    def spelling_then_killed(text):
        calls.append(text)
        if len(calls) == 2:  # half way through the rows, the table renamed and the new one made
            os.kill(os.getpid(), signal.SIGKILL)
        return spelling(text)
    store.term_spelling = spelling_then_killed
    store.TermStore(sys.argv[1])
""")


@pytest.mark.slow
def test_an_upgrade_killed_half_way_leaves_the_old_glossary(tmp_path):
    path = tmp_path / "g.sqlite3"
    make_version_0_glossary(path)
    proc = subprocess.run([sys.executable, "-c", UPGRADE_KILLED, str(path)], cwd=REPO, capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone() == (0,)
    assert [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["terms"]
    assert db.execute("SELECT id, term, key, translation, status, note, created, updated FROM terms ORDER BY id").fetchall() == VERSION_0_ROWS
    db.close()
    with TermStore(path) as store:  # and the next start upgrades it
        assert [t.term for t in store.all()] == ["القرار 242", "على", "هُدنة"]
