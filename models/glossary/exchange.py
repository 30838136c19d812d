"""Exchanging the learner's glossary with other programs: CSV files both ways, Anki decks out.

CSV out: UTF-8 with a header row, columns :data:`CSV_FIELDS`. CSV in: a header row naming at
least ``term``, in any encoding :func:`models.documents.text.decode` recognises (UTF-8 with or without
a byte order mark, UTF-16, Windows-1256...), fields separated by commas, semicolons or tabs (as
spreadsheet programs write them in different locales; :class:`csv.Sniffer` tells which).
Anki: an ``.apkg`` package written with genanki, one note per term, its GUID derived from the
term's key so that importing it again updates the cards instead of doubling them.
"""
from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import Callable, Iterator

from models.documents import read_text_file
from models.errors import DocumentError, TermError
from models.glossary.matching import term_key
from models.glossary.store import SINGLE_LINE_FIELDS, STATUSES, Term, TermStore, control_character

log = logging.getLogger(__name__)

CSV_FIELDS = ("term", "translation", "vocalized", "status", "note", "sentence", "sentence_translation")
#: Field separators a CSV file may use.
DELIMITERS = ",;\t"
#: Characters of the file read to tell its field separator.
SNIFF_CHARS = 16 * 1024
#: Longest field imported, in characters: a note of a few pages. A longer one (most likely a
#: quotation mark left open, swallowing the rest of the file) skips its row.
MAX_FIELD_CHARS = 10_000
#: Rows stored per transaction, and between two progress reports, while importing.
IMPORT_BATCH_ROWS = 500

#: ``progress(rows_done, rows_total)``, called between batches of an import.
Progress = Callable[[int, int], None]


@dataclass
class ImportReport:
    """What :func:`import_csv` did: terms ``added`` and ``updated``, the rows ``skipped`` as
    (line number of the row's start in the file, 1-based, reason), the rows imported with a
    field ``ignored`` (line number, what and why), ``rows`` read from the file, and whether it
    ``stopped`` before the end when asked to."""

    added: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    ignored: list[tuple[int, str]] = field(default_factory=list)
    rows: int = 0
    stopped: bool = False

    def summary(self, shown: int = 3) -> str:
        """One or a few sentences for the user: counts, then the first ``shown`` skipped rows and
        ignored fields."""
        if self.rows == 0:
            return "The file has no terms (no rows after the header)."
        text = f"Imported {_count(self.added, 'new term')}, updated {self.updated}."
        if self.stopped:
            done = self.added + self.updated + len(self.skipped)
            text = f"Stopped after {done} of {_count(self.rows, 'row')}. " + text
        for items, what in ((self.skipped, "Skipped"), (self.ignored, "Ignored fields in")):
            if items:
                first = "; ".join(f"line {line}: {why}" for line, why in items[:shown])
                more = f"; and {len(items) - shown} more" if len(items) > shown else ""
                text += f" {what} {_count(len(items), 'row')} ({first}{more})."
        return text


