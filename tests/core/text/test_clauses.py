"""Cutting over-long sentences into parts that fit the model, at clause boundaries."""
import pytest

from models.text.clauses import split_to_fit


def words(text: str) -> int:
    """A token count of one token per word plus the end-of-sentence token."""
    return len(text.split()) + 1


def parts(text: str, limit: int) -> list[str]:
    spans = split_to_fit(text, words, limit)
    result = [text[a:b] for a, b in spans]
    assert "".join(result).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing repeated
    assert all(words(p) <= limit for p in result)
    assert all(p == p.strip() and p for p in result)
    return result


def test_text_that_fits_is_one_span():
    assert split_to_fit("  وقال كيري  ", words, 10) == [(2, 11)]


def test_blank_text_gives_no_span():
    assert split_to_fit(" \n ", words, 10) == []


def test_cuts_after_arabic_comma_and_merges_neighbours():
    text = "قال كيري، في جنيف، إن المبعوث الدولي سيعمل على إعادة الأطراف"
    assert parts(text, 6) == ["قال كيري، في جنيف،", "إن المبعوث الدولي سيعمل على", "إعادة الأطراف"]


def test_punctuation_before_conjunction_before_plain_words():
    text = "اتفق الطرفان على عدد من النقاط لكن هناك بعض النقاط العالقة؛ وقال لافروف شيئا"
    assert parts(text, 8) == ["اتفق الطرفان على عدد من النقاط", "لكن هناك بعض النقاط العالقة؛", "وقال لافروف شيئا"]


def test_conjunction_with_proclitic_waw():
    text = "سيعمل المبعوث على إعادة الأطراف إلى طاولة الحوار ولكن المهمة صعبة جدا"
    assert parts(text, 9) == ["سيعمل المبعوث على إعادة الأطراف إلى طاولة الحوار", "ولكن المهمة صعبة جدا"]


def test_before_waw_and_fa_prefixed_words_when_no_clause_mark():
    text = "يريد الشعب السوري الأمن والاستقرار والسلام في بلاده فالحرب طويلة"
    assert parts(text, 6) == ["يريد الشعب السوري الأمن والاستقرار", "والسلام في بلاده فالحرب طويلة"]


def test_plain_word_boundaries_as_last_resort_for_words():
    text = "one two three four five six seven"
    assert parts(text, 3) == ["one two", "three four", "five six", "seven"]


def test_a_word_longer_than_the_limit_is_cut_inside():
    def chars(text: str) -> int:
        return len(text) + 1

    text = "abcdefghij kl"
    spans = split_to_fit(text, chars, 4)
    assert [text[a:b] for a, b in spans] == ["abc", "def", "ghi", "j", "kl"]


def test_limit_below_one_character_is_an_error():
    with pytest.raises(ValueError):
        split_to_fit("abc def", lambda text: 5, 2)
