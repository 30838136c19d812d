"""Text hygiene: the reading form (NFC, presentation forms, bidi controls, tatweel) that
segmentation, lookup and the model read, with offsets into the text as written; paragraph
direction; and inputs from public bug reports on similar tools."""
import pytest

from models.documents import Document
from models.lexicon.lookup import LookupStep, lookup
from models.text.arabic import bare
from models.text.bidi import paragraph_direction
from models.text.normalization import model_text, reading_form_map
from models.text.segmentation import segment
from models.text.word_spans import word_span_at
from tests.support.documents import shape

ALM = "\u061c"


def test_reading_form_maps_every_character_back_to_the_text_as_written():
    text = "لا\u0640\u0640 \ufefb\u200f إ" + "\u0627\u0655"  # tatweel, lam-alef ligature, RLM, decomposed hamza
    form, starts, ends = reading_form_map(text)
    assert form == "لا \u0644\u0627 إ\u0625"
    assert [text[s:e] for s, e in zip(starts, ends)] == ["ل", "ا", " ", "\ufefb", "\ufefb", " ", "إ", "\u0627\u0655"]


def test_decomposed_hamza_is_the_same_word_for_lookup():
    decomposed = "\u0627\u0655\u0646"  # إن written with a combining hamza below
    assert bare(decomposed) == "إن"
    assert lookup(decomposed).normalized == lookup("إن").normalized
    assert lookup(decomposed).step == lookup("إن").step == LookupStep.EXACT


def test_tatweel_and_marks_are_ignored_for_lookup_and_never_reach_the_model():
    assert lookup("الـــعـــربية").normalized == lookup("العربية").normalized
    assert model_text("مرحبا \u0640\u0640بالعالم\u200f \u2067اليوم\u2069") == "مرحبا بالعالم اليوم"
    assert model_text("١٨٩٤-١٩٦٢ عام ٢٠١٦") == "١٨٩٤-١٩٦٢ عام ٢٠١٦"  # Arabic-Indic digits as written


def test_arabic_letter_mark_changes_neither_segmentation_nor_what_the_model_reads():
    plain = "مرحبا بالعالم اليوم"
    marked = f"مرحبا {ALM}بالعالم اليوم"
    assert [s.model_text for s in segment(marked)] == [s.text for s in segment(plain)] == [plain]
    assert segment(marked)[0].text == marked  # shown as written


def test_presentation_forms_segment_and_translate_like_ordinary_letters():
    ordinary = "وقعت مصر اتفاقا للتعاون المالي . وقالت الوزارة إن المعونات لا تكفي . . . وأضافت أن العمل مستمر"
    shaped = shape(ordinary)
    assert not any("\u0621" <= ch <= "\u064a" for ch in shaped) and "\ufefb" in shaped  # lam-alef ligature too
    sentences = segment(shaped)
    assert [s.model_text for s in sentences] == [s.text for s in segment(ordinary)] == [
        "وقعت مصر اتفاقا للتعاون المالي .", "وقالت الوزارة إن المعونات لا تكفي . . .", "وأضافت أن العمل مستمر"]
    assert all(s.text == shaped[s.start:s.end] for s in sentences)  # shown as written


def test_bidi_controls_after_a_stop_stay_with_their_sentence():
    text = "\u202bقال الوزير.\u202c \u2067ثم غادر.\u2069"
    sentences = segment(text)
    assert [s.text for s in sentences] == ["\u202bقال الوزير.\u202c", "\u2067ثم غادر.\u2069"]
    assert [s.model_text for s in sentences] == ["قال الوزير.", "ثم غادر."]


def test_ellipsis_inside_quotation_marks_does_not_end_the_sentence():
    assert [s.text for s in segment("قال «الصمتُ ... طائر.» ثم سكت.")] == ["قال «الصمتُ ... طائر.»", "ثم سكت."]
    assert [s.text for s in segment("قال “لا أعرف… ربما غدا” ومضى. ثم عاد")] == ["قال “لا أعرف… ربما غدا” ومضى.", "ثم عاد"]
    assert [s.text for s in segment("انتظرنا... ثم جاء")] == ["انتظرنا...", "ثم جاء"]  # outside quotes it still ends one


