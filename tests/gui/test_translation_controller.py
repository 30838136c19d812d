"""The translation controller without a window: model states, jobs, the result queue, progress,
the cache. Most tests answer for the worker with :class:`FakeTranslationService` (signals
emitted when the test says); the last ones run the real worker on the tiny model."""
from contextlib import contextmanager
from typing import Iterator

import pytest
from PySide6.QtCore import QTimer

from gui import translation_controller
from gui.sentence_model import State
from gui.translation_controller import ModelState, TranslationController
from gui.worker import TranslationService
from models.documents import Document
from models.translation.cache import TranslationCache
from models.translation.settings import translation_key
from tests.support.fake_service import FakeTranslationService

ARTICLE = "قال كيري إن الاتفاق قريب.\nU.S. Secretary of State John Kerry.\nوقال لافروف إن الخلافات باقية.\nوأضاف أن المحادثات ستستمر."
HUB_MODEL = "Helsinki-NLP/opus-mt-ar-en"  # not in the test cache: no cache key


@pytest.fixture
def model_folder(tmp_path):
    """A folder the translation cache can name (its config.json); the fake worker "loads" it."""
    folder = tmp_path / "marian"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "marian"}', encoding="utf-8")
    return folder


@pytest.fixture
def make(qtbot, settings, tmp_path):
    """``make(model)``: a started controller on ``model`` with a fake worker and an empty cache;
    its signals are recorded in ``controller.seen``."""
    cache = TranslationCache(tmp_path / "translations.sqlite3")

    def make(model, service=None):
        settings.set("model", str(model))
        controller = TranslationController(settings, cache=cache, service=service or FakeTranslationService())
        controller.seen = {"state": [], "progress": [], "noted": [], "failed": [], "download": []}
        controller.stateChanged.connect(lambda *args: controller.seen["state"].append(args))
        controller.progressChanged.connect(lambda *args: controller.seen["progress"].append(args))
        controller.noted.connect(controller.seen["noted"].append)
        controller.failed.connect(lambda *args: controller.seen["failed"].append(args))
        controller.downloadProgress.connect(lambda *args: controller.seen["download"].append(args))
        controller.start()
        return controller

    return make


def ready(controller) -> FakeTranslationService:
    service = controller.service
    service.worker.modelLoaded.emit(controller.model_name)
    assert controller.state is ModelState.READY
    return service


def translating(make, model, document: Document | None = None):
    """(controller, fake service): the model ready, a job started on ``document`` (default: ARTICLE)."""
    controller = make(model)
    service = ready(controller)
    controller.open(document or Document.from_text(ARTICLE, "a.txt"))
    return controller, service


def answer(controller, qtbot, job: int, document: Document, completed: bool = True) -> None:
    """The worker translates every sentence of ``document`` in job ``job`` (text with no Arabic
    letter passes through), reporting progress after each translation (as the real worker: what
    is passed through is not counted), then ends the job."""
    worker = controller.service.worker
    total, done = sum(s.translatable for s in document.sentences), 0
    for s in document.sentences:
        worker.result.emit(job, s.id, f"translation {s.id}" if s.translatable else s.text, s.translatable)
        if s.translatable:
            done += 1
            worker.progress.emit(job, done, total)
    worker.jobFinished.emit(job, completed)
    qtbot.waitUntil(lambda: not controller._incoming and controller.job == -1)


def test_only_the_answer_to_the_newest_load_counts(make, settings, model_folder):
    controller = make(model_folder)
    service = controller.service
    assert controller.state is ModelState.LOADING and [m for m, _ in service.loads] == [str(model_folder)]
    settings.set("backend", "torch")  # two settings changed at once: two more loads, in order
    settings.set("threads", 2)
    assert len(service.loads) == 3 and service.loads[-1][1].backend == "torch" and service.loads[-1][1].threads == 2
    service.worker.modelLoaded.emit(str(model_folder))  # the answers to the first two loads
    service.worker.modelFailed.emit(str(model_folder), "an old load failed")
    assert controller.state is ModelState.LOADING
    service.worker.modelLoaded.emit(str(model_folder))
    assert controller.state is ModelState.READY
    assert controller.seen["state"][-1] == (ModelState.READY, str(model_folder), "")
    assert [state for state, _, _ in controller.seen["state"]] == [ModelState.LOADING] * 3 + [ModelState.READY]


