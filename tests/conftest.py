"""Test set-up: headless Qt, no network for model files, a private Hugging Face cache, private
user folders, the shared data folder, and the tiny MarianMT model built once per session."""
import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports Qt or huggingface_hub (both read these once, at import).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_HUB_OFFLINE"] = "1"  # a test must never start a real download
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
_TMP = tempfile.mkdtemp(prefix="qari-test-")
os.environ["HF_HOME"] = os.path.join(_TMP, "hf")  # never the user's cache
os.environ["HF_HUB_CACHE"] = os.path.join(os.environ["HF_HOME"], "hub")
os.environ["QARI_DATA_DIR"] = os.path.join(_TMP, "data")  # user glossary, settings
os.environ["QARI_CACHE_DIR"] = os.path.join(_TMP, "cache")  # compiled lexicon, translation cache

import pytest  # noqa: E402

from tests.support.corpus import shared_dir as _shared_dir  # noqa: E402
from tests.support.tiny_marian import build_tiny_marian  # noqa: E402
from tests.support.waiting import wait_blocking, wait_for  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = _shared_dir()
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``shared/`` folder beside the checkout; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def draft_text() -> str:
    """The human translation of the sample article (a clean draft)."""
    return (FIXTURES / "en-kerry-lavrov-syria-2016.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def source_text() -> str:
    """The bundled Arabic sample article."""
    from models.documents import sample_path

    return sample_path().read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def translation_fork_server(_user_dirs):
    """The fork server of the translation worker processes imports the engine, torch and
    transformers once, in the background, from the first test that needs the tiny model or a
    window (many tests use the torch backend); each window's worker is then a fork of it."""
    from gui.worker_process import warm_up

    warm_up(torch=True)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, translation_fork_server):
    """Folder of a tiny random-weight MarianMT model with real SentencePiece tokenizers."""
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"))


# -- the reader window ---------------------------------------------------------
@pytest.fixture
def settings(tmp_path):
    """Window settings in a private ini file."""
    from PySide6.QtCore import QSettings

    from gui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def make_window(qtbot, settings, monkeypatch, tmp_path, translation_fork_server):
    """``make(model)``: a shown reader window on ``model``; the windows of one test share
    ``settings`` and a translation cache that starts empty."""
    from gui.main_window import MainWindow
    from gui.translation_controller import TranslationController
    from models.translation.cache import TranslationCache

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    windows = []
    cache = TranslationCache(tmp_path / "translations.sqlite3")  # each test starts with an empty cache

    def make(model):
        settings.set("model", str(model))
        window = MainWindow(settings, TranslationController(settings, cache=cache))
        qtbot.addWidget(window)
        window.resize(1000, 600)
        window.show()
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.translation.shutdown()


def wait_model(qtbot, window, state):
    """Wait until ``window``'s model is in ``state`` (a :class:`gui.translation_controller.ModelState`);
    the time limit does not count time other processes took the cores (:mod:`tests.support.waiting`)."""
    wait_for(qtbot, lambda: window.translation.state is state, 60, f"the model {state.value}")


def wait_translated(qtbot, window):
    """Wait until every sentence of ``window``'s article is translated (or passed through) and
    both panes show it (a long article is laid out and refreshed in slices)."""
    from gui.sentence_model import State

    def done():
        m = window.sentences
        return (m.rowCount() > 0 and m.count(State.PENDING) == 0 and window.translation.job == -1
                and window.arabic_pane.is_laid_out() and window.english_pane.is_laid_out())

    wait_for(qtbot, done, 120, "the translation of the article")


def pytest_unconfigure(config):
    shutil.rmtree(_TMP, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _user_dirs(tmp_path_factory):
    """Keep the lexicon cache and the user glossary out of the real user dirs."""
    os.environ["QARI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["QARI_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    yield


@pytest.fixture(scope="session")
def service():
    """The window's lexicon service, loaded once for all glossary tests."""
    from gui.gloss_service import GlossService

    s = GlossService()
    assert wait_blocking(s.wait, 60, lambda: bool(s.error)), s.error
    return s
