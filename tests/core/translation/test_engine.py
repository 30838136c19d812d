"""The translation engine on the tiny MarianMT model, loaded the way users load a model folder.

The tiny model's output is gibberish but deterministic and different for each sample sentence,
so the tests check which text each translation belongs to, order, streaming, stopping and
splitting, not translation quality."""
import json
import shutil
from pathlib import Path

import pytest

from models.errors import ModelUnavailable
from models.translation.engine import load_engine
from models.translation.settings import DecodingSettings

pytestmark = pytest.mark.slow

FAST = DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, backend="torch")


@pytest.fixture(scope="module")
def engine(tiny_model_dir):
    return load_engine(str(tiny_model_dir), FAST)


@pytest.fixture(scope="module")
def small_batches(tiny_model_dir):
    """The same model with a token budget that puts two or three sentences in a batch."""
    return load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, batch_tokens=120, backend="torch"))


def test_loaded_engine_describes_itself(engine, tiny_model_dir):
    assert engine.model == str(tiny_model_dir)
    assert engine.max_input_tokens == 512
    assert engine.count_tokens("وقال كيري") >= 3  # pieces and the end-of-sentence token


def test_each_text_gets_its_own_translation_in_input_order(engine, arabic):
    results = engine.translate(arabic)
    assert len(set(results)) == len(arabic)  # the tiny model tells these sentences apart
    assert results == [engine.translate_batch([text])[0] for text in arabic]
    assert all(isinstance(r, str) and r for r in results)


def test_results_stream_once_per_text_and_match_the_return_value(small_batches, arabic):
    seen = []
    results = small_batches.translate(arabic, on_result=lambda i, t: seen.append((i, t)))
    assert sorted(i for i, _ in seen) == list(range(len(arabic)))
    assert dict(seen) == dict(enumerate(results))


def test_texts_on_screen_come_first_and_batches_hold_texts_of_like_length(small_batches, arabic):
    order = []
    batches = []
    translate_batch = small_batches.translate_batch
    small_batches.translate_batch = lambda texts, **kw: (batches.append(texts), translate_batch(texts, **kw))[1]
    try:
        small_batches.translate(arabic, on_result=lambda i, t: order.append(i))
    finally:
        del small_batches.translate_batch
    assert arabic[0] in batches[0] and len(batches) > 2  # reading order from the top, in several batches
    for batch in batches:  # each batch sorted by length (texts of like length pad less)
        assert [small_batches.count_tokens(t) for t in batch] == sorted(small_batches.count_tokens(t) for t in batch)

    order.clear()
    small_batches.translate(arabic, on_result=lambda i, t: order.append(i), first=[10, 3])
    assert set(order[:2]) == {10, 3}
    assert sorted(order) == list(range(len(arabic)))


def test_a_long_article_goes_on_in_reading_order_after_the_screen(engine, arabic):
    """After the screen (sentence 20) the text goes on from 21 down to the end, then from the
    top: every batch holds the first sentence left in that order, so none is left behind."""
    from tests.core.translation.test_scheduler import check_reading_order

    texts = (arabic * 4)[:60]
    sizes = []
    translate_batch = engine.translate_batch
    engine.translate_batch = lambda batch, **kw: (sizes.append(len(batch)), translate_batch(batch, **kw))[1]
    order = []
    try:
        engine.translate(texts, on_result=lambda i, t: order.append(i), first=[20])
    finally:
        del engine.translate_batch
    check_reading_order(order, sizes)


def test_scrolling_during_a_job_puts_the_new_screen_next(engine, arabic):
    texts = (arabic * 4)[:60]
    order = []
    screen = [0, 1]
    engine.translate(texts, on_result=lambda i, t: (order.append(i), screen.__setitem__(slice(None), [50, 51])),
                     first=[0, 1], on_screen=lambda: screen)
    assert order[0] == 0  # the top sentence alone
    assert set(order[1:3]) == {50, 51}  # then what the reader scrolled to, before sentence 1
    assert sorted(order) == list(range(60))


def test_stop_returns_early_with_the_rest_missing(small_batches, arabic):
    seen = {}
    results = small_batches.translate(arabic, on_result=seen.__setitem__, should_stop=lambda: bool(seen))
    done = {i: r for i, r in enumerate(results) if r is not None}
    assert done == seen
    assert 0 < len(done) < len(arabic)


def test_blank_text_is_not_sent_to_the_model(engine):
    seen = []
    assert engine.translate(["", "  "], on_result=lambda i, t: seen.append((i, t))) == ["", ""]
    assert seen == [(0, ""), (1, "")]


def test_a_sentence_over_the_limit_is_split_translated_and_joined(engine, arabic):
    long = "، ".join(text.rstrip(".") for text in arabic)
    assert engine.count_tokens(long) > engine.max_input_tokens
    with pytest.raises(ValueError):
        engine.translate_batch([long])

    parts = engine.split(long)
    assert len(parts) >= 2
    assert all(engine.count_tokens(part) <= engine.max_input_tokens for part in parts)
    assert "".join(parts).replace(" ", "") == long.replace(" ", "")  # no text dropped
    assert all(part.endswith("،") for part in parts[:-1])  # cut after a comma, not mid-clause

    seen = []
    results = engine.translate(["وقال كيري", long], on_result=lambda i, t: seen.append(i))
    assert results[1] == " ".join(engine.translate(parts))
    assert sorted(seen) == [0, 1]


