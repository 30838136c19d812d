"""Vocalization: Arabic text shown with its short vowels, added by a diacritization model.

Model: the ``rawi-ensemble`` diacritizer of the PyPI package ``text2tashkeel`` (TigreGotico;
Apache-2.0; a BiLSTM with its weights in the wheel, 4.9 MB, run on the CPU by onnxruntime). It was
chosen over ``arabic-diacritizer`` (Zain Mahmood, MIT, BiLSTM + attention, 18 MB, torch) after
both were measured on the same fully vowelled news text (``python -m benchmarks.bench_vocalize``,
README): its diacritic error rate was less than half and it ran many times faster.

The text a reader sees stays the original: :class:`VocalizedText` keeps the vocalized string
together with a code-point map to the original, so that offsets, look-up, export and copy go on
using the original text. The model's marks are added only to letters that carry none in the
original (the writer's own marks win), and the original letters are kept (the model may restore a
hamza on a bare alef; the reader sees the text's own letters). Text is fed to the model one line
at a time, long lines cut at sentence punctuation, and each piece's result is cached (SQLite in
:func:`models.paths.cache_dir`, as translations are).

A window runs the model in a separate process (``Diacritizer(separate_process=True)``, as
:func:`shared_diacritizer` makes it): importing numpy and onnxruntime in one of its threads held
the interpreter lock for 30-45 ms at a time (the loading of their compiled modules), and the
window's event loop waited that long the first time vowels were shown.

Everything heavy is imported lazily: importing this module costs nothing, :meth:`Diacritizer.unavailable_reason`
says in a sentence why vocalization cannot run (package missing, model failing), and
:meth:`Diacritizer.vocalize` raises :class:`VocalizationError` (a :class:`models.errors.QariError`)
rather than an import or runtime error of the model.
"""
from __future__ import annotations

import importlib
import importlib.metadata
import logging
import multiprocessing
import os
import re
import threading
from concurrent.futures import ProcessPoolExecutor
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from models.errors import QariError
from models.paths import cache_dir
from models.text.arabic import ARABIC_LETTER_RE, DIACRITICS_RE, has_arabic

log = logging.getLogger(__name__)

PACKAGE = "text2tashkeel"
MODEL = "rawi-ensemble"
CACHE_FILE = "vocalizations.sqlite3"
#: Longest piece of text given to the model at once (code points); longer lines are cut at
#: sentence punctuation, then at spaces.
MAX_PIECE = 400
_PIECE_END_RE = re.compile(r"(?<=[.!?\u061f\u061b\u060c:])\s+")
#: Marks the model may add: harakat, tanwin, shadda, sukun, dagger alef.
MODEL_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")


class VocalizationError(QariError):
    """Vocalization could not be done; the text says why, for the reader."""


@dataclass(frozen=True)
class VocalizedText:
    """A text with the model's vowels added.

    ``original``: the text as given; ``text``: the vocalized text; ``to_original``: for each code
    point of ``text``, the index of the original code point it is, or (for an added mark) the
    index of the letter it was added to; ``added``: the indexes in ``text`` of the added marks.
    Every original code point is in ``text``, in order."""

    original: str
    text: str
    to_original: tuple[int, ...]
    added: frozenset[int]

    def original_offset(self, index: int) -> int:
        """The original offset of code point ``index`` of :attr:`text` (``len(text)`` maps to
        ``len(original)``)."""
        return len(self.original) if index >= len(self.text) else self.to_original[index]

    def vocalized_offset(self, index: int) -> int:
        """The offset in :attr:`text` of original code point ``index`` (``len(original)`` maps to
        ``len(text)``)."""
        if index >= len(self.original):
            return len(self.text)
        return self._from_original()[index]

    def _from_original(self) -> tuple[int, ...]:
        cached = self.__dict__.get("_from_original_map")
        if cached is None:
            result = [0] * len(self.original)
            for position, original in enumerate(self.to_original):
                if position not in self.added:
                    result[original] = position
            cached = tuple(result)
            self.__dict__["_from_original_map"] = cached
        return cached

    def span(self, start: int, end: int) -> str:
        """The vocalized text of the original span ``[start, end)``, with the marks added to its
        last letter."""
        first = self.vocalized_offset(start)
        last = self.vocalized_offset(end) if end < len(self.original) else len(self.text)
        return self.text[first:last]


