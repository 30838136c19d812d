"""Test setup: headless Qt, no network for model files, a private Hugging Face cache, and the
tiny MarianMT model built once per session."""
import os
import shutil
import tempfile

# Before anything imports Qt or huggingface_hub (both read these once, at import).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["HF_HUB_OFFLINE"] = "1"  # a test must never start a real download
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="qari-test-hf-")  # never the user's cache
os.environ["HF_HUB_CACHE"] = os.path.join(os.environ["HF_HOME"], "hub")

import pytest  # noqa: E402

from tests.tiny_marian import build_tiny_marian  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """Folder of a tiny random-weight MarianMT model with real SentencePiece tokenizers."""
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"))


def pytest_unconfigure(config):
    shutil.rmtree(os.environ["HF_HOME"], ignore_errors=True)
