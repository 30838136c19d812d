"""A MarianMT tokenizer on SentencePiece alone, for the CTranslate2 backend: what
``transformers.MarianTokenizer`` does for Qari, without importing transformers (a second of a
worker's cold start on this project's machine, ``python -m benchmarks.bench_translate``).

An OPUS-MT model folder holds ``source.spm`` and ``target.spm`` (SentencePiece models) and
``vocab.json`` (piece -> model id, one vocabulary for both sides, OPUS-MT-train's joint
vocabulary). As MarianTokenizer does (transformers 5, ``models/marian/tokenization_marian.py``
and ``tokenization_python.py``): a text is split at the special tokens written in it (``</s>``,
``<unk>``, ``<pad>``), a language code ``>>xx<<`` opening a stretch is kept as one token, each stretch is
cut into pieces by the source model (the target model for ``text_target``), pieces outside the
vocabulary become ``<unk>``, and ``</s>`` ends the ids. Decoding drops the special tokens and
joins the pieces with the *source* model (MarianTokenizer's default with one vocabulary), U+2581
read as a space, the ends stripped. ``tests/core/translation/test_marian_pieces.py`` checks that
both give the same ids and texts.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Sequence

import sentencepiece

#: The special tokens of OPUS-MT models, in the order MarianTokenizer lists them.
EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
_SPECIAL_RE = re.compile("(" + "|".join(re.escape(t) for t in (EOS, UNK, PAD)) + ")")
SPIECE_UNDERLINE = "\u2581"


class MarianPieces:
    """The tokenizer of the MarianMT model in ``folder`` (``source.spm``, ``target.spm``,
    ``vocab.json``; ``tokenizer_config.json``'s ``model_max_length`` if any, else 512).
    Raises ``OSError``, ``ValueError`` (a damaged JSON file) or ``KeyError`` (no ``<unk>``), or
    what sentencepiece raises for a damaged model."""

    def __init__(self, folder: str | Path) -> None:
        folder = Path(folder)
        self.encoder: dict[str, int] = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        self.decoder = {i: piece for piece, i in self.encoder.items()}
        self.spm_source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self.spm_target = sentencepiece.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        self.unk_token_id = self.encoder[UNK]
        self.eos_token_id = self.encoder.get(EOS, self.unk_token_id)
        self.special_ids = {self.encoder[t] for t in (EOS, UNK, PAD) if t in self.encoder}
        config_path = folder / "tokenizer_config.json"
        config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else {}
        self.model_max_length: int = int(config.get("model_max_length") or 512)

    def _pieces(self, text: str, model: sentencepiece.SentencePieceProcessor) -> list[str]:
        pieces: list[str] = []
        for n, part in enumerate(_SPECIAL_RE.split(text)):
            if n % 2:
                pieces.append(part)
            elif part:
                if part.startswith(">>") and (end := part.find("<<")) != -1:  # a language code, kept whole
                    pieces.append(part[:end + 2])
                    part = part[end + 2:]
                pieces.extend(model.encode(part, out_type=str))
        return pieces

    def encode(self, text: str, target: bool = False) -> list[int]:
        """Model ids of ``text`` (source side, or target side with ``target``), ``</s>`` last."""
        pieces = self._pieces(text, self.spm_target if target else self.spm_source)
        return self.convert_tokens_to_ids(pieces) + [self.eos_token_id]

    def __call__(self, text: str | Sequence[str] | None = None, text_target: str | Sequence[str] | None = None,
                 **_options) -> dict[str, list]:
        """``{"input_ids": ids}`` as MarianTokenizer gives it (no truncation, no padding): for one
        text a list of ids, for a sequence of texts a list of lists; ``text_target`` alone is
        encoded with the target model."""
        target = text is None
        texts = text_target if target else text
        if isinstance(texts, str):
            return {"input_ids": self.encode(texts, target)}
        return {"input_ids": [self.encode(t, target) for t in texts]}

    def convert_tokens_to_ids(self, pieces: Sequence[str]) -> list[int]:
        return [self.encoder.get(piece, self.unk_token_id) for piece in pieces]

    def convert_ids_to_tokens(self, ids: Sequence[int], skip_special_tokens: bool = False) -> list[str]:
        return [self.decoder.get(int(i)) or self.spm_target.id_to_piece(int(i)) or UNK
                for i in ids if not (skip_special_tokens and int(i) in self.special_ids)]

    def decode(self, ids: Sequence[int], skip_special_tokens: bool = False) -> str:
        """The text of ``ids``: pieces joined by the source model between special tokens."""
        out = ""
        run: list[str] = []
        for piece in self.convert_ids_to_tokens(ids, skip_special_tokens):
            if piece in (EOS, UNK, PAD):
                out += self.spm_source.decode_pieces(run) + piece + " "
                run = []
            else:
                run.append(piece)
        out += self.spm_source.decode_pieces(run)
        return out.replace(SPIECE_UNDERLINE, " ").strip()

    def batch_decode(self, sequences: Sequence[Sequence[int]], skip_special_tokens: bool = False) -> list[str]:
        return [self.decode(ids, skip_special_tokens) for ids in sequences]
