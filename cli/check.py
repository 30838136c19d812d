"""Check an English draft against its Arabic source and write a report.

    python main.py check SOURCE DRAFT -o REPORT.json|REPORT.html [--glossary TERMS.tsv]

SOURCE and DRAFT are text files (UTF-8, or another encoding recognised by
:func:`models.documents.decode`). The glossary file, if given, has one ``Arabic term<TAB>English
translation`` per line. Sentences are aligned with the Buckwalter lexicon as a bilingual
dictionary; when it cannot be loaded, without it (a note on stderr says why). Exit status: 0
when the report was written, 2 on bad input, including a draft far longer than any translation
of the source (:class:`models.drafts.checks.DraftTooLong`) (one line on stderr, no traceback).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from models.drafts.report import report_dict, report_html
from models.documents import decode, load_document
from models.errors import DocumentError
from models.drafts.checks import check_draft
from models.errors import DraftTooLong
from models.lexicon.dictionary import default_dictionary_error

REPORT_SUFFIXES = (".json", ".html")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line arguments of ``main.py check``."""
    parser.add_argument("source", type=Path, help="the Arabic source text file")
    parser.add_argument("draft", type=Path, help="the English draft text file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="report file, ending in .json or .html")
    parser.add_argument("--glossary", type=Path, help="tab-separated file: Arabic term, English translation")


def read_glossary(path: Path) -> list[tuple[str, str]]:
    """(Arabic term, English translation) pairs of a tab-separated file; blank lines and lines
    starting with ``#`` are skipped. Raises :class:`DocumentError` for an unreadable file or a
    line without a tab."""
    try:
        text = decode(path.read_bytes(), path.name)
    except OSError as exc:
        raise DocumentError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    pairs = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        term, tab, translation = line.partition("\t")
        if not tab or not term.strip() or not translation.strip():
            raise DocumentError(f"{path.name}, line {number}: expected 'Arabic term<TAB>English translation'.")
        pairs.append((term.strip(), translation.strip()))
    return pairs


def run(args: argparse.Namespace) -> int:
    """Write the report; print a one-line summary. Returns the exit status."""
    out: Path = args.output
    if out.suffix.lower() not in REPORT_SUFFIXES:
        print(f"check: the report must end in .json or .html, not {out.name!r}.", file=sys.stderr)
        return 2
    try:
        source = load_document(args.source)
        draft = load_document(args.draft)
        glossary = read_glossary(args.glossary) if args.glossary else []
    except DocumentError as exc:
        print(f"check: {exc}", file=sys.stderr)
        return 2
    try:
        result = check_draft(source.text, draft.text, glossary=glossary)
    except DraftTooLong as exc:
        print(f"check: {exc}", file=sys.stderr)
        return 2
    if out.suffix.lower() == ".json":
        content = json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
    else:
        content = report_html(result, title=f"Draft check: {Path(args.draft).name} against {Path(args.source).name}")
    try:
        out.write_text(content, encoding="utf-8")
    except OSError as exc:
        print(f"check: cannot write {out}: {exc.strerror or exc}.", file=sys.stderr)
        return 2
    counts = result.flag_counts()
    flags = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "no flags"
    print(f"{len(result.links)} links, {flags}; report written to {out}")
    if not result.dictionary_used:
        print(f"check: aligned without the Arabic lexicon ({default_dictionary_error()}).", file=sys.stderr)
    return 0
