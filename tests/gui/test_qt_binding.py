"""The installed Qt binding keeps Python's reference counts right.

PySide6 6.12.0 drops a reference to ``None`` on every Qt method that returns void; on Python
3.11 the window then aborts with "Fatal Python error: none_dealloc" after a few minutes of
hovering or on opening a few hundred kB of text. setup.cfg excludes it; this test catches any
binding release with the same fault."""
import sys

from PySide6.QtGui import QTextBlockFormat


def test_void_qt_calls_keep_none_alive(qapp):
    fmt = QTextBlockFormat()
    before = sys.getrefcount(None)
    for _ in range(10000):
        fmt.setBottomMargin(10)
    assert sys.getrefcount(None) >= before - 100  # other threads may release a few references
