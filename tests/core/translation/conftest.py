"""Fixtures of the translation tests."""
import pytest

from models.documents import load_document, sample_path


@pytest.fixture(scope="session")
def arabic():
    """The Arabic sentences of the sample article (those the model translates)."""
    return [s.text for s in load_document(sample_path()).sentences if s.translatable]
