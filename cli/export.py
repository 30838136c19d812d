"""Translate an article without a window and save the bitext as JSON, HTML or TSV.

    qari export FILE_OR_URL -o OUT.{json,html,tsv} [--model ID_OR_FOLDER] [--beams N] [--backend B]

FILE is a text file, a saved web page (.html), an EPUB, a Word file (.docx) or a PDF with a text
layer, or an http(s) URL (:func:`models.documents.load_document`).

The formats are those of :mod:`models.bitext` (the window's **File > Export…** writes the same).
When no model can be loaded, the source sentences are written without translation and stderr
says why (exit status 0). Exit status: :class:`cli.ExitCode` (``USAGE`` for an unknown output
extension or ``--beams`` below 1, ``BAD_INPUT`` for an unreadable article, ``CANNOT_WRITE``).
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from cli import CommandError, ExitCode
from cli.output import checked_output, writing
from models.bitext import FORMATS, write_bitext
from models.documents import Document, load_document
from models.errors import ModelUnavailable
from models.translation.cache import TranslationCache
from models.translation.settings import BACKENDS, DEFAULT_MODEL, DecodingSettings

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line arguments of ``qari export``."""
    parser.add_argument("file", metavar="FILE", help="Arabic article: a text file (UTF-8, UTF-16 or a legacy Arabic encoding), "
                        "a web page (.html), .epub, .docx, .pdf, or an http(s) URL")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True,
                        help="where to write the bitext; the extension chooses the format: .json, .html or .tsv")
    parser.add_argument("--model", metavar="M", default=DEFAULT_MODEL,
                        help=f"MarianMT model: a Hugging Face id (cached or downloaded) or a folder (default {DEFAULT_MODEL})")
    parser.add_argument("--beams", metavar="N", type=int, default=DecodingSettings.num_beams,
                        help="beam width of the search; 1 (greedy) is fastest (default %(default)s)")
    parser.add_argument("--backend", choices=BACKENDS, default="auto",
                        help="inference backend; auto is CTranslate2 when installed, else torch (default %(default)s)")


def _open_cache() -> TranslationCache | None:
    """The user's translation cache, or None (logged) when it cannot be opened."""
    try:
        return TranslationCache()
    except Exception:  # an unwritable cache folder: translate without one
        log.exception("cannot open the translation cache")
        return None


def _translate(doc: Document, model: str, settings: DecodingSettings,
               prog: str) -> tuple[str | None, dict[int, str] | None]:
    """(model name, translations), or (None, None) with a note on stderr when no model loads."""
    try:
        from models.translation.engine import load_engine  # torch is imported only here

        engine = load_engine(model, settings)
    except ModelUnavailable as exc:
        print(f"{prog}: {exc} Writing the source text without translation.", file=sys.stderr)
        return None, None
    total = len(doc.sentences)
    done = 0
    show = sys.stderr.isatty()

    def progress(sentence_id: int, text: str, translated: bool) -> None:
        nonlocal done
        done += 1
        if show:
            print(f"\rtranslated {done} of {total} sentences", end="", file=sys.stderr, flush=True)

    from models.translation.pipeline import translate_document

    translations = translate_document(doc, engine, progress, cache=_open_cache())
    if show:
        print(file=sys.stderr)
    return engine.model, translations


def run(args: argparse.Namespace) -> ExitCode:
    """Export ``args.file`` to ``args.output``: ``OK`` (also without a model). Raises
    :class:`CommandError` or :class:`models.errors.DocumentError` on bad input, each checked
    before anything is translated."""
    out = checked_output(args.output, FORMATS, inputs=(args.file,))
    if args.beams < 1:
        raise CommandError(ExitCode.USAGE, "--beams must be at least 1.")
    doc = load_document(args.file)
    for note in doc.notes:
        print(f"{args.prog}: {note}", file=sys.stderr)
    model, translations = _translate(doc, args.model, DecodingSettings(num_beams=args.beams, backend=args.backend),
                                     args.prog)
    with writing(out):
        write_bitext(out, doc, model, translations)
    return ExitCode.OK