def test_a_missing_model_leaves_the_article_untranslated_and_says_why(make):
    controller = make(HUB_MODEL)
    controller.open(Document.from_text(ARTICLE, "a.txt"))
    controller.service.worker.modelFailed.emit(HUB_MODEL, "The translation model is not on this computer yet.")
    m = controller.sentences
    assert controller.state is ModelState.MISSING
    assert controller.seen["state"][-1] == (ModelState.MISSING, HUB_MODEL, "The translation model is not on this computer yet.")
    assert [m.state(i) for i in range(4)] == [State.UNAVAILABLE, State.PASSED_THROUGH, State.UNAVAILABLE, State.UNAVAILABLE]
    assert m.target(1) == "U.S. Secretary of State John Kerry."
    assert controller.seen["noted"] == ["No translation model: the Arabic text is shown alone."]
    assert controller.service.jobs == []  # nothing to translate with
    controller.translate_current()
    assert controller.service.jobs == []


def test_results_are_shown_on_screen_first_with_progress(make, qtbot, model_folder):
    controller = make(model_folder)
    controller.on_screen = lambda: [2, 3]
    service = ready(controller)
    doc = Document.from_text(ARTICLE, "a.txt")
    controller.open(doc)
    job, _, first = service.jobs[-1]
    assert controller.job == job and first == [2, 3]
    assert controller.seen["progress"][-1] == ("Translating 0 of 3 sentences…", 0, 3)  # one is passed through
    controller.on_screen = lambda: [0]
    controller.screen_changed()  # the reader scrolled: the worker hears of it
    assert service.on_screen == [0]

    worker = service.worker
    worker.result.emit(job, 2, "Lavrov said", True)
    worker.progress.emit(job, 1, 3)
    worker.result.emit(job - 1, 0, "from an older job", True)  # dropped
    qtbot.waitUntil(lambda: controller.sentences.state(2) == State.TRANSLATED)
    assert controller.sentences.target(2) == "Lavrov said"
    assert controller.sentences.state(0) == State.PENDING
    assert controller.seen["progress"][-1] == ("Translating 1 of 3 sentences…", 1, 3)  # after the result it counts
    answer(controller, qtbot, job, doc)
    m = controller.sentences
    assert [m.state(i) for i in range(4)] == [State.TRANSLATED, State.PASSED_THROUGH, State.TRANSLATED, State.TRANSLATED]
    assert m.target(0) == "translation 0"
    assert controller.seen["progress"][-1] == ("Translated 3 sentences.", 0, 0)
    controller.translate_current()  # nothing left: no job, the same words
    assert len(service.jobs) == 1 and controller.seen["progress"][-1] == ("Translated 3 sentences.", 0, 0)


def test_opening_another_article_stops_the_job_and_drops_its_results(make, qtbot, model_folder):
    controller, service = translating(make, model_folder)
    old_job = controller.job
    stops = service.stops
    latin = Document.from_text("Line one.\nLine two.", "b.txt")
    controller.open(latin)
    assert service.stops == stops + 1
    assert controller.job == -1  # nothing to translate: no job
    assert controller.seen["progress"][-1] == ("No Arabic to translate.", 0, 0)
    service.worker.result.emit(old_job, 0, "late result of the old article", True)
    service.worker.jobFinished.emit(old_job, True)
    qtbot.wait(20)
    assert controller.sentences.target(0) == "Line one." and controller.sentences.state(0) == State.PASSED_THROUGH


def test_stop_keeps_what_is_done_and_says_so(make, qtbot, model_folder):
    controller, service = translating(make, model_folder)
    job = controller.job
    worker = service.worker
    worker.provisional.emit(job, 3, "a quick draft")
    worker.result.emit(job, 1, "U.S. Secretary of State John Kerry.", False)
    worker.result.emit(job, 0, "Kerry said", True)
    worker.progress.emit(job, 2, 4)
    qtbot.waitUntil(lambda: controller.sentences.state(0) == State.TRANSLATED)
    stops = service.stops
    controller.stop()
    assert service.stops == stops + 1
    assert controller.seen["progress"][-1] == ("Stopping after this batch…", 2, 4)
    worker.jobFinished.emit(job, False)
    assert controller.job == -1
    assert controller.sentences.state(3) == State.PROVISIONAL and controller.sentences.target(3) == "a quick draft"
    assert controller.seen["progress"][-1] == (
        "Stopped: 1 of 3 sentences translated. 1 quick draft (muted italic) kept. F5 goes on.", 0, 0)
    controller.stop()  # no job: nothing to stop
    assert service.stops == stops + 1


