"""The translation cache: what is stored under which key, eviction, clearing, and a document that
is translated once and then read from the cache without a model run."""
import pytest

from models.documents import load_document, sample_path
from models.translation.settings import DecodingSettings
from models.translation.pipeline import translate_document
from models.translation.cache import TranslationCache, cache_dir


@pytest.fixture
def cache(tmp_path):
    return TranslationCache(tmp_path / "t.sqlite3")


def test_cache_dir_honours_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QARI_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    assert TranslationCache().path == tmp_path / "c" / "translations.sqlite3"


def test_exact_source_and_key_are_needed_and_entries_persist(cache, tmp_path):
    cache.put_many("m@1|beams=4", {"وقال كيري": "Kerry said", "سوريا": "Syria"})
    assert cache.get_many("m@1|beams=4", ["وقال كيري", "سوريا", "وقال كيري "]) == {"وقال كيري": "Kerry said", "سوريا": "Syria"}
    assert cache.get_many("m@1|beams=1", ["وقال كيري"]) == {}
    assert cache.get_many("m@2|beams=4", ["وقال كيري"]) == {}
    cache.close()
    again = TranslationCache(tmp_path / "t.sqlite3")
    assert again.get_many("m@1|beams=4", ["سوريا"]) == {"سوريا": "Syria"}
    assert len(again) == 2


def test_least_recently_used_entries_are_evicted_past_the_bound(tmp_path):
    cache = TranslationCache(tmp_path / "t.sqlite3", max_bytes=1000)
    for i in range(10):
        cache.put_many("k", {f"source {i:03d}": "x" * 80})  # 90 bytes each, oldest first
    assert len(cache) == 10 and cache.size_bytes() == 900
    cache.get_many("k", ["source 000"])  # read again: now the most recently used
    cache.put_many("k", {"new source": "y" * 80, "new source 2": "z" * 80})  # 1080 bytes: evict to 900
    assert cache.size_bytes() <= 900
    assert cache.get_many("k", ["source 000", "new source"]) == {"source 000": "x" * 80, "new source": "y" * 80}
    assert cache.get_many("k", ["source 001", "source 002", "source 003"]) == {}  # least recently used: 1082 - 270 <= 900
    assert len(cache.get_many("k", [f"source {i:03d}" for i in range(4, 10)])) == 6


def test_clear_empties_the_cache(cache):
    cache.put_many("k", {"a": "b", "c": "d"})
    assert cache.clear() == 2
    assert len(cache) == 0 and cache.get_many("k", ["a"]) == {}


@pytest.mark.slow
def test_a_document_read_again_runs_no_model(tiny_model_dir, cache):
    from models.translation.engine import load_engine

    engine = load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, max_new_tokens=8, threads=1, backend="torch"))
    doc = load_document(sample_path())
    first = translate_document(doc, engine, lambda *call: None, cache=cache)
    ran = engine.texts_translated
    assert ran == sum(s.translatable for s in doc.sentences)

    calls = []
    again = translate_document(doc, engine, lambda *call: calls.append(call), cache=cache)
    assert engine.texts_translated == ran  # nothing reached the model
    assert again == first
    assert sorted(sid for sid, _, translated in calls if translated) == [s.id for s in doc.sentences if s.translatable]


@pytest.mark.slow
def test_a_stopped_document_keeps_what_was_done(tiny_model_dir, cache):
    from models.translation.engine import load_engine

    engine = load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, max_new_tokens=8, threads=1,
                                                               batch_tokens=120, backend="torch"))
    doc = load_document(sample_path())
    done = []
    partial = translate_document(doc, engine, lambda sid, t, translated: translated and done.append(sid),
                                 should_stop=lambda: len(done) > 0)
    assert 0 < len(done) < sum(s.translatable for s in doc.sentences)
    translate_document(doc, engine, lambda *c: None, should_stop=lambda: True, cache=cache)  # nothing stored
    assert len(cache) == 0
    stopped = []
    translate_document(doc, engine, lambda sid, t, translated: translated and stopped.append(sid),
                       should_stop=lambda: len(stopped) > 0, cache=cache)
    assert len(cache) == len(stopped) and {partial[i] for i in done} <= set(cache.get_many(engine.cache_key, [
        s.text for s in doc.sentences]).values())


def test_each_batch_is_stored_as_soon_as_it_is_done(tiny_model_dir, cache):
    """A job that dies (the app killed mid-article) keeps every batch finished before: each is
    in the cache by the time the next one starts, not only when the call ends."""
    from models.translation.engine import load_engine

    engine = load_engine(str(tiny_model_dir), DecodingSettings(num_beams=1, max_new_tokens=8, threads=1,
                                                               batch_tokens=120, backend="torch"))
    doc = load_document(sample_path())
    done = []
    stored_at_each_result = []

    def on_result(sid, text, translated):
        if translated:
            done.append(sid)
            stored_at_each_result.append(len(cache))

    class Killed(Exception):
        pass

    def should_stop():
        if len(done) >= 6:
            raise Killed  # dies between batches, without the call's own clean-up reaching the cache
        return False

    with pytest.raises(Killed):
        translate_document(doc, engine, on_result, should_stop=should_stop, cache=cache)
    assert stored_at_each_result[0] == 0 and stored_at_each_result[-1] > 0  # earlier batches were already stored
    assert len(cache) >= 6
