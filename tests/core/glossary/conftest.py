import pytest

from models.glossary.store import TermStore


@pytest.fixture
def store(tmp_path):
    """An empty glossary in a private file."""
    with TermStore(tmp_path / "glossary.sqlite3") as s:
        yield s
