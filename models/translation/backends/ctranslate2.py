"""The "ctranslate2" backend: the MarianMT model converted once to CTranslate2 with int8 weights
(https://opennmt.net/CTranslate2/), its output layer cut to the target vocabulary.

The ``ctranslate2`` package is imported when a model is converted or loaded, not with this
module (``import ctranslate2`` below is the installed package: imports are absolute). It cannot
end a beam search early: Stop takes effect between batches.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from models.paths import cache_dir
from models.translation.backends.base import Backend, thread_count

if TYPE_CHECKING:
    from transformers import MarianTokenizer

    from models.alignment.attention import PieceAttention
    from models.translation.settings import DecodingSettings

log = logging.getLogger(__name__)


def converted_model(folder: Path, key: str, again: bool = False) -> Path:
    """The CTranslate2 (int8) conversion of the MarianMT model in ``folder``, made once into
    ``cache_dir()/ctranslate2/`` and reused while ``key`` (model and revision) is unchanged;
    ``again`` replaces a conversion that exists (one found damaged).

    Conversion (``ctranslate2.converters.TransformersConverter``) reads the transformers model
    and takes some seconds; it writes to a temporary folder renamed into place when complete.
    Raises ``ImportError`` without the ``ctranslate2`` package, and whatever the converter
    raises for a model it cannot convert."""
    import ctranslate2

    target = cache_dir() / "ctranslate2" / (hashlib.sha256(key.encode()).hexdigest()[:20] + "-int8")
    if (target / "model.bin").is_file() and not again:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.part{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    started = time.perf_counter()
    ctranslate2.converters.TransformersConverter(str(folder)).convert(str(partial), quantization="int8", force=True)
    shutil.rmtree(target, ignore_errors=True)  # a damaged or incomplete one
    try:
        os.replace(partial, target)
    except OSError:  # another process converted it meanwhile
        shutil.rmtree(partial, ignore_errors=True)
    log.info("converted %s to CTranslate2 int8 in %.1f s: %s", folder, time.perf_counter() - started, target)
    return target


def target_pieces(tokenizer: MarianTokenizer) -> list[str]:
    """The vocabulary entries a MarianMT model learned to output: the pieces of its target
    SentencePiece model (``target.spm``) that are in its ``vocab.json``, in vocabulary order.
    For opus-mt-ar-en about half of the 62,834 entries; the rest are pieces only the Arabic
    source model makes."""
    processor = tokenizer.spm_target
    pieces = {processor.id_to_piece(i) for i in range(processor.get_piece_size())}
    return [token for token, _ in sorted(tokenizer.encoder.items(), key=lambda item: item[1]) if token in pieces]


def write_vocabulary_map(converted: Path, pieces: Sequence[str]) -> Path:
    """Write ``converted/vmap.txt``, a CTranslate2 vocabulary mapping whose one rule (an empty
    source n-gram) makes ``pieces`` (plus ``<unk>`` and ``</s>``) the candidates of every
    decoding step when translating with ``use_vmap=True``. Pieces holding white space cannot
    be written in that format and are left out (SentencePiece writes spaces as U+2581). Written
    to a temporary file and renamed, so a reader never sees half of it. Returns the path."""
    path = converted / "vmap.txt"
    line = "\t" + " ".join(p for p in pieces if p and not any(c.isspace() for c in p)) + "\n"
    if path.is_file() and path.read_text(encoding="utf-8") == line:
        return path
    partial = path.with_name(f"vmap.txt.part{os.getpid()}")
    partial.write_text(line, encoding="utf-8")
    os.replace(partial, path)
    return path


class CTranslate2Backend(Backend):
    """A ``ctranslate2.Translator`` on the int8 conversion of the model, on the CPU, one batch at
    a time (``inter_threads=1``)."""

    name = "ctranslate2"

    def __init__(self, translator: object, tokenizer: MarianTokenizer) -> None:
        self._translator = translator
        self._tokenizer = tokenizer

    @classmethod
    def load(cls, model: str, folder: Path, weights: str, tokenizer: MarianTokenizer,
             settings: DecodingSettings) -> CTranslate2Backend:
        """Convert ``folder`` if needed (see :func:`converted_model`; the conversion is named by
        ``weights``) and open it; with ``settings.target_vocabulary`` write its vocabulary map
        first (once: it is kept with the conversion, which is named by the same model files). A
        conversion that cannot be loaded (a file of it deleted or cut short) is made
        again, once. Raises what ``ctranslate2`` raises when that fails too, and
        ``ImportError`` without the package."""
        import ctranslate2

        def open_(converted: Path) -> object:
            if settings.target_vocabulary and not (converted / "vmap.txt").is_file():  # made once per conversion
                write_vocabulary_map(converted, target_pieces(tokenizer))
            return ctranslate2.Translator(str(converted), device="cpu", compute_type="int8",
                                          inter_threads=1, intra_threads=thread_count(settings.threads))

        converted = converted_model(folder, weights)
        try:
            return cls(open_(converted), tokenizer)
        except Exception as exc:
            log.warning("the CTranslate2 conversion in %s cannot be loaded (%r); converting again", converted, exc)
        return cls(open_(converted_model(folder, weights, again=True)), tokenizer)

    def translate_batch(self, ids: Sequence[Sequence[int]], settings: DecodingSettings, max_new_tokens: int,
                        should_stop: Callable[[], bool] | None = None) -> list[list[int]]:
        """See :meth:`Backend.translate_batch`; ``should_stop`` is not checked (CTranslate2 cannot
        end a beam search early). With ``settings.target_vocabulary`` only the target pieces
        are scored (the vocabulary map written at load)."""
        return self._translate(ids, settings, max_new_tokens, False)[0]

    def translate_batch_with_attention(self, ids: Sequence[Sequence[int]], settings: DecodingSettings,
                                       max_new_tokens: int, should_stop: Callable[[], bool] | None = None,
                                       ) -> tuple[list[list[int]], list[PieceAttention | None]]:
        """See :meth:`Backend.translate_batch_with_attention`: CTranslate2's ``return_attention``
        (the model's alignment head, kept by its converter), rows the output pieces."""
        return self._translate(ids, settings, max_new_tokens, True)

    def _translate(self, ids: Sequence[Sequence[int]], settings: DecodingSettings, max_new_tokens: int,
                   attention: bool) -> tuple[list[list[int]], list[PieceAttention | None]]:
        sources = [self._tokenizer.convert_ids_to_tokens(list(sentence)) for sentence in ids]
        output = self._translator.translate_batch(
            sources, beam_size=settings.num_beams, max_decoding_length=max_new_tokens,
            min_decoding_length=min(settings.min_new_tokens or 0, max_new_tokens),
            use_vmap=settings.target_vocabulary, return_attention=attention)
        translations = [self._tokenizer.convert_tokens_to_ids(result.hypotheses[0]) for result in output]
        attentions: list[PieceAttention | None] = [None] * len(ids)
        if attention:
            import numpy as np

            from models.alignment.attention import PieceAttention

            for k, (source, result) in enumerate(zip(sources, output)):
                pieces = result.hypotheses[0]
                rows = np.asarray(result.attention[0], dtype=np.float64)[: len(pieces)]
                if rows.ndim == 2 and rows.shape[0] == len(pieces) and rows.shape[1] == len(source):
                    attentions[k] = PieceAttention(tuple(source), tuple(pieces), rows)
        return translations, attentions

    def alignment_attention(self, sources: Sequence[str], targets: Sequence[str],
                            settings: DecodingSettings) -> list[PieceAttention]:
        """See :meth:`Backend.alignment_attention`: the targets as decoding prefixes
        (:func:`models.alignment.forced.ctranslate2_attention`), scoring only the target pieces
        with ``settings.target_vocabulary`` as the translation does."""
        from models.alignment.forced import ctranslate2_attention

        return ctranslate2_attention(self._tokenizer, self._translator, sources, targets,
                                     use_vmap=settings.target_vocabulary)
