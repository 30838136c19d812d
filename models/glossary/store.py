"""The learner's own glossary: terms with translation, note and status, in SQLite.

Stored in ``glossary.sqlite3`` in the user data folder (:func:`models.paths.data_dir`),
journal mode WAL with ``synchronous=FULL``; every change is one
transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), so killing the app mid-write loses at most the
change in flight and never corrupts the file.

Terms are single words or multi-word expressions (جبهة النصرة, وقف إطلاق النار). They are matched
in article text by their *key*: the Arabic words folded with :func:`models.text.arabic.fold` (no
diacritics, أ إ آ ٱ -> ا, ى -> ي, ة -> ه), so that any diacritics or alef/hamza spelling
matches; the first word may carry proclitics (و ف ب ك ل ال and their combinations, لل for ل + ال)
and the last word pronoun suffixes (ه ها هم هما هن ك كم كما كن ي ني نا, with ة written ت before
them). See :meth:`TermStore.matches`.
"""
from __future__ import annotations

import csv
import logging
import os
import sqlite3
import time
import unicodedata
from html import escape
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.text.arabic import ARABIC_WORD_RE, fold
from models.errors import TermError
from models.paths import data_dir
from models.sqlite_util import transaction

log = logging.getLogger(__name__)

STATUSES = ("new", "learning", "known")
CSV_FIELDS = ("term", "translation", "vocalized", "status", "note", "sentence", "sentence_translation")

#: Proclitic letter sequences (folded) that may precede the first word of a term.
PROCLITICS = tuple(sorted({
    c + a for c in ("", "و", "ف") for a in ("", "ب", "ك", "ل", "ال", "بال", "كال", "س")
} - {""}, key=len, reverse=True))
#: Pronoun suffixes (folded) that may follow the last word of a term.
SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "ني", "نا", "ه", "ك", "ي")
MIN_BASE = 2

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


def _control_character(text: str) -> str | None:
    """A description of the first control character (Unicode category Cc) in ``text``, or None."""
    for ch in text:
        if unicodedata.category(ch) == "Cc":
            return "a line break" if ch in "\r\n" else f"a control character (U+{ord(ch):04X})"
    return None


@dataclass
class ImportReport:
    """What :meth:`TermStore.import_csv` did: terms ``added`` and ``updated``, and the rows
    ``skipped`` as (line number of the row's start in the file, 1-based, reason)."""

    added: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def summary(self, shown: int = 3) -> str:
        """One or two sentences for the user: counts, then the first ``shown`` skipped rows."""
        text = f"Imported {self.added} new terms, updated {self.updated}."
        if self.skipped:
            first = "; ".join(f"line {line}: {why}" for line, why in self.skipped[:shown])
            more = f"; and {len(self.skipped) - shown} more" if len(self.skipped) > shown else ""
            text += f" Skipped {len(self.skipped)} rows ({first}{more})."
        return text


@dataclass(frozen=True)
class Term:
    """One glossary entry. ``term``: as the learner wrote it; ``key``: see :func:`term_key`;
    ``status``: one of :data:`STATUSES`; ``sentence``/``sentence_translation``: where it was
    saved from; ``created``/``updated``: Unix time in seconds; ``id``: ``None`` until stored."""

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


@dataclass(frozen=True)
class TermMatch:
    """A term found in a text: ``start``/``end`` are character offsets into the text, covering
    the whole written words (clitics included)."""

    start: int
    end: int
    term: Term


def term_key(text: str) -> str:
    """The matching key of a term: its Arabic words folded (:func:`models.text.arabic.fold`) and
    joined by one space; ``""`` when ``text`` has no Arabic word."""
    return " ".join(fold(w) for w in ARABIC_WORD_RE.findall(text))



def _first_word_bases(word: str) -> set[str]:
    """Folded ``word`` and its forms without proclitics (bases of 2+ letters)."""
    bases = {word}
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_BASE:
            bases.add(word[len(clitic):])
    for lil in ("لل", "ولل", "فلل"):
        if word.startswith(lil) and len(word) - len(lil) >= MIN_BASE:
            bases.add("ال" + word[len(lil):])
            bases.add(word[len(lil):])
    return bases


