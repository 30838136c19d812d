"""What the window benchmarks and the responsiveness test share: :func:`offscreen_app` makes the
application object, :func:`wait_until` runs the event loop until a condition holds, and :class:`StallProbe` is a QTimer on the GUI thread that records
when it ticks: on the wall clock, in the GUI thread's own CPU time, and in the time that thread
waited for a core.

The longest wall-clock gap between two ticks is the longest a click or a repaint would have
waited; it includes the time the machine gave to other processes. The GUI thread's CPU time over
the same gap (``time.thread_time``, which only advances while this thread runs) is the part of the
stall that is the window's own work: a slow result handler or layout shows there, a busy machine
does not. Waiting without running (on a lock, on the interpreter lock held by another thread of
the process) shows in the wall-clock gap only, beside the time the thread was ready to run and
waited for a core (:class:`Gap`)."""
from __future__ import annotations

import os
import sys
import time
from typing import NamedTuple


class Gap(NamedTuple):
    """One gap between two marks of a :class:`StallProbe`, in ms: ``wall`` on the wall clock,
    ``cpu`` the GUI thread's own CPU time in it, ``runnable`` the time the GUI thread was ready to
    run but waited for a core (other processes had it; Linux only, else 0). The rest of ``wall``
    the thread slept: the event loop's wait for the next tick, or a wait for a lock such as the
    interpreter lock held by another thread of the process."""

    wall: float
    cpu: float
    runnable: float


def _runnable_seconds() -> float:
    """Seconds the calling thread has spent ready to run but waiting for a core (the second
    field of Linux's ``/proc/thread-self/schedstat``); 0 where that file is missing."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class StallProbe:
    """``start()`` before the work, ``stop()`` after it. Each gap runs between two consecutive
    marks (the start, each tick of the ``interval_ms`` timer, the stop): :attr:`worst_ms` is the
    longest gap on the wall clock, :attr:`worst_cpu_ms` the most GUI-thread CPU time spent in one
    gap, :meth:`gaps` each gap's figures (all in ms). Needs a QApplication; start and stop it on
    the GUI thread."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []  # time.perf_counter() seconds
        self.cpu_ticks: list[float] = []  # time.thread_time() seconds of the GUI thread
        self.runnable_ticks: list[float] = []  # _runnable_seconds() of the GUI thread
        #: The probe's timer; connect to its ``timeout`` to check something at each tick.
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._mark)

    def _mark(self) -> None:
        self.ticks.append(time.perf_counter())
        self.cpu_ticks.append(time.thread_time())
        self.runnable_ticks.append(_runnable_seconds())

    def start(self) -> float:
        """Start ticking; returns the start time (``time.perf_counter()`` seconds)."""
        self.ticks, self.cpu_ticks, self.runnable_ticks = [], [], []
        self._mark()
        self.timer.start()
        return self.ticks[0]

    def stop(self) -> None:
        self._mark()
        self.timer.stop()

    def gaps(self) -> list[Gap]:
        """Each gap between two marks, in order."""
        def deltas(marks: list[float]) -> list[float]:
            return [(b - a) * 1000 for a, b in zip(marks, marks[1:])]

        return [Gap(*gap) for gap in zip(deltas(self.ticks), deltas(self.cpu_ticks), deltas(self.runnable_ticks))]

    @property
    def worst_ms(self) -> float:
        """The longest gap on the wall clock (ms)."""
        return max((gap.wall for gap in self.gaps()), default=0.0)

    @property
    def worst_cpu_ms(self) -> float:
        """The most CPU time the GUI thread spent within one gap (ms)."""
        return max((gap.cpu for gap in self.gaps()), default=0.0)

    def summary(self) -> str:
        """The worst stall as the benchmarks print it: the longest gap, the GUI thread's CPU and
        its wait for a core in it, and the GUI thread's longest piece of work."""
        longest = max(self.gaps(), key=lambda gap: gap.wall, default=Gap(0.0, 0.0, 0.0))
        return (f"worst GUI stall {longest.wall:.0f} ms (GUI thread CPU in it {longest.cpu:.0f} ms, waiting for "
                f"a core {longest.runnable:.0f} ms); longest GUI-thread work {self.worst_cpu_ms:.0f} ms")


def offscreen_app():
    """The QApplication, made if there is none yet, on Qt's ``offscreen`` platform unless
    ``QT_QPA_PLATFORM`` names another (read when the application object is made)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


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
