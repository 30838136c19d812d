"""The light engine names: importable by the GUI thread without torch."""
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

from models.translation.settings import DecodingSettings, is_local_model
from models.errors import ModelUnavailable


@pytest.mark.slow
def test_gui_side_modules_do_not_import_torch():
    code = ("import sys, models.translation.settings, models.translation.pipeline, models.bitext, cli.export; "
            "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_hub_ids_and_folders(tmp_path):
    assert not is_local_model("Helsinki-NLP/opus-mt-ar-en")
    assert not is_local_model("opus-mt-ar-en")
    assert is_local_model(str(tmp_path))
    assert is_local_model("/opt/models/opus-mt-ar-en")
    assert is_local_model("./opus-mt-ar-en")
    assert is_local_model("~/models/opus-mt-ar-en")
    assert is_local_model("models/Helsinki-NLP/opus-mt-ar-en")


def test_unavailable_carries_the_model_and_a_sentence():
    error = ModelUnavailable("The translation model x/y is not on this computer.", "x/y")
    assert error.model == "x/y" and str(error) == "The translation model x/y is not on this computer."


def test_settings_reject_nonsense():
    assert DecodingSettings().num_beams == 4
    with pytest.raises(ValueError):
        DecodingSettings(num_beams=0)
    with pytest.raises(ValueError):
        DecodingSettings(batch_tokens=0)
