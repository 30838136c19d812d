"""The torch backends on the tiny MarianMT model: float32 and int8 dynamic quantization, Stop
within a batch, and pickled weights read without running code."""
from dataclasses import replace
from pathlib import Path
import shutil

import pytest

from models.errors import ModelUnavailable
from models.translation.engine import load_engine
from models.translation.settings import DecodingSettings

pytestmark = pytest.mark.slow

FAST = DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, backend="torch")


def test_torch_int8_translates_everything(tiny_model_dir, arabic):
    engine = load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, backend="torch-int8"))
    assert engine.backend == "torch-int8"
    results = engine.translate(arabic)
    assert all(isinstance(r, str) and r for r in results) and len(results) == len(arabic)


def test_stopping_ends_a_torch_batch_within_a_decoding_step(tiny_model_dir, arabic):
    """should_stop() is checked at each decoding step: a 200-step batch ends after a few, and
    its incomplete output is dropped, not reported."""
    long = load_engine(str(tiny_model_dir), replace(FAST, num_beams=2, max_new_tokens=200, min_new_tokens=200))
    calls = []

    def should_stop():
        calls.append(1)
        return len(calls) > 5

    seen = []
    results = long.translate(arabic[:4], on_result=lambda i, t: seen.append(i), should_stop=should_stop)
    assert results == [None] * 4 and seen == []
    assert len(calls) <= 8  # not one call per step of the 200
    assert long.texts_translated == 0


class _Payload:
    """A pickle that creates a file when unpickled by an unrestricted loader."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_pickled_weights_load_weights_only(tmp_path, tiny_model_dir, arabic):
    import torch
    from safetensors.torch import load_file

    engine = load_engine(str(tiny_model_dir), FAST)
    folder = tmp_path / "bin"
    shutil.copytree(tiny_model_dir, folder)
    torch.save(load_file(folder / "model.safetensors"), folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    assert load_engine(str(folder), FAST).translate(arabic[:2]) == engine.translate(arabic[:2])

    marker = tmp_path / "code-ran"
    torch.save({"model.shared.weight": _Payload(marker)}, folder / "pytorch_model.bin")
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        load_engine(str(folder), FAST)
    assert not marker.exists()
