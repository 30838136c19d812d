"""The translation engine: a MarianMT model (by default Helsinki-NLP/opus-mt-ar-en) behind a
small API that batches, streams and can be stopped.

This module imports torch and transformers; import it only in the worker thread. The names the
GUI thread needs (:data:`DEFAULT_MODEL`, :class:`ModelUnavailable`, :class:`DownloadCancelled`,
:class:`DecodingSettings`, :func:`is_local_model`) live in :mod:`models.translation.settings` and are
re-exported here.

Model files come from the Hugging Face cache (``HF_HOME``) or a local folder laid out like an
opus-mt repository. Only MarianMT models are accepted, no remote code is ever run, safetensors
weights are preferred and pickled ``pytorch_model.bin`` weights are only read with torch's
weights-only loader.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

import torch
from huggingface_hub import hf_hub_download, snapshot_download
from tqdm.auto import tqdm
from transformers import MarianMTModel, MarianTokenizer, StoppingCriteria, StoppingCriteriaList
from transformers.utils import logging as transformers_logging

from models.text.clauses import split_to_fit
from models.translation.settings import PICKLE_WEIGHTS, REQUIRED_FILES, SAFETENSORS_WEIGHTS, check_model_folder, DEFAULT_MODEL, DecodingSettings, folder_revision, is_local_model, resolve_backend
from models.errors import DownloadCancelled, ModelUnavailable
from models.paths import cache_dir

__all__ = [
    "DEFAULT_MODEL", "DecodingSettings", "DownloadCancelled", "Engine", "ModelUnavailable",
    "download_model", "is_local_model", "load_engine",
]

log = logging.getLogger(__name__)

#: Files of an opus-mt repository that MarianMT needs (tokenizer, configuration, weights).
MARIAN_FILES = (
    "config.json", "generation_config.json", "source.spm", "target.spm", "vocab.json",
    "target_vocab.json", "tokenizer_config.json", "special_tokens_map.json",
    SAFETENSORS_WEIGHTS, PICKLE_WEIGHTS,
)


def _offline() -> bool:
    """HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) as set now, not only when huggingface_hub was imported."""
    from huggingface_hub import constants

    value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE")
    if value is not None:
        return value.strip().upper() in {"1", "ON", "YES", "TRUE"}
    return bool(constants.HF_HUB_OFFLINE)


def _cached_snapshot(model: str) -> Path | None:
    """The cached snapshot folder of hub id ``model`` if it is complete, else None. No network."""
    try:
        folder = Path(snapshot_download(model, allow_patterns=list(MARIAN_FILES), local_files_only=True))
        check_model_folder(folder, model)
    except (OSError, ValueError, ModelUnavailable) as exc:
        log.debug("%s is not in the cache: %s", model, exc)
        return None
    return folder


def download_model(model: str, progress: Callable[[int, int], None] | None = None,
                   should_stop: Callable[[], bool] | None = None) -> str:
    """Fetch the files of hub model ``model`` that MarianMT needs into the Hugging Face cache.

    Only :data:`MARIAN_FILES` are fetched, and ``pytorch_model.bin`` only when the repository has
    no ``model.safetensors``. ``progress(bytes_done, bytes_total)`` is called as bytes arrive
    (files already cached count neither way); ``should_stop()`` is polled as often and a True
    answer raises :class:`DownloadCancelled` (a partial file stays in the cache and is resumed
    next time). Returns the local snapshot folder. A local folder is checked and returned as is.

    Raises :class:`ModelUnavailable` when offline (``HF_HUB_OFFLINE``), on a network failure, for
    an unknown or gated repository, or when the repository is not a MarianMT model."""
    if is_local_model(model):
        folder = Path(model).expanduser()
        check_model_folder(folder, model)
        return str(folder)
    if _offline():
        raise ModelUnavailable(
            f"The translation model {model} is not on this computer, and downloads are switched off (HF_HUB_OFFLINE).",
            model)
    try:
        listing = snapshot_download(model, allow_patterns=list(MARIAN_FILES), dry_run=True)
    except DownloadCancelled:
        raise
    except Exception as exc:  # network, HTTP and validation errors come in many classes
        log.info("cannot list %s: %r", model, exc)
        raise ModelUnavailable(
            f"The translation model {model} could not be downloaded. Check the internet connection and the model name.",
            model) from exc
    names = {info.filename for info in listing}
    if not set(REQUIRED_FILES) <= names or not names & {SAFETENSORS_WEIGHTS, PICKLE_WEIGHTS}:
        raise ModelUnavailable(f"{model} is not a MarianMT translation model.", model)
    wanted = [info for info in listing if not (info.filename == PICKLE_WEIGHTS and SAFETENSORS_WEIGHTS in names)]
    total = sum(info.file_size or 0 for info in wanted if info.will_download)
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, total)
        if should_stop is not None and should_stop():
            raise DownloadCancelled(f"download of {model} cancelled")

    class _Progress(tqdm):  # hf_hub_download reports bytes through a tqdm class
        def __init__(self, *args, **kwargs) -> None:
            kwargs["disable"] = True
            kwargs.pop("name", None)
            super().__init__(*args, **kwargs)
            advance(int(kwargs.get("initial") or 0))  # bytes of a partial file resumed from the cache

        def update(self, n: float | None = 1) -> bool | None:
            advance(int(n or 0))
            return None

    folder = ""
    try:
        advance(0)
        for info in wanted:
            path = hf_hub_download(model, info.filename, revision=info.commit_hash, tqdm_class=_Progress)
            folder = os.path.dirname(path)
    except DownloadCancelled:
        log.info("download of %s cancelled after %d of %d bytes", model, done, total)
        raise
    except Exception as exc:  # see above
        log.info("cannot download %s: %r", model, exc)
        raise ModelUnavailable(
            f"The translation model {model} could not be downloaded. Check the internet connection and the model name.",
            model) from exc
    log.info("downloaded %s (%d bytes) to %s", model, done, folder)
    return folder


def _thread_count(threads: int | None) -> int:
    """Intra-op threads: as asked, else one per core, at most 4 (small batches gain little
    beyond). The GUI thread needs little CPU and is scheduled as soon as it wakes: with both
    cores of a 2-core machine translating, its event loop still never waited more than 25 ms
    (benchmarks/bench_translate.py), while the article took 0.7-0.8 times as long as on one."""
    return threads or max(1, min(4, os.cpu_count() or 1))


def _set_threads(threads: int | None) -> None:
    torch.set_num_threads(_thread_count(threads))
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # can only be set once, before the first parallel work


def _model_key(model: str, folder: Path) -> str:
    """``model@revision`` of the weights in ``folder`` (see :func:`models.translation.settings.model_key`):
    for a hub model the snapshot folder's name is the commit hash."""
    if is_local_model(model):
        resolved = folder.resolve()
        return f"{resolved}@{folder_revision(resolved)}"
    return f"{model}@{folder.name}"


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


