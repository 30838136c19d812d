"""The SentencePiece tokenizer of the CTranslate2 backend gives what transformers' MarianTokenizer
gives: the same ids for source and target texts, the same pieces, the same decoded texts."""
import random

import pytest

from models.documents import sample_path
from models.translation.marian_pieces import MarianPieces

EDGES = ["", " ", "مرحبا </s> بالعالم <unk>x", ">>ara<< نص", "1\n2\n3", "«الصمتُ ... طائر.»", "الـــعربية \u061c لغة",
         "U.S. Army 2016", "\ufefb\ufe8e", "x<pad>y"]


def texts(shared: list[str]) -> list[str]:
    return [line for line in sample_path().read_text(encoding="utf-8").splitlines() if line.strip()] + EDGES + shared


@pytest.fixture(scope="module")
def shared_lines() -> list[str]:
    from tests.conftest import SHARED

    un = SHARED / "data" / "un_v1.0"
    lines: list[str] = []
    for name in ("UNv1.0.testset.ar", "UNv1.0.testset.en"):
        if (un / name).is_file():
            lines += (un / name).read_text(encoding="utf-8").splitlines()[:300]
    return lines


def test_ids_pieces_and_texts_are_marian_tokenizers(tiny_model_dir, shared_lines):
    from transformers import MarianTokenizer

    reference = MarianTokenizer.from_pretrained(str(tiny_model_dir))
    pieces = MarianPieces(tiny_model_dir)
    sample = texts(shared_lines)
    assert pieces.model_max_length == reference.model_max_length
    assert pieces(sample, truncation=False)["input_ids"] == reference(sample, truncation=False)["input_ids"]
    assert pieces(sample[0])["input_ids"] == reference(sample[0])["input_ids"]
    assert pieces(text_target=sample)["input_ids"] == reference(text_target=sample)["input_ids"]
    for ids in reference(sample)["input_ids"]:
        assert pieces.convert_ids_to_tokens(ids) == reference.convert_ids_to_tokens(ids)
    generator = random.Random(2016)
    outputs = [[generator.randrange(len(pieces.encoder)) for _ in range(generator.randrange(1, 30))] for _ in range(300)]
    outputs += reference(text_target=sample)["input_ids"]
    assert pieces.batch_decode(outputs, skip_special_tokens=True) == reference.batch_decode(outputs, skip_special_tokens=True)
    tokens = reference.convert_ids_to_tokens(outputs[0])
    assert pieces.convert_tokens_to_ids(tokens + ["not-a-piece"]) == reference.convert_tokens_to_ids(tokens + ["not-a-piece"])
