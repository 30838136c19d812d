"""The "torch" and "torch-int8" backends: the MarianMT model in transformers, decoded by
``generate``, in float32 or with its Linear layers quantized to int8.

This module imports torch and transformers (``import torch`` below is the installed package:
imports are absolute); only the translation worker imports it. Stop ends a batch at the next
decoding step. Weights come from ``model.safetensors`` when there is one; pickled
``pytorch_model.bin`` weights are read with torch's weights-only loader, and no remote code is
ever run.
"""
from __future__ import annotations

import logging
import warnings
from pathlib import Path
from typing import Callable, Sequence

import torch
from transformers import MarianMTModel, MarianTokenizer, StoppingCriteria, StoppingCriteriaList

from models.alignment.attention import PieceAttention
from models.errors import ModelUnavailable
from models.translation.backends.base import Backend, TranslationStopped, thread_count
from models.translation.model_files import SAFETENSORS_WEIGHTS
from models.translation.settings import DecodingSettings

log = logging.getLogger(__name__)


class QariMarianTokenizer(MarianTokenizer):
    """transformers' MarianTokenizer, its punctuation normalizer made on first use. MarianTokenizer
    makes a sacremoses ``MosesPunctNormalizer`` when it loads, which only its ``normalize()``
    method uses (not encoding or decoding, and Qari never calls it); importing sacremoses compiles
    its Moses tokenizer's regular expressions, 0.6 s of a worker's start on this project's
    machine (``python -m benchmarks.bench_translate``)."""

    def _setup_normalizer(self) -> None:
        self.punc_normalizer = self._normalize_on_first_use

    def _normalize_on_first_use(self, text: str) -> str:
        super()._setup_normalizer()
        return self.punc_normalizer(text)


def marian_tokenizer(folder: Path) -> MarianTokenizer:
    """The transformers tokenizer of the MarianMT model in ``folder`` (what the torch backends and
    their forced alignment need: padding, tensors). Raises what transformers, sentencepiece or
    json raise for damaged files."""
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    return QariMarianTokenizer.from_pretrained(str(folder))


def _set_threads(threads: int | None) -> None:
    torch.set_num_threads(thread_count(threads))
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # can only be set once, before the first parallel work


def quantize_int8(network: MarianMTModel) -> torch.nn.Module:
    """``network`` with its Linear layers replaced by int8 dynamically quantized ones
    (``torch.ao.quantization.quantize_dynamic``: weights int8, activations quantized per batch).
    The API and quantized tensors are deprecated in favour of torchao (pytorch/ao issue 2259,
    pytorch issue 184982) but still work in torch 2.13; their deprecation warnings are silenced
    here."""
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*torch.ao.quantization.*", category=DeprecationWarning)
        warnings.filterwarnings("ignore", message="torch.quantize_per_tensor.*deprecated", category=UserWarning)
        return quantize_dynamic(network, {torch.nn.Linear}, dtype=torch.qint8)


class _StopWhen(StoppingCriteria):
    """Ends ``generate`` for the whole batch once ``should_stop()`` is True."""

    def __init__(self, should_stop: Callable[[], bool]) -> None:
        self.should_stop = should_stop
        self.fired = False

    def __call__(self, input_ids: torch.LongTensor, scores, **kwargs) -> torch.BoolTensor:
        self.fired = self.fired or bool(self.should_stop())
        return torch.full((input_ids.shape[0],), self.fired, dtype=torch.bool, device=input_ids.device)


class TorchBackend(Backend):
    """transformers ``MarianMTModel.generate`` in float32, eager attention, on the CPU."""

    name = "torch"

    def __init__(self, network: torch.nn.Module, tokenizer: MarianTokenizer) -> None:
        self._network = network
        self._tokenizer = tokenizer

    @classmethod
    def load(cls, model: str, folder: Path, weights: str, tokenizer: MarianTokenizer,
             settings: DecodingSettings) -> TorchBackend:
        """Read the weights in ``folder`` (safetensors when there are some) into a float32
        model in evaluation mode, with ``settings.threads`` intra-op threads. Raises
        :class:`ModelUnavailable` when the files cannot be read (damaged, or pickled weights
        that are not plain tensors)."""
        _set_threads(settings.threads)
        try:
            network = MarianMTModel.from_pretrained(
                str(folder),
                attn_implementation="eager",
                use_safetensors=(folder / SAFETENSORS_WEIGHTS).is_file(),
                dtype=torch.float32,
            )
        except Exception as exc:  # damaged files fail in torch, safetensors or json, each its own way
            log.info("cannot load %s from %s: %r", model, folder, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            raise ModelUnavailable(f"The translation model {model} could not be loaded (its files may be damaged).",
                                   model) from exc
        network.eval()
        if not isinstance(tokenizer, MarianTokenizer):  # the engine's SentencePiece tokenizer: padding needs transformers'
            tokenizer = marian_tokenizer(folder)
        return cls(cls._prepare(network), tokenizer)

    @staticmethod
    def _prepare(network: MarianMTModel) -> torch.nn.Module:
        """The network as this backend runs it (float32: as loaded)."""
        return network

    def translate_batch(self, ids: Sequence[Sequence[int]], settings: DecodingSettings, max_new_tokens: int,
                        should_stop: Callable[[], bool] | None = None) -> list[list[int]]:
        """See :meth:`Backend.translate_batch`. ``should_stop()`` is checked at every decoding
        step; when it turned True the batch ends for all its sentences and
        :class:`TranslationStopped` is raised."""
        batch = self._tokenizer.pad({"input_ids": [list(sentence) for sentence in ids]}, return_tensors="pt")
        options: dict[str, object] = {"num_beams": settings.num_beams, "max_new_tokens": max_new_tokens,
                                      "max_length": None}
        if settings.min_new_tokens is not None:
            options["min_new_tokens"] = min(settings.min_new_tokens, max_new_tokens)
        stop = _StopWhen(should_stop) if should_stop is not None else None
        if stop is not None:
            options["stopping_criteria"] = StoppingCriteriaList([stop])
        with torch.inference_mode():
            output = self._network.generate(**batch, **options)
        if stop is not None and stop.fired:
            raise TranslationStopped
        return output.tolist()


    def alignment_attention(self, sources: Sequence[str], targets: Sequence[str],
                            settings: DecodingSettings) -> list[PieceAttention]:
        """See :meth:`Backend.alignment_attention`: one forward pass with the targets as decoder
        input (:func:`models.alignment.forced.torch_attention`)."""
        from models.alignment.forced import torch_attention

        return torch_attention(self._tokenizer, self._network, sources, targets)


class QuantizedTorchBackend(TorchBackend):
    """:class:`TorchBackend` with the Linear layers quantized to int8 (:func:`quantize_int8`)."""

    name = "torch-int8"

    @staticmethod
    def _prepare(network: MarianMTModel) -> torch.nn.Module:
        return quantize_int8(network)