def _last_word_bases(word: str) -> set[str]:
    """Folded ``word`` and its forms without a pronoun suffix (ت restored to ة, folded ه)."""
    bases = {word}
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_BASE:
            stem = word[: -len(suffix)]
            bases.add(stem)
            if stem.endswith("ت"):
                bases.add(stem[:-1] + "ه")
    return bases


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
            bad = _control_character(getattr(term, name).strip())
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
        """Occurrences of the glossary's terms in ``text``, left to right, not overlapping (the
        longest term wins at a position). Words of a multi-word term must be separated by white
        space only. ``terms`` defaults to :meth:`all`."""
        return find_terms(text, self.all() if terms is None else terms)

    # -- files ---------------------------------------------------------------------------

    def export_csv(self, path: str | Path) -> int:
        """Write every term to a UTF-8 CSV file (columns :data:`CSV_FIELDS`, with a header row).
        Returns the number of terms. Raises :class:`TermError` when the file cannot be written."""
        terms = self.all()
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
                writer.writeheader()
                for t in terms:
                    writer.writerow({f: getattr(t, f) for f in CSV_FIELDS})
        except OSError as exc:
            raise TermError(f"{path} cannot be written: {exc.strerror or exc}.") from exc
        return len(terms)

    def import_csv(self, path: str | Path) -> ImportReport:
        """Read terms from a UTF-8 CSV file with a header row naming at least ``term`` (other
        columns from :data:`CSV_FIELDS` optional). A term already stored (same key) gets the
        file's non-empty fields; an unknown status becomes ``new``. Rows are skipped, with their
        line number and reason in the returned :class:`ImportReport`, when they have no Arabic
        word, when a term, translation or vocalized form holds a line break or another control
        character (a NUL; a quotation mark left open, which makes one field swallow the lines
        after it), or when the store refuses them. Raises :class:`TermError` on an unreadable
        file or one without a ``term`` column."""
        rows: list[tuple[int, dict]] = []
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                fields = reader.fieldnames or []
                while True:
                    start = reader.line_num + 1
                    try:
                        row = next(reader)
                    except StopIteration:
                        break
                    rows.append((start, row))
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            raise TermError(f"{path} cannot be read as a UTF-8 CSV file: {exc}.") from exc
        if rows and "term" not in fields:
            raise TermError(f"{path} has no 'term' column.")
        report = ImportReport()
        for line, row in rows:
            values = {f: (row.get(f) or "").strip() for f in CSV_FIELDS}
            if values["status"] not in STATUSES:
                values["status"] = "new"
            bad = next(((name, why) for name in SINGLE_LINE_FIELDS if (why := _control_character(values[name]))), None)
            if bad is not None:
                name, why = bad
                hint = " (a quotation mark left open?)" if why == "a line break" else ""
                report.skipped.append((line, f"the {name} contains {why}{hint}"))
                continue
            if not term_key(values["term"]):
                report.skipped.append((line, "no Arabic word in the term"))
                continue
            existing = self.find(values["term"])
            try:
                if existing is None:
                    self.add(Term(**values))
                    report.added += 1
                else:
                    changes = {f: v for f, v in values.items() if v and f != "term"}
                    self.update(replace(existing, **changes))
                    report.updated += 1
            except TermError as exc:
                report.skipped.append((line, str(exc)))
        if report.skipped:
            log.info("%s: %s", path, report.summary())
        return report

    def export_anki(self, path: str | Path, deck_name: str = "Qari glossary") -> int:
        """Write an Anki package (``.apkg``, via genanki): one note per term with fields Term,
        Translation, Vocalized, Sentence, SentenceTranslation, Note; the front shows the term, the
        back the rest. Field values are HTML-escaped (Anki fields are HTML). Note GUIDs come from the term key, so re-importing updates the cards.
        Returns the number of notes. Raises :class:`TermError` when the file cannot be written."""
        import genanki

        model = genanki.Model(
            1607392319, "Qari term",
            fields=[{"name": n} for n in ("Term", "Translation", "Vocalized", "Sentence", "SentenceTranslation", "Note")],
            templates=[{
                "name": "Recognition",
                "qfmt": '<div dir="rtl" style="font-size:2em">{{Term}}</div>',
                "afmt": '{{FrontSide}}<hr id="answer"><div dir="rtl">{{Vocalized}}</div><div>{{Translation}}</div>'
                        '<p dir="rtl">{{Sentence}}</p><p>{{SentenceTranslation}}</p><p>{{Note}}</p>',
            }],
        )
        deck = genanki.Deck(2059400110, deck_name)
        terms = self.all()
        for t in terms:
            deck.add_note(genanki.Note(
                model=model, guid=genanki.guid_for("qari", t.key),
                # Anki fields are HTML: escape them so that a translation such as "AT&T <b>" shows as written.
                fields=[escape(v, quote=False) for v in (t.term, t.translation, t.vocalized, t.sentence, t.sentence_translation, t.note)],
            ))
        try:
            genanki.Package(deck).write_to_file(str(path))
        except OSError as exc:
            raise TermError(f"{path} cannot be written: {exc.strerror or exc}.") from exc
        return len(terms)


def find_terms(text: str, terms: list[Term]) -> list[TermMatch]:
    """:meth:`TermStore.matches` on a given list of terms (keys computed when missing)."""
    by_first: dict[str, list[tuple[list[str], Term]]] = {}
    for term in terms:
        words = (term.key or term_key(term.term)).split()
        if words:
            by_first.setdefault(words[0], []).append((words, term))
    if not by_first:
        return []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in ARABIC_WORD_RE.finditer(text)]
    result: list[TermMatch] = []
    i = 0
    while i < len(tokens):
        first = tokens[i][2]
        best: tuple[int, Term] | None = None
        candidates = [c for base in _first_word_bases(first) for c in by_first.get(base, ())]
        candidates += [c for base in _both_bases(first) for c in by_first.get(base, ()) if len(c[0]) == 1]
        for words, term in candidates:
            n = len(words)
            if best is not None and n <= best[0]:
                continue
            if n == 1 or _rest_matches(text, tokens, i, words):
                best = (n, term)
        if best is None:
            i += 1
            continue
        n, term = best
        result.append(TermMatch(tokens[i][0], tokens[i + n - 1][1], term))
        i += n
    return result


def _both_bases(word: str) -> set[str]:
    return {b for base in _first_word_bases(word) for b in _last_word_bases(base)}


def _rest_matches(text: str, tokens: list[tuple[int, int, str]], i: int, words: list[str]) -> bool:
    n = len(words)
    if i + n > len(tokens):
        return False
    for j in range(1, n):
        if text[tokens[i + j - 1][1]:tokens[i + j][0]].strip():
            return False  # punctuation or other text between the words
        word = tokens[i + j][2]
        if j == n - 1:
            if words[j] not in _last_word_bases(word):
                return False
        elif word != words[j]:
            return False
    return True
