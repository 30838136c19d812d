"""The Buckwalter lexicon as the aligner's bilingual dictionary, and checking without it."""
import json

import pytest

import models.lexicon.dictionary as word_dictionary
from main import main
from models.errors import LexiconDataError
from models.documents import sample_path
from models.drafts.alignment import LinkScorer, align
from models.drafts.checks import check_draft
from models.lexicon.dictionary import LexiconDictionary, default_dictionary
from tests.conftest import FIXTURES


def pairs(links):
    return [(l.source, l.draft) for l in links]


@pytest.fixture
def no_lexicon(monkeypatch):
    """The lexicon cannot be loaded (its data files missing) for the default dictionary."""
    def fail():
        raise LexiconDataError("The Arabic lexicon data files are missing.")

    monkeypatch.setattr(word_dictionary, "shared_lexicon", fail)
    word_dictionary.reset_default_dictionary()
    yield
    word_dictionary.reset_default_dictionary()


def test_glosses_are_stem_gloss_content_words_of_all_analyses():
    d = default_dictionary()
    assert d is not None
    assert {"negotiations", "talks"} <= d.glosses("والمفاوضات")  # clitic و and article ال
    assert d.glosses("في") == set()  # a preposition: only stop-word glosses
    assert "minister" in d.glosses("وزير")
    assert d.glosses("لافروف") == set()  # a foreign name is no lexicon entry


def test_the_dictionary_finds_the_omitted_sentence_that_length_cannot():
    # Three source sentences of about the same length; the draft leaves out the second.
    source = ["ذهب الولد إلى المدرسة صباحا", "أكلت البنت التفاحة الحمراء", "قرأ الرجل الكتاب القديم"]
    draft = ["The boy went to school in the morning", "The man read the old book"]
    truth = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert pairs(align(source, draft, dictionary=None)) != truth
    assert pairs(align(source, draft, dictionary=LexiconDictionary())) == truth
    assert pairs(align(source, draft)) == truth  # the lexicon is the default


def test_draft_words_are_stemmed_to_meet_the_glosses():
    # The gloss is "negotiations"; the draft says "negotiation". The matching pair costs less
    # with the dictionary than without, the crossed pair more.
    source = ["بدأت المفاوضات في جنيف", "وصل الوزير إلى المطار"]
    draft = ["The negotiation began in Geneva.", "The minister arrived at the airport."]
    with_dictionary = LinkScorer(source, draft, dictionary=LexiconDictionary())
    without = LinkScorer(source, draft)
    assert with_dictionary.cost(0, 1, 0, 1) < without.cost(0, 1, 0, 1)
    assert with_dictionary.cost(0, 1, 1, 1) > without.cost(0, 1, 1, 1)


def test_check_runs_without_the_lexicon(no_lexicon, source_text, draft_text):
    check = check_draft(source_text, draft_text)
    assert not check.dictionary_used
    assert len(check.links) == 17 and not check.flag_counts()
    assert word_dictionary.default_dictionary_error() == "The Arabic lexicon data files are missing."


def test_check_command_without_the_lexicon(no_lexicon, tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main(["check", str(sample_path()), str(FIXTURES / "en-kerry-lavrov-syria-2016.txt"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "17 links, no flags" in captured.out
    assert "aligned without the Arabic lexicon (The Arabic lexicon data files are missing.)" in captured.err
    assert json.loads(out.read_text(encoding="utf-8"))["summary"] == {"links": 17, "flags": {}}


def test_check_uses_the_lexicon_by_default(source_text, draft_text):
    assert check_draft(source_text, draft_text).dictionary_used
    assert not check_draft(source_text, draft_text, dictionary=None).dictionary_used
