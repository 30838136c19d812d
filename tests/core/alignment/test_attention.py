import numpy as np
import pytest

from models.alignment.attention import attention_links, piece_spans, word_pieces, word_weights
from models.alignment.word_links import source_words, target_words

SOURCE = "كيري ولافروف (رويترز)"
SOURCE_PIECES = ["▁كي", "ري", "▁و", "لافروف", "▁(", "روي", "ترز", ")", "</s>"]
TARGET = "Kerry and Lavrov (Reuters)"
TARGET_PIECES = ["▁", "K", "erry", "▁and", "▁La", "vrov", "▁(", "Reuters", ")", "</s>"]


def test_pieces_are_located_in_the_text():
    spans = piece_spans(SOURCE_PIECES, SOURCE)
    assert [SOURCE[a:b] if (a, b) != (None, None) else None for a, b in (s or (None, None) for s in spans)] == [
        "كي", "ري", "و", "لافروف", "(", "روي", "ترز", ")", None]
    assert piece_spans(TARGET_PIECES, TARGET)[:3] == [None, (0, 1), (1, 5)]


def test_pieces_are_located_through_nfkc_and_unknown_pieces_are_skipped():
    text = "ﻻ بد"  # the lam-alef ligature is NFKC-normalized to two letters by SentencePiece
    assert piece_spans(["▁لا", "▁<unk>", "▁بد"], text) == [(0, 1), None, (2, 4)]
    assert piece_spans(["▁xyz", "▁بد"], text) == [None, (2, 4)]


def test_pieces_merge_into_words():
    assert word_pieces(SOURCE_PIECES, SOURCE, source_words(SOURCE)) == [[0, 1], [2, 3], [5, 6]]
    assert word_pieces(TARGET_PIECES, TARGET, target_words(TARGET)) == [[1, 2], [3], [4, 5], [7]]


def attention(pairs, rows=len(TARGET_PIECES), cols=len(SOURCE_PIECES)):
    """A row-stochastic matrix with the given (target piece, source piece): weight entries, the
    rest of each row on the source </s>."""
    matrix = np.zeros((rows, cols))
    for (t, s), w in pairs.items():
        matrix[t, s] = w
    matrix[:, -1] = 1.0 - matrix.sum(axis=1)
    return matrix


def test_word_weights_average_target_pieces_and_sum_source_pieces():
    matrix = attention({(1, 0): 0.5, (1, 1): 0.5, (2, 0): 0.2, (2, 1): 0.2})
    weights = word_weights(matrix, [[0, 1], [2, 3]], [[1, 2]])
    assert weights.shape == (1, 2)
    assert weights[0] == pytest.approx([0.7, 0.0])


def test_attention_links_keep_threshold_and_argmax_with_offsets():
    matrix = attention({
        (1, 0): 0.45, (1, 1): 0.45, (2, 0): 0.5, (2, 1): 0.4,  # Kerry -> كيري 0.9
        (3, 2): 0.6, (3, 3): 0.1,  # and -> ولافروف 0.7
        (4, 3): 0.5, (4, 0): 0.3, (5, 3): 0.5, (5, 0): 0.3,  # Lavrov -> ولافروف 0.5, كيري 0.3
        (7, 5): 0.1, (7, 6): 0.05,  # Reuters -> رويترز 0.15: below the threshold, but its argmax
    })
    links = attention_links(matrix, SOURCE_PIECES, TARGET_PIECES, SOURCE, TARGET, threshold=0.3)
    found = {(SOURCE[slice(*l.source_span)], TARGET[slice(*l.target_span)]): l.score for l in links}
    assert found == pytest.approx({("كيري", "Kerry"): 0.9, ("ولافروف", "and"): 0.7, ("ولافروف", "Lavrov"): 0.5,
                                   ("كيري", "Lavrov"): 0.3, ("رويترز", "Reuters"): 0.15})
    assert {l.evidence for l in links} == {"model"}


def test_attention_of_the_wrong_shape_is_refused():
    with pytest.raises(ValueError, match="shape"):
        attention_links(np.ones((3, 3)), SOURCE_PIECES, TARGET_PIECES, SOURCE, TARGET)
