"""Test set-up: Qt offscreen before any Qt import; the shared data folder; translator-mode texts."""
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
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
    from models.document import sample_path

    return sample_path().read_text(encoding="utf-8")
