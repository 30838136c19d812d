"""The light half of the translation engine: names the GUI thread may import.

Nothing here imports torch or transformers; :mod:`models.engine` re-exports all of it and holds
the code that does.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Helsinki-NLP OPUS-MT Arabic to English (MarianMT, transformer-align, 512 input tokens,
#: SentencePiece tokenizers); model card: https://huggingface.co/Helsinki-NLP/opus-mt-ar-en
DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"


class ModelUnavailable(Exception):
    """A translation model could not be loaded or fetched.

    ``str(error)`` is a plain sentence for the user; ``model`` is the hub id or folder asked for."""

    def __init__(self, message: str, model: str) -> None:
        super().__init__(message)
        self.model = model


class DownloadCancelled(Exception):
    """The user stopped a model download (``should_stop`` returned True)."""


@dataclass(frozen=True)
class DecodingSettings:
    """How the engine decodes (beam search) and batches.

    ``num_beams``: beam width (1 is greedy search; opus-mt models are published with 4 in mind).
    ``max_new_tokens``: cap on generated target tokens per text; ``None`` means
    ``2 * source tokens + 16`` (at most 512), enough for a translation and a stop for a
    degenerate repetition. ``min_new_tokens``: floor on generated tokens; ``None`` for none.
    ``batch_tokens``: token budget of one ``generate`` call, counted with padding (texts in the
    batch times the longest text's tokens); a single text over the budget still goes alone.
    ``threads``: torch intra-op threads; ``None`` means one less than the CPU count, from 1 to 4."""

    num_beams: int = 4
    max_new_tokens: int | None = None
    min_new_tokens: int | None = None
    batch_tokens: int = 2048
    threads: int | None = None

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


def is_local_model(model: str) -> bool:
    """True when ``model`` names a folder on disk rather than a Hugging Face hub id.

    A path that exists, an absolute path, ``~``-prefixed, ``./``/``../``-prefixed, or one with a
    backslash or more than one ``/`` is a folder; ``owner/name`` or ``name`` that does not
    exist on disk is a hub id."""
    if not model:
        return False
    if os.path.exists(os.path.expanduser(model)):
        return True
    path = Path(model)
    return (
        path.is_absolute()
        or model.startswith(("~", "./", "../", ".\\", "..\\"))
        or "\\" in model
        or model.count("/") > 1
    )
