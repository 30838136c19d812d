import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def draft_text() -> str:
    """The human translation of the sample article (a clean draft)."""
    return (FIXTURES / "en-kerry-lavrov-syria-2016.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def source_text() -> str:
    """The bundled Arabic sample article."""
    from models.document import sample_path

    return sample_path().read_text(encoding="utf-8")
