"""Proclitics: the conjunctions, prepositions, article and future particle written joined to the
word after them (وَ + ال + كِتاب, سَ + يَقول).

One definition for the whole project, taken from the prefix file of the Buckwalter lexicon
(``dictPrefixes``; Buckwalter 2002, LDC2002L49):

* before a noun, every ``dictPrefixes`` entry whose morphemes are all tagged with
  :data:`NOUN_PROCLITIC_TAGS` -- the conjunctions و ف (``CONJ``), the prepositions ب ك ل
  (``PREP``) and the article ال (``DET``), alone or combined (``wa/CONJ+bi/PREP+Al/DET``). ل + ال
  is written لل (``ll``): the article's alef is not written after li, nor its lam before a lam;
* before a verb, the conjunction and the future particle س (``FUT``): ``dictPrefixes`` lists
  them only together with the imperfect verb's person prefix (``wa/CONJ+sa/FUT+ya/IV3MS`` for
  وسي), which belongs to the verb; the proclitics are those entries' ``CONJ``/``FUT`` morphemes.

The table is written out here rather than read from the data files, because text matching uses
it while the lexicon is still loading, or when it cannot be loaded at all;
``tests/core/lexicon/test_clitics.py`` checks it against ``dictPrefixes``.
Forms are unvocalized Buckwalter (:mod:`models.lexicon.transliteration`); the ``ARABIC_*``
tables give them in Arabic script.
"""
from __future__ import annotations

from models.lexicon.transliteration import to_arabic

#: Tags of the morphemes that are proclitics on a noun: conjunction, preposition, article.
NOUN_PROCLITIC_TAGS = frozenset({"CONJ", "PREP", "DET"})
#: Tag of the future particle س, a proclitic on an imperfect verb.
FUTURE_TAG = "FUT"

#: The proclitic sequences: (form as written, unvocalized Buckwalter; the tags of its morphemes,
#: in order). A form may have several readings: ``l`` is li (``PREP``), and also li + al before
#: a stem starting with lam, where the article is not written at all (لليل = li + al + layl).
PROCLITICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("w", ("CONJ",)), ("f", ("CONJ",)),
    ("b", ("PREP",)), ("k", ("PREP",)), ("l", ("PREP",)),
    ("Al", ("DET",)),
    ("wb", ("CONJ", "PREP")), ("wk", ("CONJ", "PREP")), ("wl", ("CONJ", "PREP")),
    ("fb", ("CONJ", "PREP")), ("fk", ("CONJ", "PREP")), ("fl", ("CONJ", "PREP")),
    ("wAl", ("CONJ", "DET")), ("fAl", ("CONJ", "DET")),
    ("bAl", ("PREP", "DET")), ("kAl", ("PREP", "DET")), ("ll", ("PREP", "DET")), ("l", ("PREP", "DET")),
    ("wbAl", ("CONJ", "PREP", "DET")), ("wkAl", ("CONJ", "PREP", "DET")),
    ("wll", ("CONJ", "PREP", "DET")), ("wl", ("CONJ", "PREP", "DET")),
    ("fbAl", ("CONJ", "PREP", "DET")), ("fkAl", ("CONJ", "PREP", "DET")),
    ("fll", ("CONJ", "PREP", "DET")), ("fl", ("CONJ", "PREP", "DET")),
    ("s", ("FUT",)), ("ws", ("CONJ", "FUT")), ("fs", ("CONJ", "FUT")),
)


def writes_article(form: str) -> bool:
    """True when proclitic ``form`` (unvocalized Buckwalter) ends with the article as written:
    ``Al``, or ``ll`` for li + al, whose alef is not written (للكتاب)."""
    return form.endswith(("Al", "ll"))


def _longest_first(forms) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(forms), key=len, reverse=True))


#: :data:`PROCLITICS` in Arabic script, longest first.
ARABIC_PROCLITICS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (to_arabic(form), tags) for form, tags in sorted(PROCLITICS, key=lambda reading: -len(reading[0]))
)
#: The forms written before a noun (all but the future particle), Arabic script, longest first.
ARABIC_NOUN_PROCLITICS: tuple[str, ...] = _longest_first(to_arabic(f) for f, tags in PROCLITICS if FUTURE_TAG not in tags)
#: The forms that end with the article as written (ال، وال، بال، لل...), Arabic script, longest first.
ARABIC_ARTICLE_PROCLITICS: tuple[str, ...] = _longest_first(to_arabic(f) for f, _ in PROCLITICS if writes_article(f))
#: The conjunctions و ف.
ARABIC_CONJUNCTIONS: tuple[str, ...] = tuple(to_arabic(f) for f, tags in PROCLITICS if tags == ("CONJ",))

_ARTICLE, _LAM = "\u0627\u0644", "\u0644"


def proclitic_bases(word: str, min_base: int = 2) -> set[str]:
    """``word`` (Arabic script, undiacritized) and what is left of it after each proclitic
    sequence it starts with, when at least ``min_base`` letters are left. Where the proclitic
    holds the article without writing it whole, the base is also given with it: after لل
    (للأمم -> أمم, الأمم) and, before a lam, after ل (لليل -> الليل). A guess from the
    letters: a word whose first letter merely looks like a proclitic (وزير) gives bases too."""
    bases = {word}
    for form, tags in ARABIC_PROCLITICS:
        if not word.startswith(form) or len(word) - len(form) < min_base:
            continue
        base = word[len(form):]
        bases.add(base)
        if "DET" in tags and not form.endswith(_ARTICLE) and (form.endswith(_LAM * 2) or base.startswith(_LAM)):
            bases.add(_ARTICLE + base)
    return bases
