"""English sentence segmentation with character offsets, for drafts in translator mode.

Sentences are found by pySBD, a rule-based segmenter that passes its "Golden Rules" for
abbreviations (U.S., Mr., Sept.), initials, decimals, numbered lists and quotations
(Sadvilkar & Neumann, 2020, "PySBD: Pragmatic Sentence Boundary Disambiguation",
NLP-OSS workshop; https://github.com/nipunsadvilkar/pySBD). As in :mod:`models.text.segmentation`, every
line break also ends a sentence and each non-blank line is a paragraph.

pySBD's own character spans are not used: each sentence it returns is located in the line with
``str.find`` from the end of the previous one, so offsets are exact; when pySBD alters a sentence
so that it cannot be found (it should not with ``clean=False``), the rest of the line is kept as one
sentence rather than lost.
"""
from __future__ import annotations

import functools

from models.text.segmentation import Sentence, segment


@functools.lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _split_line(line: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one line, stripped of white space."""
    if not line.strip():
        return []
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in _segmenter().segment(line):
        piece = piece.strip()
        if not piece:
            continue
        at = line.find(piece, pos)
        if at < 0:
            break
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    rest = line[pos:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        spans.append((pos + lead, pos + lead + len(rest.strip())))
    return spans


def segment_english(text: str) -> list[Sentence]:
    """Split English ``text`` into sentences.

    Returns :class:`~models.text.segmentation.Sentence` objects in document order with ids 0..n-1;
    ``start``/``end`` are character (code point) offsets into ``text`` with
    ``text[start:end] == sentence.text``, and no sentence has leading or trailing white space.
    Together they cover every non-space character of ``text`` exactly once. Blank text gives
    ``[]``; nothing is raised."""
    return segment(text, _split_line)
