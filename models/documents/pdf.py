"""PDF files with a text layer, read with pypdf, with the damage Arabic PDFs usually carry repaired.

- Presentation-form letters (U+FB50-FDFF, U+FE70-FEFC: the shaped glyphs that many PDF makers
  map their glyphs to) are folded to ordinary letters by NFKC on those characters only.
- Right-to-left lines are put back in logical order, page by page (:func:`repair_page`). pypdf
  writes each right-to-left run of a line backwards; undoing that (:func:`undo_pypdf_runs`) gives
  the order of the page's content stream, which is either logical (the text as typed) or visual
  (left to right as shown, as many PDF makers place glyphs). Each line is read both ways, the
  visual one from the right with the runs a right-to-left paragraph shows left to right (Latin
  words, numbers with their separators, Arabic-Indic numbers) kept in their order
  (:func:`visual_to_logical`, the inverse of UAX #9's reordering). The reading whose Arabic
  words the Buckwalter lexicon knows more of (:func:`models.lexicon.lookup.lookup`; without
  the lexicon, a letter-bigram model of the bundled sample article) wins the line's vote, and
  the page's majority decides for all its lines (lines that tie vote by where their stop falls).
- Lines are joined into paragraphs: a line much shorter than the page's usual line ends its paragraph.

A PDF without a text layer (scanned pages) or whose text is mostly U+FFFD or private-use
characters (fonts without a character map) is refused with a sentence suggesting OCR.
"""
from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Callable

from models.documents.base import MAX_PACKAGE_BYTES, Extracted, Format, ParagraphText
from models.errors import DocumentError, QariError
from models.text.arabic import ARABIC_LETTER_CLASS, ARABIC_WORD_RE, fold_presentation_forms, has_arabic
from models.text.bidi import paragraph_direction

log = logging.getLogger(__name__)

DESCRIPTION = "PDF file"
_LEADING_STOP_RE = re.compile(f"^([.:!?\u061f\u060c\u061b\u2026]+)\\s*(?=[{ARABIC_LETTER_CLASS}])")
#: Characters that end a sentence (and a line that ends a paragraph).
SENTENCE_END = ".!?:\u061f\u061b\u2026"
#: A line shorter than this share of the page's usual line ends its paragraph.
SHORT_LINE = 0.7
#: Share of unreadable characters (U+FFFD, private use, C0 controls) above which the text layer
#: is refused.
UNREADABLE_SHARE = 0.3
_UNREADABLE_RE = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")


# -- lines in visual order ------------------------------------------------------------------
#: pypdf's character classes when it extracts text (``pypdf._utils``): right-to-left letters, and
#: neutral characters, which join the run they follow; any other character is left-to-right.
_PYPDF_RTL = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufeff"))
_PYPDF_NEUTRAL = (("\x00", "\x2f"), ("\x3a", "\x40"), ("\u0660", "\u066d"), ("\u06f0", "\u06f9"),
                  ("\u2000", "\u206f"), ("\u20a0", "\u21ff"))
#: Runs a right-to-left paragraph shows left to right in its own order (UAX #9 levels 2 and up),
#: over a string of one class letter per character (:func:`_bidi_classes`): left-to-right words
#: with what follows them up to the last left-to-right letter or European digit (W7, N1); a
#: European number with its separators and terminators (W4, W5); an Arabic-Indic number (W4).
_LTR_UNIT_RE = re.compile(r"L(?:[LE]|[NSCT]+(?=[LE]))*|T*E+(?:[SC]E+)*T*|A+(?:CA+)*")
#: Neutral characters at the start of an extracted line that open it rather than end its first
#: right-to-left run: quotation marks, opening brackets, a dash.
_LINE_OPENING_RE = re.compile("[\"'(\\[{\u201c\u2018\u2039\u2013\u2014-]*")
_BIDI_LETTERS = {"L": "L", "R": "R", "AL": "R", "EN": "E", "AN": "A", "ES": "S", "CS": "C", "ET": "T"}


def _pypdf_class(ch: str) -> str:
    if any(a <= ch <= b for a, b in _PYPDF_NEUTRAL):  # first: Arabic-Indic digits are neutral
        return "N"
    return "R" if any(a <= ch <= b for a, b in _PYPDF_RTL) else "L"


def _bidi_classes(text: str) -> str:
    """One letter per character of ``text``: its Unicode bidi class as L, R (R and AL), E (EN),
    A (AN), S (ES), C (CS), T (ET) or N (the rest); a combining mark takes the class of the
    character before it (UAX #9 W1)."""
    out: list[str] = []
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        out.append(out[-1] if kind == "NSM" and out else _BIDI_LETTERS.get(kind, "N"))
    return "".join(out)


def undo_pypdf_runs(line: str, visual: bool) -> str:
    """The characters of ``line`` in the order a PDF's content stream placed them, from what pypdf
    extracted: pypdf writes each run that starts with a right-to-left letter (with the neutral
    characters after it, up to the next left-to-right letter or digit) backwards, so those runs
    are turned back. Which of the neutral characters before such a run in ``line`` are its own
    (written after it in the stream) is a guess that depends on the stream's order: in logical
    order (``visual`` False) a stop or space ends the word before it, so the run owns all of them
    but a first space (the left-to-right run's), and at the start of the line all of them but
    what opens the line (:data:`_LINE_OPENING_RE`); in
    visual order the run owns one space when the gap has two or more, or starts the line, and it
    would otherwise touch what follows it. At the start of the line the run also owns the
    neutral characters after it in ``line`` (pypdf began it in the previous line's direction)."""
    classes = "".join(_pypdf_class(ch) for ch in line)
    out: list[str] = []
    position = 0
    for match in re.finditer(r"R(?:N*R)*", classes):
        start, end = match.span()
        gap_start = classes.rfind("L", 0, start) + 1
        at_line_start = gap_start == 0
        gap = line[gap_start:start]
        if at_line_start:  # a run begun in the previous line's direction owns the neutrals after it
            end += re.match(r"N*", classes[end:]).end()
        if not visual:
            if at_line_start:  # what opens the line (a quote, a bracket) came before the run
                own = len(gap) - _LINE_OPENING_RE.match(gap).end()
            else:
                own = len(gap) - (1 if gap[:1].isspace() else 0)
        else:
            spaces = len(gap) - len(gap.rstrip())
            glued = end < len(line) and not line[end].isspace()  # to what follows, without a space of its own
            own = 1 if glued and spaces >= (1 if at_line_start else 2) else 0
        out.append(line[position:start - own])
        out.append(line[start - own:end][::-1])
        position = end
    out.append(line[position:])
    return "".join(out)


