"""Translate an article without a window and save the bitext as JSON, HTML or TSV.

    python main.py export FILE_OR_URL -o OUT.{json,html,tsv} [--model ID_OR_FOLDER] [--beams N] [--backend B]

FILE is a text file, a saved web page (.html), an EPUB, a Word file (.docx) or a PDF with a text
layer, or an http(s) URL (:func:`models.documents.load_document`).

JSON: ``{"source", "model", "sentences": [{"id", "paragraph", "start", "end", "text",
"translation", "translated"}]}``; ``start``/``end`` are character offsets into the decoded file
(line ends normalized to ``\\n``), ``text == document[start:end]``. ``translation`` is null when
no model could be loaded; ``translated`` is false for text shown as it is (no Arabic letter; its
translation is its own text). HTML: a standalone page, Arabic right-to-left beside English, one
row per sentence, a gap between paragraphs. TSV: a header row, then the JSON fields per sentence.
"""
from __future__ import annotations

import argparse
import csv
import html
import io
import json
import logging
import os
import sys
from pathlib import Path

from models.text.arabic import has_arabic
from models.text.bidi import paragraph_direction
from models.documents import Document, load_document
from models.errors import DocumentError
from models.translation.settings import BACKENDS, DEFAULT_MODEL, DecodingSettings
from models.errors import ModelUnavailable
from models.translation.cache import TranslationCache

log = logging.getLogger(__name__)

FORMATS = (".json", ".html", ".tsv")
TSV_FIELDS = ("id", "paragraph", "start", "end", "text", "translation", "translated")
PROG = "main.py export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="Arabic article: a text file (UTF-8, UTF-16 or a legacy Arabic encoding), "
                        "a web page (.html), .epub, .docx, .pdf, or an http(s) URL")
    parser.add_argument("-o", "--output", metavar="OUT", required=True,
                        help="where to write the bitext; the extension chooses the format: .json, .html or .tsv")
    parser.add_argument("--model", metavar="M", default=DEFAULT_MODEL,
                        help=f"MarianMT model: a Hugging Face id (cached or downloaded) or a folder (default {DEFAULT_MODEL})")
    parser.add_argument("--beams", metavar="N", type=int, default=DecodingSettings.num_beams,
                        help="beam width of the search; 1 (greedy) is fastest (default %(default)s)")
    parser.add_argument("--backend", choices=BACKENDS, default="auto",
                        help="inference backend; auto is CTranslate2 when installed, else torch (default %(default)s)")


def _error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def bitext_rows(doc: Document, translations: dict[int, str] | None) -> list[dict]:
    """One dict per sentence with the JSON fields, in document order. ``translations`` None means
    no model: every ``translation`` is None and ``translated`` False."""
    rows = []
    for s in doc.sentences:
        translation = None if translations is None else translations.get(s.id)
        rows.append({
            "id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": doc.text[s.start:s.end],
            "translation": translation,
            "translated": translations is not None and s.translatable and translation is not None,
        })
    return rows


def to_json(doc: Document, model: str | None, rows: list[dict]) -> str:
    return json.dumps({"source": doc.source, "model": model, "sentences": rows}, ensure_ascii=False, indent=1) + "\n"


def to_tsv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(TSV_FIELDS)
    for row in rows:
        writer.writerow(["" if row[f] is None else str(row[f]).lower() if isinstance(row[f], bool) else row[f]
                         for f in TSV_FIELDS])
    return out.getvalue()


_CSS = """body { font-family: sans-serif; margin: 2em auto; max-width: 70em; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 0.25em 0.75em; width: 50%; }
td[lang=ar] { text-align: right; font-family: "Amiri", "Noto Naskh Arabic", serif; font-size: 1.2em; }
td[lang=en] { text-align: left; }
tbody.paragraph + tbody.paragraph tr:first-child td { border-top: 1.25em solid transparent; }
td.untranslated { color: #666; }
td.missing { color: #999; font-style: italic; }"""


