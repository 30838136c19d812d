import pytest

from models.text.search import find_spans


def found(text, query):
    return [text[s:e] for s, e in find_spans(text, query)]


@pytest.mark.parametrize("query", ["الرئيس", "الرَّئِيس", "الـرئيس", "الرئيسُ"])
def test_arabic_search_ignores_diacritics_and_tatweel_in_query_and_text(query):
    text = "قال الرَّئِيسُ إن الرئيـس سيزور"
    assert found(text, query) == ["الرَّئِيسُ", "الرئيـس"]


@pytest.mark.parametrize("text, query, match", [
    ("ذهب إلى المدرسة", "الي", "إلى"),
    ("ذهب الى المدرسه", "إلى", "الى"),
    ("ذهب الى المدرسه", "المدرسة", "المدرسه"),
    ("قرار أممي", "اممي", "أممي"),
    ("وآخرون", "واخرون", "وآخرون"),
])
def test_arabic_search_folds_alef_hamza_ya_and_ta_marbuta(text, query, match):
    assert found(text, query) == [match]


def test_spans_are_code_points_into_the_original_text_with_a_non_bmp_character_first():
    text = "😀 قال الرَّئِيسُ"
    (start, end), = find_spans(text, "الرئيس")
    assert text[start:end] == "الرَّئِيسُ"
    assert start == 6


def test_decomposed_hamza_matches_the_composed_letter():
    assert found("قال \u0627\u0655ن", "إن") == ["\u0627\u0655ن"]


def test_english_search_is_case_insensitive():
    assert found("Kerry met Lavrov. KERRY said", "kerry") == ["Kerry", "KERRY"]


def test_presentation_forms_are_found_by_ordinary_letters():
    text = "\ufee3\ufeae\ufea3\ufe92\ufe8e"  # مرحبا in Presentation Forms-B
    assert found(text, "مرحبا") == [text]


@pytest.mark.parametrize("query", ["", "   ", "\u064e"])
def test_an_empty_query_finds_nothing(query):
    assert find_spans("قال الرئيس", query) == []


def test_folding_at_c_speed_gives_the_offsets_a_walk_per_character_gives():
    """FoldedText folds with str.translate and walks only the characters that do not fold to
    one; the offsets must be those of the plain definition: each folded character's origin."""
    import random

    from models.text.search import _fold_char, fold_for_search

    def by_character(text):
        folded, origin = [], []
        for i, ch in enumerate(text):
            f = _fold_char(ch)
            folded.append(f)
            origin.extend([i] * len(f))
        return "".join(folded), origin

    alphabet = list("قال الرئيس إن المفاوضات أإىة Ab") + ["\u064e", "\u0651", "\u0640", "\u200f", "\u061c",
                                                      "\ufefb", "\ufdf2", "ß", "\U0001f600", "\n"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50)))
        assert fold_for_search(text) == by_character(text), text
