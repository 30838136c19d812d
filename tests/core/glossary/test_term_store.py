"""The learner's glossary store: storage, refusals, crash safety."""
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from models.glossary.store import Term, TermStore
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
        store.add(Term("اِطْلاق"))  # same word, other alef and a kasra
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


def test_a_term_with_a_control_character_is_refused(store):
    with pytest.raises(TermError, match="control character"):
        store.add(Term("سلا\x00م"))
    with pytest.raises(TermError, match="line break"):
        store.add(Term("سلام", translation="peace\nwar"))
