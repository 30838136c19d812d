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
from models.lexicon.vowel_check import VowelCheck, check as check_vowels
from models.lexicon.frequency import shared_list as shared_frequency_list

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
        shared_frequency_list()  # read here, not on the GUI thread at the first popup
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

    def vowel_check(self, word: str, model_word: str, translation: str = "") -> VowelCheck | None:
        """The readings of ``word`` ranked with those agreeing with the diacritizer's vowels
        ``model_word`` first (:func:`models.lexicon.vowel_check.check`); ``None`` while loading."""
        if self._lexicon is None:
            return None
        return check_vowels(lookup(word, self._lexicon), model_word, translation or None)
