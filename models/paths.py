"""The user's folders: the only place that reads ``QARI_CACHE_DIR`` and ``QARI_DATA_DIR`` or
asks platformdirs (after qutebrowser's ``utils/standarddir.py``).

- :func:`cache_dir`: what can be made again (compiled lexicon index, translation cache,
  CTranslate2 conversions): ``$QARI_CACHE_DIR``, else ``platformdirs.user_cache_dir("qari")``.
- :func:`data_dir`: what the user made (the glossary): ``$QARI_DATA_DIR``, else
  ``platformdirs.user_data_dir("qari")``.

Each is read when called, not at import, so tests and commands may set the variables late.
Folders are not created here; their users make them when they first write.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "qari"


def _folder(variable: str, default: str) -> Path:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else Path(default)


def cache_dir() -> Path:
    """Qari's cache folder (files that can be made again)."""
    return _folder("QARI_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Qari's data folder (files the user made: the glossary)."""
    return _folder("QARI_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))

