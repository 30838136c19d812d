import pytest

from models.alignment.lexical import lexicon_links
from models.alignment.word_links import LinkIndex, WordLink, combine, linked_text, source_words, target_words

SOURCE = "استمرت الخلافات بين الولايات المتحدة وروسيا بشأن التعاون العسكري ووقف العمليات القتالية في سوريا."
TARGET = ("Differences between the United States and Russia over military cooperation and a cessation of "
          "hostilities in Syria persisted.")


def pairs(source, target, links):
    return {(source[slice(*l.source_span)], target[slice(*l.target_span)]) for l in links}


def test_words_of_both_sides_with_numbers_and_latin_script():
    text = "أودى بـ290 ألف شخص (REUTERS/Pierre) ١٢٫٥"
    assert [text[a:b] for a, b in source_words(text)] == ["أودى", "بـ", "290", "ألف", "شخص", "REUTERS", "Pierre", "١٢٫٥"]
    english = "Kerry's long-term plan killed 290,000 people."
    assert [english[a:b] for a, b in target_words(english)] == ["Kerry's", "long", "term", "plan", "killed", "290,000", "people"]


def test_lexicon_links_glosses_clitics_and_names():
    links = lexicon_links(SOURCE, TARGET)
    found = pairs(SOURCE, TARGET, links)
    assert {("التعاون", "cooperation"), ("العسكري", "military"), ("وروسيا", "Russia"), ("وروسيا", "and"),
            ("سوريا", "Syria"), ("بين", "between"), ("في", "in")} <= found
    for link in links:
        assert 0.0 < link.score <= 1.0
        assert link.evidence in {"gloss", "clitic", "name", "number", "month", "copy"}
    assert all(dict(found).get(a) != "Syria" for a in ("التعاون", "العسكري"))


def test_inflected_english_meets_the_gloss_lemma():
    source, target = "كتب الأطفال رسالة ثم ذهبوا وتوقفوا", "The children wrote a letter, then went and stopped."
    assert {("كتب", "wrote"), ("الأطفال", "children"), ("ذهبوا", "went"), ("وتوقفوا", "stopped")} <= pairs(
        source, target, lexicon_links(source, target))


def test_numbers_months_and_transliterated_names_across_scripts():
    source = "وقال كيري إن 290 ألف شخص قتلوا منذ فبراير/ شباط، حسب جبهة النصرة"
    target = "Kerry said 290,000 people were killed since February, according to the Nusra Front"
    links = lexicon_links(source, target)
    found = pairs(source, target, links)
    assert {("كيري", "Kerry"), ("290", "290,000"), ("ألف", "290,000"), ("فبراير", "February"),
            ("شباط", "February"), ("النصرة", "Nusra"), ("قتلوا", "killed")} <= found
    evidence = {(source[slice(*l.source_span)], l.evidence) for l in links}
    assert {("كيري", "name"), ("290", "number"), ("شباط", "month")} <= evidence


def test_a_repeated_english_word_is_linked_to_the_nearer_arabic_word():
    source, target = "لا نريد اتفاقا من أجل الاتفاق", "We do not want an agreement for the sake of an agreement"
    links = [l for l in lexicon_links(source, target) if target[slice(*l.target_span)] == "agreement"]
    assert {source[slice(*l.source_span)]: l.target_span[0] for l in links} == {
        "اتفاقا": target.index("agreement"), "الاتفاق": target.rindex("agreement")}


def test_lexicon_links_without_words_are_empty():
    assert lexicon_links("", TARGET) == [] and lexicon_links(SOURCE, "...") == []


def test_combine_merges_links_of_the_same_spans():
    a = WordLink((0, 4), (0, 5), 0.5, "gloss")
    b = WordLink((0, 4), (0, 5), 0.6, "model")
    c = WordLink((5, 9), (6, 9), 0.4, "model")
    [merged, other] = combine([a], [b, c])
    assert merged.evidence == "gloss+model" and merged.score == pytest.approx(0.8)
    assert other == c
    assert WordLink.from_json(merged.to_json()) == WordLink((0, 4), (0, 5), 0.8, "gloss+model")


def test_link_index_answers_both_ways_with_the_best_score():
    links = [WordLink((0, 6), (10, 14), 0.9, "gloss"), WordLink((0, 6), (20, 25), 0.3, "clitic"),
             WordLink((7, 12), (10, 14), 0.4, "model"), WordLink((0, 6), (10, 14), 0.5, "model")]
    index = LinkIndex(links)
    assert index.targets_at(3) == [((10, 14), 0.9), ((20, 25), 0.3)]
    assert index.targets_at(6) == []
    assert index.sources_at(13) == [((0, 6), 0.9), ((7, 12), 0.4)]
    assert index.sources_at(30) == [] and LinkIndex([]).targets_at(0) == []


def test_hovering_an_arabic_word_gives_its_english_words():
    index = LinkIndex(lexicon_links(SOURCE, TARGET))
    at = SOURCE.index("العسكري") + 2
    assert linked_text(TARGET, [span for span, _ in index.targets_at(at)]) == "military"
    at = TARGET.index("cooperation") + 1
    assert linked_text(SOURCE, [span for span, _ in index.sources_at(at)]) == "التعاون"
    assert linked_text(TARGET, []) == ""
