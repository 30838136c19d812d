"""The learner's own glossary: terms with translation, note and status, in SQLite.

Stored in ``glossary.sqlite3`` in the user data folder (:func:`models.paths.data_dir`),
journal mode WAL with ``synchronous=FULL``; every change is one
transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), so killing the app mid-write loses at most the
change in flight and never corrupts the file.

Each term is stored with its matching key (:func:`models.glossary.matching.term_key`), unique:
one entry per word or expression, whatever its diacritics or alef spelling. Finding the terms
in a text is :mod:`models.glossary.matching`; CSV and Anki files are :mod:`models.glossary.exchange`.
"""
from __future__ import annotations

import sqlite3
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.errors import TermError
from models.glossary.matching import TermMatch, find_terms, term_key
from models.paths import data_dir
from models.sqlite_util import transaction

STATUSES = ("new", "learning", "known")

SCHEMA = """
CREATE TABLE IF NOT EXISTS terms (
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


#: Fields that hold one line of text: no newlines or other control characters (NUL, tab...).
SINGLE_LINE_FIELDS = ("term", "translation", "vocalized")


def control_character(text: str) -> str | None:
    """A description of the first control character (Unicode category Cc) in ``text``, or None."""
    for ch in text:
        if unicodedata.category(ch) == "Cc":
            return "a line break" if ch in "\r\n" else f"a control character (U+{ord(ch):04X})"
    return None


@dataclass(frozen=True)
class Term:
    """One glossary entry. ``term``: as the learner wrote it; ``key``: see
    :func:`models.glossary.matching.term_key`; ``status``: one of :data:`STATUSES`;
    ``sentence``/``sentence_translation``: where it was saved from; ``created``/``updated``:
    Unix time in seconds; ``id``: ``None`` until stored."""

    term: str
    translation: str = ""
    vocalized: str = ""
    status: str = "new"
    note: str = ""
    sentence: str = ""
    sentence_translation: str = ""
    id: int | None = None
    created: float = 0.0
    updated: float = 0.0
    key: str = field(default="", compare=False)


class TermStore:
    """The glossary database. Not thread-safe: use it from one thread.

    ``path`` defaults to ``data_dir() / "glossary.sqlite3"``. Raises :class:`TermError` when the
    file cannot be opened as a glossary."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else data_dir() / "glossary.sqlite3"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise TermError(f"The glossary {self.path} cannot be opened: {exc}.") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "TermStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _term(row: sqlite3.Row) -> Term:
        return Term(**{k: row[k] for k in row.keys()})

    def all(self) -> list[Term]:
        """Every term, oldest first."""
        return [self._term(r) for r in self._db.execute("SELECT * FROM terms ORDER BY id")]

    def get(self, term_id: int) -> Term | None:
        row = self._db.execute("SELECT * FROM terms WHERE id = ?", (term_id,)).fetchone()
        return self._term(row) if row else None

    def find(self, text: str) -> Term | None:
        """The term with the same key as ``text`` (any diacritics/alef spelling), or ``None``."""
        row = self._db.execute("SELECT * FROM terms WHERE key = ?", (term_key(text),)).fetchone()
        return self._term(row) if row else None

    # -- changes: one transaction each ---------------------------------------------------

    def _checked(self, term: Term) -> Term:
        key = term_key(term.term)
        if not key:
            raise TermError("A glossary term needs at least one Arabic word.")
        if term.status not in STATUSES:
            raise TermError(f"Unknown status {term.status!r}: use new, learning or known.")
        for name in SINGLE_LINE_FIELDS:
            bad = control_character(getattr(term, name).strip())
            if bad:
                raise TermError(f"The {name} contains {bad}; it must be one line of text.")
        return replace(term, term=term.term.strip(), key=key)

    def add(self, term: Term) -> Term:
        """Store a new term; returns it with ``id``, ``key`` and times set.

        Raises :class:`TermError` when it has no Arabic word, a bad status, or the same key as
        a stored term."""
        term = self._checked(term)
        now = time.time()
        cur = self._write(
            term,
            "INSERT INTO terms (term, key, translation, vocalized, status, note, sentence,"
            " sentence_translation, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (term.term, term.key, term.translation, term.vocalized, term.status, term.note,
             term.sentence, term.sentence_translation, now, now),
        )
        return replace(term, id=cur.lastrowid, created=now, updated=now)

    def update(self, term: Term) -> Term:
        """Save the fields of a stored term (found by ``id``). Raises :class:`TermError` when it
        does not exist or its new spelling collides with another term."""
        term = self._checked(term)
        now = time.time()
        cur = self._write(
            term,
            "UPDATE terms SET term=?, key=?, translation=?, vocalized=?, status=?, note=?,"
            " sentence=?, sentence_translation=?, updated=? WHERE id=?",
            (term.term, term.key, term.translation, term.vocalized, term.status, term.note,
             term.sentence, term.sentence_translation, now, term.id),
        )
        if cur.rowcount != 1:
            raise TermError(f"{term.term} is no longer in your glossary.")
        return replace(term, updated=now)

    def delete(self, term_id: int) -> None:
        """Remove a term (nothing happens when it is not there)."""
        with self._transaction():
            self._db.execute("DELETE FROM terms WHERE id = ?", (term_id,))

    def _write(self, term: Term, sql: str, parameters: tuple) -> sqlite3.Cursor:
        """Run one statement that writes ``term``, in a transaction of its own; a spelling
        (key) another term has becomes :class:`TermError`."""
        try:
            with self._transaction():
                return self._db.execute(sql, parameters)
        except sqlite3.IntegrityError as exc:
            raise TermError(f"{term.term} is already in your glossary.") from exc

    def _transaction(self):
        """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on an exception)."""
        return transaction(self._db)

    # -- matching ------------------------------------------------------------------------

    def matches(self, text: str, terms: list[Term] | None = None) -> list[TermMatch]:
        """Occurrences of the glossary's terms in ``text`` (:func:`models.glossary.matching.find_terms`):
        left to right, not overlapping, the longest term winning at a position. ``terms``
        defaults to :meth:`all`."""
        return find_terms(text, self.all() if terms is None else terms)
