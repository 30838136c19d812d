"""What the window benchmarks share: :func:`wait_until` runs the event loop until a condition
holds, and :class:`StallProbe` is a QTimer on the GUI thread that records when it ticks; the longest gap between two ticks is the longest a click or a repaint
would have waited (wall-clock, so it includes time the machine gave to other processes)."""
from __future__ import annotations

import time


class StallProbe:
    """``start()`` before the work, ``stop()`` after it; :attr:`worst_ms` is the longest gap (ms)
    between the start, each tick of the ``interval_ms`` timer and the stop. Needs a QApplication."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> float:
        """Start ticking; returns the start time (``time.perf_counter()`` seconds)."""
        self.ticks = [time.perf_counter()]
        self._timer.start()
        return self.ticks[0]

    def stop(self) -> None:
        self.ticks.append(time.perf_counter())
        self._timer.stop()

    @property
    def worst_ms(self) -> float:
        return max((b - a for a, b in zip(self.ticks, self.ticks[1:])), default=0.0) * 1000


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
