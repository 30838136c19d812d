"""Start-up milestones printed on stdout, for the benchmarks that time ``python main.py`` in a new
process (``benchmarks/bench_translate.py``): the hidden options ``--quit-after-show`` and
``--quit-after-first-translation``.

The first line is ``qari: app started at clock T s``: :func:`gui.app.run_app` was called (the
interpreter has started and imported the window's modules) at ``T``, the wall clock
(:func:`time.time`, seconds since the epoch), so that the parent process can measure from before
it started this one. Then each milestone is one line, ``qari: MILESTONE after S s``, ``S`` seconds
since that call:

- ``window shown``: the window and the article are shown (the first turn of the event loop);
- ``model ready``: the translation worker answered that the model is loaded;
- ``first translation shown``: the first sentence translated by the model (its greedy draft or
  its final translation) is in the panes, after the event loop's next turn has painted it.

Nothing is printed without one of the options, and they change nothing in what the window does
before the last milestone asked for, after which it closes.
"""
from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer

from gui.sentence_model import State

MILESTONES = ("window shown", "model ready", "first translation shown")


class StartupReport(QObject):
    """Prints each milestone of ``window`` (a :class:`gui.main_window.MainWindow`) once, from
    ``started`` (a :func:`time.perf_counter` reading taken when ``run_app`` was called), and calls
    ``finish`` after printing ``last`` (one of :data:`MILESTONES`)."""

    def __init__(self, window, started: float, last: str, finish: Callable[[], None]) -> None:
        super().__init__(window)
        if last not in MILESTONES:
            raise ValueError(f"unknown milestone {last!r}")
        self._window = window
        self._started = started
        self._last = last
        self._finish = finish
        self._seen: set[str] = set()
        clock = time.time() - (time.perf_counter() - started)
        print(f"qari: app started at clock {clock:.3f} s", flush=True)
        QTimer.singleShot(0, lambda: self._report("window shown"))  # after the shown window's first paint events
        window.translation.stateChanged.connect(self._on_state)
        window.sentences.dataChanged.connect(self._on_data)

    def _on_state(self, state, *_) -> None:
        if state.value == "ready":
            self._report("model ready")

    def _on_data(self, *_) -> None:
        if "first translation shown" in self._seen:
            return
        sentences = self._window.sentences
        if sentences.count(State.TRANSLATED) or sentences.count(State.PROVISIONAL):
            self._seen.add("first translation shown")  # reported once the panes have painted it
            QTimer.singleShot(0, lambda: self._report("first translation shown", again=True))

    def _report(self, milestone: str, again: bool = False) -> None:
        if milestone in self._seen and not again:
            return
        self._seen.add(milestone)
        print(f"qari: {milestone} after {time.perf_counter() - self._started:.3f} s", flush=True)
        if milestone == self._last:
            self._finish()
