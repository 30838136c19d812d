"""What the window benchmarks and the responsiveness test share: :func:`wait_until` runs the event
loop until a condition holds, and :class:`StallProbe` is a QTimer on the GUI thread that records
when it ticks, both on the wall clock and in the GUI thread's own CPU time.

The longest wall-clock gap between two ticks is the longest a click or a repaint would have
waited; it includes the time the machine gave to other processes. The GUI thread's CPU time over
the same gap (``time.thread_time``, which only advances while this thread runs) is the part of the
stall that is the window's own work: a slow result handler or layout shows there, a busy machine
does not. Waiting without running (on a lock, on the interpreter lock held by another thread of
the process) shows in the wall-clock gap only."""
from __future__ import annotations

import time


class StallProbe:
    """``start()`` before the work, ``stop()`` after it. Each gap runs between two consecutive
    marks (the start, each tick of the ``interval_ms`` timer, the stop): :attr:`worst_ms` is the
    longest gap on the wall clock, :attr:`worst_cpu_ms` the most GUI-thread CPU time spent in one
    gap, :meth:`gaps` both per gap (all in ms). Needs a QApplication; start and stop it on the GUI
    thread."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []  # time.perf_counter() seconds
        self.cpu_ticks: list[float] = []  # time.thread_time() seconds of the GUI thread
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._mark)

    def _mark(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu_ticks.append(time.thread_time())

    def start(self) -> float:
        """Start ticking; returns the start time (``time.perf_counter()`` seconds)."""
        self.ticks, self.cpu_ticks = [], []
        self._mark()
        self._timer.start()
        return self.ticks[0]

    def stop(self) -> None:
        self._mark()
        self._timer.stop()

    def gaps(self) -> list[tuple[float, float]]:
        """``(wall ms, GUI-thread CPU ms)`` of each gap between two marks, in order."""
        return [((b - a) * 1000, (d - c) * 1000)
                for a, b, c, d in zip(self.ticks, self.ticks[1:], self.cpu_ticks, self.cpu_ticks[1:])]

    @property
    def worst_ms(self) -> float:
        """The longest gap on the wall clock (ms)."""
        return max((wall for wall, _ in self.gaps()), default=0.0)

    @property
    def worst_cpu_ms(self) -> float:
        """The most CPU time the GUI thread spent within one gap (ms)."""
        return max((cpu for _, cpu in self.gaps()), default=0.0)


def wait_until(condition, timeout_s: float) -> None:
    """Run the Qt event loop until ``condition()`` is true, checking every 5 ms; the loop sleeps
    between events as in ``python main.py``, rather than polling and taking a core from the
    worker. Raises ``TimeoutError`` after ``timeout_s`` seconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout_s
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: (condition() or time.perf_counter() > deadline) and loop.quit())
    check.start()
    if not condition():
        loop.exec()
    check.stop()
    if not condition():
        raise TimeoutError(f"not done within {timeout_s:g} s")
