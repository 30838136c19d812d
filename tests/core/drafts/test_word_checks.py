"""The flags that come from word links, each on a perturbed copy of the sample's human
translation (the clean one gives none: tests/core/drafts/test_qa.py)."""
from models.alignment.word_links import WordLink
from models.drafts.checks import check_draft
from tests.core.drafts.test_qa import flags_of


def test_clean_translation_has_word_links_into_both_texts(clean):
    assert any(clean.word_links)
    for link, words in zip(clean.links, clean.word_links):
        if not (link.source and link.draft):
            assert words == []
            continue
        s0, s1 = clean.source_sentences[link.source[0]].start, clean.source_sentences[link.source[-1]].end
        d0, d1 = clean.draft_sentences[link.draft[0]].start, clean.draft_sentences[link.draft[-1]].end
        assert all(s0 <= w.source_span[0] < w.source_span[1] <= s1 and d0 <= w.target_span[0] < w.target_span[1] <= d1
                   for w in words)
    pairs = {(clean.source_text[slice(*w.source_span)], clean.draft_text[slice(*w.target_span)]) for ws in clean.word_links for w in ws}
    assert {("التعاون", "cooperation"), ("لافروف", "Lavrov"), ("شباط", "February")} <= pairs


def test_clause_dropped_inside_a_sentence_is_a_partial_omission(source_text, draft_text):
    check = check_draft(source_text, draft_text.replace(" over military cooperation and a cessation of hostilities", ""))
    [(link, flag)] = flags_of(check, "partial_omission")
    (start, end), = flag.source_spans
    assert check.source_text[start:end] == "التعاون العسكري ووقف العمليات القتالية"
    assert flag.message.startswith("\u201cالتعاون العسكري ووقف العمليات القتالية\u201d (cooperation, military")
    assert flag.message.endswith("is not in the draft.")
    assert check.draft_sentences[link.draft[0]].text.startswith("Differences between the United States and Russia in Syria")


def test_dropped_name_is_a_name_mismatch(source_text, draft_text):
    check = check_draft(source_text, draft_text.replace("his Russian counterpart Sergei Lavrov in Geneva", "his Russian counterpart in Geneva"))
    [(link, flag)] = flags_of(check, "name_mismatch")
    assert check.source_text[slice(*flag.source_spans[0])] == "لافروف"
    assert check.draft_sentences[link.draft[0]].text.startswith("After meeting his Russian counterpart in Geneva")


def test_one_name_put_for_another_is_a_name_mismatch(source_text, draft_text):
    draft = draft_text.replace("For his part, Lavrov confirmed", "For his part, Kerry confirmed")
    check = check_draft(source_text, draft)
    [(link, flag)] = flags_of(check, "name_mismatch")
    assert check.source_text[slice(*flag.source_spans[0])] == "لافروف"
    assert [draft[slice(*span)] for span in flag.draft_spans] == ["Kerry"]
    assert "which names Kerry" in flag.message


def test_two_sentences_swapped_are_reordered_not_omitted(source_text, draft_text):
    paragraphs = draft_text.split("\n\n")
    moved = paragraphs[:]
    moved[4], moved[10] = paragraphs[10], paragraphs[4]
    check = check_draft(source_text, "\n\n".join(moved))
    found = flags_of(check, "reordered")
    assert {check.draft_text[slice(*f.draft_spans[0])][:20] for _, f in found} == {
        "He said: \"We do not ", "In the next few days"}
    assert {check.source_text[slice(*f.source_spans[0])][:12] for _, f in found} >= {"وفي الأيام ا"}
    assert not flags_of(check, "omission") and not flags_of(check, "addition")


def test_two_neighbouring_sentences_swapped_inside_one_link_are_reordered(source_text, draft_text):
    paragraphs = draft_text.split("\n\n")
    moved = paragraphs[:]
    moved[8], moved[9] = paragraphs[9], paragraphs[8]
    check = check_draft(source_text, "\n\n".join(moved))
    [(link, flag)] = flags_of(check, "reordered")
    assert len(link.source) == len(link.draft) == 2
    assert check.draft_text[slice(*flag.draft_spans[0])].startswith("He added that \"the question")


def test_month_names_are_compared_like_numbers(source_text, draft_text):
    check = check_draft(source_text, draft_text.replace("agreed in February", "agreed in April"))
    found = flags_of(check, "number_mismatch")
    assert [check.source_text[slice(*f.source_spans[0])] for _, f in found if f.source_spans] == ["فبراير/ شباط"]
    assert [check.draft_text[slice(*f.draft_spans[0])] for _, f in found if f.draft_spans] == ["April"]


def test_model_links_are_combined_with_the_lexicon(source_text, draft_text):
    seen = []

    def model_links(pairs):
        seen.extend(pairs)
        return [[WordLink((0, 1), (0, 1), 0.5, "model")] for _ in pairs]

    check = check_draft(source_text, draft_text, model_links=model_links)
    assert len(seen) == sum(1 for link in check.links if link.source and link.draft)
    assert all(any("model" in w.evidence for w in words) for link, words in zip(check.links, check.word_links) if link.source and link.draft)
    assert check.flag_counts() == {}
