"""Buckwalter transliteration and the readable romanization."""
from models.lexicon import transliteration
from models.lexicon.transliteration import SUN_LETTERS, VOWEL_MARKS, article_romanization, to_arabic


def test_transliteration_round_trip():
    assert transliteration.to_buckwalter("\u0648\u0627\u0644\u0645\u0633\u0627\u0639\u062f\u0627\u062a") == "wAlmsAEdAt"
    assert transliteration.to_arabic("musAEadAt") == "\u0645\u064f\u0633\u0627\u0639\u064e\u062f\u0627\u062a"
    assert transliteration.romanize("musAEadAt") == "mus\u0101\u02bfad\u0101t"


def test_symbol_classes_are_the_arabic_marks_and_sun_letters():
    # Every vowel mark is an Arabic combining mark (harakat, tanwin, shadda, sukun, dagger alef).
    assert to_arabic(VOWEL_MARKS) == "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    assert to_arabic(SUN_LETTERS) == "تثدذرزسشصضطظلن"
    assert article_romanization("$") == "ash" and article_romanization("q") == "al"
