"""The translation worker process behind TranslationService (tiny MarianMT model)."""
import os

import pytest

from gui.worker import TranslationService
from models.documents import Document
from models.translation.settings import DecodingSettings

pytestmark = pytest.mark.slow


@pytest.fixture
def service():
    s = TranslationService()
    yield s
    s.shutdown()


def test_the_model_is_loaded_and_run_in_another_process(service, qtbot, tiny_model_dir):
    with qtbot.waitSignal(service.worker.modelLoaded, timeout=120000) as loaded:
        service.load(str(tiny_model_dir), DecodingSettings(backend="torch"))
    assert loaded.args == [str(tiny_model_dir)]
    assert service.worker.engine.backend == "torch" and service.worker.engine.model == str(tiny_model_dir)
    assert service._link.process.pid != os.getpid() and service._link.process.is_alive()
    doc = Document.from_text("وقال كيري في جنيف. خلافات أميركية روسية.", "a.txt")
    results = []
    service.worker.result.connect(lambda job, sid, text, translated: results.append((job, sid, translated)))
    with qtbot.waitSignal(service.worker.jobFinished, timeout=60000) as finished:
        job = service.translate(doc, [0])
    assert finished.args == [job, True]
    assert sorted(results) == [(job, 0, True), (job, 1, True)]
    assert service.worker.engine.texts_translated == 2  # reported by the process before jobFinished


def test_stop_ends_a_ctranslate2_batch_with_its_process(service, qtbot, tiny_model_dir):
    settings = DecodingSettings(backend="ctranslate2", min_new_tokens=300, max_new_tokens=300)  # long batches
    with qtbot.waitSignal(service.worker.modelLoaded, timeout=120000):
        service.load(str(tiny_model_dir), settings)
    assert service.worker.engine.backend == "ctranslate2"
    doc = Document.from_text("\n".join(f"الجملة رقم {i} عن المفاوضات في جنيف." for i in range(300)), "long.txt")
    results, loaded = [], []
    service.worker.result.connect(lambda job, sid, text, translated: results.append(sid))
    service.worker.modelLoaded.connect(loaded.append)
    first = service._link.process
    job = service.translate(doc, [0])
    qtbot.waitUntil(lambda: len(results) > 0, timeout=120000)
    with qtbot.waitSignal(service.worker.jobFinished, timeout=30000) as finished:
        service.stop()
    assert finished.args == [job, False]
    qtbot.waitUntil(lambda: not first.is_alive(), timeout=10000)  # the batch was ended with its process
    assert len(results) < len(doc.sentences)
    assert service._link.process is not first

    short = Document.from_text("وقال كيري في جنيف.", "b.txt")  # the new process loaded the model again
    with qtbot.waitSignal(service.worker.jobFinished, timeout=120000) as again:
        job = service.translate(short, [0])
    assert again.args == [job, True]
    assert loaded == []  # silently: the window still has the model it asked for
    assert service.worker.engine.backend == "ctranslate2"


def test_a_new_job_right_after_stop_keeps_the_process(service, qtbot, tiny_model_dir):
    """Opening another article stops the job and starts one at once: the batch is let finish."""
    with qtbot.waitSignal(service.worker.modelLoaded, timeout=120000):
        service.load(str(tiny_model_dir), DecodingSettings(backend="ctranslate2", min_new_tokens=100, max_new_tokens=100))
    doc = Document.from_text("\n".join(f"الجملة رقم {i} عن المفاوضات." for i in range(100)), "long.txt")
    process = service._link.process
    service.translate(doc, [0])
    service.stop()
    with qtbot.waitSignal(service.worker.jobFinished, check_params_cb=lambda job, done: done, timeout=120000):
        service.translate(Document.from_text("وقال كيري.", "b.txt"), [0])
    assert service._link.process is process and process.is_alive()


def test_a_worker_process_that_dies_is_replaced_and_the_model_loaded_again(service, qtbot, tiny_model_dir):
    import signal

    with qtbot.waitSignal(service.worker.modelLoaded, timeout=120000):
        service.load(str(tiny_model_dir), DecodingSettings(backend="torch"))
    dead = service._link.process
    loaded = []
    service.worker.modelLoaded.connect(loaded.append)
    os.kill(dead.pid, signal.SIGKILL)  # as the out-of-memory killer would
    qtbot.waitUntil(lambda: service._link.process is not dead, timeout=30000)
    with qtbot.waitSignal(service.worker.jobFinished, timeout=120000) as finished:
        job = service.translate(Document.from_text("وقال كيري في جنيف.", "a.txt"), [0])
    assert finished.args == [job, True] and loaded == []