def test_lowered_limit_splits_ordinary_sentences(tiny_model_dir, arabic):
    engine = load_engine(str(tiny_model_dir), FAST)
    engine.max_input_tokens = 24
    text = max(arabic, key=len)
    parts = engine.split(text)
    assert len(parts) >= 3 and all(engine.count_tokens(p) <= 24 for p in parts)
    assert engine.translate([text]) == [" ".join(engine.translate_batch([p])[0] for p in parts)]


def test_missing_hub_model_offline_is_unavailable():
    with pytest.raises(ModelUnavailable) as caught:
        load_engine("qari-test/no-such-model", FAST)
    assert caught.value.model == "qari-test/no-such-model"
    assert "qari-test/no-such-model" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("content, says", [
    ({}, "does not exist"),
    ({"notes.txt": "hello"}, "not a MarianMT"),
    ({"config.json": '{"model_type": "bert"}', "source.spm": "", "target.spm": "", "vocab.json": "{}"}, "bert"),
])
def test_folder_that_is_not_a_model_is_unavailable(tmp_path, content, says):
    folder = tmp_path / "model"
    if content:
        folder.mkdir()
        for name, text in content.items():
            (folder / name).write_text(text)
    with pytest.raises(ModelUnavailable, match=says) as caught:
        load_engine(str(folder), FAST)
    assert caught.value.model == str(folder)


def test_damaged_weights_are_unavailable(tmp_path, tiny_model_dir):
    folder = tmp_path / "damaged"
    shutil.copytree(tiny_model_dir, folder)
    (folder / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelUnavailable, match="could not be loaded"):
        load_engine(str(folder), FAST)


def test_cached_hub_model_loads_offline(tiny_model_dir, arabic, engine):
    from huggingface_hub import constants

    repo = Path(constants.HF_HUB_CACHE) / "models--qari-test--tiny"
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(tiny_model_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    cached = load_engine("qari-test/tiny", FAST)
    assert cached.model == "qari-test/tiny"
    assert cached.translate(arabic[:3]) == engine.translate(arabic[:3])


def test_tiny_model_has_the_opus_mt_layout(tiny_model_dir):
    vocab = json.loads((tiny_model_dir / "vocab.json").read_text(encoding="utf-8"))
    config = json.loads((tiny_model_dir / "config.json").read_text(encoding="utf-8"))
    assert vocab["</s>"] == 0 and vocab["<unk>"] == 1 and vocab["<pad>"] == len(vocab) - 1
    assert config["pad_token_id"] == config["decoder_start_token_id"] == len(vocab) - 1
    assert config["model_type"] == "marian" and config["vocab_size"] == len(vocab)


def test_window_load_never_downloads(monkeypatch):
    """The window loads with download=False: a model not in the cache is reported at once, and
    the download is left to the user's choice (even when downloads are allowed)."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    with pytest.raises(ModelUnavailable, match="not on this computer yet"):
        load_engine("Helsinki-NLP/opus-mt-ar-en", download=False)


def test_top_sentence_gets_a_greedy_draft_first_then_its_beam_translation(tiny_model_dir, arabic):
    from dataclasses import replace

    beams = load_engine(str(tiny_model_dir), replace(FAST, num_beams=4))
    events = []
    texts = arabic[:6]
    results = beams.translate(texts, on_result=lambda i, t: events.append(("final", i, t)), first=[4, 2],
                              on_provisional=lambda i, t: events.append(("draft", i, t)))
    drafts = [e for e in events if e[0] == "draft"]
    assert events[0] == drafts[0] and len(drafts) == 1  # exactly one draft, before any final translation
    assert drafts[0][1:] == (4, beams.translate_batch([texts[4]], num_beams=1)[0])
    assert events[1][:2] == ("final", 4)  # then its beam-4 translation, first of the finals
    assert results == [beams.translate_batch([t])[0] for t in texts]  # the return value holds finals only
    assert sorted(i for kind, i, _ in events if kind == "final") == list(range(len(texts)))

    drafts.clear()
    beams.translate(texts[:2], on_provisional=lambda i, t: drafts.append(i))  # nothing on screen: no draft
    load_engine(str(tiny_model_dir), FAST).translate(texts[:2], first=[0], on_provisional=lambda i, t: drafts.append(i))
    assert drafts == []  # greedy already: no draft
    ct2 = load_engine(str(tiny_model_dir), replace(FAST, num_beams=4, backend="ctranslate2"))
    ct2.translate(texts[:2], first=[1], on_provisional=lambda i, t: drafts.append((i, t)))
    assert drafts == [(1, ct2.translate_batch([texts[1]], num_beams=1)[0])]  # CTranslate2 drafts too
    counted = beams.texts_translated
    beams.translate(texts[:1], first=[0], on_provisional=lambda i, t: None)
    assert beams.texts_translated == counted + 1  # the draft is not counted as a translation
