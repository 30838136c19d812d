import pytest

from models.drafts.alignment import align, align_by_length, length_cost
from models.text.english_segmentation import segment_english
from models.text.segmentation import segment


def pairs(links):
    return [(l.source, l.draft) for l in links]


@pytest.fixture(scope="module")
def sample(source_text, draft_text):
    return [s.text for s in segment(source_text)], [s.text for s in segment_english(draft_text)]


def test_sample_translation_aligns_sentence_by_sentence(sample):
    source, draft = sample
    links = align(source, draft)
    expected = [((i,), (i,)) for i in range(8)] + [((8, 9), (8,)), ((10,), (9,)), ((11,), (10,)), ((12,), (11, 12))]
    expected += [((i,), (i,)) for i in range(13, 18)]
    assert pairs(links) == expected
    # The English photo caption in the Arabic article matches itself.
    assert draft[1] == source[1] and ((1,), (1,)) in pairs(links)
    assert all(0.0 <= l.confidence <= 1.0 for l in links)
    assert min(l.confidence for l in links) > 0.8


def test_dropped_draft_sentence_is_a_one_to_zero_link(sample):
    source, draft = sample
    draft = draft[:15] + draft[16:]  # "In the next few days, Russian and American diplomats..."
    links = align(source, draft)
    assert ((15,), ()) in pairs(links)
    assert ((16,), (15,)) in pairs(links)


def test_added_draft_sentence_is_a_zero_to_one_link(sample):
    source, draft = sample
    draft = draft[:5] + ["The translator notes that the meeting lasted several hours, according to officials."] + draft[5:]
    assert ((), (5,)) in pairs(align(source, draft))


def test_merged_draft_sentences_make_a_two_to_one_link(sample):
    source, draft = sample
    merged = draft[:4] + [draft[4].rstrip(".") + ", and " + draft[5][0].lower() + draft[5][1:]] + draft[6:]
    assert ((4, 5), (4,)) in pairs(align(source, merged))


def test_every_sentence_is_in_exactly_one_link_in_order():
    links = align(["أ ب ت.", "ث ج ح خ د ذ ر.", "ز س ش"], ["One.", "Two three four five."])
    assert [i for l in links for i in l.source] == [0, 1, 2]
    assert [j for l in links for j in l.draft] == [0, 1]
    assert align([], []) == []
    assert pairs(align(["نص"], [])) == [((0,), ())]


def test_length_cost_grows_with_mismatch():
    assert length_cost(100, 121) < length_cost(100, 200) < length_cost(100, 400)
    assert length_cost(100, 121) < length_cost(100, 40)


def test_machine_translations_resolve_what_length_cannot():
    # Three source sentences of equal length; the draft leaves out the second. Length alone
    # cannot tell which one is missing; the machine translation (chrF) can.
    source = ["ذهب الولد إلى المدرسة صباحا", "أكلت البنت التفاحة الحمراء", "قرأ الرجل الكتاب القديم"]
    draft = ["The boy went to school in the morning", "The man read the old book"]
    mt = ["The boy went to the school in the morning", "The girl ate the red apple", "The man read the old book"]
    links = align(source, draft, translations=mt)
    assert pairs(links) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    with pytest.raises(ValueError):
        align(source, draft, translations=mt[:2])


class ToyDictionary:
    """A three-word bilingual dictionary standing in for the lexicon."""

    table = {"الولد": {"boy"}, "البنت": {"girl"}, "التفاحة": {"apple"}, "الرجل": {"man"}, "الكتاب": {"book"}}

    def glosses(self, word):
        return self.table.get(word, set())


def test_a_bilingual_dictionary_is_used_when_given():
    source = ["ذهب الولد إلى المدرسة صباحا", "أكلت البنت التفاحة الحمراء", "قرأ الرجل الكتاب القديم"]
    draft = ["The boy went to school in the morning", "The man read the old book"]
    assert pairs(align(source, draft, dictionary=ToyDictionary())) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_length_baseline_runs_on_the_sample(sample):
    source, draft = sample
    links = align_by_length(source, draft)
    assert [i for l in links for i in l.source] == list(range(len(source)))
