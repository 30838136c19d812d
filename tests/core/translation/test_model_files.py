"""Where a model's files are, and whether they make a model (models.translation.model_files).
Downloads against a stand-in hub are in test_download.py."""
import shutil
from pathlib import Path

import pytest

from models.errors import ModelUnavailable
from models.translation.model_files import download_model, find_model, hub_revision, is_local_model
from models.translation.settings import model_key


def test_hub_ids_and_folders(tmp_path):
    assert not is_local_model("Helsinki-NLP/opus-mt-ar-en")
    assert not is_local_model("opus-mt-ar-en")
    assert is_local_model(str(tmp_path))
    assert is_local_model("/opt/models/opus-mt-ar-en")
    assert is_local_model("./opus-mt-ar-en")
    assert is_local_model("~/models/opus-mt-ar-en")
    assert is_local_model("models/Helsinki-NLP/opus-mt-ar-en")


def test_a_cached_hub_snapshot_is_found_with_its_revision(tiny_model_dir):
    from huggingface_hub import constants

    repo = Path(constants.HF_HUB_CACHE) / "models--qari-test--found"
    commit = "89abcdef0123456789abcdef0123456789abcdef"
    shutil.copytree(tiny_model_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    assert find_model("qari-test/found") == repo / "snapshots" / commit
    assert hub_revision("qari-test/found") == commit and model_key("qari-test/found") == f"qari-test/found@{commit}"
    (repo / "snapshots" / commit / "vocab.json").unlink()  # half a download
    with pytest.raises(ModelUnavailable, match="no vocab.json"):
        find_model("qari-test/found")
    with pytest.raises(ModelUnavailable, match="not on this computer yet") as caught:
        find_model("qari-test/absent")
    assert caught.value.model == "qari-test/absent"


@pytest.mark.slow
def test_download_is_refused_offline_and_a_folder_is_returned_as_is(tiny_model_dir):
    with pytest.raises(ModelUnavailable, match="HF_HUB_OFFLINE") as caught:
        download_model("qari-test/no-such-model", progress=lambda done, total: None)
    assert caught.value.model == "qari-test/no-such-model"
    assert download_model(str(tiny_model_dir)) == str(tiny_model_dir)
