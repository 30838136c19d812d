import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _user_dirs(tmp_path_factory):
    """Keep the lexicon cache and the user glossary out of the real user dirs."""
    os.environ["QARI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ["QARI_DATA_DIR"] = str(tmp_path_factory.mktemp("data"))
    yield
