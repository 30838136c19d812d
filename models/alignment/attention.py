"""Word links from a translation model's alignment attention (pure: arrays in, links out).

OPUS-MT "transformer-align" models (``Helsinki-NLP/opus-mt-ar-en`` among them) were trained with
Marian's guided alignment (``--guided-alignment``), which supervises the first attention head
of the last decoder layer to follow word alignments (Marian ``transformer-guided-alignment-layer``,
default ``last``; OPUS-MT-train Makefile). That head's weights, one row per target piece and one
column per source piece, are what :mod:`models.alignment.forced` gets from CTranslate2
(``return_attention=True``) or torch (``output_attentions=True``).

:func:`attention_links` turns them into :class:`models.alignment.word_links.WordLink`:

1. every SentencePiece piece is located in its sentence text (:func:`piece_spans`): ``▁`` marks
   a word start and stands for the space before it, pieces are NFKC-normalized text (the
   ``nmt_nfkc`` rule of OPUS-MT's SentencePiece models), special pieces (``</s>``) have no span;
2. pieces are merged into words (:func:`models.alignment.word_links.source_words`,
   :func:`models.alignment.word_links.target_words`): a word takes the pieces that overlap it;
3. the word-to-word weight is, for a target word, the mean over its pieces of the attention
   summed over the source word's pieces: in [0, 1], the share of the target word's attention
   that goes to that source word (as in Zenkel, Wuebker and DeNero 2019, "Adding interpretable
   attention to neural translation models improves word alignment", arXiv:1901.11359, and
   Garg et al. 2019, "Jointly learning to align and translate with transformer models", EMNLP);
4. links are the pairs whose weight is at least ``threshold``, plus each target word's best
   source word (its argmax), scored by their weight.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from models.alignment.word_links import Evidence, Span, WordLink, source_words, target_words

#: SentencePiece's word-start mark (U+2581), written for the space before a word.
WORD_START = "\u2581"
#: Pieces that stand for no text.
SPECIAL_PIECES = frozenset({"</s>", "<s>", "<pad>", "<unk>"})
#: Default least weight of a link beside each target word's argmax.
THRESHOLD = 0.3
#: How far (normalized characters) a piece is looked for past where the previous one ended,
#: when text was dropped in normalization (control characters, some marks).
_SEARCH_WINDOW = 8


@dataclass(frozen=True)
class PieceAttention:
    """The alignment attention of one sentence pair: ``matrix`` of shape (len(target_pieces),
    len(source_pieces)), row ``t`` the attention of the decoder when it read or output target
    piece ``t``, each row summing to 1 over the source pieces (special pieces included)."""

    source_pieces: tuple[str, ...]
    target_pieces: tuple[str, ...]
    matrix: np.ndarray

    def word_links(self, source_text: str, target_text: str, threshold: float = THRESHOLD) -> list[WordLink]:
        """:func:`attention_links` of this attention over the two sentence texts."""
        return attention_links(self.matrix, self.source_pieces, self.target_pieces, source_text, target_text, threshold)


def _normalized(text: str) -> tuple[str, list[int]]:
    """NFKC of ``text`` with white space removed, and for each of its characters the offset of the
    character of ``text`` it came from."""
    out: list[str] = []
    where: list[int] = []
    for offset, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char):
            if not folded.isspace():
                out.append(folded)
                where.append(offset)
    return "".join(out), where


def piece_spans(pieces: Sequence[str], text: str) -> list[Span | None]:
    """(start, end) character offsets into ``text`` of each SentencePiece piece, in order; ``None``
    for a special piece (:data:`SPECIAL_PIECES`), a bare ``▁`` and a piece not found in the text
    (the next piece is then looked for where this one would have started)."""
    normalized, where = _normalized(text)
    spans: list[Span | None] = []
    cursor = 0
    for piece in pieces:
        core = unicodedata.normalize("NFKC", piece.replace(WORD_START, "")) if piece not in SPECIAL_PIECES else ""
        core = "".join(c for c in core if not c.isspace())
        if not core:
            spans.append(None)
            continue
        at = normalized.find(core, cursor, cursor + _SEARCH_WINDOW + len(core))
        if at < 0:
            spans.append(None)
            continue
        end = at + len(core)
        spans.append((where[at], where[end - 1] + 1))
        cursor = end
    return spans


def word_pieces(pieces: Sequence[str], text: str, words: Sequence[Span]) -> list[list[int]]:
    """For each word span of ``text``, the indices of the pieces overlapping it (a piece holding
    letters of two words belongs to both)."""
    spans = piece_spans(pieces, text)
    located = sorted((span, k) for k, span in enumerate(spans) if span is not None)
    found: list[list[int]] = []
    for start, end in words:
        found.append([k for (a, b), k in located if a < end and start < b])
    return found


def word_weights(matrix: np.ndarray, source_groups: Sequence[Sequence[int]],
                 target_groups: Sequence[Sequence[int]]) -> np.ndarray:
    """Word-to-word attention (step 3 of the module doc): shape (target words, source words),
    entry [t, s] the mean over target word t's pieces of the attention summed over source word
    s's pieces; a word without pieces has a zero row or column."""
    weights = np.zeros((len(target_groups), len(source_groups)), dtype=np.float64)
    if not len(source_groups) or not len(target_groups):
        return weights
    by_source = np.zeros((matrix.shape[0], len(source_groups)), dtype=np.float64)
    for s, group in enumerate(source_groups):
        if group:
            by_source[:, s] = matrix[:, list(group)].sum(axis=1)
    for t, group in enumerate(target_groups):
        if group:
            weights[t] = by_source[list(group)].mean(axis=0)
    return weights


def attention_links(matrix: np.ndarray | Sequence[Sequence[float]], source_pieces: Sequence[str],
                    target_pieces: Sequence[str], source_text: str, target_text: str,
                    threshold: float = THRESHOLD) -> list[WordLink]:
    """Word links of one sentence pair from its piece-level alignment attention (module doc).

    ``matrix`` has shape (len(target_pieces), len(source_pieces)); the pieces are SentencePiece
    pieces of ``source_text`` and ``target_text`` (special pieces allowed). Returns links with
    evidence ``model`` and score in [0, 1], sorted by source then target span. Raises
    ``ValueError`` when the matrix shape does not match the pieces."""
    matrix = np.asarray(matrix, dtype=np.float64)
    if matrix.shape != (len(target_pieces), len(source_pieces)):
        raise ValueError(f"attention of shape {matrix.shape} for {len(target_pieces)} target and "
                         f"{len(source_pieces)} source pieces")
    src_words, tgt_words = source_words(source_text), target_words(target_text)
    weights = word_weights(matrix, word_pieces(source_pieces, source_text, src_words),
                           word_pieces(target_pieces, target_text, tgt_words))
    links = []
    for t, row in enumerate(weights):
        if not row.size or row.max() <= 0.0:
            continue
        best = int(row.argmax())
        for s in np.flatnonzero(row >= threshold) if threshold > 0 else ():
            if s != best:
                links.append(WordLink(src_words[s], tgt_words[t], round(float(min(1.0, row[s])), 4), Evidence.MODEL.value))
        links.append(WordLink(src_words[best], tgt_words[t], round(float(min(1.0, row[best])), 4), Evidence.MODEL.value))
    return sorted(links, key=lambda link: (link.source_span, link.target_span))
