"""PDF files with a text layer, read with pypdf, with the damage Arabic PDFs usually carry repaired.

- Presentation-form letters (U+FB50-FDFF, U+FE70-FEFC: the shaped glyphs that many PDF makers
  map their glyphs to) are folded to ordinary letters by NFKC on those characters only.
- Lines that come out in visual order (letters of each right-to-left run reversed) are found and
  turned back: each line with Arabic is scored as extracted and reversed (:func:`reverse_rtl_runs`,
  digit and Latin runs kept in their order), by the share of its words the Buckwalter lexicon knows
  (:func:`models.lexicon.lookup.lookup`), or, when the lexicon cannot be loaded, by a letter-bigram
  model of the bundled sample article; the better one is kept. A stop or colon that visual order
  puts at the start of a right-to-left line is put back at its end.
- Lines are joined into paragraphs: a line much shorter than the page's usual line ends its paragraph.

A PDF without a text layer (scanned pages) or whose text is mostly U+FFFD or private-use
characters (fonts without a character map) is refused with a sentence suggesting OCR.
"""
from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Callable

from models.documents.base import MAX_PACKAGE_BYTES, Extracted, Format, ParagraphText
from models.errors import DocumentError, QariError
from models.text.arabic import ARABIC_LETTER_CLASS, ARABIC_WORD_RE, fold_presentation_forms, has_arabic
from models.text.bidi import paragraph_direction

log = logging.getLogger(__name__)

DESCRIPTION = "PDF file"
#: Characters of a line whose order visual extraction keeps: digits and Latin letters, with the
#: separators inside a number or an abbreviation (2016, 3.5, 1,200, U.S., 10:30).
_LTR_RUN_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]+(?:[.,:/\u066b\u066c-][0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]+)*")
_LEADING_STOP_RE = re.compile(f"^([.:!?\u061f\u060c\u061b\u2026]+)\\s*(?=[{ARABIC_LETTER_CLASS}])")
#: A line shorter than this share of the page's usual line ends its paragraph.
SHORT_LINE = 0.7
#: Share of unreadable characters (U+FFFD, private use, C0 controls) above which the text layer
#: is refused.
UNREADABLE_SHARE = 0.3
_UNREADABLE_RE = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")


def _reverse_stretch(stretch: str, after_run: bool) -> str:
    """One stretch between digit/Latin runs, its letters put back in order. pypdf writes the
    white space after a left-to-right run with that run, and a right-to-left run's own trailing
    spaces reversed in front of it: so after a run, one leading space stays in front, a second
    one goes to the end; at the start of the line, a leading space goes to the end."""
    if not has_arabic(stretch):
        return stretch  # "2011 - 2016": nothing right-to-left, nothing reversed
    core = stretch.lstrip()
    lead = len(stretch) - len(core)
    if not after_run:  # at the start of the line: leading spaces are the run's own, reversed
        return core[::-1] + (" " if lead else "")
    return (" " if lead else "") + core[::-1] + (" " if lead > 1 else "")


def reverse_rtl_runs(line: str) -> str:
    """``line`` with the characters of each stretch between digit/Latin runs reversed, the runs
    themselves kept in their order and place: the inverse of text extraction that writes each
    right-to-left run backwards (what pypdf gives for a PDF whose text is in logical order, and
    any extractor for a line in visual order without digits or Latin). White space collapsed."""
    pieces = []
    last = 0
    for match in _LTR_RUN_RE.finditer(line):
        pieces.append(_reverse_stretch(line[last:match.start()], bool(pieces)))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_reverse_stretch(line[last:], bool(pieces)))
    return " ".join("".join(pieces).split())


def _words(line: str) -> list[str]:
    return [w for w in ARABIC_WORD_RE.findall(line) if len(w) > 1]


class LexiconScorer:
    """Share of a line's Arabic words (two letters or more) that the lexicon analyses, each word
    looked up once. Raises :class:`QariError` on creation when the lexicon cannot be loaded."""

    def __init__(self) -> None:
        from models.lexicon.index import shared_lexicon

        self._lexicon = shared_lexicon()
        self._known: dict[str, bool] = {}

    def __call__(self, line: str) -> float:
        from models.lexicon.lookup import lookup

        words = _words(line)
        if not words:
            return 0.0
        hits = 0
        for word in words:
            known = self._known.get(word)
            if known is None:
                known = self._known[word] = lookup(word, self._lexicon, backoff=False).in_lexicon
            hits += known
        return hits / len(words)


