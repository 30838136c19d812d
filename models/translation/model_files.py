"""Where a MarianMT model's files are: a folder on disk or a snapshot in the Hugging Face cache,
its revision, whether it is a usable model, and its download from the hub.

Qt-free and torch-free: the GUI thread may import this module, to say at once that a model is
missing. ``huggingface_hub`` and ``tqdm`` are imported only by the functions that need them.

Only MarianMT models are accepted (``config.json`` says ``"model_type": "marian"``), safetensors
weights are preferred, and pickled ``pytorch_model.bin`` weights are fetched only when a
repository has no safetensors (they are read with torch's weights-only loader, see
:mod:`models.translation.backends.torch`).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Callable

from models.errors import DownloadCancelled, ModelUnavailable

log = logging.getLogger(__name__)

SAFETENSORS_WEIGHTS = "model.safetensors"
PICKLE_WEIGHTS = "pytorch_model.bin"
#: Files a MarianMT folder must have besides its weights.
REQUIRED_FILES = ("config.json", "source.spm", "target.spm", "vocab.json")
#: Files of an opus-mt repository that MarianMT needs (tokenizer, configuration, weights).
MARIAN_FILES = (
    "config.json", "generation_config.json", "source.spm", "target.spm", "vocab.json",
    "target_vocab.json", "tokenizer_config.json", "special_tokens_map.json",
    SAFETENSORS_WEIGHTS, PICKLE_WEIGHTS,
)


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
    for name in (SAFETENSORS_WEIGHTS, PICKLE_WEIGHTS):
        path = folder / name
        if path.is_file():
            stat = path.stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _hub_repository(model: str) -> Path:
    """The folder of hub id ``model`` in the Hugging Face cache (``HF_HUB_CACHE`` as set now,
    else huggingface_hub's default), whether or not it exists."""
    from huggingface_hub import constants

    cache = os.environ.get("HF_HUB_CACHE") or constants.HF_HUB_CACHE
    return Path(cache) / ("models--" + model.replace("/", "--"))


def hub_revision(model: str) -> str | None:
    """The commit hash of the cached snapshot of hub model ``model`` (the snapshot folder name,
    from ``refs/main`` in the Hugging Face cache), or None when it is not cached. No network."""
    repository = _hub_repository(model)
    try:
        revision = (repository / "refs" / "main").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return revision if (repository / "snapshots" / revision).is_dir() else None


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
        folder = _hub_repository(model) / "snapshots" / revision
    check_model_folder(folder, model)
    return folder


def _offline() -> bool:
    """HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) as set now, not only when huggingface_hub was imported."""
    from huggingface_hub import constants

    value = os.environ.get("HF_HUB_OFFLINE") or os.environ.get("TRANSFORMERS_OFFLINE")
    if value is not None:
        return value.strip().upper() in {"1", "ON", "YES", "TRUE"}
    return bool(constants.HF_HUB_OFFLINE)


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
    from huggingface_hub import hf_hub_download, snapshot_download
    from tqdm.auto import tqdm

    try:
        listing = snapshot_download(model, allow_patterns=list(MARIAN_FILES), dry_run=True)
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