def test_a_failed_job_is_an_error_for_the_user(make, model_folder):
    controller, service = translating(make, model_folder)
    service.worker.jobFailed.emit(controller.job, "Translation stopped with an error: out of memory")
    assert controller.job == -1
    assert controller.seen["failed"] == [("Translation failed", "Translation stopped with an error: out of memory")]
    assert controller.seen["progress"][-1] == ("", 0, 0)  # the error is not progress


def test_many_results_are_shown_in_slices_between_which_the_event_loop_runs(make, qtbot, model_folder, monkeypatch):
    monkeypatch.setattr(translation_controller, "APPLY_BUDGET_S", 0.0)  # one result per slice
    doc = Document.from_text("\n".join(f"الجملة رقم {i}." for i in range(50)), "long.txt")
    controller, service = translating(make, model_folder, doc)
    for s in doc.sentences:
        service.worker.result.emit(controller.job, s.id, f"sentence {s.id}", True)
    service.worker.progress.emit(controller.job, 50, 50)
    service.worker.jobFinished.emit(controller.job, True)
    seen_meanwhile = []  # what another timer of the event loop saw while the results were shown
    probe = QTimer()
    probe.setInterval(0)
    probe.timeout.connect(lambda: seen_meanwhile.append(controller.sentences.count(State.TRANSLATED)))
    probe.start()
    qtbot.waitUntil(lambda: controller.sentences.count(State.TRANSLATED) == 50)
    probe.stop()
    assert any(0 < count < 50 for count in seen_meanwhile)  # the event loop ran between slices
    assert controller.seen["progress"][-1] == ("Translated 50 sentences.", 0, 0)  # once all were shown
    assert ("Translating 50 of 50 sentences…", 50, 50) in controller.seen["progress"]


def test_the_cache_fills_the_article_before_the_model_is_loaded(make, model_folder):
    controller = make(model_folder)
    key = translation_key(str(model_folder), controller.decoding_settings())
    controller.cache.put_many(key, {"قال كيري إن الاتفاق قريب.": "Kerry said the deal is near."})
    doc = Document.from_text(ARTICLE, "a.txt")
    controller.open(doc)  # the model is still loading
    m = controller.sentences
    assert m.state(0) == State.TRANSLATED and m.target(0) == "Kerry said the deal is near."
    assert m.state(1) == State.PASSED_THROUGH and m.state(2) == State.PENDING
    service = ready(controller)
    assert service.jobs[-1][1] is doc  # the model translates the rest
    controller.clear_cache()
    assert controller.seen["noted"][-1] == "Translation cache cleared (1 translations)."


def test_a_change_of_backend_makes_the_translations_on_screen_again(make, qtbot, settings, model_folder):
    settings.set("backend", "ctranslate2")
    controller, service = translating(make, model_folder)
    answer(controller, qtbot, controller.job, controller.sentences.document)
    assert controller.sentences.count(State.TRANSLATED) == 3
    settings.set("backend", "torch")
    assert controller.state is ModelState.LOADING and service.loads[-1][1].backend == "torch"
    assert controller.sentences.count(State.TRANSLATED) == 3  # shown until the new model is there
    ready(controller)
    m = controller.sentences
    assert [m.state(i) for i in range(4)] == [State.PENDING, State.PASSED_THROUGH, State.PENDING, State.PENDING]
    assert m.target(0) == ""  # the other backend's translation is gone
    assert controller.job == service.jobs[-1][0] and len(service.jobs) == 2  # and is made again


def test_download_states(make):
    controller = make(HUB_MODEL)
    service = controller.service
    service.worker.modelFailed.emit(HUB_MODEL, "The translation model is not on this computer yet.")
    controller.download_model()
    assert controller.state is ModelState.DOWNLOADING and service.downloads == [HUB_MODEL]
    service.worker.downloadProgress.emit(10, 100)
    assert controller.seen["download"] == [(10, 100)]
    controller.cancel_download()
    assert not service.download_wanted
    service.worker.downloadFailed.emit(HUB_MODEL, "")
    assert controller.state is ModelState.MISSING
    assert controller.seen["state"][-1] == (ModelState.MISSING, HUB_MODEL, f"Download of {HUB_MODEL} cancelled.")
    controller.download_model()
    service.worker.downloadFinished.emit(HUB_MODEL)  # downloaded: loaded next
    assert controller.state is ModelState.LOADING and service.loads[-1][0] == HUB_MODEL


