"""Build a tiny MarianMT model (random weights) with real SentencePiece tokenizers, for tests.

    python tests/support/tiny_marian.py OUTDIR

The folder has the layout of a Helsinki-NLP opus-mt model (``config.json``,
``model.safetensors``, ``source.spm``, ``target.spm``, ``vocab.json``,
``tokenizer_config.json``), so it loads through the same code path as the real one. The
SentencePiece models are trained on lines of the bundled sample article (Arabic source) and a
few English lines written here (target). The weights are random with a fixed seed: its output
is gibberish, but deterministic. Building takes a few seconds on one core.
"""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

ENGLISH_LINES = [
    "Disagreements between the United States and Russia hinder an agreement on Syria.",
    "Kerry and Lavrov said a few issues must be settled before an agreement can be reached.",
    "The two sides failed to reach an agreement, but they said few limited issues remain.",
    "The US Secretary of State John Kerry met his Russian counterpart Sergei Lavrov in Geneva.",
    "The UN envoy to Syria will work to bring the parties back to the negotiating table.",
    "We do not want an agreement for the sake of an agreement.",
    "We want to achieve something effective that benefits the Syrian people.",
    "Most of the steps towards renewing the truce and a humanitarian plan have been completed.",
    "Both men warned that the agreement could collapse without a period of calm.",
    "Lavrov confirmed agreement on a number of important points, but some points remain.",
    "The classification of armed groups in Syria is a complicated matter.",
    "Contacts with Washington on the Syrian file will intensify.",
    "In the coming days Russian and American diplomats will meet to resolve technical difficulties.",
    "Several rounds of international negotiations to settle the conflict have failed.",
    "The conflict has killed 290,000 people in Syria since 2011.",
    "Source: Al Jazeera and agencies.",
    "I don't know.",
    "He said, \"I think we will soon present the fruits of our efforts.\"",
]

SPECIAL = ("</s>", "<unk>", "<pad>")


def _sample_lines() -> list[str]:
    sample = Path(__file__).resolve().parents[2] / "resources" / "samples" / "ar-kerry-lavrov-syria-2016.txt"
    return [line.strip() for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]


def _train_spm(lines: list[str], vocab_size: int, fillers: int = 0) -> bytes:
    """A SentencePiece unigram model trained on ``lines``, of at most about ``vocab_size``
    learned pieces, plus ``fillers`` user-defined pieces ``<piece_N>`` that no text holds."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        unk_id=0,
        bos_id=-1,
        eos_id=1,
        pad_id=-1,
        minloglevel=2,
        user_defined_symbols=[f"<piece_{n}>" for n in range(fillers)],
    )
    return model.getvalue()


def _pieces(model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def build_tiny_marian(outdir: str | Path, d_model: int = 32, layers: int = 1, seed: int = 0) -> Path:
    """Write a tiny MarianMT model and tokenizer into ``outdir`` (created if missing); return it.

    Vocabulary: ``</s>`` = 0, ``<unk>`` = 1, the pieces of both SentencePiece models, ``<pad>``
    last, as in the opus-mt ``vocab.json`` files. ``pad_token_id`` and
    ``decoder_start_token_id`` are the ``<pad>`` id, ``eos_token_id`` is 0. Weights are drawn
    with ``init_std`` 0.3 (not the usual 0.02): with small weights every input gives the same
    output, with these the 16 Arabic sentences of the sample give 16 different outputs, so tests
    can tell translations apart."""
    return build_marian(outdir, _sample_lines(), ENGLISH_LINES, source_pieces=200, target_pieces=150,
                        d_model=d_model, layers=layers, heads=2, ffn_dim=2 * d_model, seed=seed)


def build_marian(outdir: str | Path, source_lines: list[str], target_lines: list[str], *, source_pieces: int,
                 target_pieces: int, d_model: int, layers: int, heads: int, ffn_dim: int, vocab_size: int | None = None,
                 activation: str = "gelu", init_std: float = 0.3, seed: int = 0,
                 target_model_size: int | None = None) -> Path:
    """Write a random-weight MarianMT model of the given shape and its tokenizer into ``outdir``.

    SentencePiece unigram models of about ``source_pieces``/``target_pieces`` pieces are trained
    on ``source_lines``/``target_lines``. The vocabulary is ``</s>`` = 0, ``<unk>`` = 1, the pieces
    of both models, then (when ``vocab_size`` is given) filler entries ``<extra_N>`` that no
    tokenizer produces, and ``<pad>`` last, so the model has exactly ``vocab_size`` embeddings
    (62834 for opus-mt-ar-en) with ``<pad>`` = ``vocab_size - 1``. ``activation`` is the FFN
    activation (opus-mt: "swish"); positions are static sinusoids over 512 places.
    ``target_model_size`` pads the target SentencePiece model with pieces ``<piece_N>`` that no
    text holds to about that many pieces (a stand-in for opus-mt's 32,000-piece target model,
    which decides how many tokens the model may output; see ``target_vocabulary`` in
    :class:`models.translation.settings.DecodingSettings`). Raises ``ValueError`` if the pieces do not fit
    in ``vocab_size``."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()

    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    source = _train_spm(source_lines, vocab_size=source_pieces)
    target = _train_spm(target_lines, vocab_size=target_pieces)
    if target_model_size is not None:
        fillers = target_model_size - len(_pieces(target))
        target = _train_spm(target_lines, vocab_size=target_pieces + fillers, fillers=fillers)
    (outdir / "source.spm").write_bytes(source)
    (outdir / "target.spm").write_bytes(target)

    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for piece in _pieces(source) + _pieces(target):
        if piece not in vocab and piece not in SPECIAL:
            vocab[piece] = len(vocab)
    if vocab_size is not None:
        if len(vocab) >= vocab_size:
            raise ValueError(f"{len(vocab) + 1} entries do not fit in a vocabulary of {vocab_size}")
        for n in range(vocab_size - 1 - len(vocab)):
            vocab[f"<extra_{n}>"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (outdir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
    (outdir / "tokenizer_config.json").write_text(
        json.dumps({"source_lang": "ar", "target_lang": "en", "model_max_length": 512, "separate_vocabs": False}),
        encoding="utf-8",
    )
    tokenizer = MarianTokenizer.from_pretrained(outdir)

    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn_dim,
        decoder_ffn_dim=ffn_dim,
        activation_function=activation,
        max_position_embeddings=512,
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        init_std=init_std,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    model.generation_config.bad_words_ids = [[pad]]
    model.generation_config.max_length = 512
    model.save_pretrained(outdir)
    tokenizer.save_pretrained(outdir)
    return outdir


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} OUTDIR")
    print(build_tiny_marian(sys.argv[1]))
