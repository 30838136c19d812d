from models.text.lemmas import lemma
from models.text.months import extract_months


def test_irregular_and_regular_english_forms_meet_their_lemma():
    assert [lemma(w) for w in ("wrote", "went", "children", "stopped", "Talks", "negotiations")] == [
        "write", "go", "child", "stop", "talk", "negotiation"]
    assert lemma("Qari") == "qari" and lemma("290,000") == "290,000"


def test_double_arabic_month_name_is_one_mention_of_february():
    text = "تم التوصل إليهما في فبراير/ شباط، قد استكملت"
    [month] = extract_months(text)
    assert (month.month, text[month.start:month.end]) == (2, "فبراير/ شباط")
    assert [m.month for m in extract_months("agreed in February and again in Feb. 2017")] == [2, 2]


def test_month_names_that_are_common_words_need_a_number():
    assert extract_months("May we go? They march on. مارس الرياضة والأب") == []
    found = extract_months("In May 2016, on 3 March and في 15 مارس 2015 وفي أيار")
    assert [m.month for m in found] == [5, 3, 3, 5]