@lru_cache(maxsize=1)
def _bigram_model() -> tuple[dict[str, float], float]:
    """Log-probabilities of letter bigrams (``^`` and ``$`` mark word edges) in the sample
    article's Arabic words, add-one smoothed; and the log-probability of an unseen bigram."""
    from models.documents.document import sample_path

    counts: Counter[str] = Counter()
    for word in _words(sample_path().read_text(encoding="utf-8")):
        marked = f"^{word}$"
        counts.update(marked[i:i + 2] for i in range(len(marked) - 1))
    total = sum(counts.values()) + len(counts) + 1
    return {bigram: math.log((n + 1) / total) for bigram, n in counts.items()}, math.log(1 / total)


def bigram_score(line: str) -> float:
    """Mean log-probability of the letter bigrams of ``line``'s Arabic words under
    :func:`_bigram_model`: higher reads more like Arabic written in logical order."""
    model, unseen = _bigram_model()
    scores = [model.get(marked[i:i + 2], unseen)
              for marked in (f"^{w}$" for w in _words(line)) for i in range(len(marked) - 1)]
    return sum(scores) / len(scores) if scores else 0.0


def default_scorer() -> Callable[[str], float]:
    """:class:`LexiconScorer`, or :func:`bigram_score` when the lexicon cannot be loaded."""
    try:
        return LexiconScorer()
    except (QariError, OSError) as exc:
        log.warning("scoring PDF lines without the lexicon: %s", exc)
        return bigram_score


def repair_line(line: str, score: Callable[[str], float]) -> str:
    """One extracted line in logical order: presentation forms folded; reversed by
    :func:`reverse_rtl_runs` when ``score`` rates the reversal higher; a leading stop of a
    right-to-left line moved to its end. White space collapsed."""
    as_extracted = " ".join(fold_presentation_forms(line).split())
    if not has_arabic(as_extracted):
        return as_extracted
    # reversed before folding: a lam-alef ligature is one character that folds to two
    reversed_line = fold_presentation_forms(reverse_rtl_runs(line))
    line = reversed_line if score(reversed_line) > score(as_extracted) else as_extracted
    match = _LEADING_STOP_RE.match(line)
    if match and paragraph_direction(line[match.end():]) == "rtl":
        line = f"{line[match.end():]}{match.group(1)}"
    return line


def join_lines(pages: list[list[str]]) -> list[str]:
    """Paragraphs from the lines of each page: a line ends its paragraph when it is blank, or
    shorter than :data:`SHORT_LINE` of the page's usual line length (its 80th percentile), or
    the last of its page; the lines of a paragraph are joined with a space."""
    paragraphs: list[str] = []
    for lines in pages:
        lengths = sorted(len(line) for line in lines if line)
        usual = lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0
        current: list[str] = []
        for line in lines:
            if line:
                current.append(line)
            if current and (not line or len(line) < SHORT_LINE * usual):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
    return paragraphs


def read_pdf(data: bytes, name: str, charset: str | None = None,
             score: Callable[[str], float] | None = None) -> Extracted:
    """A PDF's bytes -> its text, page by page, repaired (module docstring). ``score`` rates a
    line's reading (default :func:`default_scorer`). Raises :class:`DocumentError` for a damaged
    or password-protected PDF, or one without a readable text layer (suggesting OCR)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    notes: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name} is protected by a password; open it in a PDF reader, save a copy without one, and open that.")
        pages = list(reader.pages)
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        log.info("pypdf cannot read %s: %r", name, exc)
        raise DocumentError(f"{name} is not a valid {DESCRIPTION} (the file is damaged or of another kind).") from exc
    raw_pages: list[str] = []
    failed = 0
    for number, page in enumerate(pages, 1):
        try:
            raw_pages.append(page.extract_text() or "")
        except Exception as exc:  # a damaged content stream costs its page, not the document
            log.warning("%s: page %d cannot be read: %r", name, number, exc)
            failed += 1
    if failed:
        notes.append(f"{failed} page{'s' if failed > 1 else ''} of {name} could not be read and {'are' if failed > 1 else 'is'} left out.")
    visible = "".join("".join(text.split()) for text in raw_pages)
    suggestion = "run it through OCR (for example ocrmypdf -l ara) and open the result"
    if not visible:
        raise DocumentError(f"{name} has no text layer (its pages are pictures, as in a scan); {suggestion}.")
    if len(_UNREADABLE_RE.findall(visible)) > UNREADABLE_SHARE * len(visible):
        raise DocumentError(f"The text layer of {name} cannot be read (its fonts map letters to no characters); {suggestion}.")
    score = score or default_scorer()
    lines = [[repair_line(line, score) for line in text.split("\n")] for text in raw_pages]
    builder = ParagraphText()
    for paragraph in join_lines(lines):
        builder.add(paragraph)
    return Extracted(builder.text(), notes=notes)


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


FORMAT = Format(
    description=DESCRIPTION,
    extensions=(".pdf",),
    media_types=("application/pdf",),
    read=read_pdf,
    signature=_is_pdf,
    max_bytes=MAX_PACKAGE_BYTES,
)
