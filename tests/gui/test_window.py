"""The reader window with the tiny MarianMT model, and without any model."""
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest

from gui.main_window import MainWindow
from gui.sentence_model import SOURCE, TARGET, SentenceModel, State
from gui.translation_controller import ModelState
from models.documents import Document, load_document, sample_path
from tests.conftest import REPO, wait_model, wait_translated
from tests.support.waiting import interrupt_when_marked, wait_for

pytestmark = pytest.mark.slow


def test_model_missing_window_still_reads(make_window, qtbot):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    window.open_path(sample_path())
    wait_model(qtbot, window, ModelState.MISSING)
    bar = window.model_bar
    assert bar.isVisible()
    assert "opus-mt-ar-en" in bar.message.text()
    assert bar.download_button.isVisible() and bar.download_button.text() == "Download model (about 300 MB)"
    assert bar.folder_button.isVisible()
    arabic = window.arabic_pane.toPlainText()
    assert "خلافات أميركية روسية تعيق الاتفاق بشأن سوريا" in arabic
    english = window.english_pane.toPlainText()
    assert "U.S. Secretary of State John Kerry" in english  # passed through without a model
    assert window.sentences.count(State.UNAVAILABLE) == sum(s.translatable for s in window.sentences.document.sentences)


def test_download_failure_is_reported(make_window, qtbot):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    wait_model(qtbot, window, ModelState.MISSING)
    qtbot.mouseClick(window.model_bar.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.translation.state is ModelState.MISSING and window.model_bar.download_button.isVisible(), timeout=30000)
    assert window.model_bar.message.text()


def test_translations_stream_in_and_pairs_highlight(make_window, qtbot, tiny_model_dir):
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    window.open_path(sample_path())
    wait_translated(qtbot, window)
    doc = window.sentences.document
    m = window.sentences
    for s in doc.sentences:
        assert m.state(s.id) == (State.TRANSLATED if s.translatable else State.PASSED_THROUGH)
        assert m.target(s.id).strip()
        start, end = window.english_pane.sentence_span(s.id)
        assert window.english_pane.document().toRawText()[start:end] == m.target(s.id)
        start, end = window.arabic_pane.sentence_span(s.id)
        assert window.arabic_pane.document().toRawText()[start:end] == s.text
    assert m.target(1) == doc.sentences[1].text  # the English caption passed through unchanged
    translatable = sum(s.translatable for s in doc.sentences)
    assert translatable < len(doc.sentences)  # the caption and the credit line are passed through
    assert window.status.progress_label.text() == f"Translated {translatable} sentences."  # as the counts say
    assert window.status.counts_label.text() == f"{translatable}/{translatable} translated"
    backend = window.translation.service.worker.engine.backend
    assert window.status.model_label.text().endswith(f" · {backend}")

    # hover the last sentence in the Arabic pane: both panes highlight it, the English pane scrolls to it
    last = len(doc.sentences) - 1
    window.arabic_pane.ensure_sentence_visible(last)
    window.english_pane.verticalScrollBar().setValue(0)
    rect = window.arabic_pane.sentence_rect(last)
    point = QPoint(window.arabic_pane.viewport().width() - 30, rect.center().y())
    assert window.arabic_pane.sentence_at(point) == last
    QTest.mouseMove(window.arabic_pane.viewport(), point + QPoint(-2, 0))  # a move even if the pointer was there
    QTest.mouseMove(window.arabic_pane.viewport(), point)
    qtbot.waitUntil(lambda: window.english_pane.highlighted()[0] == last)
    assert window.arabic_pane.highlighted()[0] == last
    r = window.english_pane.sentence_rect(last)
    assert 0 <= r.top() < window.english_pane.viewport().height()
    # clicking a sentence in the English pane selects the pair
    r = window.english_pane.sentence_rect(2)
    window.english_pane.ensure_sentence_visible(2)
    r = window.english_pane.sentence_rect(2)
    qtbot.mouseClick(window.english_pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(r.left() + 3, r.center().y()))
    qtbot.waitUntil(lambda: window.arabic_pane.highlighted()[1] == 2)


