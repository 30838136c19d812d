"""The learner's own glossary: terms with translation, note and status, in SQLite.

Stored in ``glossary.sqlite3`` in the user data folder (:func:`models.paths.data_dir`),
journal mode WAL with ``synchronous=FULL``; every change is one
transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), so killing the app mid-write loses at most the
change in flight and never corrupts the file.

Each term is stored with its spelling (:func:`models.glossary.matching.term_spelling`: as
written, without diacritics or tatweel, digits by value), unique: one entry per word or
expression, whatever its diacritics, but على and علي, or القرار 242 and القرار 2254, are two. Its
folded key (:func:`models.glossary.matching.term_key`) is stored beside it, indexed, for lookups
that tolerate other hamza and final-letter spellings. Finding the terms in a text is
:mod:`models.glossary.matching`; CSV and Anki files are :mod:`models.glossary.exchange`.

The schema's version is SQLite's ``user_version`` (:data:`SCHEMA_VERSION`). A glossary of an
older version is upgraded when opened, in one transaction: an interrupted upgrade leaves the
file as it was.
"""
from __future__ import annotations

import logging
import sqlite3
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Iterator

from models.errors import TermError
from models.glossary.matching import TermMatch, find_terms, key_of_spelling, term_key, term_spelling
from models.paths import data_dir
from models.sqlite_util import transaction

log = logging.getLogger(__name__)

STATUSES = ("new", "learning", "known")

#: Version of the database layout, kept in ``PRAGMA user_version``. 0: the first layout, one
#: row per folded key (``key`` UNIQUE, digits left out of it); 1: one row per spelling
#: (``spelling`` UNIQUE), the folded key (with digits) indexed beside it.
SCHEMA_VERSION = 1

