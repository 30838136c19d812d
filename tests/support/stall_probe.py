"""What the window benchmarks share: :func:`wait_until` runs the event loop until a condition
holds, and :class:`StallProbe` is a QTimer on the GUI thread that records when it ticks; the
longest gap between two ticks is the longest a click or a repaint would have waited (wall-clock,
so it includes time the machine gave to other processes; the GUI thread's CPU time in it says how
much was the window's own work)."""
from __future__ import annotations

import time


class StallProbe:
    """``start()`` before the work, ``stop()`` after it; :attr:`worst_ms` is the longest gap (ms)
    between the start, each tick of the ``interval_ms`` timer and the stop. Needs a QApplication.

    Each tick also reads the GUI thread's CPU time (``time.thread_time()``), so that a gap can be
    told apart: CPU the GUI thread used itself (its own work), or wall time it did not run (other
    processes on a loaded machine, or a Python thread holding the interpreter lock)."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.cpu: list[float] = []  # the GUI thread's CPU time at each tick, seconds
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu.append(time.thread_time())

    def start(self) -> float:
        """Start ticking; returns the start time (``time.perf_counter()`` seconds)."""
        self.ticks, self.cpu = [time.perf_counter()], [time.thread_time()]
        self._timer.start()
        return self.ticks[0]

    def stop(self) -> None:
        self._tick()
        self._timer.stop()

    def _gaps(self) -> list[tuple[float, float]]:
        """(wall, GUI-thread CPU) of each gap, in ms."""
        return [((b - a) * 1000, (d - c) * 1000)
                for a, b, c, d in zip(self.ticks, self.ticks[1:], self.cpu, self.cpu[1:])]

    @property
    def worst_ms(self) -> float:
        return max((wall for wall, _ in self._gaps()), default=0.0)

    @property
    def worst_cpu_ms(self) -> float:
        """The GUI thread's CPU time during the longest gap (ms)."""
        return max(self._gaps(), default=(0.0, 0.0))[1]

    @property
    def busiest_ms(self) -> float:
        """The most CPU the GUI thread used between two ticks (ms): its own longest piece of work,
        whatever else the machine did."""
        return max((cpu for _, cpu in self._gaps()), default=0.0)

    def summary(self) -> str:
        """The worst stall as the benchmarks print it."""
        return (f"worst GUI stall {self.worst_ms:.0f} ms (GUI thread CPU in it {self.worst_cpu_ms:.0f} ms); "
                f"longest GUI-thread work {self.busiest_ms:.0f} ms")


def idle_probe(seconds: float = 1.0) -> StallProbe:
    """A probe run over ``seconds`` of an idle event loop: the stalls the machine alone causes
    (other processes), to read the figures of a benchmark against."""
    from PySide6.QtCore import QEventLoop, QTimer

    probe = StallProbe()
    probe.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    probe.stop()
    return probe


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
