"""The one table of proclitics agrees with the Buckwalter lexicon's dictPrefixes."""
from models.lexicon.buckwalter import data_dir, read_dictionary
from models.lexicon.clitics import (
    ARABIC_ARTICLE_PROCLITICS, ARABIC_CONJUNCTIONS, ARABIC_NOUN_PROCLITICS, FUTURE_TAG, NOUN_PROCLITIC_TAGS, PROCLITICS,
    proclitic_bases,
)
from models.lexicon.transliteration import VOWEL_MARKS


def _morphemes(pos: str) -> list[tuple[str, str]]:
    return [tuple(part.rsplit("/", 1)) for part in pos.split("+") if part]


def test_noun_proclitics_are_the_dictprefixes_entries_of_conjunctions_prepositions_and_article():
    from_lexicon = set()
    for entry in read_dictionary(data_dir() / "dictPrefixes"):
        tags = tuple(tag for _, tag in _morphemes(entry.pos))
        if tags and all(tag in NOUN_PROCLITIC_TAGS for tag in tags):
            from_lexicon.add((entry.form, tags))
    table = [(form, tags) for form, tags in PROCLITICS if FUTURE_TAG not in tags]
    assert len(set(table)) == len(table) and set(table) == from_lexicon


def test_verb_proclitics_are_the_conjunction_and_future_morphemes_of_dictprefixes():
    from_lexicon = set()
    for entry in read_dictionary(data_dir() / "dictPrefixes"):
        morphemes = _morphemes(entry.pos)
        if any(tag == FUTURE_TAG for _, tag in morphemes):
            clitics = [(voc, tag) for voc, tag in morphemes if tag in ("CONJ", FUTURE_TAG)]
            form = "".join(voc for voc, _ in clitics).translate(str.maketrans("", "", VOWEL_MARKS))
            from_lexicon.add((form, tuple(tag for _, tag in clitics)))
    table = [(form, tags) for form, tags in PROCLITICS if FUTURE_TAG in tags]
    assert len(set(table)) == len(table) and set(table) == from_lexicon


def test_arabic_forms():
    assert ARABIC_CONJUNCTIONS == ("و", "ف")
    assert ARABIC_NOUN_PROCLITICS[0] in ("وبال", "وكال", "فبال", "فكال") and "س" not in ARABIC_NOUN_PROCLITICS
    assert len(ARABIC_NOUN_PROCLITICS) == 23
    assert set(ARABIC_ARTICLE_PROCLITICS) == {
        "ال", "وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "فكال", "لل", "ولل", "فلل"}


def test_bases_restore_the_article_after_li():
    assert {"وللامم", "للامم", "لامم", "الامم", "امم"} <= proclitic_bases("وللامم")
    assert proclitic_bases("وسيقول") == {"وسيقول", "سيقول", "يقول"}
    assert proclitic_bases("بك") == {"بك"}  # a base keeps two letters
    assert "الليل" in proclitic_bases("لليل")  # li + al + layl: the article is not written before a lam
    assert "الكتاب" not in proclitic_bases("لكتاب")
