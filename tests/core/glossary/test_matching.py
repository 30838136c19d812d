"""Finding the learner's terms in a text: the matcher the reader and the draft check share."""
from models.glossary.matching import find_terms, matches_between, term_key, term_spelling
from models.glossary.store import Term


def spans(text, terms):
    return [(text[m.start:m.end], m.term.term) for m in find_terms(text, terms)]


def test_terms_found_whatever_the_diacritics_hamza_and_clitics():
    terms = []
    terms.append(Term("وقف إطلاق النار", translation="ceasefire"))
    terms.append(Term("جبهة النصرة", translation="al-Nusra Front"))
    terms.append(Term("مساعدة", translation="aid"))
    text = ("دعا إلى وقفِ اطلاق النار، وقال إن لجبهة النصرة دوراً. وبالمساعدات لا. "
            "ووصلت المساعدة ومساعدتهم. وقف. اطلاق النار")
    assert spans(text, terms) == [
        ("وقفِ اطلاق النار", "وقف إطلاق النار"),
        ("لجبهة النصرة", "جبهة النصرة"),
        ("المساعدة", "مساعدة"),
        ("ومساعدتهم", "مساعدة"),
    ]


def test_match_offsets_point_into_the_text():
    terms = []
    terms.append(Term("سوريا"))
    text = "Syria سوريا، وبسوريا"
    found = find_terms(text, terms)
    assert [(m.start, m.end) for m in found] == [(6, 11), (13, 20)]
    assert [text[m.start:m.end] for m in found] == ["سوريا", "وبسوريا"]


def test_longest_term_wins():
    terms = []
    terms.append(Term("وقف"))
    terms.append(Term("وقف إطلاق النار"))
    assert spans("وقف إطلاق النار ثم وقف", terms) == [("وقف إطلاق النار", "وقف إطلاق النار"), ("وقف", "وقف")]


def test_keys_fold_diacritics_and_alef_spelling():
    assert term_key("اِطْلاق النّار") == term_key("إطلاق النار") == "اطلاق النار"
    assert term_key("ceasefire") == ""


def test_after_li_the_article_is_restored():
    terms = [Term("الأمم المتحدة"), Term("الليل")]
    text = "رسالة للأمم المتحدة، ولليل"
    assert spans(text, terms) == [("للأمم المتحدة", "الأمم المتحدة"), ("ولليل", "الليل")]


def test_terms_that_differ_only_in_digits_are_distinct():
    terms = [Term("القرار 2254", translation="Resolution 2254"), Term("القرار 242", translation="Resolution 242")]
    text = "صدر القرار ٢٤٢ ثم القرار 2254، والقرار ۲۴۲ غير القرار 338 وغير القرار 2422."
    assert spans(text, terms) == [
        ("القرار ٢٤٢", "القرار 242"), ("القرار 2254", "القرار 2254"), ("والقرار ۲۴۲", "القرار 242")]


def test_digits_are_compared_by_value_whatever_their_script():
    assert term_key("القرار ٢٤٢") == term_key("القرار ۲۴۲") == term_key("القرار 242") == "القرار 242"
    assert term_spelling("القرار ٢٤٢") == "القرار 242" != term_spelling("القرار 2254")
    assert term_spelling("نمو ٢٫٥ بالمئة") == "نمو 2.5 بالمئة"
    assert spans("نمو ٢٫٥ بالمئة ونمو 2,5 بالمئة", [Term("نمو 2.5 بالمئة")]) == [("نمو ٢٫٥ بالمئة", "نمو 2.5 بالمئة")]
    assert term_key("242") == term_spelling("2254 UN") == ""  # a term needs an Arabic word


def test_an_exact_spelling_wins_and_matching_stays_tolerant():
    ala, ali = Term("على", translation="on"), Term("علي", translation="Ali")
    text = "قال علي إنه اعتمد عَلَى الاتفاق وعلى غيره"
    # Only one saved: a text's على is the learner's علي, as before.
    assert spans(text, [ali]) == [("علي", "علي"), ("عَلَى", "علي"), ("وعلى", "علي")]
    # Both saved, in either order: each occurrence is the term spelled as written.
    for terms in ([ala, ali], [ali, ala]):
        assert spans(text, terms) == [("علي", "علي"), ("عَلَى", "على"), ("وعلى", "على")]


def test_an_exact_spelling_wins_with_clitics_and_in_expressions():
    hamza, bare_alef = Term("الأمم المتحدة"), Term("الامم المتحده")
    text = "رسالة للأمم المتحدة وللامم المتحده، والأمم المتحدة"
    for terms in ([hamza, bare_alef], [bare_alef, hamza]):
        assert spans(text, terms) == [
            ("للأمم المتحدة", "الأمم المتحدة"), ("وللامم المتحده", "الامم المتحده"), ("والأمم المتحدة", "الأمم المتحدة")]
    ta, ha = Term("مساعدة"), Term("مساعده")
    for terms in ([ha, ta], [ta, ha]):
        assert spans("ومساعدتهم ومساعده", terms) == [("ومساعدتهم", "مساعدة"), ("ومساعده", "مساعده")]


def test_matches_between_gives_those_that_overlap_the_span():
    text = "قال وزير الخارجية إن وزير الدفاع التقى وزير الخارجية"
    matches = find_terms(text, [Term("وزير الخارجية", "foreign minister"), Term("وزير", "minister")])
    assert [text[m.start:m.end] for m in matches] == ["وزير الخارجية", "وزير", "وزير الخارجية"]
    second = text.index("إن")
    assert matches_between(matches, 0, len(text)) == matches
    assert matches_between(matches, second, len(text)) == matches[1:]
    assert matches_between(matches, matches[0].end - 1, second) == matches[:1]  # overlaps its last letter
    assert matches_between(matches, matches[0].end, matches[1].start) == []  # between two matches
    assert matches_between(matches, matches[1].start + 1, matches[1].start + 2) == [matches[1]]
    assert matches_between([], 0, 10) == []
