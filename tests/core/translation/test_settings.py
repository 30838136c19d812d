"""Decoding settings, backend names and the translation key (models.translation.settings)."""
import os

import pytest

from models.translation.settings import DecodingSettings, model_key, resolve_backend, translation_key


def test_settings_reject_nonsense():
    assert DecodingSettings().num_beams == 4
    with pytest.raises(ValueError):
        DecodingSettings(num_beams=0)
    with pytest.raises(ValueError):
        DecodingSettings(batch_tokens=0)


def test_auto_means_ctranslate2_when_installed():
    pytest.importorskip("ctranslate2")
    assert resolve_backend("auto") == "ctranslate2"
    with pytest.raises(ValueError):
        DecodingSettings(backend="onnx")


def test_key_names_weights_and_output_settings(tiny_model_dir, tmp_path):
    beam = translation_key(str(tiny_model_dir), DecodingSettings(backend="torch"))
    assert beam == translation_key(str(tiny_model_dir), DecodingSettings(backend="torch", batch_tokens=99, threads=1))
    assert beam != translation_key(str(tiny_model_dir), DecodingSettings(backend="torch", num_beams=1))
    assert beam != translation_key(str(tiny_model_dir), DecodingSettings(backend="torch-int8"))
    assert translation_key("Helsinki-NLP/opus-mt-ar-en", DecodingSettings()) is None  # not cached: no revision
    copy = tmp_path / "copy"
    copy.mkdir()
    for f in tiny_model_dir.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    before = model_key(str(copy))
    weights = copy / "model.safetensors"
    os.utime(weights, ns=(weights.stat().st_atime_ns, weights.stat().st_mtime_ns + 10**9))  # retrained
    assert model_key(str(copy)) != before
