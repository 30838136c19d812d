"""The light translation modules: importable by the GUI thread without torch."""
import subprocess
import sys

import pytest

from tests.conftest import REPO

from models.errors import ModelUnavailable


@pytest.mark.slow
def test_gui_side_modules_do_not_import_torch():
    code = ("import sys, models.translation.settings, models.translation.model_files, models.translation.pipeline, "
            "models.translation.scheduler, models.translation.backends, models.bitext, cli.export; "
            "print(sorted(m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


def test_unavailable_carries_the_model_and_a_sentence():
    error = ModelUnavailable("The translation model x/y is not on this computer.", "x/y")
    assert error.model == "x/y" and str(error) == "The translation model x/y is not on this computer."
