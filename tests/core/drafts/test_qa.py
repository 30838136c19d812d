import pytest

from models.drafts.checks import FLAG_KINDS, check_draft
from models.glossary.matching import find_terms
from models.glossary.store import Term


def flags_of(check, kind):
    return [(link, f) for link, fl in zip(check.links, check.flags) for f in fl if f.kind == kind]


def test_clean_human_translation_has_no_omission_or_addition(clean):
    assert not flags_of(clean, "omission") and not flags_of(clean, "addition")
    assert clean.flag_counts() == {}  # nor any other flag
    assert len(clean.links) == 17


def test_dropped_sentence_is_an_omission(source_text, draft_text):
    dropped = "In the next few days, Russian and American diplomats will meet to find a solution to the remaining technical difficulties."
    check = check_draft(source_text, draft_text.replace(dropped, ""))
    [(link, flag)] = flags_of(check, "omission")
    (start, end), = flag.source_spans
    assert source_text[start:end].startswith("وفي الأيام القليلة القادمة")
    assert not flags_of(check, "addition")


def test_changed_number_is_a_number_mismatch(source_text, draft_text):
    check = check_draft(source_text, draft_text.replace("290,000", "300,000"))
    found = flags_of(check, "number_mismatch")
    assert {check.source_text[s:e] for _, f in found for s, e in f.source_spans} == {"290 ألف"}
    assert {check.draft_text[s:e] for _, f in found for s, e in f.draft_spans} == {"300,000"}


def test_arabic_left_in_the_draft_is_untranslated(source_text, draft_text):
    draft = draft_text.replace("Lavrov went on:", "Lavrov went on (وتابع لافروف):")
    check = check_draft(source_text, draft)
    [(link, flag)] = flags_of(check, "untranslated")
    (start, end), = flag.draft_spans
    assert draft[start:end] == "وتابع لافروف"


def test_two_merged_sentences_are_linked_to_both_sources(source_text, draft_text):
    merged = draft_text.replace("persisted. The two sides failed", "persisted, and the two sides failed")
    check = check_draft(source_text, merged)
    texts = [([check.source_sentences[i].text[:20] for i in l.source], len(l.draft)) for l in check.links]
    assert (["استمرت الخلافات بين ", "وقد فشل الطرفان في ا"], 1) in texts
    assert not flags_of(check, "omission")


def test_addition_doubled_word_and_unbalanced(source_text, draft_text):
    draft = draft_text.replace(
        "In the next few days,",
        "Observers in Moscow and Washington said in 2015 that 12 earlier rounds had produced little progress, and that few "
        "expected the new talks to change the course of a conflict now in its sixth year, according to several diplomats. "
        "In the the next few days,",
    ).replace("(Reuters)", "(Reuters")
    check = check_draft(source_text, draft)
    [(link, flag)] = flags_of(check, "addition")
    assert check.draft_text[slice(*flag.draft_spans[0])].startswith("Observers in Moscow")
    [(_, doubled)] = flags_of(check, "doubled_word")
    assert draft[slice(*doubled.draft_spans[0])] == "the the"
    [(_, unbalanced)] = flags_of(check, "unbalanced")
    assert draft[slice(*unbalanced.draft_spans[0])] == "("


def test_much_shorter_rendering_is_a_length_ratio(source_text, draft_text):
    start = draft_text.index('He added: "We have completed')
    end = draft_text.index("\n", start)
    draft = draft_text[:start] + 'He added: "We have completed most technical talks, on the truce, aid and negotiations."' + draft_text[end:]
    check = check_draft(source_text, draft)
    [(link, ratio)] = flags_of(check, "length_ratio")
    assert "0.3 times the expected length" in ratio.message
    assert check.draft_sentences[link.draft[0]].text.startswith('He added: "We have completed most')


def test_glossary_term_not_rendered(source_text, draft_text):
    glossary = [("وقف إطلاق النار", "ceasefire"), ("المبعوث", "special envoy"), ("هدنة", "truce")]
    check = check_draft(source_text, draft_text, glossary=glossary)
    found = flags_of(check, "glossary_term")
    assert [check.source_text[slice(*f.source_spans[0])] for _, f in found] == ["المبعوث"]
    assert "special envoy" in found[0][1].message


def test_flag_kinds_are_the_documented_names(source_text, draft_text):
    check = check_draft(source_text, draft_text.replace("290,000", "300,000") + "\nExtra sentence about nothing in particular here.")
    assert set(check.flag_counts()) <= set(FLAG_KINDS)


def test_glossary_terms_are_found_as_the_reader_finds_them(source_text, draft_text):
    # نظيره: the term نظير with a pronoun suffix, found by the reader's matcher.
    check = check_draft(source_text, draft_text, glossary=[("نظير", "peer")])
    found = flags_of(check, "glossary_term")
    assert [check.source_text[slice(*f.source_spans[0])] for _, f in found] == ["نظيره"]
    assert [(m.start, m.end) for m in find_terms(source_text, [Term("نظير")])] == [found[0][1].source_spans[0]]
    assert found[0][1].message == "\u201cنظيره\u201d is not rendered as \u201cpeer\u201d."
    # Any one of a term's translations in the draft will do.
    check = check_draft(source_text, draft_text, glossary=[("نظير", "peer"), ("نَظِير", "counterpart")])
    assert not flags_of(check, "glossary_term")


def test_glossary_terms_of_one_folded_key_keep_their_own_translations():
    # على (on) and علي (Ali) are two terms: the draft of "Ali said" must render علي as "Ali",
    # and the "on" of على does not stand in for it.
    glossary = [("على", "on"), ("علي", "Ali")]
    check = check_draft("قال علي إنه اعتمد على الاتفاق.", "He said on Monday that he relied on the agreement.",
                        glossary=glossary)
    found = flags_of(check, "glossary_term")
    assert [f.message for _, f in found] == ["\u201cعلي\u201d is not rendered as \u201cAli\u201d."]
    check = check_draft("قال علي إنه اعتمد على الاتفاق.", "Ali said that he relied on the agreement.", glossary=glossary)
    assert not flags_of(check, "glossary_term")
