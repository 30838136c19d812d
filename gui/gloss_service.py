"""The lexicon for the window: loaded off the GUI thread, then looked up synchronously.

Compiling the lexicon the first time takes a few seconds and loading the cached index a few tens
of milliseconds, so :class:`GlossService` loads it in a background thread and emits ``ready``;
a lookup plus ranking then takes well under 2 ms (``benchmarks/bench_hover.py``) and runs on the
GUI thread. Until the lexicon is ready, :meth:`GlossService.analyses` returns ``None``.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from PySide6.QtCore import QObject, Signal

from models.errors import LexiconDataError
from models.lexicon.ranking import rank
from models.lexicon.index import Lexicon, shared_lexicon
from models.lexicon.analyzer import Analysis
from models.lexicon.lookup import lookup

log = logging.getLogger(__name__)


class GlossService(QObject):
    """Signals: ``ready()`` when the lexicon is loaded, ``failed(str)`` with a sentence for the
    user. ``loader`` (for tests) returns a :class:`Lexicon`; ``start=False`` defers loading until
    :meth:`start`."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, loader=shared_lexicon, start: bool = True):
        super().__init__(parent)
        self._loader = loader
        self._lexicon: Lexicon | None = None
        self._thread: threading.Thread | None = None
        self._cache: OrderedDict[tuple[str, str], list[Analysis]] = OrderedDict()
        self.error = ""
        if start:
            self.start()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._load, name="lexicon-loader", daemon=True)
            self._thread.start()

    def _load(self) -> None:
        try:
            lexicon = self._loader()
        except (LexiconDataError, OSError) as exc:
            log.warning("lexicon not loaded: %s", exc)
            self.error = str(exc)
            self._emit(self.failed, self.error)
            return
        self._lexicon = lexicon
        self._emit(self.ready)

    @staticmethod
    def _emit(signal, *args) -> None:
        """Emit from the loader thread; the window may have been closed meanwhile."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted": nobody is listening any more
            log.debug("lexicon loaded after its window closed")

    def wait(self, timeout: float | None = None) -> bool:
        """Block until loading finished (for tests and shutdown). True when the lexicon is ready."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._lexicon is not None

    @property
    def is_ready(self) -> bool:
        return self._lexicon is not None

    @property
    def lexicon(self) -> Lexicon | None:
        """The loaded lexicon, or ``None`` while it is loading or when it failed to load."""
        return self._lexicon

    def analyses(self, word: str, translation: str = "") -> list[Analysis] | None:
        """Ranked analyses of ``word`` in a sentence translated as ``translation`` ("" when none);
        ``None`` while the lexicon is loading. The last 512 results are kept."""
        if self._lexicon is None:
            return None
        key = (word, translation)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        result = rank(lookup(word, self._lexicon), translation or None)
        self._cache[key] = result
        if len(self._cache) > 512:
            self._cache.popitem(last=False)
        return result