def _count(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1: "1 row", "2 rows"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def export_csv(store: TermStore, path: str | Path) -> int:
    """Write every term of ``store`` to a UTF-8 CSV file (columns :data:`CSV_FIELDS`, with a
    header row). Returns the number of terms. Raises :class:`TermError` when the file cannot be written."""
    terms = store.all()
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
            writer.writeheader()
            for t in terms:
                writer.writerow({f: getattr(t, f) for f in CSV_FIELDS})
    except OSError as exc:
        raise TermError(f"{path} cannot be written: {exc.strerror or exc}.") from exc
    return len(terms)


def import_csv(store: TermStore, path: str | Path, progress: Progress | None = None,
               should_stop: Callable[[], bool] | None = None) -> ImportReport:
    """Read terms into ``store`` from a CSV file with a header row naming at least ``term`` (other
    columns from :data:`CSV_FIELDS` optional, in any order and case). A term already stored (same
    spelling, :func:`models.glossary.matching.term_spelling`) gets the file's non-empty fields and
    keeps the others, its status included when the file has no ``status`` column or leaves it
    empty. An unknown status is ignored (the row imported, the term new or its status kept) and
    noted in ``report.ignored``.

    Rows are skipped, with their line number and reason in the returned :class:`ImportReport`,
    when they have no Arabic word, when a term, translation or vocalized form holds a line break
    or another control character (a NUL; a quotation mark left open, which makes one field
    swallow the lines after it), when a field is longer than :data:`MAX_FIELD_CHARS`, or when the
    store refuses them.

    The rows are stored :data:`IMPORT_BATCH_ROWS` at a time, one transaction each; between
    batches ``progress(rows_done, rows_total)`` is called and ``should_stop()`` asked: when it
    answers True, the import ends there, keeping the batches stored (``report.stopped``).
    Raises :class:`TermError` on an unreadable file or one without a ``term`` column."""
    rows, report = read_csv_rows(path)
    report.rows = len(rows) + len(report.skipped)
    done = len(report.skipped)
    for start in range(0, len(rows), IMPORT_BATCH_ROWS):
        if should_stop is not None and should_stop():
            report.stopped = True
            break
        batch = rows[start:start + IMPORT_BATCH_ROWS]
        with store.batch():
            for line, values in batch:
                _import_row(store, line, values, report)
        done += len(batch)
        if progress is not None:
            progress(done, report.rows)
    report.skipped.sort()
    if report.skipped or report.ignored or report.stopped:
        log.info("%s: %s", path, report.summary())
    return report


def read_csv_rows(path: str | Path) -> tuple[list[tuple[int, dict[str, str]]], ImportReport]:
    """The rows of a glossary CSV file, as (line number of the row's start, {field: value
    stripped} for each of :data:`CSV_FIELDS`), and a report holding the rows skipped already (a
    field too long). Raises :class:`TermError` on an unreadable file or one without a ``term``
    column."""
    name = Path(path).name
    try:
        text = read_text_file(path).text.removeprefix("\ufeff")
    except DocumentError as exc:
        raise TermError(str(exc)) from exc
    lines = _CountedLines(io.StringIO(text, newline=""))
    reader = csv.reader(lines, delimiter=_delimiter(text))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as exc:
        raise TermError(f"{name} cannot be read as a CSV file: {exc}.") from exc
    if "term" not in header:
        if not header:
            return [], ImportReport()
        raise TermError(f"{name} has no 'term' column (its first line names the columns: term, translation, ...).")
    columns = [(i, h) for i, h in enumerate(header) if h in CSV_FIELDS]
    rows: list[tuple[int, dict[str, str]]] = []
    report = ImportReport()
    while True:
        line = lines.count + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a field longer than csv.field_size_limit()
            report.skipped.append((line, f"it cannot be read ({exc})"))
            continue
        if not any(c.strip() for c in cells):
            continue  # a blank line
        values = {f: "" for f in CSV_FIELDS}
        values.update((h, cells[i].strip()) for i, h in columns if i < len(cells))
        long = next((h for h in CSV_FIELDS if len(values[h]) > MAX_FIELD_CHARS), None)
        if long is not None:
            report.skipped.append((line, f"the {long} is {len(values[long]):,} characters long (at most"
                                         f" {MAX_FIELD_CHARS:,} are read; a quotation mark left open?)"))
            continue
        rows.append((line, values))
    return rows, report


def _import_row(store: TermStore, line: int, values: dict[str, str], report: ImportReport) -> None:
    """Add or update the term of one row, or note in ``report`` why it is skipped."""
    status = values["status"]
    if status and status.lower() in STATUSES:
        values["status"] = status.lower()
    elif status:
        report.ignored.append((line, f"unknown status {status!r} (one of {', '.join(STATUSES)})"))
        values["status"] = ""
    bad = next(((name, why) for name in SINGLE_LINE_FIELDS if (why := control_character(values[name]))), None)
    if bad is not None:
        name, why = bad
        hint = " (a quotation mark left open?)" if why == "a line break" else ""
        report.skipped.append((line, f"the {name} contains {why}{hint}"))
        return
    if not term_key(values["term"]):
        report.skipped.append((line, "no Arabic word in the term"))
        return
    existing = store.find(values["term"], exact=True)
    try:
        if existing is None:
            store.add(Term(**{**values, "status": values["status"] or "new"}))
            report.added += 1
        else:
            changes = {f: v for f, v in values.items() if v and f != "term"}
            store.update(replace(existing, **changes))
            report.updated += 1
    except TermError as exc:
        report.skipped.append((line, str(exc)))


class _CountedLines:
    """An iterator over the lines of a text that counts those it has given (``count``): the
    line number of the next row, where :attr:`csv.reader.line_num` does not count a line whose
    row raised an error."""

    def __init__(self, lines: Iterator[str]):
        self._lines = lines
        self.count = 0

    def __iter__(self) -> "_CountedLines":
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.count += 1
        return line


def _delimiter(text: str) -> str:
    """The field separator of a CSV ``text`` (one of :data:`DELIMITERS`), told by
    :class:`csv.Sniffer` from its first lines; a comma when they do not tell."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[:sample.rindex("\n")]  # whole lines only
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        return ","


def export_anki(store: TermStore, path: str | Path, deck_name: str = "Qari glossary") -> int:
    """Write an Anki package (``.apkg``, via genanki) with one note per term of ``store``, with
    fields Term, Translation, Vocalized, Sentence, SentenceTranslation, Note; the front shows the
    term, the back the rest, the sentence it was saved from and that sentence's translation
    included. Field values are HTML (:func:`anki_field`). Note GUIDs come from the term's folded
    key (:func:`models.glossary.matching.term_key`), with its spelling added for every term but
    the oldest of a key (علي beside على), so re-importing updates the cards. Returns the number
    of notes. Raises :class:`TermError` when the file cannot be written."""
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
    terms = store.all()
    keys: set[str] = set()
    for t in terms:  # oldest first
        guid = genanki.guid_for("qari", t.key) if t.key not in keys else genanki.guid_for("qari", t.key, t.spelling)
        keys.add(t.key)
        deck.add_note(genanki.Note(
            model=model, guid=guid,
            fields=[anki_field(v) for v in (t.term, t.translation, t.vocalized, t.sentence, t.sentence_translation, t.note)],
        ))
    try:
        genanki.Package(deck).write_to_file(str(path))
    except OSError as exc:
        raise TermError(f"{path} cannot be written: {exc.strerror or exc}.") from exc
    return len(terms)


def anki_field(text: str) -> str:
    """``text`` as the HTML of an Anki field: escaped (a translation such as "AT&T <b>" shows as
    written), each line break (``\n``, ``\r\n`` or ``\r``) a ``<br>``."""
    return "<br>".join(escape(line, quote=False) for line in text.splitlines())
