"""What every translation backend does (:class:`Backend`), and the signal a backend gives when it
was stopped in the middle of a batch (:class:`TranslationStopped`).

A backend runs one loaded MarianMT model on token ids: given the input ids of a batch of
sentences it returns the output ids of their translations, decoding with beam search as the
:class:`~models.translation.settings.DecodingSettings` say. Tokenizing, the length limit,
decoding ids to text, and the order and size of batches are not its business: they belong to
:mod:`models.translation.engine` and :mod:`models.translation.scheduler`.

Torch-free: the backends that need torch or ctranslate2 import them in their own modules.
"""
from __future__ import annotations

import abc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ClassVar, Sequence

if TYPE_CHECKING:
    from transformers import MarianTokenizer

    from models.alignment.attention import PieceAttention
    from models.translation.settings import DecodingSettings


class TranslationStopped(Exception):
    """``should_stop()`` turned True during a batch (the torch backends check it at every decoding
    step); the batch's output is incomplete and is dropped.

    Control flow between a backend and :mod:`models.translation.scheduler`, never raised to a
    caller of :meth:`models.translation.engine.Engine.translate` (which returns early instead).
    It is not a :class:`models.errors.QariError`: nothing went wrong, and there is nothing to
    tell the user."""


class Backend(abc.ABC):
    """A loaded MarianMT model that translates batches of token ids. Not thread-safe: one worker
    thread uses it.

    ``name`` is the backend's name in :data:`models.translation.settings.BACKENDS` (never
    "auto"). Subclasses are made by :meth:`load` and listed in
    :data:`models.translation.backends.BACKEND_CLASSES`."""

    name: ClassVar[str]

    @classmethod
    @abc.abstractmethod
    def load(cls, model: str, folder: Path, weights: str, tokenizer: MarianTokenizer,
             settings: DecodingSettings) -> Backend:
        """Load the model in ``folder`` (checked by
        :func:`models.translation.model_files.check_model_folder`). ``model`` is the hub id or
        folder the user named (for messages), ``weights`` its
        :func:`models.translation.settings.model_key`, ``tokenizer`` its tokenizer, already
        loaded. ``settings.threads`` and, where it applies, ``settings.target_vocabulary`` are
        fixed at load. Raises :class:`models.errors.ModelUnavailable` for damaged files, and what
        the backend's library raises when it cannot run the model at all."""

    @abc.abstractmethod
    def translate_batch(self, ids: Sequence[Sequence[int]], settings: DecodingSettings, max_new_tokens: int,
                        should_stop: Callable[[], bool] | None = None) -> list[list[int]]:
        """Translate one batch: ``ids`` holds each sentence's input token ids (end-of-sentence
        token included, none longer than the model's limit); returns each translation's output
        ids, in the same order (special tokens such as padding and end-of-sentence may be
        included: they are dropped when decoding).

        Beam width and ``min_new_tokens`` come from ``settings``; ``max_new_tokens`` is the
        limit on generated tokens for this batch (already chosen from ``settings`` and the
        input length). A backend that can end a batch early checks ``should_stop()`` while it
        runs and raises :class:`TranslationStopped` when it turned True; one that cannot
        ignores it (the scheduler polls it between batches anyway)."""


    def translate_batch_with_attention(self, ids: Sequence[Sequence[int]], settings: DecodingSettings,
                                       max_new_tokens: int, should_stop: Callable[[], bool] | None = None,
                                       ) -> tuple[list[list[int]], list[PieceAttention | None]]:
        """:meth:`translate_batch`, and the alignment attention of each translation over its
        output pieces (``None`` where the backend gives none: this default gives none; a backend
        whose decoder returns it at no extra pass overrides this)."""
        return self.translate_batch(ids, settings, max_new_tokens, should_stop), [None] * len(ids)

    @abc.abstractmethod
    def alignment_attention(self, sources: Sequence[str], targets: Sequence[str],
                            settings: DecodingSettings) -> list[PieceAttention]:
        """The alignment attention of each (Arabic ``sources[k]``, English ``targets[k]``) pair,
        the English forced as the output (:mod:`models.alignment.forced`), in one batch; texts
        within the model's length limit. Raises ``ValueError`` when the lists differ in length."""


def thread_count(threads: int | None) -> int:
    """Intra-op threads: as asked, else one per core, at most 4 (small batches gain little
    beyond). The GUI thread needs little CPU and is scheduled as soon as it wakes: with both
    cores of a 2-core machine translating, its event loop still never waited more than 25 ms
    (benchmarks/bench_translate.py), while the article took 0.7-0.8 times as long as on one."""
    return threads or max(1, min(4, os.cpu_count() or 1))
