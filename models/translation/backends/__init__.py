"""The translation backends: one module per backend, each a subclass of
:class:`~models.translation.backends.base.Backend`, and the registry that names them.

=================  ====================================================================
``ctranslate2``    :class:`~models.translation.backends.ctranslate2.CTranslate2Backend`
``torch``          :class:`~models.translation.backends.torch.TorchBackend`
``torch-int8``     :class:`~models.translation.backends.torch.QuantizedTorchBackend`
=================  ====================================================================

The registry names each class by its module path and imports it only when it is loaded: torch
and ctranslate2 are heavy, and ctranslate2 may be missing. Importing this package imports
neither.
"""
from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import ModelUnavailable
from models.translation.backends.base import Backend, TranslationStopped
from models.translation.settings import resolve_backend

if TYPE_CHECKING:
    from transformers import MarianTokenizer

    from models.translation.settings import DecodingSettings

__all__ = ["BACKEND_CLASSES", "Backend", "TranslationStopped", "backend_class", "load_backend"]

log = logging.getLogger(__name__)

#: Backend name (:data:`models.translation.settings.BACKENDS`, all but "auto") to
#: ``"module:class"`` of its implementation.
BACKEND_CLASSES = {
    "ctranslate2": "models.translation.backends.ctranslate2:CTranslate2Backend",
    "torch": "models.translation.backends.torch:TorchBackend",
    "torch-int8": "models.translation.backends.torch:QuantizedTorchBackend",
}
#: What "auto" falls back to when the backend it stands for cannot run a model.
AUTO_FALLBACK = "torch"


def backend_class(name: str) -> type[Backend]:
    """The class of backend ``name`` (a key of :data:`BACKEND_CLASSES`), importing its module.
    Raises ``KeyError`` for another name and ``ImportError`` when its library is missing."""
    module, _, cls = BACKEND_CLASSES[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def load_backend(model: str, folder: Path, weights: str, tokenizer: MarianTokenizer,
                 settings: DecodingSettings) -> Backend:
    """Load the model in ``folder`` with the backend ``settings.backend`` names (arguments as
    for :meth:`Backend.load`).

    "auto" stands for :func:`models.translation.settings.resolve_backend`'s choice, and when
    that backend cannot run the model (its library fails to import or to convert or load it)
    the model is loaded with :data:`AUTO_FALLBACK` instead (logged). Raises
    :class:`ModelUnavailable` when a backend chosen by name cannot run the model, or when the
    model's files are damaged."""
    name = resolve_backend(settings.backend)
    try:
        return backend_class(name).load(model, folder, weights, tokenizer, settings)
    except ModelUnavailable:
        raise
    except Exception as exc:  # no package, or a model the converter does not handle
        if settings.backend != "auto" or name == AUTO_FALLBACK:
            log.info("%s cannot run %s: %r", name, model, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            raise ModelUnavailable(f"The {name} backend cannot run {model}: {exc}", model) from exc
        log.warning("%s cannot run %s (%r); using %s", name, model, exc, AUTO_FALLBACK)
    return backend_class(AUTO_FALLBACK).load(model, folder, weights, tokenizer, settings)

