"""The one background task runner (gui/tasks.py): real pool threads, and the synchronous stand-in."""
import logging
import subprocess
import threading

import pytest
from PySide6.QtCore import QObject, QThread

from gui.tasks import RunnerClosed, SynchronousRunner, TaskRunner
from tests.conftest import REPO


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.shutdown(10000)


def test_a_task_runs_off_the_gui_thread_and_its_result_comes_back_on_it(runner, qtbot):
    gui_thread = QThread.currentThread()
    ran_on, came_on, results = [], [], []

    def op():
        ran_on.append(QThread.currentThread())
        return 6 * 7

    task = runner.run(op, lambda result: (came_on.append(QThread.currentThread()), results.append(result)))
    qtbot.waitUntil(lambda: results == [42])
    assert task.done() and task.result == 42 and task.error is None
    assert ran_on[0] is not gui_thread
    assert came_on == [gui_thread]


def test_a_failure_goes_to_on_failure_on_the_gui_thread(runner, qtbot):
    errors = []
    runner.run(lambda: 1 / 0, lambda result: pytest.fail("no result expected"), errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_failure_without_a_handler_is_logged_not_raised(runner, qtbot, caplog):
    with caplog.at_level(logging.ERROR, logger="gui.tasks"):
        task = runner.run(lambda: [][1])
        assert task.wait(10)
        qtbot.waitUntil(lambda: any(r.exc_info and r.exc_info[0] is IndexError for r in caplog.records))
    assert "background task" in caplog.records[-1].getMessage()


def test_tasks_run_one_at_a_time_in_order(runner, qtbot):
    order = []
    for n in range(5):
        runner.run(lambda n=n: order.append(n))
    qtbot.waitUntil(lambda: len(order) == 5)
    assert order == [0, 1, 2, 3, 4]


def test_callbacks_of_a_deleted_receiver_are_skipped(runner, qtbot):
    receiver = QObject()
    release = threading.Event()
    called = []
    task = runner.run(release.wait, called.append, called.append, context=receiver)
    receiver.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(receiver))
    release.set()
    assert task.wait(10)
    done = []
    runner.run(lambda: None, done.append)  # runs after the first one's delivery
    qtbot.waitUntil(lambda: done == [None])
    assert called == []


def test_shutting_down_waits_for_the_running_task_and_drops_queued_ones(qtbot):
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    finished, queued = [], []

    def slow():
        started.set()
        release.wait(10)
        finished.append(True)

    runner.run(slow)
    runner.run(lambda: queued.append(True))
    assert started.wait(10)
    assert runner.active
    assert not runner.shutdown(50)  # still running: shutdown says so after its timeout
    threading.Timer(0.2, release.set).start()
    assert runner.shutdown(10000)  # and waits for it
    assert finished == [True] and queued == [] and not runner.active
    with pytest.raises(RunnerClosed):
        runner.run(lambda: None)


def test_the_synchronous_runner_runs_and_calls_back_before_returning():
    runner = SynchronousRunner()
    results, errors = [], []
    task = runner.run(lambda: "done", results.append, errors.append)
    assert results == ["done"] and task.done() and task.result == "done"
    runner.run(lambda: int("x"), results.append, errors.append)
    assert isinstance(errors[0], ValueError) and results == ["done"]
    assert runner.shutdown() and not runner.active
    with pytest.raises(RunnerClosed):
        runner.run(lambda: None)


def test_the_window_has_no_thread_or_executor_outside_the_runner():
    found = subprocess.run(["grep", "-rnE", r"threading\.Thread|ThreadPoolExecutor|concurrent\.futures", "gui/"],
                           cwd=REPO, capture_output=True, text=True).stdout
    assert [line for line in found.splitlines() if not line.startswith("gui/tasks.py")] == []


def test_the_lexicon_service_loads_through_the_runner_it_is_given(qtbot):
    from gui.gloss_service import GlossService
    from models.errors import LexiconDataError

    def missing():
        raise LexiconDataError("The Arabic lexicon files are missing.")

    service = GlossService(loader=missing, start=False, tasks=SynchronousRunner())
    with qtbot.waitSignal(service.failed) as said:
        service.start()
    assert said.args == ["The Arabic lexicon files are missing."] and not service.wait(0) and not service.is_ready

    runner = TaskRunner()
    lexicon = object()
    service = GlossService(loader=lambda: lexicon, start=False, tasks=runner)
    with qtbot.waitSignal(service.ready, timeout=10000):
        service.start()
    assert service.is_ready and service.wait(0)
    assert runner.shutdown(10000)


def test_a_draft_check_runs_off_the_gui_thread_with_a_runner(qtbot, source_text, draft_text):
    from gui.draft_view import DraftView

    runner = TaskRunner()
    view = DraftView(tasks=runner)
    qtbot.addWidget(view)
    view.set_source(source_text)
    with qtbot.waitSignal(view.checked, timeout=60000):
        view.set_draft_text(draft_text)
        assert view.summary.text() == "Checking the draft…"
    assert view.summary.text() == "17 links; no flags"
    assert runner.shutdown(10000)