def reverse_rtl_runs(line: str) -> str:
    """``line`` as pypdf extracted it from a PDF that writes text in logical order (each
    right-to-left run backwards, digit and Latin runs in their order and place), in logical
    order: :func:`undo_pypdf_runs`, white space collapsed."""
    return " ".join(undo_pypdf_runs(line, visual=False).split())


def visual_to_logical(line: str, direction: str = "rtl") -> str:
    """A line given in visual order (left to right as on the page) in logical order: the inverse
    of UAX #9's reordering of a paragraph of ``direction``. In a right-to-left paragraph the
    line is read from the right, the runs it shows left to right (Latin words, numbers with
    their separators, Arabic-Indic numbers; see :data:`_LTR_UNIT_RE`) kept in their order; in a
    left-to-right one each stretch from a right-to-left letter to the last before a
    left-to-right one is read so. Brackets are not mirrored: a PDF's text maps to characters,
    not to the mirrored glyphs shown."""
    classes = _bidi_classes(line)
    if direction == "ltr":
        return "".join(visual_to_logical(line[a:b]) if classes[a] == "R" else line[a:b] for a, b in _spans(classes))
    pieces: list[str] = []
    position = 0
    for match in _LTR_UNIT_RE.finditer(classes):
        pieces.extend(line[position:match.start()])
        pieces.append(line[match.start():match.end()])
        position = match.end()
    pieces.extend(line[position:])
    return "".join(reversed(pieces))


def _spans(classes: str) -> list[tuple[int, int]]:
    """``classes`` (:func:`_bidi_classes`) cut into stretches from a right-to-left letter to the
    last one before a left-to-right letter, and what lies between them: (start, end) pairs."""
    cuts = sorted({0, len(classes)} | {i for m in re.finditer("R[^L]*R|R", classes) for i in m.span()})
    return list(zip(cuts, cuts[1:]))


def _clean(text: str) -> str:
    """``text`` with presentation forms folded and white space collapsed."""
    return " ".join(fold_presentation_forms(text).split())


def repair_visual_line(line: str) -> str:
    """A line of a PDF whose text is in visual order, as pypdf extracted it, in logical order
    (:func:`undo_pypdf_runs`, then :func:`visual_to_logical` as a right-to-left paragraph, or
    as a left-to-right one when that reading does not start right to left), presentation forms
    folded and white space collapsed."""
    stream = undo_pypdf_runs(line, visual=True)
    right_to_left = _clean(visual_to_logical(stream))
    if paragraph_direction(right_to_left, "rtl") == "rtl":
        return right_to_left
    return _clean(visual_to_logical(stream, "ltr"))


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
    """One extracted line in logical order, without knowing how its page is written: presentation
    forms folded; reversed by :func:`reverse_rtl_runs` when ``score`` rates the reversal higher;
    a leading stop of a right-to-left line moved to its end. White space collapsed."""
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


def _ends_vote(stream: str, visual: str) -> int:
    """+1 when reading a line from the right (``visual``) puts a stop at its end that its
    content-stream order (``stream``) does not have, -1 for the other way round, else 0."""
    ends = tuple(SENTENCE_END)
    return int(visual.endswith(ends) and not stream.endswith(ends)) - int(stream.endswith(ends) and not visual.endswith(ends))


def repair_page(lines: list[str], score: Callable[[str], float]) -> list[str]:
    """The lines pypdf extracted from one page, in logical order.

    Each line is read two ways: as a PDF that writes text in logical order gives it
    (:func:`reverse_rtl_runs`), and as one in visual order does (:func:`repair_visual_line`:
    the content stream's order, :func:`undo_pypdf_runs`, read from the right). Every line with Arabic votes for the
    reading whose words ``score`` rates higher (the share the lexicon knows: one reading has each
    Arabic word backwards); lines that tie vote by where their stop falls (:func:`_ends_vote`). The
    page's majority decides for all its lines: in logical order each line is its content-stream
    order; in visual order as :func:`repair_visual_line` reads it. A page with no vote either way
    is repaired line by line (:func:`repair_line`). Presentation forms are folded after turning
    (a lam-alef ligature is one character that folds to two); white space is collapsed."""
    streams = [fold_presentation_forms(reverse_rtl_runs(line)) for line in lines]
    visuals = [repair_visual_line(line) for line in lines]
    word_votes = end_votes = 0
    for stream, visual in zip(streams, visuals):
        if has_arabic(stream):
            vote = score(visual) - score(stream)
            word_votes += (vote > 0) - (vote < 0)
            end_votes += _ends_vote(stream, visual) if not vote else 0
    votes = word_votes or end_votes
    if not votes:
        return [repair_line(line, score) for line in lines]
    if votes < 0:
        return streams
    return visuals


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
    lines = [repair_page(text.split("\n"), score) for text in raw_pages]
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
