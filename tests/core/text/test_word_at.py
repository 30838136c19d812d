import pytest

from models.text.word_spans import word_span_at, word_span_at_caret


@pytest.mark.parametrize("text, expected", [
    ("ببءب 1234 ببب", ["ببءب", None, "ببب"]),
    ("safa123 العربية", [None, "العربية"]),
    ("بسم (الله الرحمن )", ["بسم", None, "الله", "الرحمن", None]),
    ("- كلمة عربية", [None, "كلمة", "عربية"]),
])
def test_each_character_belongs_to_its_word(text, expected):
    """Every character maps to the word it is part of; digits, Latin, brackets and dashes to none."""
    words = []
    for offset in range(len(text)):
        span = word_span_at(text, offset)
        word = text[span[0]:span[1]] if span else None
        if text[offset] == " ":
            assert span is None
            continue
        if not words or words[-1] != word:
            words.append(word)
    assert words == expected


def test_diacritics_tatweel_and_marks_stay_inside_the_word():
    text = "قالَ الكـــتابُ\u200f."
    assert word_span_at(text, 12) == (5, 16)
    assert text[5:16] == "الكـــتابُ\u200f"
    assert word_span_at(text, len(text) - 1) is None


def test_caret_at_either_edge_of_a_word():
    text = "وقال كيري"
    assert word_span_at_caret(text, 5) == (5, 9)   # before كيري
    assert word_span_at_caret(text, 9) == (5, 9)   # at the end of the text
    assert word_span_at_caret(text, 4) == (0, 4)   # just after وقال, on the space
    assert word_span_at(text, 99) is None and word_span_at(text, -1) is None
