"""Test set-up: Qt offscreen before any Qt import; the shared data folder."""
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``shared/`` folder beside the checkout; tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _user_dirs(tmp_path_factory):
    """Keep the lexicon cache and the user glossary out of the real user dirs."""
    os.environ["QARI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["QARI_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    yield
