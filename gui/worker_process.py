"""The translation worker's own process, and the GUI process's link to it.

Importing torch, transformers or CTranslate2, loading a model and running it are done in a
separate process, so that they never hold the GUI process's global interpreter lock: measured on
a first start (``python -m benchmarks.bench_startup``), a worker *thread* stalled the window's
event loop for 300 ms and more while torch was imported and the model loaded. The process also
lets Stop end a CTranslate2 batch at once: it is ended, and a new one loads the model again.

Processes are started with multiprocessing's ``forkserver`` method where the platform has it
(Linux, macOS): the fork server imports the engine (torch and transformers) once, and each worker
is a fork of it, ready in milliseconds (a window made again, or a worker started again after a
stop); elsewhere with ``spawn``.

In the worker process, :class:`PipeWorker` (a :class:`gui.worker.TranslationWorker`) serves
requests read from its end of a duplex pipe: ``("load", model, settings)``, ``("translate", job,
document, first)``, ``("download", model)`` are done in order; ``("stop",)``, ``("on_screen",
ids)``, ``("cancel_download",)`` and ``("quit",)`` take effect while it works (it reads the pipe
whenever the engine asks whether to go on). It replies ``(signal name, *arguments)`` for each
signal of :class:`gui.worker.WorkerSignals`, ``("started", job)`` when a job starts, and
``("engine", EngineSummary | None)`` before ``modelLoaded``, ``modelFailed``, ``jobFinished``
and ``jobFailed``.
"""
from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import signal
import sys
from collections import deque
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection

from gui.worker import SIGNALS, TranslationWorker
from models.translation.cache import TranslationCache
from models.translation.settings import DecodingSettings

log = logging.getLogger(__name__)

#: Imported by the fork server before it forks workers (the CTranslate2 path needs nothing more;
#: the torch backends import torch and transformers when they load).
PRELOAD = ["gui.worker_process", "models.translation.engine", "models.translation.marian_pieces"]


@dataclass(frozen=True)
class EngineSummary:
    """What the worker process reports of its :class:`models.translation.engine.Engine`: the
    model and backend it runs, its decoding settings and cache key, and the texts that reached
    the model so far (final translations, and greedy drafts)."""

    model: str
    backend: str
    settings: DecodingSettings
    cache_key: str
    texts_translated: int
    texts_provisional: int

    @classmethod
    def of(cls, engine) -> EngineSummary | None:
        if engine is None:
            return None
        return cls(engine.model, engine.backend, engine.settings, engine.cache_key, engine.texts_translated,
                   engine.texts_provisional)


class PipeWorker(TranslationWorker):
    """The worker of the worker process: requests from ``connection``, signals sent back down it."""

    _REPORTS_ENGINE = ("modelLoaded", "modelFailed", "jobFinished", "jobFailed")

    def __init__(self, connection: Connection, cache: TranslationCache | None = None) -> None:
        super().__init__(cache)
        self.connection = connection
        self.requests: deque[tuple] = deque()
        self.quitting = False
        for name in SIGNALS:
            getattr(self, name).connect(partial(self._reply, name))

    def _reply(self, name: str, *args) -> None:
        if name in self._REPORTS_ENGINE:
            self.send("engine", EngineSummary.of(self.engine))
        self.send(name, *args)

    def send(self, *message) -> None:
        try:
            self.connection.send(message)
        except OSError:  # the window's process is gone: stop working
            self._quit()

    def _quit(self) -> None:
        self.active_job = -1
        self.download_wanted = False
        self.quitting = True

    def receive(self, block: bool = False) -> None:
        """Read the requests waiting in the pipe (at least one with ``block``): stop, screen and
        cancel requests take effect at once, work requests are queued."""
        while not self.quitting and (block or self.connection.poll()):
            block = False
            try:
                message = self.connection.recv()
            except (EOFError, OSError):  # the window's process is gone
                message = ("quit",)
            kind = message[0]
            if kind == "translate":
                self.active_job, self.on_screen = message[1], list(message[3])
            elif kind == "stop":
                self.active_job = -1
            elif kind == "on_screen":
                self.on_screen = list(message[1])
            elif kind == "download":
                self.download_wanted = True
            elif kind == "cancel_download":
                self.download_wanted = False
            elif kind == "quit":
                self._quit()
            if kind in ("load", "translate", "download"):
                self.requests.append(message)

    def should_stop(self, job: int) -> bool:
        self.receive()
        return super().should_stop(job)

    def screen(self) -> list[int]:
        self.receive()
        return super().screen()

    def download_stopped(self) -> bool:
        self.receive()
        return super().download_stopped()

    def translate(self, job: int, document, first: list[int]) -> None:
        if job == self.active_job:
            self.send("started", job)
        super().translate(job, document, first)

    def serve(self) -> None:
        """Do the queued requests in order until asked to quit."""
        while not self.quitting:
            if not self.requests:
                self.receive(block=True)
                continue
            kind, *args = self.requests.popleft()
            getattr(self, kind)(*args)


