"""Splitting a sentence that is too long for the model into parts that fit, without losing text.

MarianMT models have a fixed input length (512 tokens for opus-mt); a longer input would have to
be truncated. Instead the sentence is cut at the most natural boundary available, in this order:

1. after clause punctuation followed by a space: Arabic comma ``،``, Arabic semicolon ``؛``,
   ``,`` ``;`` ``:`` and stops inside the sentence (``. ! ? ؟``);
2. before a free-standing conjunction or subordinator, also with the proclitic و or ف:
   ثم لكن بل حيث أو أم حتى بينما إذ إذا لأن كما لكي كي عندما بعدما فيما (ولكن, فإذا, ...);
3. before any word beginning with the proclitic conjunction و or ف (the letter may also be a
   root letter, as in وزير; at this level the cost is a slightly odd cut, never lost text);
4. at white space, by token count;
5. inside a word, by token count (a "word" longer than the whole limit: a URL, a run of symbols).

Neighbouring pieces are merged again greedily as long as the merged text fits, so parts are as
long as the limit allows. The clause list follows the usual description of Arabic coordination and
subordination (e.g. Ryding, *A Reference Grammar of Modern Standard Arabic*, 2005, ch. 19).
"""
from __future__ import annotations

import re
from typing import Callable

from models.lexicon.clitics import ARABIC_CONJUNCTIONS

_CONJUNCTIONS = "ثم لكن لكنّ بل حيث أو أم حتى بينما إذ إذا لأن كما لكي كي عندما بعدما فيما".split()
#: The proclitic conjunctions و ف, as a character class.
_PROCLITIC = "[" + "".join(ARABIC_CONJUNCTIONS) + "]"

#: Boundary patterns, best first. A match's ``end()`` is where the next part starts.
LEVELS: tuple[re.Pattern[str], ...] = (
    re.compile("[\u060c\u061b,;:.!?\u061f]+[\"'\u00bb\u201d\u2019)\\]]*\\s+"),
    re.compile(f"\\s+(?={_PROCLITIC}?(?:{'|'.join(_CONJUNCTIONS)})(?!\\w))"),
    re.compile(f"\\s+(?={_PROCLITIC}\\w)"),
    re.compile("\\s+"),
)


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of ``text`` whose token counts are each at most ``limit``.

    ``count_tokens(s)`` gives the model input length of ``s`` in tokens (including the end of
    sentence token). Spans are in order, do not overlap, have no leading or trailing white space
    and together cover every non-space character of ``text``. A text that fits gives one span;
    a blank text gives ``[]``. Raises ``ValueError`` if ``limit`` is too small to hold even one
    character."""
    spans: list[tuple[int, int]] = []
    start, end = _strip(text, 0, len(text))
    if start < end:
        _fit(text, start, end, 0, count_tokens, limit, spans)
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _fit(text: str, start: int, end: int, level: int, count: Callable[[str], int], limit: int,
         out: list[tuple[int, int]]) -> None:
    if count(text[start:end]) <= limit:
        out.append((start, end))
        return
    if level == len(LEVELS):
        _fit_characters(text, start, end, count, limit, out)
        return
    cuts = [m.end() for m in LEVELS[level].finditer(text, start, end) if start < m.start() and m.end() < end]
    if not cuts:
        _fit(text, start, end, level + 1, count, limit, out)
        return
    bounds = [start, *cuts, end]
    pieces = [_strip(text, a, b) for a, b in zip(bounds, bounds[1:])]
    current: tuple[int, int] | None = None
    for piece in pieces:
        if piece[0] == piece[1]:
            continue
        if current is not None and count(text[current[0]:piece[1]]) <= limit:
            current = (current[0], piece[1])
            continue
        if current is not None:
            _fit(text, *current, level + 1, count, limit, out)
        current = piece
    if current is not None:
        _fit(text, *current, level + 1, count, limit, out)


def _fit_characters(text: str, start: int, end: int, count: Callable[[str], int], limit: int,
                    out: list[tuple[int, int]]) -> None:
    """Longest prefixes that fit, found by bisection on the character count."""
    while start < end:
        low, high = start + 1, end  # the answer is in [low, high]
        if count(text[start:low]) > limit:
            raise ValueError(f"a limit of {limit} tokens cannot hold the character {text[start]!r}")
        while low < high:
            middle = (low + high + 1) // 2
            if count(text[start:middle]) <= limit:
                low = middle
            else:
                high = middle - 1
        part = _strip(text, start, low)
        if part[0] < part[1]:
            out.append(part)
        start = _strip(text, low, end)[0]
