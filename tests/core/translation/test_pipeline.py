"""Translating a document: what reaches the model, what is passed through, in which order."""
import pytest

from models.documents import Document, load_document, sample_path
from models.translation.engine import load_engine
from models.translation.settings import DecodingSettings
from models.translation.pipeline import TranslationEngine, translate_document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine(tiny_model_dir):
    return load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, batch_tokens=120, backend="torch"))


def test_sample_article_caption_is_passed_through_and_arabic_translated(engine):
    doc = load_document(sample_path())
    calls = []
    result = translate_document(doc, engine, lambda *call: calls.append(call))

    assert sorted(result) == [s.id for s in doc.sentences]
    caption = [s for s in doc.sentences if s.text.startswith(("U.S. Secretary", "REUTERS"))]
    assert len(caption) == 2
    assert calls[:2] == [(s.id, s.text, False) for s in caption]  # reported at once, as written
    arabic = [s for s in doc.sentences if s.translatable]
    expected = engine.translate([s.model_text for s in arabic])  # what the model reads: "بـ290" without its tatweel
    assert {s.id: result[s.id] for s in arabic} == dict(zip([s.id for s in arabic], expected))
    assert sorted(call[0] for call in calls[2:]) == [s.id for s in arabic]
    assert all(translated for _, _, translated in calls[2:])
    assert all(text == result[sid] for sid, text, _ in calls)


def test_numbers_and_punctuation_never_reach_the_model(engine):
    doc = Document.from_text("2016\n...\nوقال كيري\n* * *")
    calls = []
    result = translate_document(doc, engine, lambda *call: calls.append(call))
    assert result[0] == "2016" and result[1] == "..." and result[3] == "* * *"
    assert [c for c in calls if not c[2]] == [(0, "2016", False), (1, "...", False), (3, "* * *", False)]
    assert calls[-1] == (2, engine.translate(["وقال كيري"])[0], True)


def test_a_sentence_met_twice_is_translated_once_and_shown_the_same(engine):
    text = sample_path().read_text(encoding="utf-8")
    doc = Document.from_text(text + "\n" + text)
    counted = engine.texts_translated
    calls = []
    result = translate_document(doc, engine, lambda *call: calls.append(call))
    arabic = [s for s in doc.sentences if s.translatable]
    distinct = {s.text for s in arabic}
    assert len(arabic) == 2 * len(distinct)
    assert engine.texts_translated - counted == len(distinct)  # each distinct text reached the model once
    assert sorted(sid for sid, _, translated in calls if translated) == [s.id for s in arabic]
    by_text = {}
    for s in arabic:
        assert by_text.setdefault(s.text, result[s.id]) == result[s.id]  # both copies read the same


def test_sentences_on_screen_first_and_stop(engine):
    doc = load_document(sample_path())
    order = []
    translate_document(doc, engine, lambda sid, text, translated: translated and order.append(sid), first=[16, 9])
    assert set(order[:2]) == {16, 9}

    calls = []
    result = translate_document(doc, engine, lambda *call: calls.append(call),
                                should_stop=lambda: sum(c[2] for c in calls) > 0)
    translated = {sid for sid, _, flag in calls if flag}
    assert translated and len(translated) < sum(s.translatable for s in doc.sentences)
    assert set(result) == translated | {1, 2}


class _Drafting(TranslationEngine):
    """A stand-in engine: a draft "d:" for the top sentence on screen, then finals "f:"."""

    cache_key = "stand-in"

    def translate(self, texts, on_result=None, should_stop=None, first=(), on_provisional=None, on_screen=None):
        if on_provisional is not None and first:
            on_provisional(first[0], "d:" + texts[first[0]])
        results = ["f:" + t for t in texts]
        for i, t in enumerate(results):
            on_result(i, t)
        return results


class _Plain(TranslationEngine):
    """A stand-in engine that makes no drafts and has no cache key."""

    cache_key = None

    def translate(self, texts, on_result=None, should_stop=None, first=(), on_provisional=None, on_screen=None):
        for i, t in enumerate(texts):
            on_result(i, "f:" + t)
        return ["f:" + t for t in texts]


def test_draft_is_reported_apart_and_never_cached_or_returned(tmp_path):
    from models.translation.cache import TranslationCache

    doc = Document.from_text("وقال كيري. 2016. وقال لافروف.", "a.txt")
    cache = TranslationCache(tmp_path / "t.sqlite3")
    drafts, finals = [], []
    results = translate_document(doc, _Drafting(), lambda *call: finals.append(call), first=[2], cache=cache,
                                 on_provisional=lambda *call: drafts.append(call))
    assert drafts == [(2, "d:" + doc.sentences[2].text)]
    assert all(not t.startswith("d:") for t in results.values())
    stored = cache.get_many("stand-in", [s.text for s in doc.sentences])
    assert stored and all(t.startswith("f:") for t in stored.values())
    # an engine that makes no drafts reports finals only
    assert translate_document(doc, _Plain(), lambda *call: None, on_provisional=drafts.append)[0].startswith("f:")


def test_the_sentences_the_cache_served_are_named_before_their_results(tmp_path):
    from models.translation.cache import TranslationCache

    doc = Document.from_text("وقال كيري. 2016. وقال لافروف. وقال كيري.", "a.txt")
    cache = TranslationCache(tmp_path / "t.sqlite3")
    cache.put_many("stand-in", {"وقال كيري.": "Kerry said."})
    events = []
    translate_document(doc, _Drafting(), lambda sid, text, translated: events.append(("result", sid)), cache=cache,
                       on_cached=lambda ids: events.append(("cached", ids)))
    assert events.index(("cached", [0, 3])) < events.index(("result", 0))
    assert [e for e in events if e[0] == "cached"] == [("cached", [0, 3])]  # the model's translation is not
    events.clear()
    translate_document(doc, _Plain(), lambda *call: None, on_cached=lambda ids: events.append(ids))
    assert events == []  # no cache key: nothing served from the cache
