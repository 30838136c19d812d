"""Getting a MarianMT model's alignment attention for given sentence pairs (forced decoding).

The target side is given, not generated: a translator's draft, any English the user pastes, or
the model's own translation. Each function takes a loaded MarianTokenizer and a loaded model (a
transformers ``MarianMTModel`` or a ``ctranslate2.Translator``) and returns one
:class:`models.alignment.attention.PieceAttention` per pair, whose ``word_links`` gives the links.

- CTranslate2: ``translate_batch`` with the whole target as ``target_prefix`` and
  ``return_attention=True``; its converters keep the model's alignment layer and heads
  (``alignment_layer=-1``, ``alignment_heads=1`` for Marian: the head guided alignment trained).
- torch: one forward pass of the encoder-decoder (without its output layer: the logits over the
  vocabulary, the largest product, are not needed) with the target as decoder input (shifted
  right behind the decoder start token) and ``output_attentions=True`` (the model must use eager
  attention); the cross-attention of the layer and heads :func:`alignment_head` reads from the
  configuration.

This module imports torch only inside the torch function: it runs in the translation worker.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from models.alignment.attention import PieceAttention

#: Marian's default guided-alignment layer (``transformer-guided-alignment-layer: last``) and
#: CTranslate2's defaults (``alignment_layer=-1``, ``alignment_heads=1``).
DEFAULT_ALIGNMENT_LAYER = -1
DEFAULT_ALIGNMENT_HEADS = 1


def alignment_head(config: Any) -> tuple[int, int]:
    """(decoder layer index >= 0, number of leading heads averaged) of the alignment attention
    of a transformers model ``config``: its ``alignment_layer``/``alignment_heads`` when it has
    them (the names CTranslate2's specs use), else Marian's default, the first head of the last
    decoder layer. Raises ``ValueError`` for a layer or head count outside the model."""
    layers = int(getattr(config, "decoder_layers", None) or getattr(config, "num_hidden_layers"))
    heads = int(getattr(config, "decoder_attention_heads", None) or getattr(config, "num_attention_heads"))
    layer = int(getattr(config, "alignment_layer", DEFAULT_ALIGNMENT_LAYER))
    count = int(getattr(config, "alignment_heads", DEFAULT_ALIGNMENT_HEADS))
    index = layer + layers if layer < 0 else layer
    if not 0 <= index < layers or not 1 <= count <= heads:
        raise ValueError(f"alignment layer {layer} with {count} heads does not fit a decoder of {layers} layers "
                         f"and {heads} heads")
    return index, count


def _source_pieces(tokenizer: Any, sources: Sequence[str]) -> list[list[str]]:
    return [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(list(sources), truncation=False)["input_ids"]]


def _target_pieces(tokenizer: Any, targets: Sequence[str]) -> list[list[str]]:
    """Target pieces of each text, ``</s>`` last (the target SentencePiece model)."""
    return [tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(text_target=list(targets), truncation=False)["input_ids"]]


def torch_attention(tokenizer: Any, network: Any, sources: Sequence[str], targets: Sequence[str]) -> list[PieceAttention]:
    """Alignment attention of each (source, target) pair from a transformers MarianMT model, by
    one forward pass of the batch (module doc). Rows are the target pieces with ``</s>`` last,
    columns the source pieces with ``</s>`` last. Raises ``ValueError`` when ``sources`` and
    ``targets`` differ in length or the model does not return attentions (not eager attention)."""
    import torch
    from transformers.models.marian.modeling_marian import shift_tokens_right

    if len(sources) != len(targets):
        raise ValueError(f"{len(sources)} sources for {len(targets)} targets")
    if not sources:
        return []
    config = network.config
    layer, heads = alignment_head(config)
    batch = tokenizer(list(sources), text_target=list(targets), padding=True, truncation=False, return_tensors="pt")
    labels = batch.pop("labels")
    decoder_input = shift_tokens_right(labels, config.pad_token_id, config.decoder_start_token_id)
    body = getattr(network, "model", network)  # the encoder-decoder without the output layer: no logits needed
    with torch.inference_mode():
        output = body(**batch, decoder_input_ids=decoder_input, output_attentions=True, return_dict=True)
    if not output.cross_attentions:
        raise ValueError("the model returned no attention weights; load it with attn_implementation='eager'")
    weights = output.cross_attentions[layer][:, :heads].mean(dim=1).float().numpy()
    result = []
    for b, (source_pieces, target_pieces) in enumerate(zip(_source_pieces(tokenizer, sources), _target_pieces(tokenizer, targets))):
        matrix = weights[b, : len(target_pieces), : len(source_pieces)]
        result.append(PieceAttention(tuple(source_pieces), tuple(target_pieces), np.array(matrix, dtype=np.float64)))
    return result


def ctranslate2_attention(tokenizer: Any, translator: Any, sources: Sequence[str], targets: Sequence[str],
                          use_vmap: bool = False) -> list[PieceAttention]:
    """Alignment attention of each (source, target) pair from a ``ctranslate2.Translator``, by
    decoding with the whole target as prefix (module doc). Rows are the target pieces with
    ``</s>`` last (its row is the attention of the step after the prefix), columns the source
    pieces with ``</s>`` last. ``use_vmap`` limits the output layer to the model's vocabulary map
    (as the translation does, see :func:`models.translation.backends.ctranslate2.write_vocabulary_map`): the
    prefix is forced all the same, and each step costs less. Raises ``ValueError`` when
    ``sources`` and ``targets`` differ in length."""
    if len(sources) != len(targets):
        raise ValueError(f"{len(sources)} sources for {len(targets)} targets")
    if not sources:
        return []
    source_pieces = _source_pieces(tokenizer, sources)
    target_pieces = _target_pieces(tokenizer, targets)
    prefixes = [pieces[:-1] for pieces in target_pieces]
    output = translator.translate_batch(source_pieces, target_prefix=prefixes, beam_size=1, return_attention=True,
                                        max_decoding_length=max(len(p) for p in prefixes) + 1, use_vmap=use_vmap)
    result = []
    for src, tgt, item in zip(source_pieces, target_pieces, output):
        rows = np.asarray(item.attention[0], dtype=np.float64)[: len(tgt)]
        if rows.shape[0] < len(tgt):  # decoding ended at the prefix: no row for </s>
            rows = np.vstack([rows, np.zeros((len(tgt) - rows.shape[0], len(src)))])
        result.append(PieceAttention(tuple(src), tuple(tgt), rows))
    return result
