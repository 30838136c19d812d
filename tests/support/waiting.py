"""Waiting for background work in tests without assuming how fast the machine is.

A test waits for a model to load or an article to be translated with a time limit, so that a hang
fails instead of blocking the run. On a shared machine other processes can take the cores for
most of that time (a worker process runs at a lower priority than the window, so it gets even
less), and a limit on the wall clock then fails a test that is only slow. :class:`RunClock` counts
the wall-clock time minus the time this process and its child processes were ready to run but
waited for a core (Linux's per-thread scheduler statistics, ``/proc/<pid>/task/<tid>/schedstat``):
on an idle machine it is the wall clock, and a hang, in which nothing of ours waits for a core,
is caught as soon as before. Elsewhere it is the wall clock."""
from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

_PROC = Path("/proc")


def _descendants(pid: int) -> list[int]:
    """``pid`` and the pids of its descendants, from ``/proc/<pid>/task/<tid>/children``."""
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        for children in _PROC.glob(f"{found[-1]}/task/*/children"):
            try:
                todo.extend(int(child) for child in children.read_text(encoding="ascii").split())
            except (OSError, ValueError):  # the thread ended meanwhile
                continue
    return found


def _waits_for_a_core() -> dict[tuple[int, int], float]:
    """(pid, thread id) → seconds that thread has waited for a core, for every thread of this
    process and its descendants."""
    waits = {}
    for pid in _descendants(os.getpid()):
        for task in _PROC.glob(f"{pid}/task/*/schedstat"):
            try:
                waits[pid, int(task.parent.name)] = int(task.read_text(encoding="ascii").split()[1]) / 1e9
            except (OSError, IndexError, ValueError):
                continue
    return waits


class RunClock:
    """Seconds since it was made, less the time lost to other processes: each time it is read,
    the wall-clock time since the last reading counts less the longest time one of our threads
    (this process's or a descendant's) spent in that interval ready to run but without a core."""

    def __init__(self) -> None:
        self._has_stats = _PROC.joinpath("self", "task", str(os.getpid()), "children").is_file() and \
            _PROC.joinpath("thread-self", "schedstat").is_file()
        self._last = time.perf_counter()
        self._waits = _waits_for_a_core() if self._has_stats else {}
        self._elapsed = 0.0

    def elapsed(self) -> float:
        now = time.perf_counter()
        interval, self._last = now - self._last, now
        lost = 0.0
        if self._has_stats:
            waits = _waits_for_a_core()
            lost = max((wait - self._waits.get(thread, 0.0) for thread, wait in waits.items()), default=0.0)
            self._waits = waits
        self._elapsed += max(0.0, interval - lost)
        return self._elapsed


def wait_for(qtbot, condition, timeout_s: float, what: str = "the condition") -> None:
    """Run the Qt event loop until ``condition()`` is true; raises ``TimeoutError`` naming
    ``what`` once ``timeout_s`` seconds of :class:`RunClock` time have passed without it."""
    from pytestqt.exceptions import TimeoutError as NotYet

    clock = RunClock()
    started = time.perf_counter()
    while True:
        try:
            qtbot.waitUntil(condition, timeout=250)
            return
        except NotYet:
            if clock.elapsed() > timeout_s:
                raise TimeoutError(f"{what}: not done within {timeout_s:g} s of our processes' time "
                                   f"({time.perf_counter() - started:.0f} s on the wall clock)") from None


def wait_blocking(wait: Callable[[float], bool], timeout_s: float, given_up: Callable[[], bool] = lambda: False) -> bool:
    """Call ``wait(seconds)`` (a blocking wait, such as ``threading.Event.wait``, that returns
    True when done) until it returns True, ``given_up()`` is true (the work failed), or
    ``timeout_s`` seconds of :class:`RunClock` time have passed; returns the last answer."""
    clock = RunClock()
    while not (done := wait(0.25)) and not given_up() and clock.elapsed() <= timeout_s:
        pass
    return done


def wait_for_file(path: Path, process, timeout_s: float = 120) -> None:
    """Wait until ``path`` exists (a mark written by the ``subprocess.Popen`` ``process``);
    raises ``AssertionError`` when the process ended first or ``timeout_s`` seconds of
    :class:`RunClock` time passed."""
    clock = RunClock()
    while not path.exists() and process.poll() is None and clock.elapsed() <= timeout_s:
        time.sleep(0.1)
    assert path.exists(), f"{path.name} not written (the process {'ended' if process.poll() is not None else 'is still running'})"


def wait_for_exit(process, timeout_s: float) -> int:
    """Wait for the ``subprocess.Popen`` ``process`` to end, at most ``timeout_s`` seconds of
    :class:`RunClock` time (else ``subprocess.TimeoutExpired``); returns its exit status.

    Give such a process files, not pipes, for its output: ``communicate()`` reads a pipe to its
    end, and a child process of the app (the translation worker's fork server, which may still be
    importing torch) holds it open after the app has ended."""
    clock = RunClock()
    while True:
        try:
            return process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if clock.elapsed() > timeout_s:
                raise


def interrupt_when_marked(command: list[str], mark: Path, stderr: Path, exit_timeout_s: float, **popen) -> int:
    """Start ``command`` (``subprocess.Popen`` keywords in ``popen``; its output discarded, its
    stderr written to the file ``stderr``), wait until it writes ``mark`` (:func:`wait_for_file`),
    send it SIGINT, as Ctrl+C in its terminal does, and wait for it to end
    (:func:`wait_for_exit`); returns its exit status."""
    import signal

    with stderr.open("w") as err, subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, **popen) as process:
        try:
            wait_for_file(mark, process)
            process.send_signal(signal.SIGINT)
            return wait_for_exit(process, exit_timeout_s)
        finally:
            process.kill()
