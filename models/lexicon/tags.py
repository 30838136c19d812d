"""The Buckwalter lexicon's part-of-speech tags: readable English names and the affix families.

Tags are those of the Buckwalter Arabic Morphological Analyzer 1.0 (Buckwalter 2002, LDC2002L49):
a morpheme's tag is written after its vocalized form in the ``<pos>`` field of the data files
(``wa/CONJ+Al/DET+``), and stems without one get theirs by the rules of aramorph.pl
(:func:`models.lexicon.buckwalter.read_dictionary`). Inflectional affixes have tags made of a
family and features (``NSUFF_FEM_PL``, ``IVSUFF_SUBJ:3MP_MOOD:I``, ``IV3MS``).
"""
from __future__ import annotations

#: Readable names of whole tags.
TAG_NAMES: dict[str, str] = {
    "CONJ": "conjunction", "DET": "article", "PREP": "preposition", "FUT": "future",
    "NOUN": "noun", "NOUN_PROP": "proper noun", "ADJ": "adjective", "VERB_PERFECT": "verb, perfect",
    "VERB_IMPERFECT": "verb, imperfect", "VERB_IMPERATIVE": "verb, imperative", "FUNC_WORD": "function word",
}
#: Readable names of the affix tag families, by tag prefix (the first that fits is used: longer
#: prefixes first).
TAG_FAMILY_NAMES: tuple[tuple[str, str], ...] = (
    ("NSUFF_FEM_PL", "feminine plural"), ("NSUFF_FEM_SG", "feminine"), ("NSUFF_MASC_DU", "dual"),
    ("NSUFF_FEM_DU", "feminine dual"), ("NSUFF_MASC_PL", "masculine plural"),
    ("NSUFF_MASC_SG_ACC_INDEF", "accusative, indefinite"), ("NSUFF", "noun suffix"),
    ("POSS_PRON", "possessive pronoun"), ("PVSUFF_DO", "object pronoun"), ("IVSUFF_DO", "object pronoun"),
    ("CVSUFF_DO", "object pronoun"), ("PVSUFF_SUBJ", "subject suffix"), ("IVSUFF_SUBJ", "subject suffix"),
    ("CVSUFF_SUBJ", "subject suffix"), ("IVSUFF_MOOD", "mood suffix"), ("IV", "verb prefix"), ("PRON", "pronoun"),
)
#: Prefixes of the tags of affixes and clitics (as opposed to stems): a morpheme whose tag starts
#: with one of these carries grammar, not the word's meaning.
AFFIX_TAG_PREFIXES: tuple[str, ...] = (
    "CONJ", "DET", "PREP", "FUT", "IV", "PV", "CV", "NSUFF", "CASE", "POSS", "EMPH", "RESULT", "SUBJUNC", "NEG",
)


def tag_name(tag: str) -> str:
    """A readable name for a Buckwalter tag (``NSUFF_FEM_PL`` -> "feminine plural"); the tag
    itself when it has none."""
    if tag in TAG_NAMES:
        return TAG_NAMES[tag]
    return next((name for prefix, name in TAG_FAMILY_NAMES if tag.startswith(prefix)), tag)


def is_affix_tag(tag: str) -> bool:
    """True when ``tag`` is the tag of an affix or clitic (:data:`AFFIX_TAG_PREFIXES`)."""
    return tag.startswith(AFFIX_TAG_PREFIXES)
