"""Check an English draft against its Arabic source and write a report.

    qari check SOURCE DRAFT -o REPORT.json|REPORT.html [--glossary TERMS.tsv]

SOURCE and DRAFT are text files (UTF-8, or another encoding recognised by
:func:`models.documents.decode`). The glossary file, if given, has one ``Arabic term<TAB>English
translation`` per line. Sentences are aligned with the Buckwalter lexicon as a bilingual
dictionary; when it cannot be loaded, without it (a note on stderr says why). The report is
written by :func:`models.drafts.report.write_report`. Exit status: :class:`cli.ExitCode`
(``USAGE`` for another report extension; ``BAD_INPUT`` for an unreadable file or a draft far
longer than any translation of the source, :class:`models.errors.DraftTooLong`;
``CANNOT_WRITE``), with one line on stderr and no traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import ExitCode
from cli.output import checked_output, writing
from models.documents import decode, load_document
from models.drafts.checks import check_draft
from models.drafts.report import REPORT_FORMATS, write_report
from models.errors import DocumentError
from models.lexicon.dictionary import default_dictionary_error


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line arguments of ``qari check``."""
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


def run(args: argparse.Namespace) -> ExitCode:
    """Write the report and print a one-line summary: ``OK``. Raises :class:`cli.CommandError`
    or a :class:`models.errors.QariError` on bad input (the output checked first)."""
    out = checked_output(args.output, REPORT_FORMATS)
    source = load_document(args.source)
    draft = load_document(args.draft)
    glossary = read_glossary(args.glossary) if args.glossary else []
    result = check_draft(source.text, draft.text, glossary=glossary)
    with writing(out):
        write_report(out, result, title=f"Draft check: {Path(args.draft).name} against {Path(args.source).name}")
    counts = result.flag_counts()
    flags = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "no flags"
    print(f"{len(result.links)} links, {flags}; report written to {out}")
    if not result.dictionary_used:
        print(f"{args.prog}: aligned without the Arabic lexicon ({default_dictionary_error()}).", file=sys.stderr)
    return ExitCode.OK
