from models.text.numbers import extract_numbers, number_keys


def values(text):
    return [(n.value, n.percent, n.text) for n in extract_numbers(text)]


def test_arabic_thousands_word_equals_english_digits():
    assert number_keys("أودى بـ290 ألف شخص منذ عام 2011") == number_keys("killed 290,000 people since 2011")


def test_arabic_indic_digits_decimals_and_percent_words():
    assert values("نما ٣٫٥ في المئة") == [(3.5, True, "٣٫٥ في المئة")]
    assert values("grew 3.5 per cent") == [(3.5, True, "3.5 per cent")]
    assert values("25% و٪٤٠") [0] == (25.0, True, "25%")
    assert number_keys("ارتفع 2.5 نقطة مئوية") == number_keys("rose 2.5 percentage points")


def test_scale_words_in_both_languages():
    assert number_keys("2.5 مليار دولار و5 ملايين") == number_keys("$2.5 billion and 5 million")
    assert values("10 آلاف") == [(10000.0, False, "10 آلاف")]


def test_offsets_are_characters_into_the_text():
    text = "في 11 أيار/مايو ٢٠١٥ بلغ 800 1 متطوع"
    found = extract_numbers(text)
    assert [text[n.start : n.end] for n in found] == ["11", "٢٠١٥", "800 1"]
    assert [n.value for n in found] == [11.0, 2015.0, 1800.0]  # right-to-left thousands groups


def test_space_separated_groups_are_two_numbers_in_english():
    assert [n.value for n in extract_numbers("in 800 1 cases")] == [800.0, 1.0]


def test_text_without_digits():
    assert extract_numbers("ثلاثة أشخاص, three people") == []
