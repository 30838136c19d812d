"""Forced decoding on the tiny MarianMT model (random weights): the shapes, the alignment head,
the piece-to-word merging and the offsets of the links, and the same attention from torch and
CTranslate2. Not link quality: the weights are random."""
from types import SimpleNamespace

import numpy as np
import pytest

from models.alignment.forced import alignment_head, ctranslate2_attention, torch_attention
from models.alignment.word_links import source_words, target_words

pytestmark = pytest.mark.slow

SOURCES = ["كيري ولافروف قالا إن هناك بضع مسائل", "وقال (رويترز) إن 290 ألف شخص قتلوا"]
DRAFTS = ["Kerry and Lavrov said there are a few issues.", "He said (Reuters) that 290,000 people were killed."]


@pytest.fixture(scope="module")
def tokenizer(tiny_model_dir):
    from transformers import MarianTokenizer

    return MarianTokenizer.from_pretrained(str(tiny_model_dir))


@pytest.fixture(scope="module")
def network(tiny_model_dir):
    from transformers import MarianMTModel

    return MarianMTModel.from_pretrained(str(tiny_model_dir), attn_implementation="eager").eval()


@pytest.fixture(scope="module")
def translator(tiny_model_dir, tmp_path_factory):
    ctranslate2 = pytest.importorskip("ctranslate2")
    out = tmp_path_factory.mktemp("ct2") / "float32"
    ctranslate2.converters.TransformersConverter(str(tiny_model_dir)).convert(str(out), quantization="float32")
    return ctranslate2.Translator(str(out), device="cpu", compute_type="float32", intra_threads=1)


def test_alignment_head_is_read_from_the_configuration():
    assert alignment_head(SimpleNamespace(decoder_layers=6, decoder_attention_heads=8)) == (5, 1)
    assert alignment_head(SimpleNamespace(decoder_layers=6, decoder_attention_heads=8, alignment_layer=2,
                                          alignment_heads=2)) == (2, 2)
    with pytest.raises(ValueError, match="does not fit"):
        alignment_head(SimpleNamespace(decoder_layers=6, decoder_attention_heads=8, alignment_layer=6))


def test_torch_forced_decoding_gives_one_row_per_draft_piece(tokenizer, network):
    found = torch_attention(tokenizer, network, SOURCES, DRAFTS)
    assert len(found) == 2
    for attention, source, draft in zip(found, SOURCES, DRAFTS):
        assert list(attention.source_pieces) == tokenizer.convert_ids_to_tokens(tokenizer(source)["input_ids"])
        assert list(attention.target_pieces) == tokenizer.convert_ids_to_tokens(tokenizer(text_target=draft)["input_ids"])
        assert attention.target_pieces[-1] == "</s>" and attention.source_pieces[-1] == "</s>"
        assert attention.matrix.shape == (len(attention.target_pieces), len(attention.source_pieces))
        assert attention.matrix.sum(axis=1) == pytest.approx(np.ones(len(attention.target_pieces)), abs=1e-5)


def test_forced_decoding_links_every_draft_word_to_a_source_word(tokenizer, network):
    for attention, source, draft in zip(torch_attention(tokenizer, network, SOURCES, DRAFTS), SOURCES, DRAFTS):
        links = attention.word_links(source, draft)
        assert {l.target_span for l in links} == set(target_words(draft))  # each draft word's argmax at least
        assert {l.source_span for l in links} <= set(source_words(source))
        assert all(0.0 < l.score <= 1.0 and l.evidence == "model" for l in links)


def test_ctranslate2_forced_decoding_matches_torch(tokenizer, network, translator):
    by_torch = torch_attention(tokenizer, network, SOURCES, DRAFTS)
    by_ct2 = ctranslate2_attention(tokenizer, translator, SOURCES, DRAFTS)
    for a, b in zip(by_torch, by_ct2):
        assert (a.source_pieces, a.target_pieces) == (b.source_pieces, b.target_pieces)
        assert b.matrix.shape == a.matrix.shape
        assert b.matrix == pytest.approx(a.matrix, abs=1e-3)  # the same head, the draft forced


