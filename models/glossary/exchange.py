"""Exchanging the learner's glossary with other programs: CSV files both ways, Anki decks out.

CSV: UTF-8 with a header row, columns :data:`CSV_FIELDS` (a byte order mark is accepted on
import, as spreadsheet programs write one). Anki: an ``.apkg`` package written with genanki,
one note per term, its GUID derived from the term's key so that importing it again updates
the cards instead of doubling them.
"""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

from models.errors import TermError
from models.glossary.matching import term_key
from models.glossary.store import SINGLE_LINE_FIELDS, STATUSES, Term, TermStore, control_character

log = logging.getLogger(__name__)

CSV_FIELDS = ("term", "translation", "vocalized", "status", "note", "sentence", "sentence_translation")


@dataclass
class ImportReport:
    """What :func:`import_csv` did: terms ``added`` and ``updated``, and the rows
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


def import_csv(store: TermStore, path: str | Path) -> ImportReport:
    """Read terms into ``store`` from a UTF-8 CSV file with a header row naming at least
    ``term`` (other columns from :data:`CSV_FIELDS` optional). A term already stored (same key) gets the
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
        bad = next(((name, why) for name in SINGLE_LINE_FIELDS if (why := control_character(values[name]))), None)
        if bad is not None:
            name, why = bad
            hint = " (a quotation mark left open?)" if why == "a line break" else ""
            report.skipped.append((line, f"the {name} contains {why}{hint}"))
            continue
        if not term_key(values["term"]):
            report.skipped.append((line, "no Arabic word in the term"))
            continue
        existing = store.find(values["term"])
        try:
            if existing is None:
                store.add(Term(**values))
                report.added += 1
            else:
                changes = {f: v for f, v in values.items() if v and f != "term"}
                store.update(replace(existing, **changes))
                report.updated += 1
        except TermError as exc:
            report.skipped.append((line, str(exc)))
    if report.skipped:
        log.info("%s: %s", path, report.summary())
    return report


def export_anki(store: TermStore, path: str | Path, deck_name: str = "Qari glossary") -> int:
    """Write an Anki package (``.apkg``, via genanki) with one note per term of ``store``, with
    fields Term, Translation, Vocalized, Sentence, SentenceTranslation, Note; the front shows the
    term, the back the rest. Field values are HTML-escaped (Anki fields are HTML). Note GUIDs
    come from the term key, so re-importing updates the cards. Returns the number of notes. Raises :class:`TermError` when the file cannot be written."""
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
