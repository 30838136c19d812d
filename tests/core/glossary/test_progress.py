"""The status breakdown of a text's distinct words."""
from models.glossary.matching import find_terms
from models.glossary.progress import WordProgress, frequent_unknown_words, word_progress
from models.glossary.store import Term

TEXT = "قال الرئيس إن وقف إطلاق النار صامد. وقال الرئيسُ إن المحادثات مستمرة."


def test_counts_distinct_words_by_status():
    terms = [Term("رئيس", status="known"), Term("وقف إطلاق النار", status="learning"), Term("محادثات")]
    progress = word_progress(TEXT, find_terms(TEXT, terms))
    # الرئيس and الرئيسُ fold to one known word; وقف, إطلاق, النار are learning; المحادثات new;
    # قال, إن, صامد, وقال, مستمرة are not in the glossary.
    assert progress == WordProgress(known=1, learning=3, new=1, unlisted=5)
    assert progress.total == 10


def test_without_terms_every_word_is_unlisted():
    assert word_progress(TEXT, []) == WordProgress(unlisted=10)
    assert word_progress("no Arabic here", []) == WordProgress()


def test_frequent_words_not_known_are_the_common_words_no_known_term_covers():
    bands = {"قال": 1, "الرئيس": 1, "الرئيسُ": 1, "إن": 1, "وقف": 2, "إطلاق": 2, "النار": 1, "صامد": 4,
             "وقال": 1, "المحادثات": 3, "مستمرة": None}
    terms = [Term("رئيس", status="known"), Term("وقف إطلاق النار", status="learning")]
    matches = find_terms(TEXT, terms)

    def words(top_bands, found=matches):
        return [TEXT[start:end] for start, end in frequent_unknown_words(TEXT, bands, top_bands, found)]

    # الرئيس and الرئيسُ are known; the learning phrase's words are not known yet.
    assert words(1) == ["قال", "إن", "النار", "وقال", "إن"]
    assert words(2) == ["قال", "إن", "وقف", "إطلاق", "النار", "وقال", "إن"]
    assert words(4) == ["قال", "إن", "وقف", "إطلاق", "النار", "صامد", "وقال", "إن", "المحادثات"]
    assert "صامد" not in words(3) and "المحادثات" in words(3)
    assert "مستمرة" not in words(5)  # no band: never marked
    assert words(0) == []
    assert "الرئيس" in words(1, [])  # without the known term it is marked too
