"""The translation cache: sentences already translated, so that an article is never translated twice.

One SQLite database (``translations.sqlite3`` in :func:`cache_dir`, write-ahead log) maps
``(key, source sentence)`` to its translation, where ``key`` names the model weights and the
decoding settings (:func:`models.translation.settings.translation_key`). Its size is bounded: when the
text it holds passes ``max_bytes``, the entries used least recently are evicted. Qt-free and
torch-free; safe to share between threads (one connection behind a lock).
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterable, Mapping

from models.paths import cache_dir
from models.sqlite_util import transaction

log = logging.getLogger(__name__)

#: Default bound on the text held (source plus translation, UTF-8 bytes): 64 MiB, about
#: 200,000 sentence pairs of news text.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FILENAME = "translations.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translation (
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    used REAL NOT NULL,
    PRIMARY KEY (key, source)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS translation_used ON translation (used);
"""



class TranslationCache:
    """Cached translations, keyed by ``(key, exact source text)``.

    ``path``: the database file (default ``cache_dir() / "translations.sqlite3"``, folders made
    as needed). ``max_bytes``: bound on the UTF-8 bytes of source plus target text held; after a
    :meth:`put_many` that passes it, the least recently used entries are deleted until the cache
    is at 90 % of it. Raises ``sqlite3.Error`` if the file cannot be opened as a database."""

    def __init__(self, path: str | Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = Path(path) if path is not None else cache_dir() / FILENAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def get_many(self, key: str, sources: Iterable[str]) -> dict[str, str]:
        """``{source: translation}`` for those of ``sources`` cached under ``key`` (others left out);
        marks them used now."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):  # SQLite's host-parameter limit
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT source, target FROM translation WHERE key = ? AND source IN ({marks})", [key, *chunk])
                found.update(rows.fetchall())
            if found:
                now = time.time()
                self._db.executemany("UPDATE translation SET used = ? WHERE key = ? AND source = ?",
                                     [(now, key, source) for source in found])
        return found

    def put_many(self, key: str, translations: Mapping[str, str]) -> None:
        """Store ``{source: translation}`` under ``key`` (replacing older entries), then evict."""
        if not translations:
            return
        now = time.time()
        rows = [(key, s, t, len(s.encode()) + len(t.encode()), now) for s, t in translations.items()]
        with self._lock:
            with self._transaction():
                self._db.executemany("INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)", rows)
            self._evict()

    def _transaction(self):
        return transaction(self._db, immediate=False)

    def _evict(self) -> None:
        total = self._db.execute("SELECT COALESCE(SUM(bytes), 0) FROM translation").fetchone()[0]
        if total <= self.max_bytes:
            return
        target = int(self.max_bytes * 0.9)
        doomed = []
        with self._transaction():
            for key, source, size in self._db.execute("SELECT key, source, bytes FROM translation ORDER BY used"):
                if total <= target:
                    break
                doomed.append((key, source))
                total -= size
            self._db.executemany("DELETE FROM translation WHERE key = ? AND source = ?", doomed)
        log.info("translation cache: evicted %d entries", len(doomed))

    def size_bytes(self) -> int:
        """UTF-8 bytes of source plus target text held (not the file size)."""
        with self._lock:
            return self._db.execute("SELECT COALESCE(SUM(bytes), 0) FROM translation").fetchone()[0]

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM translation").fetchone()[0]

    def clear(self) -> int:
        """Delete every cached translation and shrink the file; returns how many there were."""
        with self._lock:
            count = self._db.execute("DELETE FROM translation").rowcount
            self._db.execute("VACUUM")
        log.info("translation cache cleared (%d entries)", count)
        return count

    def close(self) -> None:
        with self._lock:
            self._db.close()
