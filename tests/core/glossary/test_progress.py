"""The status breakdown of a text's distinct words."""
from models.glossary.matching import find_terms
from models.glossary.progress import WordProgress, word_progress
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


def test_counted_a_step_at_a_time_it_gives_the_same_breakdown():
    from models.glossary.progress import word_progress_steps

    terms = [Term("رئيس", status="known"), Term("وقف إطلاق النار", status="learning"), Term("محادثات")]
    matches = find_terms(TEXT, terms)
    steps = list(word_progress_steps(TEXT, matches, words_per_step=3))
    assert steps[:-1] == [None] * (12 // 3)  # 12 words
    assert steps[-1] == word_progress(TEXT, matches)