def main(connection: Connection, environment: dict[str, str], cache_path: str | None, cache_max_bytes: int,
         log_level: int) -> None:
    """The worker process: the window's environment and log level, the translation cache at
    ``cache_path`` (None: no cache), then serve requests until asked to quit or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the terminal is the window's to handle
    if hasattr(os, "nice"):
        os.nice(5)  # on a machine with few cores the window's process comes first
    _use_environment(environment)
    logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s")
    cache = None
    if cache_path is not None:
        try:
            cache = TranslationCache(cache_path, cache_max_bytes)
        except Exception:  # translate without a cache rather than not at all
            log.exception("the worker cannot open the translation cache")
    PipeWorker(connection, cache).serve()


def _use_environment(environment: dict[str, str]) -> None:
    """Take the window's environment: the fork server's is the one it started with, and the
    Hugging Face Hub client, which it imported, read its ``HF_*`` variables then."""
    hub_changed = {k: v for k, v in environment.items() if k.startswith("HF_")} != \
        {k: v for k, v in os.environ.items() if k.startswith("HF_")}
    os.environ.clear()
    os.environ.update(environment)
    if hub_changed and "huggingface_hub.constants" in sys.modules:
        importlib.reload(sys.modules["huggingface_hub.constants"])


def start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


#: Imported by the fork server too when a torch backend will run (torch and transformers: seconds).
TORCH_PRELOAD = ["models.translation.backends.torch"]


def _context(preload: list[str] = PRELOAD):
    context = multiprocessing.get_context(start_method())
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(preload)  # no effect once the fork server runs
    return context


def warm_up(torch: bool = False) -> None:
    """Start the fork server now, where there is one: it imports the engine in its own process
    while this one goes on, and the first worker is then a fork away (the window's start, test
    sessions). With ``torch`` it imports the torch backends as well (:data:`TORCH_PRELOAD`), for
    a window that will use one; no effect once the fork server runs."""
    if _context(PRELOAD + TORCH_PRELOAD if torch else PRELOAD).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class WorkerLink:
    """One worker process and the window's end of its pipe. Made on the GUI thread; started
    (which may wait for the fork server to import torch) on the reply thread."""

    def __init__(self, cache: TranslationCache | None) -> None:
        context = _context()
        self.connection, child = context.Pipe()
        path = None if cache is None or str(cache.path) == ":memory:" else str(cache.path)
        self.process = context.Process(
            target=main, name="translation-worker", daemon=True,
            args=(child, dict(os.environ), path, cache.max_bytes if cache is not None else 0, logging.getLogger().getEffectiveLevel()),
        )
        self._child = child
        #: Answers to ignore: a load sent after a stop ended the previous process.
        self.silent_load = False
        self.loads_pending: list[str] = []  # models whose load is asked and not answered
        self.killed_job: int | None = None  # the job running when the process was ended
        self.kill_requested = False

    def start(self) -> None:
        self.process.start()
        self._child.close()
        if self.kill_requested:
            self.kill()

    def send(self, *message) -> None:
        try:
            self.connection.send(message)
        except OSError:  # the process ended; its end is reported by the reply thread
            log.debug("the translation worker is gone; %s not sent", message[0])

    def kill(self) -> None:
        """End the process now (a batch in progress is lost; finished batches are cached)."""
        self.kill_requested = True
        if self.process.pid is not None:
            try:
                self.process.kill()
            except (OSError, ValueError):  # already ended, or closed
                pass
