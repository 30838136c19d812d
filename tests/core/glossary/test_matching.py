"""Finding the learner's terms in a text: the matcher the reader and the draft check share."""
from models.glossary.matching import find_terms, term_key
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
