"""The window stays responsive while the worker translates: a 10 ms QTimer on the GUI thread
measures the longest gap between its ticks over a long document (tiny model, default backend)."""
import time

import pytest
from PySide6.QtCore import QTimer

from gui.sentence_model import State
from gui.translation_controller import ModelState
from models.documents import Document
from tests.conftest import wait_model, wait_translated

pytestmark = pytest.mark.slow

#: The issue's goal is 50 ms. The CI machine has 2 cores shared with other jobs, so the test
#: allows 150 ms (an unrelated process can take the core for that long); the benchmark
#: (benchmarks/bench_translate.py) reports the real figure with the opus-shaped model.
MAX_STALL_MS = 150


def test_gui_event_loop_never_stalls_while_translating(make_window, qtbot, tiny_model_dir):
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    doc = Document.from_text("\n".join(f"الجملة رقم {i} عن المفاوضات بين كيري ولافروف بشأن سوريا في جنيف. " * 3
                                       for i in range(150)), "long.txt")
    window.open_document(doc)  # laying out the article is the GUI's own work, before the probe
    ticks = [time.perf_counter()]
    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    wait_translated(qtbot, window)
    probe.stop()
    assert window.sentences.count(State.TRANSLATED) == len(doc.sentences)
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(gaps) > 20  # the job took a while, the probe saw it
    worst = max(gaps) * 1000
    print(f"worst GUI stall {worst:.1f} ms over {len(gaps)} ticks; slowest: {sorted(gaps)[-5:]}")
    assert worst < MAX_STALL_MS
