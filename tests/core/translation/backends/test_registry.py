"""The backend registry (models.translation.backends): every backend name has a class, and
"auto" falls back to torch when CTranslate2 cannot run a model."""
import logging
import sys

import pytest

from models.errors import ModelUnavailable
from models.translation.backends import BACKEND_CLASSES, Backend, backend_class
from models.translation.engine import load_engine
from models.translation.settings import BACKENDS, DecodingSettings

pytestmark = pytest.mark.slow

FAST = DecodingSettings(num_beams=1, max_new_tokens=8, threads=1)


def test_every_backend_name_has_its_class():
    assert set(BACKEND_CLASSES) == set(BACKENDS) - {"auto"}
    for name in sorted(BACKEND_CLASSES, key=lambda name: name == "ctranslate2"):  # last: it may be missing
        if name == "ctranslate2":
            pytest.importorskip("ctranslate2")
        cls = backend_class(name)
        assert issubclass(cls, Backend) and cls.name == name


def test_auto_falls_back_to_torch_when_ctranslate2_cannot_run_the_model(tiny_model_dir, arabic, monkeypatch, caplog):
    pytest.importorskip("ctranslate2")
    from models.translation.backends import ctranslate2 as ctranslate2_backend

    def cannot_convert(*args, **kwargs):
        raise RuntimeError("no converter for this architecture")

    monkeypatch.setattr(ctranslate2_backend, "converted_model", cannot_convert)
    with caplog.at_level(logging.WARNING, logger="models.translation.backends"):
        engine = load_engine(str(tiny_model_dir), FAST)  # "auto" means CTranslate2 here
    assert engine.backend == "torch" and "using torch" in caplog.text
    assert engine.translate(arabic[:2]) == load_engine(str(tiny_model_dir), DecodingSettings(
        num_beams=1, max_new_tokens=8, threads=1, backend="torch")).translate(arabic[:2])
    assert "|torch;" in engine.cache_key  # the key names the backend that ran

    with pytest.raises(ModelUnavailable, match="ctranslate2 backend cannot run") as caught:
        load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, backend="ctranslate2"))  # chosen: no fallback
    assert caught.value.model == str(tiny_model_dir) and "\n" not in str(caught.value)


def test_a_chosen_ctranslate2_without_its_package_is_unavailable(tiny_model_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # not installed
    with pytest.raises(ModelUnavailable, match="ctranslate2 backend cannot run"):
        load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, backend="ctranslate2"))
    assert load_engine(str(tiny_model_dir), FAST).backend == "torch"  # "auto" means torch without it
