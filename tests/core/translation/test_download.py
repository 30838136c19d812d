"""Downloading a model, against a local stand-in for the Hugging Face Hub (tests/support/fake_hub.py):
progress, cancel and resume, then offline use; and the window's Download button."""
import pytest
from PySide6.QtCore import QSettings, Qt

from gui.main_window import MainWindow
from gui.sentence_model import State
from gui.settings import Settings
from gui.translation_controller import ModelState
from models.documents import sample_path
from models.translation.engine import load_engine
from models.translation.model_files import download_model
from models.errors import DownloadCancelled, ModelUnavailable
from tests.support.fake_hub import FakeHub

pytestmark = pytest.mark.slow
MODEL = "qari-test/tiny-marian"


@pytest.fixture
def hub(tiny_model_dir, monkeypatch, tmp_path):
    """Downloads allowed, pointed at a fake hub serving the tiny model, into a private cache."""
    from huggingface_hub import constants

    with FakeHub(MODEL, tiny_model_dir) as fake:
        monkeypatch.setenv("HF_HUB_OFFLINE", "0")
        monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
        monkeypatch.setattr(constants, "ENDPOINT", fake.url)
        monkeypatch.setattr(constants, "HUGGINGFACE_CO_URL_TEMPLATE", fake.url + "/{repo_id}/resolve/{revision}/{filename}")
        monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
        monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
        monkeypatch.setenv("HF_ENDPOINT", fake.url)  # for the window's worker process
        yield fake


def test_download_reports_progress_then_works_offline(hub, monkeypatch):
    with pytest.raises(ModelUnavailable, match="not on this computer yet"):
        load_engine(MODEL, download=False)
    progress = []
    download_model(MODEL, progress=lambda done, total: progress.append((done, total)))
    total = sum(len(data) for data in hub.files.values())
    assert progress[-1] == (total, total)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)  # never goes back
    # now offline: the cached model loads and translates
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    engine = load_engine(MODEL, download=False)
    assert engine.translate(["مرحبا بكم في جنيف"])[0]


def test_cancel_then_resume(hub):
    hub.delay_s = 0.02  # slow enough to stop half way
    seen = []

    def stop():
        return bool(seen) and seen[-1][0] > 64 * 1024

    with pytest.raises(DownloadCancelled):
        download_model(MODEL, progress=lambda d, t: seen.append((d, t)), should_stop=stop)
    assert 0 < seen[-1][0] < seen[-1][1]
    with pytest.raises(ModelUnavailable):
        load_engine(MODEL, download=False)  # half a model is not a model
    hub.delay_s = 0
    download_model(MODEL)
    assert load_engine(MODEL, download=False).translate(["سوريا"])[0]


def test_window_download_button(hub, qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", MODEL)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.open_path(sample_path())
    try:
        qtbot.waitUntil(lambda: window.translation.state is ModelState.MISSING, timeout=60000)
        assert window.model_bar.download_button.text() == "Download model"
        assert "not on this computer" in window.model_bar.message.text()
        qtbot.mouseClick(window.model_bar.download_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.translation.state is ModelState.READY, timeout=60000)
        assert window.model_bar.progress.value() == window.model_bar.progress.maximum()
        qtbot.waitUntil(lambda: window.sentences.count(State.PENDING) == 0 and window.translation.job == -1, timeout=120000)
        assert window.sentences.count(State.TRANSLATED) == sum(s.translatable for s in window.sentences.document.sentences)
        assert not window.model_bar.isVisible()
    finally:
        window.translation.shutdown()


def test_window_download_cancel(hub, qtbot, tmp_path):
    hub.delay_s = 0.05
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", MODEL)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.translation.state is ModelState.MISSING, timeout=60000)
        qtbot.mouseClick(window.model_bar.download_button, Qt.MouseButton.LeftButton)
        assert window.model_bar.cancel_button.isVisible()
        qtbot.waitUntil(lambda: window.model_bar.progress.maximum() == 1000 and window.model_bar.progress.value() > 0, timeout=60000)
        qtbot.mouseClick(window.model_bar.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.translation.state is ModelState.MISSING and window.model_bar.download_button.isVisible(), timeout=60000)
        assert window.model_bar.message.text() == f"Download of {MODEL} cancelled."
    finally:
        window.translation.shutdown()
