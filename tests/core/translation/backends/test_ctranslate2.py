"""The CTranslate2 backend on the tiny MarianMT model: converted once into the cache folder,
converted again when the conversion is damaged, its output layer cut to the target vocabulary.
Random weights: the tests check that it translates every text, streams and names itself, not
translation quality."""
from dataclasses import replace

import pytest

from models.paths import cache_dir
from models.translation.engine import load_engine
from models.translation.settings import DecodingSettings

pytestmark = pytest.mark.slow


def test_ctranslate2_is_converted_once_and_translates_everything(tiny_model_dir, arabic):
    pytest.importorskip("ctranslate2")
    settings = DecodingSettings(num_beams=2, max_new_tokens=8, threads=1, batch_tokens=120, backend="ctranslate2")
    engine = load_engine(str(tiny_model_dir), settings)
    assert engine.backend == "ctranslate2"
    converted = list((cache_dir() / "ctranslate2").glob("*-int8/model.bin"))
    assert len(converted) == 1
    stamp = converted[0].stat().st_mtime_ns

    seen = []
    results = engine.translate(arabic, on_result=lambda i, t: seen.append((i, t)), first=[5])
    assert seen[0][0] == 5  # the sentence on screen comes first
    assert sorted(i for i, _ in seen) == list(range(len(arabic))) and dict(seen) == dict(enumerate(results))
    assert all(isinstance(r, str) and r for r in results)
    assert engine.texts_translated == len(arabic)

    again = load_engine(str(tiny_model_dir), settings)
    assert converted[0].stat().st_mtime_ns == stamp  # reused, not converted again
    assert again.translate(arabic[:3]) == results[:3]
    torch_engine = load_engine(str(tiny_model_dir), DecodingSettings(num_beams=2, max_new_tokens=8, threads=1, backend="torch"))
    assert torch_engine.cache_key != engine.cache_key


def test_ctranslate2_scores_only_the_target_vocabulary(tiny_model_dir, arabic):
    """The output layer is cut to the pieces of target.spm: with random weights the full
    vocabulary gives Arabic source pieces in the English output, the cut one never."""
    pytest.importorskip("ctranslate2")
    import sentencepiece

    from models.text.arabic import has_arabic
    from models.translation.backends.ctranslate2 import target_pieces

    settings = DecodingSettings(num_beams=2, max_new_tokens=8, min_new_tokens=8, threads=1, backend="ctranslate2")
    engine = load_engine(str(tiny_model_dir), settings)
    target = sentencepiece.SentencePieceProcessor(model_file=str(tiny_model_dir / "target.spm"))
    pieces = target_pieces(engine._tokenizer)
    assert set(pieces) == {target.id_to_piece(i) for i in range(target.get_piece_size())}
    assert not any(has_arabic(p) for p in pieces)
    (vmap,) = (cache_dir() / "ctranslate2").glob("*-int8/vmap.txt")
    assert vmap.read_text(encoding="utf-8") == "\t" + " ".join(pieces) + "\n"

    cut = engine.translate(arabic)
    full_engine = load_engine(str(tiny_model_dir), replace(settings, target_vocabulary=False))
    full = full_engine.translate(arabic)
    assert not any(has_arabic(t) for t in cut)
    assert any(has_arabic(t) for t in full)
    assert full_engine.cache_key != engine.cache_key


@pytest.mark.parametrize("damage", ["delete", "truncate"])
def test_a_damaged_conversion_is_made_again(tiny_model_dir, arabic, damage):
    pytest.importorskip("ctranslate2")
    settings = DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, backend="ctranslate2")
    expected = load_engine(str(tiny_model_dir), settings).translate(arabic[:2])
    (model_bin,) = (cache_dir() / "ctranslate2").glob("*-int8/model.bin")
    if damage == "delete":
        model_bin.unlink()
    else:
        with open(model_bin, "r+b") as f:
            f.truncate(1000)
    engine = load_engine(str(tiny_model_dir), settings)
    assert engine.backend == "ctranslate2" and engine.translate(arabic[:2]) == expected
    assert model_bin.stat().st_size > 1000