@pytest.mark.parametrize("text, direction", [
    ("email: info@example.com — الهاتف: +971 4 123 4567", "ltr"),
    ("The U.S. State Department said: لا تعليق.", "ltr"),
    ("قال الوزير إن U.S. Army ستنسحب", "rtl"),
    ("2016 - سوريا", "rtl"),
    ("\u2066English\u2069 ثم عربي", "rtl"),  # an isolate is skipped (P2)
    ("123 456", "ltr"),
])
def test_paragraph_direction_follows_its_first_strong_character(text, direction):
    assert paragraph_direction(text) == direction
    assert paragraph_direction("123", default="rtl") == "rtl"


def test_diacritized_words_stay_whole_in_the_view_and_in_lookups():
    text = "الرَئِيسُ الأَمريكِيُّ تَعافَى بِسُرْعَةٍ وبَدَأَ جَوْلَةً داخِلِيَّةً"
    spans = {word_span_at(text, i) for i in range(len(text)) if not text[i].isspace()}
    assert sorted(text[s:e] for s, e in spans) == sorted(text.split())
    for word in text.split():
        assert lookup(word).in_lexicon, word


# -- inputs from public bug reports on similar tools: what reaches the model ------------------
class RecordingEngine:
    """A translator that records what it is asked to translate and answers with a tag."""

    def __init__(self):
        self.texts = []

    def translate(self, texts, on_result=None, should_stop=None, first=(), **options):
        self.texts.extend(texts)
        out = [f"<{t}>" for t in texts]
        for n, translation in enumerate(out):
            if on_result:
                on_result(n, translation)
        return out


def translate(text):
    from models.translation.pipeline import translate_document

    doc = Document(text=text, source="test", sentences=segment(text))
    engine = RecordingEngine()
    calls = []
    result = translate_document(doc, engine, lambda *call: calls.append(call))
    return doc, engine.texts, result, calls


@pytest.mark.parametrize("text", [" ", "-", "..."])
def test_blank_dash_and_dots_are_shown_as_they_are_without_a_model_call(text):
    doc, sent, result, calls = translate(text)
    assert sent == []
    assert [(s.text, result[s.id]) for s in doc.sentences] == ([] if text == " " else [(text, text)])


def test_nine_lines_of_numbers_stay_nine_unchanged_lines():
    doc, sent, result, calls = translate("1\n2\n3\n4\n5\n6\n7\n8\n9")
    assert sent == [] and [result[s.id] for s in doc.sentences] == [str(n) for n in range(1, 10)]
    assert [s.paragraph for s in doc.sentences] == list(range(9))


def test_two_sentences_both_translated():
    doc, sent, result, calls = translate("مرحبا أيها العالم! كيف حالك؟")
    assert [s.text for s in doc.sentences] == ["مرحبا أيها العالم!", "كيف حالك؟"]
    assert sent == ["مرحبا أيها العالم!", "كيف حالك؟"] and all(translated for *_, translated in calls)


def test_letter_mark_tatweel_and_presentation_forms_reach_the_model_as_plain_text():
    _, with_mark, _, _ = translate(f"مرحبا {ALM}بالعالم اليوم")
    _, plain, _, _ = translate("مرحبا بالعالم اليوم")
    assert with_mark == plain == ["مرحبا بالعالم اليوم"]
    _, shaped, _, _ = translate(shape("قال الوزير إن الاتفاق قريب"))
    assert shaped == ["قال الوزير إن الاتفاق قريب"]
    _, stretched, _, _ = translate("الـــعربية لغـــة")
    assert stretched == ["العربية لغة"]


def test_digits_brackets_and_guillemets_keep_their_order_in_text_and_model_text():
    for text in ("نص عربي 50", "(جدًا)", "«الصمتُ ... طائر.»", "١٨٩٤-١٩٦٢"):
        sentences = segment(text)
        assert [s.text for s in sentences] == [text]
        assert sentences[0].model_text == text


def test_paragraph_directions_of_a_document_follow_each_first_strong_character():
    from models.documents import Document
    from models.text.bidi import right_to_left_paragraphs

    doc = Document.from_text("email: info@example.com — الهاتف: 1.\n\n١٨٩٤-١٩٦٢\n\n«الصمتُ ... طائر.» Then English.\n\n"
                             "1. 2. The end.")
    assert right_to_left_paragraphs(doc.sentences) == {0: False, 1: True, 2: True, 3: False}
    assert right_to_left_paragraphs(doc.sentences, default="ltr")[1] is False  # digits alone: the default