def test_opening_another_article_cancels_and_drops_stale_results(make_window, qtbot, tiny_model_dir, settings):
    settings.set("backend", "torch")  # slower than CTranslate2 on the tiny model: the job is still running when stopped
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    long_arabic = Document.from_text(
        "\n".join(f"هذه الجملة رقم {i} من مقال طويل عن المفاوضات في جنيف بين الوزيرين، " * 3 for i in range(80)), "a.txt"
    )
    latin = Document.from_text("\n".join(f"Latin line number {i}." for i in range(80)), "b.txt")
    window.open_document(long_arabic)
    first_job = window.translation.job
    wait_for(qtbot, lambda: window.sentences.count(State.TRANSLATED) > 0, 60, "a first translation")
    assert window.sentences.count(State.PENDING) > 0  # still running
    window.open_document(latin)
    assert window.translation.job != first_job
    wait_translated(qtbot, window)
    qtbot.wait(500)  # anything the old job still sends would land now
    for s in latin.sentences:
        assert window.sentences.target(s.id) == s.text
        assert window.sentences.state(s.id) == State.PASSED_THROUGH
    assert window.english_pane.toPlainText().split("\n")[5] == "Latin line number 5."


def test_stop_keeps_what_is_done(make_window, qtbot, tiny_model_dir, settings):
    settings.set("backend", "torch")  # slower than CTranslate2 on the tiny model: the job is still running when stopped
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    doc = Document.from_text("\n".join(f"الجملة {i} عن الاتفاق بشأن سوريا. " * 4 for i in range(120)), "long.txt")
    window.open_document(doc)
    wait_for(qtbot, lambda: window.sentences.count(State.TRANSLATED) > 0, 60, "a first translation")
    window.stop_action.trigger()
    wait_for(qtbot, lambda: window.translation.job == -1 and window.status.progress_label.text().startswith("Stopped"), 60,
             "the job stopped")
    done = window.sentences.count(State.TRANSLATED)
    total = len(doc.sentences)
    assert 0 < done < total
    assert window.status.progress_label.text().startswith(f"Stopped: {done} of {total}")


def test_bad_file_keeps_the_article(make_window, qtbot, tmp_path):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    window.open_path(sample_path())
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"\x00\x01binary")
    assert not window.open_path(bad)
    from PySide6.QtWidgets import QMessageBox

    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and "not a text file" in box.text()
    assert "خلافات أميركية" in window.arabic_pane.toPlainText()
    box.close()


def test_clipboard_and_zoom(make_window, qtbot, settings):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    QGuiApplication.clipboard().setText("مرحبا بكم في القارئ. هذه جملة ثانية.")
    window.opener.open_clipboard()
    assert window.sentences.document.source == "clipboard"
    assert window.sentences.rowCount() == 2
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = window.arabic_pane.font().pointSizeF()
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.arabic_pane.font().pointSizeF() == before + 2
    assert settings.get("zoom") == 2
    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.arabic_pane.font().pointSizeF() == before + 1


def test_arabic_pane_is_right_to_left(make_window):
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    window.open_path(sample_path())
    doc = window.arabic_pane.document()
    headline = doc.firstBlock()
    assert headline.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert headline.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    caption = headline.next()  # the English photo caption stays left-to-right
    assert caption.text().startswith("U.S.") and caption.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.english_pane.document().firstBlock().blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert doc.blockCount() == load_document(sample_path()).paragraph_count


def test_sentence_model(qtmodeltester):
    model = SentenceModel()
    model.set_document(load_document(sample_path()))
    model.set_translation(0, "US-Russian differences", True)
    qtmodeltester.check(model)
    assert model.index(0, TARGET).data() == "US-Russian differences"
    assert model.index(0, SOURCE).data().startswith("خلافات")