def merge_marks(original: str, model_output: str) -> VocalizedText | None:
    """The original with the marks of ``model_output`` added to its letters that carry none.
    ``model_output`` is the model's vocalization of ``original`` with its diacritics stripped;
    its base characters must match the stripped original one to one (letters may differ where
    the model restored a hamza), else ``None``."""
    def groups(text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for ch in text:
            if ch in MODEL_MARKS and out:
                out[-1] = (out[-1][0], out[-1][1] + ch)
            elif ch not in MODEL_MARKS:
                out.append((ch, ""))
        return out

    predicted = groups(unicodedata.normalize("NFC", model_output))
    bases = [i for i, ch in enumerate(original) if not DIACRITICS_RE.match(ch)]
    if len(predicted) != len(bases):
        return None
    marks_after = {index: marks for index, (_, marks) in zip(bases, predicted)}
    text: list[str] = []
    to_original: list[int] = []
    added: set[int] = set()
    for index, ch in enumerate(original):
        text.append(ch)
        to_original.append(index)
        marks = marks_after.get(index, "")
        if not marks or not ARABIC_LETTER_RE.match(ch):
            continue
        following = index + 1
        if following < len(original) and DIACRITICS_RE.match(original[following]):
            continue  # the writer's own marks win
        for mark in marks:
            added.add(len(text))
            text.append(mark)
            to_original.append(index)
    return VocalizedText(original, "".join(text), tuple(to_original), frozenset(added))


def pieces(line: str) -> list[str]:
    """``line`` cut into consecutive pieces of at most :data:`MAX_PIECE` code points: at sentence
    punctuation followed by a space, and a sentence still too long at spaces. Joined, the pieces
    are ``line``."""
    if len(line) <= MAX_PIECE:
        return [line]
    result: list[str] = []
    for sentence in _split_after(line, _PIECE_END_RE):
        parts = _split_after(sentence, re.compile(r"\s+")) if len(sentence) > MAX_PIECE else [sentence]
        for part in parts:
            if result and len(result[-1]) + len(part) <= MAX_PIECE:
                result[-1] += part
            else:
                result.append(part)
    return result


def _split_after(text: str, separator: re.Pattern) -> list[str]:
    """``text`` cut after each match of ``separator`` (the match stays with the piece before)."""
    cuts = [m.end() for m in separator.finditer(text)]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)]) if a < b]