def to_html(doc: Document, model: str | None, rows: list[dict]) -> str:
    title = html.escape(Path(doc.source).name)
    about = f"translated by {html.escape(model)}" if model else "no translation model was available"
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', f"<title>{title}</title>",
        f"<style>\n{_CSS}\n</style>", "</head>", "<body>", f"<h1>{title}</h1>", f"<p>{about}</p>", "<table>",
    ]
    paragraph = None
    for row in rows:
        if row["paragraph"] != paragraph:
            if paragraph is not None:
                parts.append("</tbody>")
            paragraph = row["paragraph"]
            parts.append(f'<tbody class="paragraph" id="p{paragraph}">')
        if row["translation"] is None:
            english = '<td dir="ltr" lang="en" class="missing"></td>'
        else:
            css = "" if row["translated"] else ' class="untranslated"'
            english = f'<td dir="ltr" lang="en"{css}>{html.escape(row["translation"])}</td>'
        direction = paragraph_direction(row["text"])  # by its first strong character (UAX #9 P2-P3)
        source = f'dir="{direction}" lang="ar"' if has_arabic(row["text"]) else f'dir="{direction}" class="source"'
        parts.append(f'<tr id="s{row["id"]}"><td {source}>{html.escape(row["text"])}</td>{english}</tr>')
    if paragraph is not None:
        parts.append("</tbody>")
    parts += ["</table>", "</body>", "</html>", ""]
    return "\n".join(parts)


def write_bitext(out: Path, doc: Document, model: str | None, translations: dict[int, str] | None) -> None:
    """Write the bitext to ``out`` in the format its extension names (one of :data:`FORMATS`).

    Raises ValueError for another extension and OSError when the file cannot be written."""
    kind = out.suffix.lower()
    rows = bitext_rows(doc, translations)
    if kind == ".json":
        content = to_json(doc, model, rows)
    elif kind == ".html":
        content = to_html(doc, model, rows)
    elif kind == ".tsv":
        content = to_tsv(rows)
    else:
        raise ValueError(f"{out.name} has no known extension; use one of {', '.join(FORMATS)}.")
    out.write_text(content, encoding="utf-8", newline="\n")
    log.info("wrote %s (%d sentences)", out, len(rows))


def _open_cache() -> TranslationCache | None:
    """The user's translation cache, or None (logged) when it cannot be opened."""
    try:
        return TranslationCache()
    except Exception:  # an unwritable cache folder: translate without one
        log.exception("cannot open the translation cache")
        return None


def _translate(doc: Document, model: str, settings: DecodingSettings) -> tuple[str | None, dict[int, str] | None]:
    """(model name, translations), or (None, None) with a note on stderr when no model loads."""
    try:
        from models.translation.engine import load_engine  # torch is imported only here

        engine = load_engine(model, settings)
    except ModelUnavailable as exc:
        print(f"{PROG}: {exc} Writing the source text without translation.", file=sys.stderr)
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


def run(args: argparse.Namespace) -> int:
    """Export ``args.file`` to ``args.output``. Returns 0 on success (also without a model), 1 on
    a bad file, output format or write error, each reported in one line on stderr."""
    out = Path(args.output)
    kind = out.suffix.lower()
    if kind not in FORMATS:
        return _error(f"{out.name} has no known extension; use one of {', '.join(FORMATS)}.")
    if args.beams < 1:
        return _error("--beams must be at least 1.")
    try:
        doc = load_document(args.file)
    except DocumentError as exc:
        return _error(str(exc))
    for note in doc.notes:
        print(f"{PROG}: {note}", file=sys.stderr)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        return _error(f"{out} cannot be written: {folder} is not a writable folder.")  # before any translating
    model, translations = _translate(doc, args.model, DecodingSettings(num_beams=args.beams, backend=args.backend))
    try:
        write_bitext(out, doc, model, translations)
    except OSError as exc:
        return _error(f"{out} cannot be written: {exc.strerror or exc}.")
    return 0