def test_a_model_folder_is_never_downloaded(make, model_folder):
    controller = make(model_folder)
    controller.download_model()
    assert controller.service.downloads == [] and controller.state is ModelState.LOADING


@contextmanager
def real_worker(settings, model_dir, cache: TranslationCache | None) -> Iterator[TranslationController]:
    """A controller on ``model_dir`` with the real translation worker (and ``cache``), shut
    down after the block."""
    settings.set("model", str(model_dir))
    controller = TranslationController(settings, cache=cache, service=TranslationService(cache=cache))
    try:
        yield controller
    finally:
        controller.shutdown()


def translate_article(qtbot, controller: TranslationController) -> Document:
    """Load the model of the settings, translate :data:`ARTICLE` with it, and return the document."""
    controller.start()
    qtbot.waitUntil(lambda: controller.state is ModelState.READY, timeout=60000)
    doc = Document.from_text(ARTICLE, "a.txt")
    controller.open(doc)
    qtbot.waitUntil(lambda: controller.job == -1 and controller.sentences.count(State.PENDING) == 0, timeout=60000)
    return doc


@pytest.mark.slow
def test_the_real_worker_translates_the_article_with_the_tiny_model(qtbot, settings, tmp_path, tiny_model_dir):
    cache = TranslationCache(tmp_path / "translations.sqlite3")
    progress = []
    with real_worker(settings, tiny_model_dir, cache) as controller:
        controller.progressChanged.connect(lambda *args: progress.append(args))
        doc = translate_article(qtbot, controller)
        m = controller.sentences
        assert [m.state(i) for i in range(4)] == [State.TRANSLATED, State.PASSED_THROUGH, State.TRANSLATED, State.TRANSLATED]
        assert all(m.target(i).strip() for i in range(4))
        # The sentence passed through is not counted: "N of 3" like the status bar's "3/3 translated".
        assert progress[0] == ("Translating 0 of 3 sentences…", 0, 3) and progress[-1] == ("Translated 3 sentences.", 0, 0)
        assert [total for _text, _done, total in progress if total] == [3] * len([p for p in progress if p[2]])
        assert controller.counts()[:2] == (3, 3)
        made = cache.get_many(controller.translation_key(), [s.text for s in doc.sentences if s.translatable])
        assert made == {s.text: m.target(s.id) for s in doc.sentences if s.translatable}  # kept for next time


def long_article(paragraphs: int) -> str:
    return "\n".join(f"الجملة رقم {i} عن المفاوضات في جنيف. وقال لافروف إن الخلافات باقية {i}." for i in range(paragraphs))


def test_an_article_longer_than_the_read_ahead_is_still_translated_whole(make, qtbot, model_folder):
    controller = make(model_folder)
    service = ready(controller)
    controller.on_screen = lambda: [0, 1]  # a small window: two sentences on screen
    doc = Document.from_text(long_article(300), "report.txt")  # 600 sentences: more than WINDOW
    assert translation_controller.WINDOW < len(doc.sentences) <= translation_controller.WHOLE_ARTICLE
    controller.open(doc)
    _, job_doc, first = service.jobs[-1]
    assert first == [0, 1] and len(job_doc.sentences) == len(doc.sentences)


def test_a_long_article_is_translated_a_window_at_a_time_around_the_screen(make, qtbot, model_folder):
    controller = make(model_folder)
    service = ready(controller)
    screen = [0, 1, 2]
    controller.on_screen = lambda: screen
    doc = Document.from_text(long_article(2000), "book.txt")  # 4,000 sentences
    controller.open(doc)
    _, job_doc, first = service.jobs[-1]
    assert first == screen
    assert [s.id for s in job_doc.sentences] == list(range(0, 2 + translation_controller.WINDOW))
    screen[:] = [3000, 3001]  # scrolled far on: a job on the sentences there
    controller.screen_changed()
    _, job_doc, first = service.jobs[-1]
    assert first == [3000, 3001]
    assert job_doc.sentences[0].id == 3000 and len(job_doc.sentences) == 1 + translation_controller.WINDOW
    jobs = len(service.jobs)
    screen[:] = [3010]  # inside the running job's window: the same job, told what is on screen
    controller.screen_changed()
    assert len(service.jobs) == jobs and service.on_screen == [3010]


