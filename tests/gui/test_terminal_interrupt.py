"""Ctrl+C in the terminal: the window closes cleanly whenever it comes, and the processes the app
starts never receive it."""
import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMainWindow

from gui.app import TerminalInterrupt
from models.lexicon.index import _interrupt_blocked


@pytest.fixture
def sigint_restored():
    previous = signal.getsignal(signal.SIGINT)
    yield
    signal.signal(signal.SIGINT, previous)


def test_a_ctrl_c_during_set_up_closes_the_window_once_it_is_built(qtbot, sigint_restored):
    interrupt = TerminalInterrupt()
    os.kill(os.getpid(), signal.SIGINT)  # while the window is being built: no KeyboardInterrupt
    assert interrupt.pending
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    interrupt.attach(window)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_ctrl_c_later_closes_the_window(qtbot, sigint_restored):
    interrupt = TerminalInterrupt()
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    interrupt.attach(window)
    assert window.isVisible() and not interrupt.pending
    os.kill(os.getpid(), signal.SIGINT)
    qtbot.waitUntil(lambda: not window.isVisible())


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask") or not os.path.exists("/proc/self/status"),
                    reason="needs POSIX signal masks and /proc")
def test_a_process_started_for_the_lexicon_compile_never_gets_the_terminals_ctrl_c():
    code = "print(next(l for l in open('/proc/self/status') if l.startswith('SigBlk:')).split()[1])"
    with _interrupt_blocked():
        blocked = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout, 16)
    assert blocked & (1 << (signal.SIGINT - 1))
    after = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout, 16)
    assert not after & (1 << (signal.SIGINT - 1))  # only meanwhile