def test_mismatched_inputs_are_refused(tokenizer, network, translator):
    with pytest.raises(ValueError):
        torch_attention(tokenizer, network, SOURCES, DRAFTS[:1])
    with pytest.raises(ValueError):
        ctranslate2_attention(tokenizer, translator, SOURCES[:1], DRAFTS)
    assert torch_attention(tokenizer, network, [], []) == []


@pytest.mark.parametrize("backend", ["torch", "torch-int8", "ctranslate2"])
def test_each_backend_gives_the_engine_model_links(tiny_model_dir, backend):
    from models.translation.engine import load_engine
    from models.translation.settings import DecodingSettings

    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    engine = load_engine(str(tiny_model_dir), DecodingSettings(backend=backend, threads=1))
    assert engine.backend == backend
    pairs = list(zip(SOURCES, DRAFTS)) + [("", "Nothing to link."), (SOURCES[0], "  ")]
    links = engine.word_links(pairs)
    assert len(links) == 4 and links[2] == [] and links[3] == []
    for found, (source, draft) in zip(links[:2], pairs):
        assert {l.target_span for l in found} == set(target_words(draft))
        assert {l.source_span for l in found} <= set(source_words(source))
    attention = engine.word_attention(SOURCES[:1], DRAFTS[:1])[0]
    assert attention.matrix.shape == (len(attention.target_pieces), len(attention.source_pieces))


def test_ctranslate2_translation_with_attention_gives_links_of_the_machine_translation(tokenizer, translator):
    from models.alignment.attention import PieceAttention

    source = SOURCES[1]
    pieces = tokenizer.convert_ids_to_tokens(tokenizer(source)["input_ids"])
    [result] = translator.translate_batch([pieces], beam_size=2, max_decoding_length=12, return_attention=True)
    output = result.hypotheses[0]
    attention = PieceAttention(tuple(pieces), tuple(output), np.asarray(result.attention[0]))
    assert attention.matrix.shape == (len(output), len(pieces))  # one row per output piece, none for </s>
    translation = tokenizer.convert_tokens_to_string(output)
    links = attention.word_links(source, translation)
    assert target_words(translation)  # random weights: a word of repeated pieces, but a word
    assert {l.target_span for l in links} == set(target_words(translation))
    assert all(translation[slice(*l.target_span)] and source[slice(*l.source_span)] for l in links)


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_engine_keeps_the_attention_of_its_translations_when_asked(tiny_model_dir, backend):
    from models.translation.engine import load_engine
    from models.translation.settings import DecodingSettings

    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    engine = load_engine(str(tiny_model_dir), DecodingSettings(backend=backend, threads=1, num_beams=2, max_new_tokens=12))
    [plain] = engine.translate_batch(SOURCES[1:])
    assert engine.translation_links(SOURCES[1], plain) is None  # not asked
    engine.keep_attention = True
    [translation] = engine.translate_batch(SOURCES[1:])
    assert translation == plain  # asking for the attention does not change the translation
    links = engine.translation_links(SOURCES[1], translation)
    if backend == "torch":
        assert links is None  # its decoder gives no attention with the translation: no extra pass
        return
    assert {l.target_span for l in links} == set(target_words(translation))
    assert {l.source_span for l in links} <= set(source_words(SOURCES[1]))
    assert all(0 <= l.score <= 1 and l.evidence == "model" for l in links)
    assert engine.translation_links(SOURCES[1], translation + " changed") is None
    engine.translate_batch([SOURCES[0]], num_beams=1)  # a quick draft keeps no attention
    assert engine.translation_links(SOURCES[0], engine.translate_batch([SOURCES[0]], num_beams=1)[0]) is None
