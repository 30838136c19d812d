"""The model the translation benchmarks run on: a MarianMT model with the shape of
Helsinki-NLP/opus-mt-ar-en (vocabulary 62834, d_model 512, 6+6 layers, 8 heads, FFN 2048, swish)
and random weights, so that it costs what the real one does without a download. Its SentencePiece
tokenizers are trained on the sample article and, when present, the UN test set
(``shared/data/un_v1.0``, :func:`tests.support.corpus.shared_dir`).

It lives here rather than in ``benchmarks/`` so that ``python benchmarks/X.py`` can import it
(see :mod:`tests.support.corpus`)."""
from __future__ import annotations

import sys
from pathlib import Path

from tests.support.corpus import shared_dir

#: Version of the benchmark model's recipe: bump it to rebuild the cached folder.
MODEL_NAME = "opus-mt-ar-en-shape-v2"
OPUS_SHAPE = dict(d_model=512, layers=6, heads=8, ffn_dim=2048, vocab_size=62834, activation="swish", init_std=0.02,
                  target_model_size=32000)


def benchmark_model() -> Path:
    """Folder of the opus-shaped random model (``cache_dir()/bench/MODEL_NAME``), built on first
    use (about 30 s; progress on stderr) and then reused."""
    from models.paths import cache_dir
    from tests.support.tiny_marian import ENGLISH_LINES, _sample_lines, build_marian

    folder = cache_dir() / "bench" / MODEL_NAME
    if (folder / "model.safetensors").is_file():
        return folder
    arabic, english = _sample_lines(), list(ENGLISH_LINES)
    un = shared_dir() / "data" / "un_v1.0"
    if (un / "UNv1.0.testset.ar").is_file():
        arabic += [line for line in (un / "UNv1.0.testset.ar").read_text(encoding="utf-8").splitlines() if line.strip()]
        english += [line for line in (un / "UNv1.0.testset.en").read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        print("warning: no UN test set found; the tokenizers are trained on the sample article only", file=sys.stderr)
    pieces = 16000 if len(arabic) > 1000 else 2000
    print(f"building the benchmark model in {folder} …", file=sys.stderr)
    partial = folder.with_name(folder.name + ".part")
    build_marian(partial, arabic, english, source_pieces=pieces, target_pieces=pieces, **OPUS_SHAPE)
    partial.rename(folder)
    return folder
