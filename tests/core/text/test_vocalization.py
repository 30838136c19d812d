"""Vocalization: the model's vowels added to the original text, with offsets into the original;
a missing or failing model gives a reason, not an exception; the lexicon cross-check."""
import sys
import unicodedata

import pytest

from models.lexicon.lookup import lookup
from models.lexicon.vowel_check import check, vowels_agree
from models.text.arabic import strip_diacritics
from models.text.vocalization import Diacritizer, VocalizationError, merge_marks, pieces

TEXT = "قال وزير الخارجية جون كيري\nإنّ المحادثات مستمرة."


@pytest.fixture(scope="module")
def vocalized(tmp_path_factory):
    diacritizer = Diacritizer(cache_path=tmp_path_factory.mktemp("vocalization") / "cache.sqlite3")
    if diacritizer.unavailable_reason():
        pytest.skip(diacritizer.unavailable_reason())
    return diacritizer.vocalize(TEXT)


def test_vowels_are_added_and_the_original_is_kept(vocalized):
    assert vocalized.original == TEXT
    assert strip_diacritics(vocalized.text) == strip_diacritics(TEXT)
    assert vocalized.added and len(vocalized.text) == len(TEXT) + len(vocalized.added)
    assert "\n" in vocalized.text  # lines stay lines
    assert vocalized.span(0, 3).startswith("ق") and len(vocalized.span(0, 3)) > 3


def test_offset_map_points_back_into_the_original(vocalized):
    for index, original in enumerate(vocalized.to_original):
        if index not in vocalized.added:
            assert vocalized.text[index] == TEXT[original]
        else:
            assert unicodedata.combining(vocalized.text[index])
    for original in range(len(TEXT)):
        assert vocalized.original_offset(vocalized.vocalized_offset(original)) == original
    assert vocalized.vocalized_offset(len(TEXT)) == len(vocalized.text)
    word = TEXT.index("المحادثات")
    span = vocalized.span(word, word + len("المحادثات"))
    assert strip_diacritics(span) == "المحادثات"


def test_the_writers_own_marks_win():
    merged = merge_marks("إنّ", "إِنَّ".replace("\u0651", ""))  # the model says inna without shadda
    assert merged.text == "إِنّ"  # the model's kasra on the first letter, the written shadda kept on the second


def test_letters_that_do_not_line_up_are_left_as_written():
    assert merge_marks("كتب", "كَتَبَا") is None


def test_long_lines_are_cut_into_pieces_that_join_back():
    line = "كلمة " * 150 + "نهاية. " + "جملة " * 120
    parts = pieces(line)
    assert "".join(parts) == line and all(len(p) <= 400 for p in parts)


def test_cached_result_is_reused_without_the_model(tmp_path, monkeypatch):
    cache = tmp_path / "cache.sqlite3"
    first = Diacritizer(cache_path=cache)
    if first.unavailable_reason():
        pytest.skip(first.unavailable_reason())
    expected = first.vocalize(TEXT)
    first.close()
    second = Diacritizer(cache_path=cache)
    monkeypatch.setattr(second, "_load", lambda: pytest.fail("the model was loaded although the text is cached"))
    assert second.vocalize(TEXT) == expected


def test_missing_package_gives_a_reason_not_an_exception(monkeypatch):
    monkeypatch.setitem(sys.modules, "text2tashkeel", None)  # import fails as for a missing package
    diacritizer = Diacritizer(cache_path=False)
    reason = diacritizer.unavailable_reason()
    assert reason and "text2tashkeel" in reason and "pip install" in reason
    with pytest.raises(VocalizationError, match="Vowels cannot be shown"):
        diacritizer.vocalize(TEXT)


def test_failing_model_gives_a_reason_not_an_exception():
    diacritizer = Diacritizer(cache_path=False, model="no-such-model")
    assert diacritizer.unavailable_reason().startswith("Vowels cannot be shown: the diacritization model failed")
    assert diacritizer.vocalize("123 abc").text == "123 abc"  # nothing Arabic: the model is not needed


def test_the_model_in_its_own_process_gives_the_same_vowels(vocalized):
    diacritizer = Diacritizer(cache_path=False, separate_process=True)
    try:
        assert diacritizer.vocalize(TEXT) == vocalized
    finally:
        diacritizer.close()


def test_a_failing_model_in_its_own_process_gives_a_reason_not_an_exception():
    diacritizer = Diacritizer(cache_path=False, model="no-such-model", separate_process=True)
    try:
        assert diacritizer.unavailable_reason().startswith("Vowels cannot be shown: the diacritization model failed")
        with pytest.raises(VocalizationError, match="Vowels cannot be shown"):
            diacritizer.vocalize(TEXT)
    finally:
        diacritizer.close()


def test_lexicon_reading_agreeing_with_the_model_ranks_first():
    found = lookup("كتب")
    checked = check(found, "كُتِبَ")
    assert checked.agreeing >= 1 and not checked.uncertain
    assert checked.analyses[0].buckwalter.startswith("kutib")
    assert checked.analyses[0].reason.startswith("the diacritizer's vowels agree")
    assert vowels_agree("كَتَبَ", next(a for a in found.analyses if a.buckwalter == "kataba"))


def test_no_agreeing_reading_marks_the_vowels_uncertain():
    assert check(lookup("كتب"), "كِتِبِ").uncertain
    assert check(lookup("لافروف"), "لَافْرُوف").uncertain  # a name: backoff readings never agree