def test_window_starts_without_torch():
    code = "import sys, gui.app, gui.main_window, gui.worker; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_export_from_window(make_window, qtbot, tiny_model_dir, tmp_path):
    import json

    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    window.open_path(sample_path())
    wait_translated(qtbot, window)
    assert window.export_to(tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    doc = window.sentences.document
    assert data["model"] == str(tiny_model_dir)
    assert [s["translation"] for s in data["sentences"]] == [window.sentences.target(s.id) for s in doc.sentences]
    assert [s["translated"] for s in data["sentences"]] == [s.translatable for s in doc.sentences]
    assert all(doc.text[s["start"] : s["end"]] == s["text"] for s in data["sentences"])
    assert not window.export_to(tmp_path / "no-such-dir" / "out.html")  # a plain error, nothing raised


def test_an_article_read_before_shows_at_once_without_the_model(make_window, qtbot, tiny_model_dir):
    first = make_window(tiny_model_dir)
    wait_model(qtbot, first, ModelState.READY)
    first.open_path(sample_path())
    wait_translated(qtbot, first)
    translations = {s.id: first.sentences.target(s.id) for s in first.sentences.document.sentences}
    first.close()

    window = make_window(tiny_model_dir)  # a new session, same cache; its model is still loading
    window.open_path(sample_path())
    m = window.sentences
    assert m.count(State.PENDING) == 0  # every sentence shown at once, before the model is there
    assert {sid: m.target(sid) for sid in translations} == translations
    wait_model(qtbot, window, ModelState.READY)
    qtbot.wait(200)
    assert window.translation.job == -1 and window.translation.service.worker.engine.texts_translated == 0  # no model run
    n = sum(s.translatable for s in m.document.sentences)
    assert window.status.progress_label.text() == f"Translated {n} sentences."  # of {len(translations)} shown
    assert window.status.counts_label.text() == f"{n}/{n} translated, {n} from the cache"

    window.findChild(QAction, "clearCacheAction").trigger()
    assert window.statusBar().currentMessage() == f"Translation cache cleared ({m.count(State.TRANSLATED)} translations)."
    window.open_path(sample_path())
    assert m.count(State.PENDING) > 0 and window.translation.job != -1  # translated by the model again
    wait_translated(qtbot, window)
    assert window.translation.service.worker.engine.texts_translated == m.count(State.TRANSLATED)


def test_start_up_hook_reports_the_shown_window(tmp_path):
    """--quit-after-show (used by benchmarks/bench_translate.py) prints when the window is up."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path))
    with subprocess.Popen([sys.executable, "main.py", "--quit-after-show"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as process:
        try:
            first = process.stdout.readline().strip()
            line = process.stdout.readline().strip()
        finally:
            process.terminate()  # closing waits for the worker's torch import otherwise
    assert first.startswith("qari: app started at clock ")
    assert line.startswith("qari: window shown after ") and line.endswith(" s")
    assert float(line.split()[-2]) > 0


def test_preferences_change_model_backend_threads_and_delay(make_window, qtbot, tiny_model_dir, settings):
    from PySide6.QtWidgets import QComboBox, QSpinBox

    from gui.preferences import PreferencesDialog

    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    wait_model(qtbot, window, ModelState.MISSING)
    dialog = PreferencesDialog(settings, window)
    dialog.findChild(QComboBox, "backend").setCurrentText("torch")
    dialog.findChild(QSpinBox, "hover_delay_ms").setValue(800)
    threads = dialog.findChild(QSpinBox, "threads")
    assert threads.value() == 0 and threads.text() == "automatic"
    threads.setValue(1)
    dialog.editors["model"].setText(str(tiny_model_dir))
    dialog.accept()
    assert settings.get("hover_delay_ms") == 800 and settings.get("backend") == "torch"
    wait_model(qtbot, window, ModelState.READY)  # the new model was loaded with the new backend
    assert window.translation.model_name == str(tiny_model_dir)
    assert window.translation.decoding_settings().backend == "torch"
    assert window.translation.service.worker.engine.settings.threads == 1
    assert window.hover_glossary.delay_ms() == 800


def test_ctrl_c_in_the_terminal_closes_the_window(tmp_path):
    """Once the window runs, Ctrl+C closes it cleanly. The app is started by a script that runs
    :func:`gui.app.run_app` as ``main.py`` does and marks when its event loop runs: the signal is
    sent then, however slow the start-up on a busy machine (sent before Ctrl+C is the window's to
    handle, it would end Python with a KeyboardInterrupt)."""
    running = tmp_path / "event-loop-running"
    script = tmp_path / "run_app.py"
    script.write_text(textwrap.dedent(f"""
        import pathlib, sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        run_loop = QApplication.exec
        def run_and_mark(*_):
            QTimer.singleShot(0, pathlib.Path({str(running)!r}).touch)
            return run_loop()
        QApplication.exec = run_and_mark
        from gui.app import run_app
        sys.exit(run_app([]))
        """), encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), PYTHONPATH=str(REPO))
    stderr = tmp_path / "stderr.txt"
    status = interrupt_when_marked([sys.executable, str(script)], running, stderr, 60, cwd=REPO, env=env)
    err = stderr.read_text()
    assert status == 0, err
    assert "Traceback" not in err and "QThread: Destroyed" not in err


def test_closing_while_the_worker_is_busy_quits_at_once_and_keeps_settings(tmp_path, tiny_model_dir):
    """A model load (like a CTranslate2 beam search) cannot be cut short: closing the window
    waits a moment for it, then quits cleanly instead of hanging or aborting. The load takes
    longer than the test waits for the window's process to end, so that process ends in time
    only if it does not wait for the load."""
    started_file = tmp_path / "load-started"
    script = tmp_path / "slow_load.py"  # a script, not -c: the worker process runs its top level too
    script.write_text(
        "import pathlib, sys, time\n"
        "import models.translation.engine\n"
        "def slow_load(*args, **kwargs):  # a load that takes long\n"
        f"    pathlib.Path({str(started_file)!r}).touch()\n"
        "    time.sleep(300)\n"
        "models.translation.engine.load_engine = slow_load\n"
        "if __name__ == '__main__':\n"
        "    from gui.app import run_app\n"
        "    sys.exit(run_app(['--model', sys.argv[1], '--backend', 'torch']))\n", encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), PYTHONPATH=str(REPO))
    stderr = tmp_path / "stderr.txt"
    # Marked when the worker is busy loading; the window's process has less than the 300 s of the load to end.
    status = interrupt_when_marked([sys.executable, str(script), str(tiny_model_dir)], started_file, stderr, 200,
                                   cwd=REPO, env=env)
    out = subprocess.CompletedProcess(script, status, "", stderr.read_text())
    assert out.returncode == 0, out.stderr
    assert "quitting while the translation thread is still busy" in out.stderr
    assert "Traceback" not in out.stderr and "QThread: Destroyed" not in out.stderr
    assert "backend=torch" in next(tmp_path.rglob("*.conf")).read_text()  # settings written before leaving


def test_a_missing_model_is_reported_without_importing_torch(tmp_path):
    """The model-missing bar can appear at once: the worker checks the cache before torch loads."""
    code = (
        "import sys\n"
        "from gui.worker import TranslationWorker\n"
        "w = TranslationWorker(); said = []\n"
        "w.modelFailed.connect(lambda m, message: said.append(message))\n"
        "w.load('Helsinki-NLP/opus-mt-ar-en')\n"
        "print(said[0]); print('torch' in sys.modules, 'transformers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env=dict(os.environ, HF_HUB_CACHE=str(tmp_path)))
    assert out.stdout.splitlines() == ["The translation model Helsinki-NLP/opus-mt-ar-en is not on this computer yet.", "False False"]


def test_top_sentence_shows_a_draft_first_then_its_final_translation(make_window, qtbot, tiny_model_dir, tmp_path, settings):
    import json

    settings.set("backend", "torch")  # beam 4 with torch: the top sentence gets a greedy draft
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    m = window.sentences
    changes = []
    m.dataChanged.connect(lambda top, bottom, roles: changes.extend(
        (row, m.state(row), m.target(row)) for row in range(top.row(), bottom.row() + 1) if top.column() == TARGET))
    window.open_path(sample_path())
    wait_translated(qtbot, window)
    doc = m.document
    top = next(s.id for s in doc.sentences if s.translatable)  # the first Arabic sentence is on screen at the top
    states = [(row, state) for row, state, _ in changes if state in (State.PROVISIONAL, State.TRANSLATED)]
    assert states[0] == (top, State.PROVISIONAL)  # the draft is on screen before anything else is translated
    assert states[1] == (top, State.TRANSLATED)  # and replaced by the final translation, the first one to come
    assert sum(state == State.PROVISIONAL for _, state in states) == 1
    assert m.count(State.PROVISIONAL) == 0 and m.state(top) == State.TRANSLATED
    assert not window.english_pane._text_and_format(top)[1].fontItalic()  # drawn as a final translation now

    engine = window.translation.service.worker.engine
    assert engine.texts_provisional == 1
    finals = {doc.sentences[row].text: m.target(row) for row in range(m.rowCount()) if m.state(row) == State.TRANSLATED}
    assert window.translation.service.worker.cache.get_many(engine.cache_key, finals) == finals  # the cache holds the finals only
    assert window.export_to(tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [s["translation"] for s in data["sentences"]] == [m.target(s.id) for s in doc.sentences]


def test_a_provisional_sentence_draws_muted_and_italic_and_is_not_exported():
    from models.documents import Document

    model = SentenceModel()
    model.set_document(Document.from_text("وقال كيري. وقال لافروف.", "a.txt"))
    model.set_translation(0, "draft", True, provisional=True)
    assert model.state(0) == State.PROVISIONAL and model.target(0) == "draft"
    assert model.translations() == {}  # drafts are never exported or counted as done
    from gui.reading_pane import ReadingPane

    pane = ReadingPane(model, TARGET)
    text, fmt = pane._text_and_format(0)
    assert text == "draft" and fmt.fontItalic()
    model.set_translation(0, "final", True)
    model.set_translation(0, "late draft", True, provisional=True)  # never over a final one
    assert model.state(0) == State.TRANSLATED and model.target(0) == "final"
    assert model.translations() == {0: ("final", True)}
    assert not pane._text_and_format(0)[1].fontItalic()


def test_scrolling_while_translating_puts_what_is_on_screen_next(make_window, qtbot, tiny_model_dir, settings, tmp_path):
    """The reader scrolls to the end of a long article as it starts: the sentences now on
    screen are translated right after the top one, before those in the middle that were never
    on screen. (The English pane keeps its place while translations above it come: else they
    would push the middle of the article into view, see test_reading_pane.py.)"""
    long = tmp_path / "long.txt"
    sentences = load_document(sample_path()).sentences  # four copies, each sentence made distinct
    long.write_text("\n".join(f"{copy}: {s.text}" for copy in range(4) for s in sentences), encoding="utf-8")
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    m = window.sentences
    order = []
    m.dataChanged.connect(lambda top, bottom, roles: order.extend(
        row for row in range(top.row(), bottom.row() + 1) if m.state(row) == State.TRANSLATED and row not in order))
    shown = set()  # every sentence that was on screen at some moment
    for pane in (window.arabic_pane, window.english_pane):
        pane.viewChanged.connect(lambda: shown.update(window.on_screen()))
    window.open_path(long)
    top = window.on_screen()
    for pane in (window.arabic_pane, window.english_pane):
        pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    doc = m.document
    # The worker is told once the burst of scrolls is over (on the next turn of the event loop).
    qtbot.waitUntil(lambda: window.translation.service.worker.on_screen == window.on_screen())
    end = window.on_screen()
    assert max(end) == len(doc.sentences) - 1
    arabic_end = window.arabic_pane.visible_sentences()  # the Arabic text never moves: on screen all along
    window.resize(1000, 1200)  # a taller window shows more: the worker hears of it too
    qtbot.waitUntil(lambda: window.on_screen() != end and window.translation.service.worker.on_screen == window.on_screen())
    wait_translated(qtbot, window)

    place = {row: n for n, row in enumerate(order)}
    translatable = [s.id for s in doc.sentences if s.translatable]
    scrolled_to = [i for i in arabic_end if i in place]
    middle = [i for i in translatable if i not in shown.union(top) and abs(i - len(doc.sentences) // 2) < 10]
    assert scrolled_to and len(middle) >= 5
    assert max(place[i] for i in scrolled_to) < min(place[i] for i in middle)


def test_changing_the_backend_translates_the_article_again(make_window, qtbot, tiny_model_dir, settings):
    """Translations on screen always come from the current backend: after a change they are
    made again (or read from the cache under the new backend), never left from the old one."""
    settings.set("backend", "ctranslate2")
    window = make_window(tiny_model_dir)
    wait_model(qtbot, window, ModelState.READY)
    window.open_path(sample_path())
    wait_translated(qtbot, window)
    m = window.sentences
    doc = m.document
    before = {s.id: m.target(s.id) for s in doc.sentences if s.translatable}

    settings.set("backend", "torch")
    wait_model(qtbot, window, ModelState.READY)
    wait_translated(qtbot, window)
    engine = window.translation.service.worker.engine
    assert engine.backend == "torch" and engine.texts_translated == len(before)
    after = {sid: m.target(sid) for sid in before}
    texts = {s.id: s.text for s in doc.sentences if s.translatable}
    made = window.translation.service.worker.cache.get_many(engine.cache_key, texts.values())
    assert after == {sid: made[text] for sid, text in texts.items()}  # what torch made, all of it
    assert after != before  # random weights: the two backends differ

    settings.set("backend", "ctranslate2")  # back again: all from the cache, no model run
    wait_model(qtbot, window, ModelState.READY)
    wait_translated(qtbot, window)
    assert {sid: m.target(sid) for sid in before} == before
    assert window.translation.service.worker.engine.texts_translated == 0


def test_a_glossary_that_cannot_be_opened_is_said_and_the_window_reads(make_window, monkeypatch, tmp_path):
    """QARI_DATA_DIR naming a file: the glossary cannot be created there. The window opens, says
    so, and says that terms added now are kept only for this session."""
    from PySide6.QtWidgets import QMessageBox

    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    monkeypatch.setenv("QARI_DATA_DIR", str(not_a_folder))
    window = make_window("Helsinki-NLP/opus-mt-ar-en")
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "cannot be opened" in box.text() and "will not be saved" in box.text()
    window.open_path(sample_path())
    assert "كيري" in window.arabic_pane.toPlainText()
