"""Check an English draft against its Arabic source and write a report.

    qari check SOURCE DRAFT -o REPORT.json|.html|.xlf|.tmx [--glossary TERMS.tsv|.csv] [--model M]

SOURCE and DRAFT are text files (UTF-8, or another encoding recognised by
:func:`models.documents.decode`). The glossary file, if given, has one ``Arabic term<TAB>English
translation`` per line, or is a CSV file as **My glossary** exports it (a header row naming
``term`` and ``translation``; :func:`models.glossary.exchange.read_csv_rows`). Sentences are aligned with the Buckwalter lexicon as a bilingual
dictionary; when it cannot be loaded, without it (a note on stderr says why). With ``--model``,
the source is machine-translated (the translations help the alignment) and the model's word
links (forced decoding of the draft) are used with the lexicon's; a model that cannot be loaded
is reported on stderr and the check goes on without it. The report is written by
:func:`models.drafts.report.write_report`: JSON, HTML, XLIFF 2.0 (``.xlf``/``.xliff``) or a TMX
memory of the aligned pairs (``.tmx``). Exit status: :class:`cli.ExitCode`
(``USAGE`` for another report extension; ``BAD_INPUT`` for an unreadable file or a draft far
longer than any translation of the source, :class:`models.errors.DraftTooLong`;
``CANNOT_WRITE``), with one line on stderr and no traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import CommandError, ExitCode
from cli.output import checked_output, writing
from models.documents import decode, load_document
from models.drafts.checks import check_draft
from models.drafts.report import REPORT_FORMATS, write_report
from models.errors import DocumentError, ModelUnavailable
from models.glossary.exchange import read_csv_rows
from models.lexicon.dictionary import default_dictionary_error
from models.translation.settings import BACKENDS, DecodingSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line arguments of ``qari check``."""
    parser.add_argument("source", type=Path, help="the Arabic source text file")
    parser.add_argument("draft", type=Path, help="the English draft text file")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="report file, ending in .json, .html, .xlf (XLIFF 2.0) or .tmx (the aligned pairs)")
    parser.add_argument("--glossary", type=Path, help="tab-separated file (Arabic term, English translation) or a CSV file exported from My glossary")
    parser.add_argument("--model", metavar="M", help="MarianMT model (hub id or folder): machine translations and model word links")
    parser.add_argument("--backend", choices=BACKENDS, default="auto", help="inference backend with --model (default %(default)s)")
    parser.add_argument("--beams", metavar="N", type=int, default=DecodingSettings.num_beams,
                        help="beam width of the machine translation with --model (default %(default)s)")


def read_glossary(path: Path) -> list[tuple[str, str]]:
    """(Arabic term, English translation) pairs of a tab-separated file (blank lines and lines
    starting with ``#`` skipped) or, for a ``.csv`` file, of the rows with a translation of a
    glossary CSV file. Raises :class:`DocumentError` for an unreadable file or a line without a
    tab, :class:`models.errors.TermError` for a CSV file without a ``term`` column."""
    if path.suffix.lower() == ".csv":
        rows, _ = read_csv_rows(path)
        return [(row["term"], row["translation"]) for _, row in rows if row["term"] and row["translation"]]
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


def _model(args: argparse.Namespace, source) -> tuple[list[str] | None, object]:
    """(machine translation per source sentence, model word links function) of ``args.model``,
    or (None, None) with a note on stderr when it cannot be loaded."""
    try:
        from models.translation.engine import load_engine  # torch is imported only here

        engine = load_engine(args.model, DecodingSettings(num_beams=args.beams, backend=args.backend))
    except ModelUnavailable as exc:
        print(f"{args.prog}: {exc} Checking without the model.", file=sys.stderr)
        return None, None
    from models.translation.pipeline import translate_document

    done = translate_document(source, engine, lambda *_: None)
    return [done.get(s.id, "") for s in source.sentences], engine.word_links


def run(args: argparse.Namespace) -> ExitCode:
    """Write the report and print a one-line summary: ``OK``. Raises :class:`cli.CommandError`
    or a :class:`models.errors.QariError` on bad input (the output checked first)."""
    out = checked_output(args.output, REPORT_FORMATS, inputs=(args.source, args.draft))
    if args.beams < 1:
        raise CommandError(ExitCode.USAGE, "--beams must be at least 1.")
    source = load_document(args.source)
    for note in source.notes:  # e.g. a source with no Arabic (the draft's notes would say so of every draft)
        print(f"{args.prog}: {note}", file=sys.stderr)
    draft = load_document(args.draft)
    glossary = read_glossary(args.glossary) if args.glossary else []
    translations, model_links = _model(args, source) if args.model else (None, None)
    result = check_draft(source.text, draft.text, glossary=glossary, translations=translations, model_links=model_links)
    with writing(out):
        write_report(out, result, title=f"Draft check: {Path(args.draft).name} against {Path(args.source).name}")
    counts = result.flag_counts()
    flags = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "no flags"
    print(f"{len(result.links)} links, {flags}; report written to {out}")
    if not result.dictionary_used:
        print(f"{args.prog}: aligned without the Arabic lexicon ({default_dictionary_error()}).", file=sys.stderr)
    return ExitCode.OK
