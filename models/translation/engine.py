"""The translation engine: a MarianMT model (by default Helsinki-NLP/opus-mt-ar-en) behind a
small API that batches, streams and can be stopped.

:func:`load_engine` finds the model's files (:mod:`models.translation.model_files`), loads its
tokenizer, and loads the model with a backend (:mod:`models.translation.backends`); the
:class:`Engine` it returns tokenizes, keeps inputs within the model's length limit, and leaves
the order and size of batches to :mod:`models.translation.scheduler`.

A backend imports torch and transformers, or ctranslate2 (which needs neither: its tokenizer is
:class:`models.translation.marian_pieces.MarianPieces`): import this module only in the worker. The names the GUI thread needs live in :mod:`models.translation.settings`
and :mod:`models.translation.model_files`.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from models.alignment.attention import PieceAttention
from models.alignment.word_links import WordLink
from models.errors import ModelUnavailable
from models.text.clauses import split_to_fit
from models.translation import scheduler
from models.translation.backends import Backend, load_backend
from models.translation.model_files import download_model, find_model, is_local_model
from models.translation.settings import DEFAULT_MODEL, DecodingSettings, model_key, resolve_backend, translation_key

__all__ = ["Engine", "load_engine"]

log = logging.getLogger(__name__)


#: Translations whose attention :class:`Engine` keeps (the latest).
KEPT_ATTENTIONS = 256


def _model_folder(model: str, download: bool) -> Path:
    """The checked folder of ``model`` (see :func:`find_model`); a hub id not in the cache is
    fetched first when ``download`` is True."""
    try:
        return find_model(model)
    except ModelUnavailable:
        if is_local_model(model):
            raise
        if not download:
            raise ModelUnavailable(f"The translation model {model} is not on this computer yet.", model) from None
    download_model(model)
    return find_model(model)


def load_tokenizer(folder: Path, backend: str):
    """The tokenizer of the MarianMT model in ``folder`` for ``backend`` (resolved, not "auto"):
    for CTranslate2 :class:`models.translation.marian_pieces.MarianPieces` (SentencePiece alone:
    transformers is not imported, a second of a cold start), else transformers' MarianTokenizer
    (:func:`models.translation.backends.torch.marian_tokenizer`). Both give the same ids and
    texts. Raises what json, sentencepiece or transformers raise for damaged files."""
    if backend == "ctranslate2":
        from models.translation.marian_pieces import MarianPieces

        return MarianPieces(folder)
    from models.translation.backends.torch import marian_tokenizer

    return marian_tokenizer(folder)


def load_engine(model: str = DEFAULT_MODEL, settings: DecodingSettings | None = None,
                download: bool = True) -> Engine:
    """Load tokenizer and model from a local folder or a hub id, and return an :class:`Engine`.

    A hub id is looked up in the Hugging Face cache first (no network); if it is not there,
    ``download`` is True and HF_HUB_OFFLINE is not set, it is fetched with
    :func:`models.translation.model_files.download_model` (no progress report). The window
    passes ``download=False`` and offers the download itself. The backend is
    ``settings.backend`` (see :data:`models.translation.settings.BACKENDS`); with "auto", a
    CTranslate2 conversion that fails falls back to torch (logged; see
    :func:`models.translation.backends.load_backend`).
    Raises :class:`ModelUnavailable` when the model is missing and cannot be fetched, when a
    folder is not a MarianMT model, when its files cannot be read, or when an explicitly chosen
    backend cannot run it."""
    settings = settings or DecodingSettings()
    folder = _model_folder(model, download)
    weights = model_key(model)
    if weights is None:  # deleted since it was found
        raise ModelUnavailable(f"The translation model {model} is not on this computer.", model)
    started = time.perf_counter()
    try:
        tokenizer = load_tokenizer(folder, resolve_backend(settings.backend))
        positions = int(json.loads((folder / "config.json").read_text(encoding="utf-8"))["max_position_embeddings"])
    except Exception as exc:  # damaged files fail in sentencepiece or json, each its own way
        log.info("cannot load the tokenizer of %s from %s: %r", model, folder, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        raise ModelUnavailable(f"The translation model {model} could not be loaded (its files may be damaged).",
                               model) from exc
    backend = load_backend(model, folder, weights, tokenizer, settings)
    log.info("loaded %s (%s) from %s in %.1f s", model, backend.name, folder, time.perf_counter() - started)
    return Engine(model, tokenizer, backend, settings, max_positions=positions,
                  cache_key=translation_key(model, replace(settings, backend=backend.name)))


class Engine:
    """A loaded MarianMT model. Not thread-safe: use it from one worker thread.

    ``model`` is the hub id or folder it was loaded from; ``backend`` the name of the backend
    that runs it (never "auto"); ``cache_key`` names the weights and the decoding settings
    (:func:`models.translation.settings.translation_key`), for
    :class:`models.translation.cache.TranslationCache`; ``texts_translated`` counts the texts
    (or parts of texts) that reached the model so far with :attr:`settings` (the greedy drafts
    of :meth:`translate` count in ``texts_provisional``); ``max_input_tokens`` is the longest
    input in tokens, end-of-sentence token included (512 for opus-mt, from its configuration
    ``max_position_embeddings`` and the tokenizer's ``model_max_length``)."""

    def __init__(self, model: str, tokenizer, backend: Backend, settings: DecodingSettings, *,
                 max_positions: int = 512, cache_key: str | None = None) -> None:
        self.model = model
        self.settings = settings
        self.backend = backend.name
        self.cache_key = cache_key
        self.texts_translated = 0
        self.texts_provisional = 0
        self._tokenizer = tokenizer
        self._backend = backend
        #: Keep the alignment attention of each final translation when the backend gives it with
        #: the translation (CTranslate2's ``return_attention``), for :meth:`translation_links`.
        self.keep_attention = False
        self._attentions: dict[str, tuple[str, PieceAttention]] = {}
        limits = [max_positions]
        if 0 < tokenizer.model_max_length < 10**6:
            limits.append(tokenizer.model_max_length)
        self.max_input_tokens: int = min(limits)

    def count_tokens(self, text: str) -> int:
        """Model input length of ``text`` in tokens, end-of-sentence token included."""
        return len(self._tokenizer(text, truncation=False, verbose=False)["input_ids"])

    def split(self, text: str) -> list[str]:
        """``text`` cut into parts of at most :attr:`max_input_tokens` tokens each, at clause
        boundaries where possible (see :mod:`models.text.clauses`); one part when it fits, ``[]`` when
        blank. The parts together hold every non-space character of ``text``, in order."""
        return [text[a:b] for a, b in split_to_fit(text, self.count_tokens, self.max_input_tokens)]

    def translate_batch(self, texts: list[str], num_beams: int | None = None,
                        should_stop: Callable[[], bool] | None = None) -> list[str]:
        """Translate ``texts`` in one batch (beam search per :attr:`settings`; ``num_beams``
        overrides its beam width, and such a call is counted in :attr:`texts_provisional` rather
        than :attr:`texts_translated`).

        Blank texts give ``""`` without reaching the model. Raises ``ValueError`` if a text is
        longer than :attr:`max_input_tokens` tokens: use :meth:`translate`, which splits.
        With the torch backends ``should_stop()`` is checked at every decoding step, and
        :class:`models.translation.backends.TranslationStopped` is raised when it turned True
        (CTranslate2 cannot end a beam search early: there it is not checked)."""
        results = [""] * len(texts)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return results
        settings = self.settings if num_beams is None else replace(self.settings, num_beams=num_beams)
        started = time.perf_counter()
        encoded = self._tokenizer([texts[i] for i in todo], truncation=False)["input_ids"]
        length = max(len(ids) for ids in encoded)
        if length > self.max_input_tokens:
            raise ValueError(f"a text of {length} tokens is longer than the model's {self.max_input_tokens}")
        max_new = settings.max_new_tokens or min(512, 2 * length + 16)
        if self.keep_attention and num_beams is None:
            ids, attentions = self._backend.translate_batch_with_attention(encoded, settings, max_new, should_stop)
        else:
            ids, attentions = self._backend.translate_batch(encoded, settings, max_new, should_stop), [None] * len(todo)
        if num_beams is None:
            self.texts_translated += len(todo)
        else:
            self.texts_provisional += len(todo)
        decoded = self._tokenizer.batch_decode(ids, skip_special_tokens=True)
        log.debug("translated %d texts of up to %d tokens in %.2f s", len(todo), length, time.perf_counter() - started)
        for i, translation, attention in zip(todo, decoded, attentions):
            results[i] = translation.strip()
            if attention is not None:
                self._attentions[texts[i]] = (results[i], attention)
                if len(self._attentions) > KEPT_ATTENTIONS:
                    self._attentions.pop(next(iter(self._attentions)))
        return results

    def translation_links(self, text: str, translation: str) -> list[WordLink] | None:
        """Model word links of ``translation`` as the translation of ``text`` from the attention
        kept when :meth:`translate_batch` made it (with :attr:`keep_attention`), spans into the
        two texts; ``None`` when no attention was kept for that pair (another backend, a text
        translated in parts, or one not translated here)."""
        found = self._attentions.get(text)
        if found is None or found[0] != translation:
            return None
        return found[1].word_links(text, translation)

    def word_attention(self, sources: Sequence[str], targets: Sequence[str]) -> list[PieceAttention | None]:
        """Alignment attention of each (Arabic ``sources[k]``, English ``targets[k]``) pair, the
        English forced as the output (:meth:`models.translation.backends.Backend.alignment_attention`),
        in batches of :data:`models.translation.scheduler.STREAM_BATCH` pairs; ``None`` for a pair
        with a blank side or a side longer than :attr:`max_input_tokens`. Raises ``ValueError``
        when the lists differ in length."""
        if len(sources) != len(targets):
            raise ValueError(f"{len(sources)} sources for {len(targets)} targets")
        results: list[PieceAttention | None] = [None] * len(sources)
        todo = [k for k, (s, t) in enumerate(zip(sources, targets))
                if s.strip() and t.strip() and max(self.count_tokens(s), self.count_tokens(t)) <= self.max_input_tokens]
        for at in range(0, len(todo), scheduler.STREAM_BATCH):
            batch = todo[at:at + scheduler.STREAM_BATCH]
            found = self._backend.alignment_attention([sources[k] for k in batch], [targets[k] for k in batch], self.settings)
            for k, attention in zip(batch, found):
                results[k] = attention
        return results

    def word_links(self, pairs: Sequence[tuple[str, str]]) -> list[list[WordLink]]:
        """Model word links of each (Arabic, English) sentence pair, spans into each text, by
        :meth:`word_attention`; ``[]`` for a pair it cannot score. A
        :data:`models.alignment.word_links.ModelLinks`."""
        attentions = self.word_attention([s for s, _ in pairs], [t for _, t in pairs])
        return [a.word_links(s, t) if a is not None else [] for a, (s, t) in zip(attentions, pairs)]

    def translate(self, texts: Sequence[str], on_result: Callable[[int, str], None] | None = None,
                  should_stop: Callable[[], bool] | None = None, first: Sequence[int] = (),
                  on_provisional: Callable[[int, str], None] | None = None,
                  on_screen: Callable[[], Sequence[int]] | None = None) -> list[str | None]:
        """Translate ``texts``, screen first, in batches of like length, streaming each result;
        returns one translation per text, ``None`` for those not reached (stopped). Texts over
        :attr:`max_input_tokens` are split (:meth:`split`) and their parts' translations joined.
        The arguments, the order and the greedy draft are those of
        :func:`models.translation.scheduler.translate`."""
        return scheduler.translate(texts, self, self.settings, on_result=on_result, should_stop=should_stop,
                                   first=first, on_provisional=on_provisional, on_screen=on_screen)
