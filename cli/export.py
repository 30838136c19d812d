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
from models.bitext import FORMATS, BitextWriter, bitext_rows
from models.documents import Document, load_document
from models.errors import ModelUnavailable
from models.translation.cache import TranslationCache
from models.text.segmentation import segment_part
from models.translation.settings import BACKENDS, DEFAULT_MODEL, DecodingSettings

log = logging.getLogger(__name__)

#: Characters of the article segmented, translated and written at a time (whole lines).
PART_CHARS = 100_000


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


def _load(model: str, settings: DecodingSettings, prog: str):
    """The translation engine, or None with a note on stderr when no model loads."""
    try:
        from models.translation.engine import load_engine  # torch is imported only here

        return load_engine(model, settings)
    except ModelUnavailable as exc:
        print(f"{prog}: {exc} Writing the source text without translation.", file=sys.stderr)
        return None


class Progress:
    """Progress of an export on ``stream`` (default stderr). An article written at once
    (``sentences``: how many it has) counts its sentences on a terminal (``translated 3 of 18
    sentences``) and says nothing otherwise. A book (``sentences`` None: segmented as it is
    written) is measured in characters: a tqdm bar on a terminal, else a plain line at each
    tenth (``qari export: 30% (1200 sentences)``), as logs and pipes want."""

    def __init__(self, total_chars: int, prog: str, sentences: int | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.total, self.prog, self.sentences_total = max(1, total_chars), prog, sentences
        self.done = self.sentences = self.translated = 0
        self._next_tenth = 1
        self.tty = self.stream.isatty()
        self.bar = None
        if self.tty and sentences is None:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="char", unit_scale=True, file=self.stream, desc="export")

    def on_result(self, *_) -> None:
        """One more sentence translated (or passed through)."""
        self.translated += 1
        if self.tty and self.sentences_total is not None:
            print(f"\rtranslated {self.translated} of {self.sentences_total} sentences", end="", file=self.stream, flush=True)

    def update(self, done_chars: int, sentences: int) -> None:
        """``done_chars`` characters (``sentences`` more sentences) of the article are written."""
        self.sentences += sentences
        if self.bar is not None:
            self.bar.update(done_chars - self.done)
            self.bar.set_postfix(sentences=self.sentences, refresh=False)
        elif self.sentences_total is None:
            while self._next_tenth <= 10 and done_chars * 10 >= self._next_tenth * self.total:
                print(f"{self.prog}: {10 * self._next_tenth}% ({self.sentences} sentences)", file=self.stream, flush=True)
                self._next_tenth += 1
        self.done = done_chars

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.tty and self.translated:
            print(file=self.stream)


def export(doc: Document, out_file, kind: str, engine, progress: Progress, part_chars: int = PART_CHARS) -> int:
    """Write the bitext of ``doc`` to ``out_file`` (open for writing) in ``kind`` part by part:
    ``doc``'s sentences so far, then the rest of its text ``part_chars`` characters (whole lines)
    at a time, each part segmented, translated (``engine`` None: untranslated) and written
    before the next is read, so that memory holds one part, not the book. Returns the number
    of sentences written."""
    from models.translation.pipeline import translate_document

    cache = _open_cache() if engine is not None else None
    writer = BitextWriter(out_file, kind, doc.source, engine.model if engine is not None else None)
    part, end = doc.sentences, doc.segmented_to
    paragraph = -1  # of the last sentence written
    while True:
        view = Document(doc.text, doc.source, part)
        translations = None if engine is None else translate_document(view, engine, progress.on_result, cache=cache)
        writer.write(bitext_rows(view, translations))
        progress.update(end, len(part))
        if end >= len(doc.text):
            break
        paragraph = part[-1].paragraph if part else paragraph
        part, end = segment_part(doc.text, end, part_chars, writer.count, paragraph)
    writer.close()
    return writer.count


def run(args: argparse.Namespace) -> ExitCode:
    """Export ``args.file`` to ``args.output``: ``OK`` (also without a model). Raises
    :class:`CommandError` or :class:`models.errors.DocumentError` on bad input, each checked
    before anything is translated."""
    out = checked_output(args.output, FORMATS, inputs=(args.file,))
    if args.beams < 1:
        raise CommandError(ExitCode.USAGE, "--beams must be at least 1.")
    doc = load_document(args.file, first_chars=PART_CHARS)
    for note in doc.notes:
        print(f"{args.prog}: {note}", file=sys.stderr)
    engine = _load(args.model, DecodingSettings(num_beams=args.beams, backend=args.backend), args.prog)
    progress = Progress(len(doc.text), args.prog, len(doc.sentences) if doc.segmented else None)
    try:
        with writing(out), out.open("w", encoding="utf-8", newline="\n") as file:
            export(doc, file, out.suffix.lower(), engine, progress)
    finally:
        progress.close()
    return ExitCode.OK
