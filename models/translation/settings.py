"""What the translation engine is asked to do, and the one key that names its output: the model,
the backend names, the decoding settings, and the translation cache key built from them.

Torch-free and Qt-free: the GUI thread imports this module to build settings and cache keys
before any model is loaded.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from models.translation.model_files import folder_revision, hub_revision, is_local_model

#: Helsinki-NLP OPUS-MT Arabic to English (MarianMT, transformer-align, 512 input tokens,
#: SentencePiece tokenizers); model card: https://huggingface.co/Helsinki-NLP/opus-mt-ar-en
DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"


#: Inference backends, each implemented in :mod:`models.translation.backends`. "torch":
#: transformers ``generate`` in float32. "torch-int8": the same with the Linear layers quantized
#: to int8 (torch dynamic quantization). "ctranslate2": the model converted once to CTranslate2
#: with int8 weights (https://opennmt.net/CTranslate2/). "auto": "ctranslate2" when the
#: ``ctranslate2`` package is installed, else "torch" (and "torch" when CTranslate2 cannot run
#: the model).
BACKENDS = ("auto", "torch", "torch-int8", "ctranslate2")


def resolve_backend(backend: str) -> str:
    """The backend "auto" stands for on this installation (see :data:`BACKENDS`); others as given.

    Looks for the ``ctranslate2`` package without importing it. Raises ``ValueError`` for an
    unknown name."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend != "auto":
        return backend
    return "ctranslate2" if importlib.util.find_spec("ctranslate2") is not None else "torch"


@dataclass(frozen=True)
class DecodingSettings:
    """How the engine decodes (beam search) and batches.

    ``num_beams``: beam width (1 is greedy search; opus-mt models are published with 4 in mind).
    ``max_new_tokens``: cap on generated target tokens per text; ``None`` means
    ``2 * source tokens + 16`` (at most 512), enough for a translation and a stop for a
    degenerate repetition. ``min_new_tokens``: floor on generated tokens; ``None`` for none.
    ``batch_tokens``: token budget of one ``generate`` call, counted with padding (texts in the
    batch times the longest text's tokens); a single text over the budget still goes alone.
    ``threads``: intra-op threads; ``None`` means one per core, at most 4.
    ``backend``: one of :data:`BACKENDS`.
    ``first_alone``: translate the first text of ``first`` (the top sentence on screen) in a
    batch of its own, so that it shows as soon as one sentence can be translated.
    ``target_vocabulary``: CTranslate2 only; the output layer scores only the tokens of the
    model's target SentencePiece model, not the whole joint vocabulary (CTranslate2's vocabulary
    mapping, "vmap"; see :func:`models.translation.backends.ctranslate2.target_pieces`). An OPUS-MT vocabulary is the union
    of a source and a target SentencePiece model of 32,000 pieces each (OPUS-MT-train's
    ``SRCBPESIZE``/``TRGBPESIZE``), and training targets are cut by the target model only, so
    the tokens left out are ones the model never learned to output; the output layer, the
    largest matrix the decoder reads at each step, halves."""

    num_beams: int = 4
    max_new_tokens: int | None = None
    min_new_tokens: int | None = None
    batch_tokens: int = 2048
    threads: int | None = None
    backend: str = "auto"
    first_alone: bool = True
    target_vocabulary: bool = True

    def __post_init__(self) -> None:
        if self.num_beams < 1:
            raise ValueError("num_beams must be at least 1")
        if self.max_new_tokens is not None and self.max_new_tokens < 1:
            raise ValueError("max_new_tokens must be at least 1")
        if self.min_new_tokens is not None and self.min_new_tokens < 0:
            raise ValueError("min_new_tokens must not be negative")
        if self.batch_tokens < 1:
            raise ValueError("batch_tokens must be at least 1")
        if self.threads is not None and self.threads < 1:
            raise ValueError("threads must be at least 1")
        resolve_backend(self.backend)

    def output_key(self) -> str:
        """The settings that change what a text translates to, as text (for cache keys): the
        resolved backend, beam width, length limits and (CTranslate2) the target vocabulary; not
        batching or threads."""
        backend = resolve_backend(self.backend)
        vocabulary = ";target-vocabulary" if backend == "ctranslate2" and self.target_vocabulary else ""
        return f"{backend};beams={self.num_beams};max={self.max_new_tokens};min={self.min_new_tokens}{vocabulary}"


def model_key(model: str) -> str | None:
    """``"model@revision"`` naming exactly one set of weights: a folder's resolved path and
    :func:`folder_revision`, or a hub id and :func:`hub_revision`. None when the model is not
    on this computer."""
    try:
        if is_local_model(model):
            folder = Path(model).expanduser().resolve()
            return f"{folder}@{folder_revision(folder)}"
    except OSError:
        return None
    revision = hub_revision(model)
    return None if revision is None else f"{model}@{revision}"


def translation_key(model: str, settings: DecodingSettings) -> str | None:
    """The translation cache key of ``model`` decoded with ``settings``: :func:`model_key` and
    :meth:`DecodingSettings.output_key`, or None when the model is not on this computer."""
    key = model_key(model)
    return None if key is None else f"{key}|{settings.output_key()}"