def test_after_stop_scrolling_starts_no_job_until_translate_again(make, qtbot, model_folder):
    controller = make(model_folder)
    service = ready(controller)
    screen = [0, 1]
    controller.on_screen = lambda: screen
    controller.open(Document.from_text(long_article(2000), "book.txt"))
    job = controller.job
    controller.stop()
    service.worker.jobFinished.emit(job, False)
    assert controller.job == -1
    jobs = len(service.jobs)
    screen[:] = [3000, 3001]  # scrolled to sentences no job translates
    controller.screen_changed()
    assert len(service.jobs) == jobs and controller.job == -1  # stopped means stopped
    controller.translate_current()  # F5: goes on from what is on screen
    assert len(service.jobs) == jobs + 1 and service.jobs[-1][2] == [3000, 3001]
    screen[:] = [3500]
    controller.screen_changed()  # and scrolling starts jobs again
    assert service.jobs[-1][2] == [3500]


def test_a_big_file_is_segmented_in_the_background_and_shown_as_it_comes(make, qtbot, tmp_path):
    from models.documents import load_document

    controller = make(tmp_path / "no-model-here")
    controller.service.worker.modelFailed.emit(controller.model_name, "no model")
    assert controller.state is ModelState.MISSING
    path = tmp_path / "book.txt"
    path.write_text(long_article(3000) + "\nU.S. Secretary of State John Kerry.", encoding="utf-8")
    whole = load_document(path)
    doc = load_document(path, first_chars=2000)
    controller.open(doc)
    shown_first = controller.sentences.rowCount()
    assert 0 < shown_first < len(whole.sentences)  # the first sentences, before the rest is segmented
    qtbot.waitUntil(lambda: doc.segmented, timeout=60000)
    assert controller.sentences.rowCount() == len(whole.sentences)
    assert doc.sentences == whole.sentences
    last = len(whole.sentences) - 1
    assert controller.sentences.state(last) is State.PASSED_THROUGH  # no Arabic letter: shown as it is
    assert controller.sentences.count(State.UNAVAILABLE) == last  # no model: the rest untranslated
    assert controller.sentences.count(State.PENDING) == 0


@pytest.mark.slow
def test_the_worker_sends_the_model_word_links_with_each_translation(qtbot, settings, tmp_path, tiny_model_dir):
    pytest.importorskip("ctranslate2")
    from models.alignment.word_links import source_words, target_words

    settings.set("backend", "ctranslate2")
    sent = []
    with real_worker(settings, tiny_model_dir, None) as controller:
        controller.wordLinks.connect(lambda *args: sent.append(args))
        doc = translate_article(qtbot, controller)
        m = controller.sentences
        assert {sid for sid, _, _ in sent} == {s.id for s in doc.sentences if s.translatable}
        for sid, translation, links in sent:
            assert translation == m.target(sid)
            source = doc.sentences[sid].text
            for (s0, s1), (t0, t1), score in links:  # plain data: it may cross a process boundary
                assert (s0, s1) in source_words(source) and (t0, t1) in target_words(translation)
                assert isinstance(score, float) and 0 <= score <= 1
            assert {tuple(t) for _, t, _ in links} == set(target_words(translation))


def test_counts_say_how_many_sentences_are_translated_and_how_many_came_from_the_cache(make, qtbot, model_folder):
    from gui.status_bar import StatusBar

    controller = make(model_folder)
    status = StatusBar()
    controller.countsChanged.connect(status.show_counts)
    controller.backendChanged.connect(status.show_backend)
    controller.stateChanged.connect(status.show_model)
    key = translation_key(str(model_folder), controller.decoding_settings())
    controller.cache.put_many(key, {"قال كيري إن الاتفاق قريب.": "Kerry said the deal is near."})
    controller.open(Document.from_text(ARTICLE, "a.txt"))
    assert controller.counts() == (1, 3, 1)
    assert status.counts_label.text() == "1/3 translated, 1 from the cache"
    service = ready(controller)
    job, doc = service.jobs[-1][0], service.jobs[-1][1]
    service.worker.cached.emit(job, [0])  # the worker's job finds the same sentence in the cache
    for s in doc.sentences:
        service.worker.result.emit(job, s.id, f"translation {s.id}" if s.translatable else s.text, s.translatable)
    service.worker.jobFinished.emit(job, True)
    qtbot.waitUntil(lambda: controller.counts() == (3, 3, 1))
    assert status.counts_label.text() == "3/3 translated, 1 from the cache"
    assert status.model_label.text() == "marian"  # the fake worker loads no engine: no backend to name
    status.show_backend("ctranslate2")
    assert status.model_label.text() == "marian · ctranslate2"