SCHEMA = ("""
CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL,
    spelling TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    translation TEXT NOT NULL DEFAULT '',
    vocalized TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'learning', 'known')),
    note TEXT NOT NULL DEFAULT '',
    sentence TEXT NOT NULL DEFAULT '',
    sentence_translation TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL
)""", "CREATE INDEX terms_key ON terms (key)")


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
    """One glossary entry. ``term``: as the learner wrote it; ``spelling`` and ``key``: see
    :func:`models.glossary.matching.term_spelling` and :func:`~models.glossary.matching.term_key`
    (set by the store); ``status``: one of :data:`STATUSES`;
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
    spelling: str = field(default="", compare=False)


#: The columns a term is stored in: the fields of :class:`Term`, in their order.
COLUMNS = tuple(f.name for f in fields(Term))
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM terms"


class TermStore:
    """The glossary database. Not thread-safe: use it from one thread.

    ``path`` defaults to ``data_dir() / "glossary.sqlite3"``; ``":memory:"`` is a glossary that
    lives as long as the store. A glossary of an older schema is upgraded (:data:`SCHEMA_VERSION`).
    Raises :class:`TermError` when the file cannot be opened as a glossary, or was written by a
    newer version of Qari."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else data_dir() / "glossary.sqlite3"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except (sqlite3.Error, OSError) as exc:
            raise TermError(f"The glossary {self.path} cannot be opened: {exc}.") from exc
        try:
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            if self._schema_version() != SCHEMA_VERSION:
                with self._transaction():
                    self._prepare_schema()
        except sqlite3.Error as exc:
            self._db.close()
            raise TermError(f"The glossary {self.path} cannot be opened: {exc}.") from exc
        except TermError:
            self._db.close()
            raise

    @property
    def in_memory(self) -> bool:
        """True for a ``":memory:"`` glossary, which no other connection can open."""
        return str(self.path) == ":memory:"

    def _schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _prepare_schema(self) -> None:
        """Create the tables, or upgrade those of an older version. Run inside a write
        transaction, which reads the version again: of two processes opening the file at once,
        the second finds the work done."""
        version = self._schema_version()
        if version > SCHEMA_VERSION:
            raise TermError(f"The glossary {self.path} was written by a newer version of Qari;"
                            " update Qari to open it.")
        if version == SCHEMA_VERSION:
            return
        if self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'terms'").fetchone():
            self._upgrade_from_version_0()
        else:
            for statement in SCHEMA:
                self._db.execute(statement)
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _upgrade_from_version_0(self) -> None:
        """Version 0 kept one term per folded key, its digits left out, with a UNIQUE
        constraint SQLite cannot drop: the table is rebuilt (SQLite's "making other kinds of
        table schema changes", https://sqlite.org/lang_altertable.html), each spelling and key
        computed from the term as written. Keys were unique, so spellings are too."""
        old = self._db.execute("SELECT * FROM terms ORDER BY id").fetchall()
        self._db.execute("ALTER TABLE terms RENAME TO terms_version_0")
        for statement in SCHEMA:
            self._db.execute(statement)
        rows = []
        for row in old:
            spelling = term_spelling(row["term"])
            rows.append({**dict(row), "spelling": spelling, "key": key_of_spelling(spelling)})
        self._db.executemany(
            f"INSERT INTO terms ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)})", rows)
        self._db.execute("DROP TABLE terms_version_0")
        log.info("glossary %s upgraded to schema version %d (%d terms)", self.path, SCHEMA_VERSION, len(old))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "TermStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _term(row: sqlite3.Row) -> Term:
        return Term(*row)

    def all(self) -> list[Term]:
        """Every term, oldest first."""
        return [self._term(r) for r in self._db.execute(f"{_SELECT} ORDER BY id")]

    def get(self, term_id: int) -> Term | None:
        row = self._db.execute(f"{_SELECT} WHERE id = ?", (term_id,)).fetchone()
        return self._term(row) if row else None

    def find(self, text: str, exact: bool = False) -> Term | None:
        """The term spelled as ``text`` (any diacritics or tatweel); else, unless ``exact``, the
        oldest with the same folded key (other alef, ى/ي or ة/ه spelling); else ``None``."""
        row = self._db.execute(f"{_SELECT} WHERE spelling = ?", (term_spelling(text),)).fetchone()
        if row is None and not exact:
            row = self._db.execute(f"{_SELECT} WHERE key = ? ORDER BY id LIMIT 1", (term_key(text),)).fetchone()
        return self._term(row) if row else None

    # -- changes: one transaction each ---------------------------------------------------

    def _checked(self, term: Term) -> Term:
        spelling = term_spelling(term.term)
        if not spelling:
            raise TermError("A glossary term needs at least one Arabic word.")
        if term.status not in STATUSES:
            raise TermError(f"Unknown status {term.status!r}: use new, learning or known.")
        for name in SINGLE_LINE_FIELDS:
            bad = control_character(getattr(term, name).strip())
            if bad:
                raise TermError(f"The {name} contains {bad}; it must be one line of text.")
        return replace(term, term=term.term.strip(), spelling=spelling, key=key_of_spelling(spelling))

    def add(self, term: Term) -> Term:
        """Store a new term; returns it with ``id``, ``spelling``, ``key`` and times set.

        Raises :class:`TermError` when it has no Arabic word, a bad status, or the same spelling
        as a stored term."""
        term = self._checked(term)
        now = time.time()
        cur = self._write(
            term,
            "INSERT INTO terms (term, spelling, key, translation, vocalized, status, note, sentence,"
            " sentence_translation, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (term.term, term.spelling, term.key, term.translation, term.vocalized, term.status, term.note,
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
            "UPDATE terms SET term=?, spelling=?, key=?, translation=?, vocalized=?, status=?, note=?,"
            " sentence=?, sentence_translation=?, updated=? WHERE id=?",
            (term.term, term.spelling, term.key, term.translation, term.vocalized, term.status, term.note,
             term.sentence, term.sentence_translation, now, term.id),
        )
        if cur.rowcount != 1:
            raise TermError(f"{term.term} is no longer in your glossary.")
        return replace(term, updated=now)

    def delete(self, term_id: int) -> None:
        """Remove a term (nothing happens when it is not there)."""
        with self._transaction():
            self._db.execute("DELETE FROM terms WHERE id = ?", (term_id,))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make the changes inside the ``with`` block one transaction, committed at its end
        (rolled back if it raises): far faster than one transaction per change for many
        changes. A change refused inside it (:class:`TermError`) undoes only itself."""
        with self._transaction():
            yield

    def _write(self, term: Term, sql: str, parameters: tuple) -> sqlite3.Cursor:
        """Run one statement that writes ``term``, in a transaction of its own (a savepoint
        inside :meth:`batch`); a spelling another term has becomes :class:`TermError`."""
        try:
            with self._transaction():
                return self._db.execute(sql, parameters)
        except sqlite3.IntegrityError as exc:
            raise TermError(f"{term.term} is already in your glossary.") from exc

    def _transaction(self):
        """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on an exception), or a
        savepoint inside one."""
        return transaction(self._db)

    # -- matching ------------------------------------------------------------------------

    def matches(self, text: str, terms: list[Term] | None = None) -> list[TermMatch]:
        """Occurrences of the glossary's terms in ``text`` (:func:`models.glossary.matching.find_terms`):
        left to right, not overlapping, the longest term winning at a position. ``terms``
        defaults to :meth:`all`."""
        return find_terms(text, self.all() if terms is None else terms)
