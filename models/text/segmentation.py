"""Arabic-aware sentence segmentation with character offsets.

A sentence ends at ``.`` ``!`` ``?`` ``؟`` ``؛`` ``…`` (or ``...``, or ``. . .``) followed by white
space or the end of a line, after a Quran verse number (``﴿١﴾``, ``۝١``), and at every line break. The
Arabic comma ``،`` does not end a sentence. Closing quotes and brackets right after the stop
stay with their sentence (``."`` ``.»`` ``.)``). An ellipsis inside quotation marks (« », “ ”, " ")
that close later on the line does not end the sentence (``«الصمتُ ... طائر.»`` is one), nor
does a stop inside brackets that close after it, later on the line (``قال (مرحبا. كيف حالك؟)
وذهب.`` has two sentences, not three: the second ends at ``؟)``).
A period does not end a sentence after a one-letter token or a known abbreviation (``U.S.``,
``Mr.``, ``د.``), between digits (``3.5``), or after a list number at the start of a line.
NBSP (U+00A0) and other Unicode spaces count as spaces. Each non-blank line is a paragraph.
Lines are split in their reading form (:mod:`models.text.normalization`: presentation forms read
as letters, bidi controls, U+061C and tatweel ignored), and the offsets mapped back to the text.

The rules are this project's own, written for news prose; they follow the usual practice of
rule-based splitters such as the Golden Rules of pySBD (Sadvilkar & Neumann, 2020).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import Callable, Protocol, Sequence

from models.text.arabic import has_arabic
from models.text.normalization import model_text, needs_reading_form, reading_form_map

STOPS = ".!?\u061f\u061b\u2026"  # . ! ? ؟ ؛ …
#: Closing quotes and brackets, and the direction marks LRM, RLM and ALM that text copied from
#: the web often carries after a stop: all stay with the sentence they close.
CLOSERS = "\"'\u00bb\u201d\u2019)]}\u203a\u200e\u200f\u061c"  # " ' » ” ’ ) ] } › LRM RLM ALM
_LATIN_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft no vs etc al gen col lt sgt capt gov sen rep rev"
    " jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept univ approx"
    " e.g i.e a.m p.m u.s u.k u.n".split()
)
#: Arabic abbreviations written with a period: د (doctor), م (engineer / AD), أ (professor),
#: ق (before), ص (page), هـ (Hijri), ت (telephone).
_ARABIC_ABBREVIATIONS = frozenset("د م أ ق ص هـ ت ج".split())

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"  # Western, Arabic-Indic and Persian digits
#: A Quran verse number, which ends its verse: ﴿١٢﴾ (ornate parentheses, either order, a space
#: inside allowed) or ۝١٢ (U+06DD END OF AYAH, which Unicode places before the digits it encloses).
VERSE_END = f"[\ufd3e\ufd3f] ?[{_DIGITS}]+ ?[\ufd3e\ufd3f]|\u06dd[{_DIGITS}]*"
_STOP_RUN_RE = re.compile(f"(?:(?:\\.\\.\\.|\\. \\. \\.|[{re.escape(STOPS)}])+|{VERSE_END})[{re.escape(CLOSERS)}]*")
_ELLIPSIS = ("...", ". . .", "\u2026")
#: Quotation marks: (opening, closing); a straight double quote is its own closing mark.
_QUOTES = (("\u00ab", "\u00bb"), ("\u201c", "\u201d"), ('"', '"'))
#: Brackets: (opening, closing). An aside in brackets is part of the sentence around it.
_BRACKETS = (("(", ")"), ("[", "]"))
_TOKEN_BEFORE_RE = re.compile(r"([^\s]*?)$")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document.

    ``start``/``end`` are character offsets (code points) into the document text, so that
    ``document.text[start:end] == text``; the span has no leading or trailing white space.
    ``paragraph`` counts non-blank lines from 0."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str

    @cached_property  # asked for every sentence at each count the window shows: read once
    def translatable(self) -> bool:
        """True when the sentence has an Arabic letter; other text is shown as it is."""
        return has_arabic(self.text)

    @property
    def model_text(self) -> str:
        """What the translation model reads for this sentence: :func:`models.text.normalization.model_text`
        of ``text`` (no tatweel or bidi controls; presentation forms as ordinary letters)."""
        return model_text(self.text)



def count_to_translate(sentences: Sequence[Sentence]) -> int:
    """How many of ``sentences`` go to the translation model (``Sentence.translatable``: an
    Arabic letter). Headings in Latin script, numbers, punctuation-only lines are shown as they
    are; every "N of M" the window shows counts against this."""
    return sum(1 for sentence in sentences if sentence.translatable)


def _is_abbreviation(line: str, stop_at: int) -> bool:
    """Whether the period at ``line[stop_at]`` belongs to an abbreviation, a number or a list mark."""
    before = _TOKEN_BEFORE_RE.search(line, 0, stop_at).group(1)
    after = line[stop_at + 1 : stop_at + 2]
    token = before.lstrip("(\"'\u00ab\u201c[")
    if not token:
        return False
    if after.isdigit() and token[-1:].isdigit():
        return True  # decimal 3.5 (no space, so not a stop anyway) — kept for clarity
    word = token.rstrip(".").lower()
    if len(word) == 1 and word.isalpha():
        return True  # initials: U.S., (L.), J. Kerry, د. محمد
    if word in _LATIN_ABBREVIATIONS or token in _ARABIC_ABBREVIATIONS:
        return True
    if "." in token and all(len(p) <= 2 for p in token.split(".")) and token.replace(".", "").isalpha():
        return True  # U.S, e.g, a.m
    if token.isdigit() and line[: stop_at - len(before)].strip() == "" and len(token) <= 3:
        return True  # numbered list item at the start of a line: "1. ..."
    return False


def _inside_brackets(line: str, start: int, run_end: int) -> bool:
    """Whether the stop run ending at ``run_end`` in the sentence begun at ``start`` is inside
    brackets opened before it and closed after it on the same line (a stop that the closing
    bracket follows, ``اتفاقا.)``, ends its sentence as usual)."""
    through = line[start:run_end]
    return any(through.count(opening) > through.count(closing) and closing in line[run_end:]
               for opening, closing in _BRACKETS)


def _inside_quotation(line: str, start: int, stop: int) -> bool:
    """Whether ``line[stop]`` is inside a quotation opened in ``line[start:stop]`` and closed
    after it on the same line."""
    before = line[start:stop]
    for opening, closing in _QUOTES:
        if opening == closing:
            is_open = before.count(opening) % 2 == 1
        else:
            is_open = before.count(opening) > before.count(closing)
        if is_open and closing in line[stop:]:
            return True
    return False


def _split_line(line: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one line, offsets relative to the line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _STOP_RUN_RE.finditer(line):
        end = match.end()
        if end < len(line) and not line[end].isspace():
            continue  # "3.5", "U.S.A", "www.x.com", "...،": not followed by a space
        run = match.group()
        if run == "." and _is_abbreviation(line, match.start()):
            continue
        if run.startswith(_ELLIPSIS) and _inside_quotation(line, start, match.start()):
            continue  # «الصمتُ ... طائر.»: the ellipsis is the speaker's
        if _inside_brackets(line, start, end):
            continue  # قال (مرحبا. كيف حالك؟) وذهب.: the aside is part of the sentence
        spans.append((start, end))
        start = end
    spans.append((start, len(line)))
    result = []
    for s, e in spans:
        chunk = line[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            result.append((s + lead, s + lead + len(stripped)))
    return result


def _split_reading_form(line: str, split_line: Callable[[str], list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """``split_line`` applied to the reading form of ``line``, spans mapped back to ``line``: each
    span widened over the removed characters (format marks, tatweel) that touch it, never over
    white space or into its neighbour."""
    form, starts, ends = reading_form_map(line)
    spans = [[starts[a], ends[b - 1]] for a, b in split_line(form)]
    for k, span in enumerate(spans):
        floor = spans[k - 1][1] if k else 0
        ceiling = spans[k + 1][0] if k + 1 < len(spans) else len(line)
        while span[0] > floor and not line[span[0] - 1].isspace():
            span[0] -= 1
        while span[1] < ceiling and not line[span[1]].isspace():
            span[1] += 1
    return [(s, e) for s, e in spans]


LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"  # the line ends of str.splitlines


def segment(text: str, split_line: Callable[[str], list[tuple[int, int]]] = _split_line) -> list[Sentence]:
    """Split ``text`` into sentences.

    Every line break ends a sentence and each non-blank line is a paragraph; ``split_line``
    gives the (start, end) spans of the sentences within one line, stripped of white space
    (default: the Arabic rules of this module; :mod:`models.text.english_segmentation` passes English ones).
    A line with presentation forms, bidi controls, U+061C, tatweel or a combining hamza is split in
    its reading form (:func:`models.text.normalization.reading_form_map`) and the spans mapped
    back; format marks and tatweel at a sentence's edge belong to it.
    Returns sentences in document order with ids 0..n-1. Together they cover every non-space
    character of ``text`` exactly once (except format marks on a line of nothing else). Raises
    nothing; empty or blank text gives ``[]``."""
    return segment_part(text, 0, len(text), split_line=split_line)[0]


def segment_part(text: str, start: int, size: int, first_id: int = 0, paragraph: int = -1,
                 split_line: Callable[[str], list[tuple[int, int]]] = _split_line) -> tuple[list[Sentence], int]:
    """Segment the whole lines of ``text`` from offset ``start`` (0 or just after a ``\n``) to
    the first ``\n`` at or after ``start + size`` characters (or the end): a big text segmented
    part by part, as :func:`segment` does at once. Sentence ids start at ``first_id`` and
    paragraph numbers after ``paragraph`` (the last sentence's so far, -1 at the start).
    Returns (sentences, offset where the next part starts; ``len(text)`` after the last)."""
    cut = text.find("\n", min(start + size, len(text)))
    stop = len(text) if cut < 0 else cut + 1
    sentences: list[Sentence] = []
    offset = start
    for line in text[start:stop].splitlines(keepends=True):
        body = line.rstrip(LINE_BREAKS)
        spans = _split_reading_form(body, split_line) if needs_reading_form(body) else split_line(body)
        if spans:
            paragraph += 1
        for s, e in spans:
            sentences.append(Sentence(first_id + len(sentences), paragraph, offset + s, offset + e, body[s:e]))
        offset += len(line)
    return sentences, stop


class Span(Protocol):
    """Anything with a ``start`` and an ``end`` offset: a :class:`Sentence`, or a sentence's place
    in a view."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_START = attrgetter("start")


def sentence_at(sentences: Sequence[Span], offset: int) -> int | None:
    """Index in ``sentences`` of the sentence holding the character at ``offset``
    (``start <= offset < end``), or ``None`` when it is in no sentence (white space between
    them, out of range). ``sentences`` are in order and do not overlap, as :func:`segment` gives
    them; ``offset`` is in their unit (code points for :class:`Sentence`). Bisection: O(log n)."""
    i = bisect.bisect_right(sentences, offset, key=_START) - 1
    return i if i >= 0 and offset < sentences[i].end else None


def sentence_at_caret(sentences: Sequence[Span], position: int) -> int | None:
    """The sentence at a caret ``position`` (a gap between characters, 0..len(text)): that of the
    character after the caret, else of the one before it (a caret right after a sentence's last
    character is in it), else ``None``."""
    found = sentence_at(sentences, position)
    return found if found is not None else sentence_at(sentences, position - 1)