def _load_translator(folder: Path, key: str, tokenizer: MarianTokenizer, settings: DecodingSettings) -> object:
    """A ``ctranslate2.Translator`` on the conversion of ``folder`` (see :func:`converted_model`).
    A conversion that cannot be loaded (a file of it deleted or cut short) is made again, once.
    Raises what ``ctranslate2`` raises when that fails too."""
    import ctranslate2

    def open_(converted: Path) -> object:
        if settings.target_vocabulary:
            write_vocabulary_map(converted, target_pieces(tokenizer))
        return ctranslate2.Translator(str(converted), device="cpu", compute_type="int8",
                                      inter_threads=1, intra_threads=_thread_count(settings.threads))

    converted = converted_model(folder, key)
    try:
        return open_(converted)
    except Exception as exc:
        log.warning("the CTranslate2 conversion in %s cannot be loaded (%r); converting again", converted, exc)
    return open_(converted_model(folder, key, again=True))


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


def _quantize_int8(network: MarianMTModel) -> torch.nn.Module:
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


def load_engine(model: str = DEFAULT_MODEL, settings: DecodingSettings | None = None,
                download: bool = True) -> "Engine":
    """Load tokenizer and model from a local folder or a hub id, and return an :class:`Engine`.

    A hub id is looked up in the Hugging Face cache first (no network); if it is not there,
    ``download`` is True and HF_HUB_OFFLINE is not set, it is fetched with :func:`download_model`
    (no progress report). The window passes ``download=False`` and offers the download itself.
    The backend is ``settings.backend`` (see :data:`models.translation.settings.BACKENDS`); with "auto",
    a CTranslate2 conversion that fails falls back to torch (logged).
    Raises :class:`ModelUnavailable` when the model is missing and cannot be fetched, when a
    folder is not a MarianMT model, when its files cannot be read, or when an explicitly chosen
    CTranslate2 backend cannot be used."""
    settings = settings or DecodingSettings()
    if is_local_model(model):
        folder = Path(model).expanduser()
        check_model_folder(folder, model)
    else:
        folder = _cached_snapshot(model)
        if folder is None:
            if not download:
                raise ModelUnavailable(f"The translation model {model} is not on this computer yet.", model)
            folder = Path(download_model(model))
    backend = resolve_backend(settings.backend)
    transformers_logging.disable_progress_bar()
    started = time.perf_counter()
    key = _model_key(model, folder)
    try:
        tokenizer = MarianTokenizer.from_pretrained(str(folder))
        positions = int(json.loads((folder / "config.json").read_text(encoding="utf-8"))["max_position_embeddings"])
    except Exception as exc:  # damaged files fail in sentencepiece or json, each its own way
        log.info("cannot load the tokenizer of %s from %s: %r", model, folder, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        raise ModelUnavailable(f"The translation model {model} could not be loaded (its files may be damaged).",
                               model) from exc
    if backend == "ctranslate2":
        try:
            translator = _load_translator(folder, key, tokenizer, settings)
        except Exception as exc:  # no package, or a model the converter does not handle
            if settings.backend != "auto":
                log.info("CTranslate2 cannot run %s: %r", model, exc, exc_info=log.isEnabledFor(logging.DEBUG))
                raise ModelUnavailable(f"The CTranslate2 backend cannot run {model}: {exc}", model) from exc
            log.warning("CTranslate2 cannot run %s (%r); using torch", model, exc)
            backend = "torch"
        else:
            log.info("loaded %s (CTranslate2 int8) in %.1f s", model, time.perf_counter() - started)
            return Engine(model, tokenizer, settings, translator=translator, max_positions=positions,
                          backend=backend, model_key=key)
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
    if backend == "torch-int8":
        network = _quantize_int8(network)
    log.info("loaded %s (%s) from %s in %.1f s", model, backend, folder, time.perf_counter() - started)
    return Engine(model, tokenizer, settings, network=network, max_positions=positions, backend=backend, model_key=key)


class TranslationStopped(Exception):
    """``should_stop()`` turned True during a ``generate`` call (torch backends check it at every
    decoding step); the call's output is incomplete and is dropped."""


class _StopWhen(StoppingCriteria):
    """Ends ``generate`` for the whole batch once ``should_stop()`` is True."""

    def __init__(self, should_stop: Callable[[], bool]) -> None:
        self.should_stop = should_stop
        self.fired = False

    def __call__(self, input_ids: torch.LongTensor, scores, **kwargs) -> torch.BoolTensor:
        self.fired = self.fired or bool(self.should_stop())
        return torch.full((input_ids.shape[0],), self.fired, dtype=torch.bool, device=input_ids.device)


#: Most texts in one batch. A batch's translations come together when it ends, so smaller
#: batches stream; 48 sentences of the opus-shaped benchmark model took 12.2 s in batches of 16
#: against 11.7 s in one batch (CTranslate2, two threads), and 16.5 s in batches of 8.
STREAM_BATCH = 16
#: How far ahead in reading order a batch is chosen, shortest texts first: batches of 16 in
#: document order took 13.7 s where batches of like length took 12.2 s (same measurement).
READING_WINDOW = 2 * STREAM_BATCH


@dataclass
class _Part:
    owner: int  # index of the text in the caller's list
    number: int  # position of the part within its text
    text: str
    tokens: int


class Engine:
    """A loaded MarianMT model. Not thread-safe: use it from one worker thread.

    ``model`` is the hub id or folder it was loaded from; ``backend`` the backend that runs it
    (never "auto"); ``cache_key`` names the weights and the decoding settings, for
    :class:`models.translation.cache.TranslationCache`; ``texts_translated`` counts the texts
    (or parts of texts) that reached the model so far with :attr:`settings` (the greedy drafts
    of :meth:`translate` count in ``texts_provisional``); ``max_input_tokens`` is the longest
    input in tokens, end-of-sentence token included (512 for opus-mt, from its configuration
    ``max_position_embeddings`` and the tokenizer's ``model_max_length``). Exactly one of
    ``network`` (a transformers model, for the torch backends) and ``translator`` (a
    ``ctranslate2.Translator``) is given."""

    def __init__(self, model: str, tokenizer: MarianTokenizer, settings: DecodingSettings, *,
                 network: torch.nn.Module | None = None, translator: object | None = None, max_positions: int = 512,
                 backend: str = "torch", model_key: str | None = None) -> None:
        if (network is None) == (translator is None):
            raise ValueError("give exactly one of network and translator")
        self.model = model
        self.settings = settings
        self.backend = backend
        self.cache_key = f"{model_key or model}|{replace(settings, backend=backend).output_key()}"
        self.texts_translated = 0
        self.texts_provisional = 0
        self._tokenizer = tokenizer
        self._network = network
        self._translator = translator
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
        """Translate ``texts`` with one ``generate`` call (beam search per :attr:`settings`;
        ``num_beams`` overrides its beam width, and such a call is counted in
        :attr:`texts_provisional` rather than :attr:`texts_translated`).

        Blank texts give ``""`` without reaching the model. Raises ``ValueError`` if a text is
        longer than :attr:`max_input_tokens` tokens: use :meth:`translate`, which splits.
        With the torch backends ``should_stop()`` is checked at every decoding step, and
        :class:`TranslationStopped` is raised when it turned True (CTranslate2 cannot end a
        beam search early: there it is not checked)."""
        results = [""] * len(texts)
        todo = [i for i, text in enumerate(texts) if text.strip()]
        if not todo:
            return results
        settings = self.settings if num_beams is None else replace(self.settings, num_beams=num_beams)
        started = time.perf_counter()
        encoded = self._tokenizer([texts[i] for i in todo], truncation=False)["input_ids"]
        length = max(len(ids) for ids in encoded)
        self._check_length(length)
        max_new = settings.max_new_tokens or min(512, 2 * length + 16)
        if self._translator is not None:
            output = self._translator.translate_batch(
                [self._tokenizer.convert_ids_to_tokens(ids) for ids in encoded],
                beam_size=settings.num_beams, max_decoding_length=max_new,
                min_decoding_length=min(settings.min_new_tokens or 0, max_new),
                use_vmap=settings.target_vocabulary)
            ids = [self._tokenizer.convert_tokens_to_ids(result.hypotheses[0]) for result in output]
        else:
            batch = self._tokenizer.pad({"input_ids": encoded}, return_tensors="pt")
            options: dict[str, object] = {"num_beams": settings.num_beams, "max_new_tokens": max_new, "max_length": None}
            if settings.min_new_tokens is not None:
                options["min_new_tokens"] = min(settings.min_new_tokens, max_new)
            stop = _StopWhen(should_stop) if should_stop is not None else None
            if stop is not None:
                options["stopping_criteria"] = StoppingCriteriaList([stop])
            with torch.inference_mode():
                ids = self._network.generate(**batch, **options)
            if stop is not None and stop.fired:
                raise TranslationStopped
        if num_beams is None:
            self.texts_translated += len(todo)
        else:
            self.texts_provisional += len(todo)
        decoded = self._tokenizer.batch_decode(ids, skip_special_tokens=True)
        log.debug("translated %d texts of up to %d tokens in %.2f s", len(todo), length, time.perf_counter() - started)
        for i, translation in zip(todo, decoded):
            results[i] = translation.strip()
        return results

    def word_attention(self, sources: Sequence[str], targets: Sequence[str]) -> list:
        """Alignment attention (:class:`models.alignment.attention.PieceAttention`) of each
        (Arabic ``sources[k]``, English ``targets[k]``) pair, the English forced as the output
        (:mod:`models.alignment.forced`), in batches of :data:`STREAM_BATCH`; ``None`` for a pair
        with a blank side or a side longer than :attr:`max_input_tokens`."""
        from models.alignment.forced import ctranslate2_attention, torch_attention

        if len(sources) != len(targets):
            raise ValueError(f"{len(sources)} sources for {len(targets)} targets")
        results: list = [None] * len(sources)
        todo = [k for k, (s, t) in enumerate(zip(sources, targets))
                if s.strip() and t.strip() and max(self.count_tokens(s), self.count_tokens(t)) <= self.max_input_tokens]
        for at in range(0, len(todo), STREAM_BATCH):
            batch = todo[at:at + STREAM_BATCH]
            pairs = ([sources[k] for k in batch], [targets[k] for k in batch])
            if self._translator is not None:
                found = ctranslate2_attention(self._tokenizer, self._translator, *pairs,
                                              use_vmap=self.settings.target_vocabulary)
            else:
                found = torch_attention(self._tokenizer, self._network, *pairs)
            for k, attention in zip(batch, found):
                results[k] = attention
        return results

    def word_links(self, pairs: Sequence[tuple[str, str]]) -> list[list]:
        """Model word links (:class:`models.alignment.word_links.WordLink`) of each (Arabic,
        English) sentence pair, spans into each text, by :meth:`word_attention`; ``[]`` for a
        pair it cannot score. Fits :data:`models.drafts.checks.ModelLinks`."""
        attentions = self.word_attention([s for s, _ in pairs], [t for _, t in pairs])
        return [a.word_links(s, t) if a is not None else [] for a, (s, t) in zip(attentions, pairs)]

    def _check_length(self, length: int) -> None:
        if length > self.max_input_tokens:
            raise ValueError(f"a text of {length} tokens is longer than the model's {self.max_input_tokens}")

    def translate(self, texts: Sequence[str], on_result: Callable[[int, str], None] | None = None,
                  should_stop: Callable[[], bool] | None = None, first: Sequence[int] = (),
                  on_provisional: Callable[[int, str], None] | None = None,
                  on_screen: Callable[[], Sequence[int]] | None = None) -> list[str | None]:
        """Translate ``texts``; returns one translation per text, ``None`` for those not reached.

        Order: the texts whose indices are in ``first`` (those on screen when the call starts)
        come before all others, with ``settings.first_alone`` the first of them in a batch of its
        own (on screen in the time of one sentence). Before each later batch ``on_screen()``, if
        given, says which texts are on screen now (the reader scrolled): those left come next.
        Then the rest in reading order, from the last text on screen down, then from the top:
        each batch holds the next text and up to :data:`STREAM_BATCH` - 1 others of like length
        (they pad less) from the next :data:`READING_WINDOW` texts, under the token budget
        ``settings.batch_tokens``.
        ``on_result(index, translation)`` is called as soon as a text is done (blank texts give
        ``""`` at once). ``should_stop()`` is polled before each batch; when it returns True the
        call returns early and unfinished entries stay ``None``. A text longer than
        :attr:`max_input_tokens` is split by :meth:`split`, its parts translated and joined with
        a space: never truncated.

        Progressive refinement: with ``on_provisional``, a non-empty ``first`` and a beam width
        above 1, the first text of ``first`` is translated once more, before anything else, with
        greedy search (beam 1: 0.40 s against 0.47-0.63 s on screen with CTranslate2, 1.5 s
        against 3.5 s with torch, for a 40-token sentence of the opus-shaped benchmark model on
        two cores), and ``on_provisional(index, translation)``
        gets that quick draft; its beam-search translation follows through ``on_result`` in the
        usual order. The draft is never part of the returned list."""
        results: list[str | None] = [None] * len(texts)
        translations: dict[int, list[str | None]] = {}
        pending: dict[tuple[int, int], _Part] = {}  # in document order
        for index, text in enumerate(texts):
            pieces = self.split(text)
            if not pieces:
                results[index] = ""
                if on_result is not None:
                    on_result(index, "")
                continue
            translations[index] = [None] * len(pieces)
            for n, piece in enumerate(pieces):
                pending[index, n] = _Part(index, n, piece, self.count_tokens(piece))

        screen = list(dict.fromkeys(first))
        top = [p for p in pending.values() if screen and p.owner == screen[0]]
        queued = self._batches(top) if self.settings.first_alone else []

        stopped = should_stop is not None and should_stop()
        if on_provisional is not None and top and self.settings.num_beams > 1 and not stopped:
            try:
                draft = self.translate_batch([p.text for p in top], num_beams=1, should_stop=should_stop)
                on_provisional(screen[0], " ".join(t for t in draft if t))
            except TranslationStopped:
                pass  # the loop below sees should_stop() too

        while pending:
            if should_stop is not None and should_stop():
                log.info("translation stopped with %d of %d texts left", results.count(None), len(texts))
                break
            if on_screen is not None and not queued:
                screen = list(on_screen())
            batch = queued.pop(0) if queued else self._next_batch(list(pending.values()), screen)
            try:
                batch_translations = self.translate_batch([p.text for p in batch], should_stop=should_stop)
            except TranslationStopped:
                log.info("translation stopped during a batch, with %d of %d texts left", results.count(None), len(texts))
                break
            for part, translation in zip(batch, batch_translations):
                del pending[part.owner, part.number]
                slots = translations[part.owner]
                slots[part.number] = translation
                if all(slot is not None for slot in slots):
                    joined = " ".join(slot for slot in slots if slot)
                    results[part.owner] = joined
                    if on_result is not None:
                        on_result(part.owner, joined)
        return results

    def _next_batch(self, pending: list[_Part], screen: Sequence[int]) -> list[_Part]:
        """The next batch (see :meth:`translate`). Its pool is the parts of texts on ``screen``
        if any are left, else the next :data:`READING_WINDOW` parts in reading order after the
        last text on screen. The batch holds the first part of the pool (so none waits more
        than a window) and the parts closest to it in length, at most :data:`STREAM_BATCH`,
        within the token budget."""
        shown = set(screen)
        pool = [p for p in pending if p.owner in shown]
        if not pool:
            anchor = max(shown, default=-1)
            pool = ([p for p in pending if p.owner > anchor] + [p for p in pending if p.owner <= anchor])[:READING_WINDOW]
        head = pool[0]
        ranked = sorted(pool, key=lambda p: (p.tokens, p.owner, p.number))
        at = ranked.index(head)
        size = min(STREAM_BATCH, len(ranked))
        start = min(max(0, at - size // 2), len(ranked) - size)
        return next(batch for batch in self._batches(ranked[start:start + size]) if head in batch)

    def _batches(self, parts: list[_Part]) -> list[list[_Part]]:
        """Consecutive runs of ``parts`` (sorted by length) whose padded size fits the budget."""
        batches: list[list[_Part]] = []
        current: list[_Part] = []
        for part in parts:
            longest = max([part.tokens] + [p.tokens for p in current])
            if current and (len(current) + 1) * longest > self.settings.batch_tokens:
                batches.append(current)
                current = []
            current.append(part)
        if current:
            batches.append(current)
        return batches
