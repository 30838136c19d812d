"""The light half of the translation engine: names the GUI thread may import.

Nothing here imports torch or transformers; :mod:`models.translation.engine` re-exports all of it and holds
the code that does.
"""
from __future__ import annotations

import hashlib
import json
import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

from models.errors import DownloadCancelled, ModelUnavailable

#: Helsinki-NLP OPUS-MT Arabic to English (MarianMT, transformer-align, 512 input tokens,
#: SentencePiece tokenizers); model card: https://huggingface.co/Helsinki-NLP/opus-mt-ar-en
DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"


#: Inference backends. "torch": transformers ``generate`` in float32. "torch-int8": the same with
#: the Linear layers quantized to int8 (torch dynamic quantization). "ctranslate2": the model
#: converted once to CTranslate2 with int8 weights (https://opennmt.net/CTranslate2/).
#: "auto": "ctranslate2" when the ``ctranslate2`` package is installed, else "torch".
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
    mapping, "vmap"; see :func:`models.translation.engine.target_pieces`). An OPUS-MT vocabulary is the union
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


def folder_revision(folder: str | Path) -> str:
    """A revision for a model folder outside the hub cache: the first 16 hex digits of the
    SHA-256 of its ``config.json`` and the size and modification time (ns) of its weight files.
    Changes when the model is retrained or replaced. Raises ``OSError`` if ``config.json`` is
    missing."""
    folder = Path(folder).expanduser()
    digest = hashlib.sha256((folder / "config.json").read_bytes())
    for name in ("model.safetensors", "pytorch_model.bin"):
        path = folder / name
        if path.is_file():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def hub_revision(model: str) -> str | None:
    """The commit hash of the cached snapshot of hub model ``model`` (the snapshot folder name,
    from ``refs/main`` in the Hugging Face cache), or None when it is not cached. No network."""
    from huggingface_hub import constants

    cache = os.environ.get("HF_HUB_CACHE") or constants.HF_HUB_CACHE
    ref = Path(cache) / ("models--" + model.replace("/", "--")) / "refs" / "main"
    try:
        revision = ref.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return revision if (ref.parent.parent / "snapshots" / revision).is_dir() else None


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

SAFETENSORS_WEIGHTS = "model.safetensors"
PICKLE_WEIGHTS = "pytorch_model.bin"
#: Files a MarianMT folder must have besides its weights.
REQUIRED_FILES = ("config.json", "source.spm", "target.spm", "vocab.json")


def check_model_folder(folder: Path, model: str) -> None:
    """Raise :class:`ModelUnavailable` (a sentence for the user) unless ``folder`` holds a MarianMT
    model and its tokenizer. Reads only ``config.json``: no torch."""
    if not folder.exists():
        raise ModelUnavailable(f"The model folder {folder} does not exist.", model)
    if not folder.is_dir():
        raise ModelUnavailable(f"{folder} is a file, not a model folder.", model)
    missing = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
    if missing:
        raise ModelUnavailable(
            f"{folder} is not a MarianMT translation model (it has no {', '.join(missing)}).", model)
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelUnavailable(f"The model configuration {folder / 'config.json'} cannot be read.", model) from exc
    model_type = config.get("model_type") if isinstance(config, dict) else None
    if model_type != "marian":
        raise ModelUnavailable(
            f"{folder} is not a MarianMT translation model (its type is {model_type or 'not given'}).", model)
    if not ((folder / SAFETENSORS_WEIGHTS).is_file() or (folder / PICKLE_WEIGHTS).is_file()):
        raise ModelUnavailable(f"{folder} has no model weights ({SAFETENSORS_WEIGHTS}).", model)



def find_model(model: str) -> Path:
    """The folder holding ``model`` on this computer: the folder itself, or the cached snapshot of
    a hub id. No network, no torch, so the window can say at once that a model is missing.

    Raises :class:`ModelUnavailable` when it is not there or is not a MarianMT model."""
    if is_local_model(model):
        folder = Path(model).expanduser()
    else:
        revision = hub_revision(model)
        if revision is None:
            raise ModelUnavailable(f"The translation model {model} is not on this computer yet.", model)
        from huggingface_hub import constants

        cache = os.environ.get("HF_HUB_CACHE") or constants.HF_HUB_CACHE
        folder = Path(cache) / ("models--" + model.replace("/", "--")) / "snapshots" / revision
    check_model_folder(folder, model)
    return folder
