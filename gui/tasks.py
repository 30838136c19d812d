"""One runner for the window's background work (the translation worker owns its own process).

:class:`TaskRunner` runs a callable on a QThreadPool and calls its ``on_success(result)`` or
``on_failure(exception)`` on the GUI thread, through a queued signal, as Anki's
``qt/aqt/taskman.py`` and Picard's ``picard/util/thread.py`` (``run_task``) do. A failure without
an ``on_failure`` is logged, never shown as a traceback. The window shuts its runner down when it
closes (:meth:`TaskRunner.shutdown`: queued tasks are dropped, the running one is waited for up to
a timeout), so that no thread outlives the window.

:class:`SynchronousRunner` has the same interface and runs each task at once on the caller's
thread (Picard's ``FakeThreadPool`` in ``test/picardtestcase.py``): for tests, and for widgets
whose work is short enough to run inline.
"""
from __future__ import annotations

import itertools
import logging
import threading
import weakref
from typing import Any, Callable, Protocol

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

log = logging.getLogger(__name__)

Op = Callable[[], Any]
OnSuccess = Callable[[Any], None]
OnFailure = Callable[[BaseException], None]


class RunnerClosed(RuntimeError):
    """A task was handed to a runner after :meth:`TaskRunner.shutdown`."""


class Task:
    """One callable handed to a runner, and its outcome once :meth:`done`: ``result`` (what the
    callable returned) or ``error`` (the exception it raised)."""

    def __init__(self, op: Op, on_success: OnSuccess | None, on_failure: OnFailure | None,
                 context: QObject | None) -> None:
        self.op = op
        self.on_success = on_success
        self.on_failure = on_failure
        self.context = context
        self.result: Any = None
        self.error: BaseException | None = None
        self._done = threading.Event()

    def execute(self) -> None:
        """Run the callable and keep its outcome (any thread)."""
        try:
            self.result = self.op()
        except Exception as exc:  # handed to on_failure on the GUI thread, or logged there
            self.error = exc
        finally:
            self._done.set()

    def deliver(self) -> None:
        """Call ``on_success`` or ``on_failure`` (the GUI thread); nothing when ``context`` (a
        QObject the callbacks belong to) was deleted meanwhile."""
        if self.context is not None and not shiboken6.isValid(self.context):
            log.debug("task %r finished after its receiver was deleted", self.op)
            return
        if self.error is None:
            if self.on_success is not None:
                self.on_success(self.result)
        elif self.on_failure is not None:
            log.debug("task %r failed", self.op, exc_info=self.error)
            self.on_failure(self.error)
        else:
            log.error("background task %r failed", self.op, exc_info=self.error)

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the callable has returned or raised (at most ``timeout_s`` seconds); True
        when it has. The callbacks run later, on the GUI thread's event loop."""
        return self._done.wait(timeout_s)


class Runner(Protocol):
    """What :class:`TaskRunner` and :class:`SynchronousRunner` both offer."""

    def run(self, op: Op, on_success: OnSuccess | None = None, on_failure: OnFailure | None = None, *,
            context: QObject | None = None) -> Task: ...

    def run_detached(self, op: Op, on_success: OnSuccess | None = None, on_failure: OnFailure | None = None, *,
                     context: QObject | None = None) -> Task: ...

    def shutdown(self, timeout_ms: int = 30000) -> bool: ...


class _Relay(QObject):
    """Carries finished tasks from the pool threads to the GUI thread: one for the process, never
    deleted. A task may finish after its runner was deleted (a shutdown that timed out, on a
    loaded machine), and emitting a signal of a QObject while another thread deletes it crashes
    the process; this object is never deleted, and the runner is looked up on the GUI thread."""

    finished = Signal(int, object)  # the runner's key, the Task


_relay: _Relay | None = None
_runners: weakref.WeakValueDictionary[int, TaskRunner] = weakref.WeakValueDictionary()
_keys = itertools.count()


def _deliver(key: int, task: Task) -> None:
    runner = _runners.get(key)
    if runner is None or not shiboken6.isValid(runner):
        log.debug("task %r finished after its runner was deleted", task.op)
        return
    task.deliver()


class TaskRunner(QObject):
    """Runs tasks off the GUI thread, ``max_threads`` at a time (default 1: tasks run in the order
    given), and delivers their outcome on the GUI thread (make runners there)."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        global _relay
        super().__init__(parent)
        # Not a child of the runner: a QThreadPool's destructor waits for its tasks without limit,
        # so its lifetime is ended by shutdown(), not by the window's destruction.
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._closed = False
        if _relay is None:
            _relay = _Relay()
            _relay.finished.connect(_deliver, Qt.ConnectionType.QueuedConnection)
        self._key = next(_keys)
        _runners[self._key] = self

    def run(self, op: Op, on_success: OnSuccess | None = None, on_failure: OnFailure | None = None, *,
            context: QObject | None = None) -> Task:
        """Run ``op()`` on a pool thread; then, on the GUI thread, ``on_success(result)`` or
        ``on_failure(exception)`` (logged when None). With ``context``, the callbacks are skipped
        once that QObject is deleted. Raises :class:`RunnerClosed` after :meth:`shutdown`."""
        if self._closed:
            raise RunnerClosed("the task runner has been shut down")
        task = Task(op, on_success, on_failure, context)
        key = self._key
        self._pool.start(lambda: _execute(key, task))  # never touches the runner: it may be deleted by then
        return task

    def run_detached(self, op: Op, on_success: OnSuccess | None = None, on_failure: OnFailure | None = None, *,
                     context: QObject | None = None) -> Task:
        """As :meth:`run`, but on a thread of its own that nothing waits for (a daemon thread):
        for a task that may hang on the outside world (a server that never answers), which
        must neither hold one of the pool's threads from the window's other tasks nor keep the
        window or the process from closing. Its outcome is delivered like :meth:`run`'s, and
        dropped when the runner is gone by then."""
        if self._closed:
            raise RunnerClosed("the task runner has been shut down")
        task = Task(op, on_success, on_failure, context)
        key = self._key
        threading.Thread(target=_execute, args=(key, task), name="qari-detached-task", daemon=True).start()
        return task

    @property
    def active(self) -> bool:
        """True while a task runs or waits to run."""
        return self._pool.activeThreadCount() > 0

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Refuse new tasks, drop those not started, wait up to ``timeout_ms`` ms for the running
        one; True when none is left running (a task cannot be cut short: it may run on after a
        False, and the caller decides whether to wait longer or leave)."""
        self._closed = True
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        if not done:
            log.warning("a background task is still running after %d ms", timeout_ms)
        return done


def _execute(key: int, task: Task) -> None:
    """On a pool thread: run ``task`` and post it to the GUI thread for runner ``key``."""
    task.execute()
    try:
        _relay.finished.emit(key, task)
    except RuntimeError:  # the interpreter is ending and took the relay with it
        log.debug("task %r finished as the process ends", task.op)


class SynchronousRunner:
    """A :class:`TaskRunner` stand-in that runs each task at once on the calling thread and calls
    its callbacks before :meth:`run` returns."""

    def __init__(self) -> None:
        self._closed = False

    def run(self, op: Op, on_success: OnSuccess | None = None, on_failure: OnFailure | None = None, *,
            context: QObject | None = None) -> Task:
        if self._closed:
            raise RunnerClosed("the task runner has been shut down")
        task = Task(op, on_success, on_failure, context)
        task.execute()
        task.deliver()
        return task

    run_detached = run

    @property
    def active(self) -> bool:
        return False

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        self._closed = True
        return True
