"""The lexicon for the window: loaded off the GUI thread, then looked up synchronously.

Compiling the lexicon the first time takes a few seconds and loading the cached index a few tens
of milliseconds, so :class:`GlossService` loads it as a background task (:mod:`gui.tasks`) and
emits ``ready``;
a lookup plus ranking then takes well under 2 ms (``benchmarks/bench_hover.py``) and runs on the
GUI thread. Until the lexicon is ready, :meth:`GlossService.analyses` returns ``None``.
"""
from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import QObject, Signal

from gui.tasks import Runner, Task, TaskRunner
from models.errors import LexiconDataError
from models.lexicon.ranking import rank
from models.lexicon.frequency import shared_list as shared_frequency_list
from models.lexicon.index import Lexicon, shared_lexicon
from models.lexicon.analyzer import Analysis
from models.lexicon.lookup import lookup
from models.lexicon.vowel_check import VowelCheck, check as check_vowels

log = logging.getLogger(__name__)


def load_lexicon_for_window() -> Lexicon:
    """The shared lexicon; on a first start its index is compiled in a separate process, so that
    the compilation (a second of pure Python) never stalls the window's event loop."""
    return shared_lexicon(separate_process=True)


class GlossService(QObject):
    """Signals: ``ready()`` when the lexicon is loaded, ``failed(str)`` with a sentence for the
    user. ``loader`` (for tests) returns a :class:`Lexicon`; ``start=False`` defers loading until
    :meth:`start`; ``tasks`` runs the loading (default: a runner of the service's own)."""

    ready = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, loader=load_lexicon_for_window, start: bool = True,
                 tasks: Runner | None = None):
        super().__init__(parent)
        self._loader = loader
        self._tasks = tasks if tasks is not None else TaskRunner(self)
        self._lexicon: Lexicon | None = None
        self._task: Task | None = None
        self._cache: OrderedDict[tuple[str, str], list[Analysis]] = OrderedDict()
        self.error = ""
        if start:
            self.start()

    def start(self) -> None:
        if self._task is None:
            self._task = self._tasks.run(self._load, self._loaded, self._load_failed, context=self)

    def _load(self) -> Lexicon:
        """The lexicon, and the frequency list read here too, not on the GUI thread at the first popup
        (on the runner's thread)."""
        lexicon = self._loader()
        shared_frequency_list()
        return lexicon

    def _loaded(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self.ready.emit()

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, (LexiconDataError, OSError)):
            log.warning("lexicon not loaded: %s", exc)
            self.error = str(exc)
        else:
            log.error("lexicon not loaded", exc_info=exc)
            self.error = f"The Arabic lexicon could not be loaded: {exc}"
        self.failed.emit(self.error)

    def wait(self, timeout: float | None = None) -> bool:
        """Block until loading finished, at most ``timeout`` seconds (for tests and scripts without
        an event loop). True when the lexicon is ready."""
        task = self._task
        if task is not None and task.wait(timeout) and self._lexicon is None:
            if task.error is None:
                self._lexicon = task.result  # ``ready`` follows when the event loop runs
            elif not self.error:
                self.error = str(task.error)
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

    def vowel_check(self, word: str, model_word: str, translation: str = "") -> VowelCheck | None:
        """The readings of ``word`` ranked with those agreeing with the diacritizer's vowels
        ``model_word`` first (:func:`models.lexicon.vowel_check.check`); ``None`` while loading."""
        if self._lexicon is None:
            return None
        return check_vowels(lookup(word, self._lexicon), model_word, translation or None)