class Diacritizer:
    """The diacritization model behind a cache (module docstring). Thread-safe; the model is
    loaded on the first :meth:`vocalize` (about a second) and kept.

    ``cache_path``: the cache database (default :func:`models.paths.cache_dir` /
    ``vocalizations.sqlite3``; ``False`` for no cache). ``model``: the text2tashkeel model name.
    ``separate_process``: the model is imported, loaded and run in a process of its own (started
    with ``spawn`` on first use, kept until :meth:`close`), and only the cache and the merging of
    its output stay in this one: for a window, whose event loop would otherwise wait."""

    def __init__(self, cache_path: Path | None | bool = None, model: str = MODEL,
                 separate_process: bool = False) -> None:
        self.model_name = model
        self._cache_path = cache_path
        self._cache = None
        self._model = None
        self._failure: str | None = None
        self._lock = threading.Lock()
        self._separate = separate_process
        self._pool: ProcessPoolExecutor | None = None

    @property
    def key(self) -> str:
        """Cache key: package, version and model."""
        try:
            version = importlib.metadata.version(PACKAGE)
        except importlib.metadata.PackageNotFoundError:
            version = "?"
        return f"{PACKAGE}-{version}:{self.model_name}"

    def unavailable_reason(self) -> str | None:
        """A sentence saying why vocalization cannot run, or ``None`` when it can (the model is
        loaded to find out)."""
        try:
            self._diacritize([])
        except VocalizationError as exc:
            return str(exc)
        return None

    def _load(self):
        with self._lock:
            if self._failure:
                raise VocalizationError(self._failure)
            if self._model is None:
                try:
                    module = importlib.import_module(PACKAGE)
                    model = module.Diacritizer(self.model_name)
                    model.diacritize("\u0643\u062a\u0628")  # builds the onnxruntime session
                except ImportError as exc:
                    self._failure = (f"Vowels cannot be shown: the {PACKAGE} package is missing or broken"
                                     f" ({exc}). Install it with pip install {PACKAGE}.")
                except Exception as exc:  # noqa: BLE001 - any failure of the third-party model
                    self._failure = f"Vowels cannot be shown: the diacritization model failed to load ({exc})."
                if self._failure:
                    log.warning("%s", self._failure)
                    raise VocalizationError(self._failure)
                self._model = model
            return self._model

    def _store(self):
        if self._cache is None and self._cache_path is not False:
            from models.translation.cache import TranslationCache

            try:
                self._cache = TranslationCache(self._cache_path or cache_dir() / CACHE_FILE)
            except Exception as exc:  # noqa: BLE001 - sqlite3.Error or OSError: work without a cache
                log.warning("Vocalization cache not opened: %s", exc)
                self._cache_path = False
        return self._cache

    def vocalize_pieces(self, texts: list[str]) -> dict[str, str]:
        """``{piece: model output}`` for pieces of text (diacritics stripped), from the cache or
        the model. Raises :class:`VocalizationError` when the model cannot run."""
        wanted = [t for t in dict.fromkeys(texts) if has_arabic(t)]
        store = self._store()
        found = store.get_many(self.key, wanted) if store is not None and wanted else {}
        missing = [t for t in wanted if t not in found]
        if missing:
            made = self._diacritize(missing)
            if store is not None:
                store.put_many(self.key, made)
            found.update(made)
        return found

    def _diacritize(self, texts: list[str]) -> dict[str, str]:
        """``{text: model output}``, from the model here or in its process (loaded first, also
        for no text). Raises :class:`VocalizationError` when the model cannot run."""
        if self._separate:
            return self._diacritize_elsewhere(texts)
        model = self._load()
        made = {}
        for text in texts:
            try:
                made[text] = model.diacritize(text)
            except Exception as exc:  # noqa: BLE001 - a failure of the third-party model
                raise VocalizationError(f"The diacritization model failed on a sentence ({exc}).") from exc
        return made

    def _diacritize_elsewhere(self, texts: list[str]) -> dict[str, str]:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_lower_priority)
            pool = self._pool
        try:
            return pool.submit(_diacritize_in_this_process, self.model_name, texts).result()
        except VocalizationError:
            raise
        except Exception as exc:  # noqa: BLE001 - BrokenProcessPool, OSError: the process could not run
            log.warning("the diacritization process failed: %s", exc)
            with self._lock:
                if self._pool is pool:
                    self._pool = None  # a new one next time
            pool.shutdown(wait=False, cancel_futures=True)
            raise VocalizationError(f"Vowels cannot be shown: the diacritization process failed ({exc}).") from exc

    def vocalize(self, text: str) -> VocalizedText:
        """``text`` with vowels added (:class:`VocalizedText`). Lines are vocalized piece by
        piece; a piece whose model output does not match its letters is left as written.
        Raises :class:`VocalizationError` when the model cannot run."""
        parts = [piece for line in text.splitlines(keepends=True) for piece in pieces(line)]
        stripped = [DIACRITICS_RE.sub("", part) for part in parts]
        outputs = self.vocalize_pieces(stripped)
        chunks: list[VocalizedText] = []
        for part, bare in zip(parts, stripped):
            merged = merge_marks(part, outputs[bare]) if bare in outputs else None
            chunks.append(merged or VocalizedText(part, part, tuple(range(len(part))), frozenset()))
        return join(text, chunks)

    def close(self) -> None:
        """Close the cache and end the model's process (if any)."""
        if self._cache is not None:
            self._cache.close()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


#: The model in its own process (:func:`_diacritize_in_this_process`).
_process_diacritizer: Diacritizer | None = None


def _lower_priority() -> None:
    """In the model's process: give way to the window that waits for it."""
    if hasattr(os, "nice"):
        os.nice(5)


def _diacritize_in_this_process(model: str, texts: list[str]) -> dict[str, str]:
    """In the model's process: ``{text: model output}`` (the model loaded on the first call).
    Raises :class:`VocalizationError`, which reaches the caller's process."""
    global _process_diacritizer
    if _process_diacritizer is None:
        _process_diacritizer = Diacritizer(cache_path=False, model=model)
    return _process_diacritizer._diacritize(texts)


def join(original: str, chunks: list[VocalizedText]) -> VocalizedText:
    """One :class:`VocalizedText` of consecutive chunks whose originals make up ``original``."""
    text: list[str] = []
    to_original: list[int] = []
    added: set[int] = set()
    offset = 0
    for chunk in chunks:
        base = len(to_original)
        text.append(chunk.text)
        to_original.extend(offset + i for i in chunk.to_original)
        added.update(base + i for i in chunk.added)
        offset += len(chunk.original)
    return VocalizedText(original, "".join(text), tuple(to_original), frozenset(added))


_shared: Diacritizer | None = None
_shared_lock = threading.Lock()


def shared_diacritizer() -> Diacritizer:
    """One process-wide :class:`Diacritizer` with the default cache, its model in a process of
    its own (for the window)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Diacritizer(separate_process=True)
        return _shared
