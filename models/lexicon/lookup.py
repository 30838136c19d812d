"""Looking a written Arabic word up in the lexicon, normalizing step by step until it is found.

The chain (each step from 3 on tried only when the previous ones found nothing):

1. the bare word: presentation forms folded by NFKC, combining hamza composed by NFC (ا + U+0655
   is إ), bidi and format marks, tatweel and diacritics removed, Persian look-alike letters mapped (:mod:`models.text.arabic`); together with
2. alef forms (أ إ آ ٱ / ا), final ى / ي and ة / ه matched either way
   (:func:`models.lexicon.index.fold_bw` level 1) -- always tried, because news text writes الى for
   إلى and مدرسه for مدرسة; these analyses come after the ones matching as written;
3. hamza seats (ؤ ئ ء) matched either way (level 2);
4. letters repeated for emphasis collapsed (``وجيييه`` -> ``وجيه``), then steps 1-3 again;
5. a proclitic written on its own (``بـ`` before a number, ``و``): the prefix alone;
6. two words written without a space (``العربالموت``, ``عبدالله``, ``يابن``, ``ماتناقلته``):
   split only where the boundary is evident -- before the article ال with 3+ letters on each
   side, or after the particles يا / ما -- and both parts are found as written; the most even
   such split wins. Each analysis joins one reading of each part (their best three each). Looser
   splitting turns foreign names into nonsense (لافروف as لاف + روف), so names stay unfound;
7. proper-noun backoff (:mod:`models.lexicon.backoff`): the usual proclitics + an unknown stem read as a
   name (و + لافروف), marked ``backoff=True``, without gloss; only when steps 1-6 found nothing.

Forms derived from the lexicon's verbs by regular patterns (:mod:`models.lexicon.derivation`) are
looked up right after step 4, with the same spelling folds: a participle or verbal noun the
lexicon lacks (مستعرضاً، التريث) is explained through its verb, marked with ``derived_from`` and
found with step :attr:`LookupStep.DERIVED`; the proper-noun backoff readings follow it, since a derived
guess may be a name (طارب). The imperfect passive of a verb whose passive the lexicon
does not list (يُحْتَفَل) is derived too, and added after the lexicon's readings of the word.
The vocative يا written joined to a noun (يارب، ياصديقي) is read as يا + the noun, beside the
word's other readings (:func:`vocative_analyses`).

The written diacritics are kept aside (``Lookup.written``) so that ranking can prefer the
analyses that agree with them (:mod:`models.lexicon.ranking`).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace

from models.text.arabic import (
    collapse_repeats, compose, fold_persian_letters, fold_presentation_forms, strip_diacritics,
    strip_format_marks, strip_tatweel,
)
from models.lexicon.backoff import BACKOFF_REASON, backoff_analyses
from models.lexicon.derivation import unpack as unpack_derivation
from models.lexicon.transliteration import is_transliterable, to_arabic, to_buckwalter
from models.lexicon.index import Lexicon, shared_lexicon
from models.lexicon.analyzer import Analysis, analyze, clitic_analyses

class LookupStep(enum.IntEnum):
    """The step of the chain (module docstring) that found a word's analyses, in the order tried.
    Its value is ``Analysis.match``; :attr:`description` says it in words."""

    EXACT = 0
    FOLDED = 1
    HAMZA = 2
    COLLAPSED = 3
    CLITIC = 4
    RUN_ON = 5
    BACKOFF = 6
    DERIVED = 7
    NONE = 8

    @property
    def description(self) -> str:
        """The step in words, as shown in an analysis's ranking reason ("hamza seat spelled differently")."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    LookupStep.EXACT: "as written",
    LookupStep.FOLDED: "alef, alef maqsura or ta marbuta spelled differently",
    LookupStep.HAMZA: "hamza seat spelled differently",
    LookupStep.COLLAPSED: "repeated letters collapsed",
    LookupStep.CLITIC: "proclitic written on its own",
    LookupStep.RUN_ON: "two words written together",
    LookupStep.BACKOFF: BACKOFF_REASON,
    LookupStep.DERIVED: "derived from a lexicon entry by a regular pattern",
    LookupStep.NONE: "not found",
}
#: The vocative particle يا (Buckwalter).
VOCATIVE = "yA"


@dataclass(frozen=True)
class Lookup:
    """Result of :func:`lookup`.

    ``word``: as given; ``written``: cleaned but with its diacritics (Arabic script);
    ``normalized``: the undiacritized form the analyses were found for (Arabic script); ``step``:
    which normalization found them; ``analyses``: in lexicon order, or the backoff readings (step
    :attr:`LookupStep.BACKOFF`), ``[]`` when none."""

    word: str
    written: str
    normalized: str
    step: LookupStep
    analyses: list[Analysis] = field(default_factory=list)

    @property
    def in_lexicon(self) -> bool:
        """True when the lexicon analyses the word (backoff and derived readings do not count)."""
        return any(not a.backoff and a.derived_from is None for a in self.analyses)

    @property
    def derived(self) -> bool:
        """True when the lexicon has no reading of the word but a derived form explains it
        (:attr:`LookupStep.DERIVED`; proper-noun backoff readings may follow)."""
        return not self.in_lexicon and any(a.derived_from is not None for a in self.analyses)


def clean(word: str) -> str:
    """The written word without format marks and tatweel, presentation forms and Persian
    look-alike letters folded, a combining hamza or madda composed (NFC); diacritics kept."""
    return fold_persian_letters(strip_tatweel(strip_format_marks(compose(fold_presentation_forms(word)))))


def _analyze_levels(lexicon: Lexicon, arabic: str, collapsed: bool = False) -> list[Analysis]:
    """Analyses as written plus those found by alef/ya/ta marbuta folding (after them), or
    failing both, by hamza-seat folding; each tagged with its ``match`` step."""
    if not arabic or not is_transliterable(arabic):
        return []
    bw = to_buckwalter(arabic)
    found = analyze(lexicon, bw, 0, LookupStep.COLLAPSED if collapsed else LookupStep.EXACT)
    seen = {(a.buckwalter, a.lemma, a.pos) for a in found}
    for a in analyze(lexicon, bw, 1, LookupStep.COLLAPSED if collapsed else LookupStep.FOLDED):
        if (a.buckwalter, a.lemma, a.pos) not in seen:
            seen.add((a.buckwalter, a.lemma, a.pos))
            found.append(a)
    if not found:
        found = analyze(lexicon, bw, 2, LookupStep.COLLAPSED if collapsed else LookupStep.HAMZA)
    return found


def lookup(word: str, lexicon: Lexicon | None = None, backoff: bool = True) -> Lookup:
    """Analyses of the written Arabic ``word`` (one token, as matched by
    :data:`models.text.arabic.ARABIC_WORD_RE`), normalizing step by step (module docstring); with
    ``backoff`` False, step 7 is left out.

    ``lexicon`` defaults to :func:`models.lexicon.index.shared_lexicon`. Raises
    :class:`models.lexicon.buckwalter.LexiconDataError` only when the lexicon cannot be loaded."""
    lexicon = lexicon or shared_lexicon()
    written = clean(word)
    bare = strip_diacritics(written)
    found = _analyze_levels(lexicon, bare)
    if found:
        imperfect = any(a.pos == "VERB_IMPERFECT" for a in found)
        extra = [a for a in derived_analyses(lexicon, bare) if a.pos == "VERB_IMPERFECT"] if imperfect else []
        return Lookup(word, written, bare, LookupStep(found[0].match), found + extra + vocative_analyses(lexicon, bare))
    for variant in collapse_repeats(bare):
        found = _analyze_levels(lexicon, variant, collapsed=True)
        if found:
            return Lookup(word, written, variant, LookupStep.COLLAPSED, found)
    found = derived_analyses(lexicon, bare)
    if found:
        names = backoff_analyses(lexicon, to_buckwalter(bare)) if backoff else []
        return Lookup(word, written, bare, LookupStep.DERIVED, found + names)
    if is_transliterable(bare):
        found = [replace(a, match=LookupStep.CLITIC) for a in clitic_analyses(lexicon, to_buckwalter(bare))]
        if found:
            return Lookup(word, written, bare, LookupStep.CLITIC, found)
        found = _run_on(lexicon, to_buckwalter(bare)) or vocative_analyses(lexicon, bare)
        if found:
            return Lookup(word, written, bare, LookupStep.RUN_ON, found)
        found = backoff_analyses(lexicon, to_buckwalter(bare)) if backoff else []
        if found:
            found = [replace(a, match=LookupStep.BACKOFF) for a in found]
            return Lookup(word, written, bare, LookupStep.BACKOFF, found)
    return Lookup(word, written, bare, LookupStep.NONE, [])


def derived_analyses(lexicon: Lexicon, arabic: str) -> list[Analysis]:
    """Readings of the undiacritized Arabic word ``arabic`` as a form derived from a lexicon verb
    (:mod:`models.lexicon.derivation`), with the spelling folds of steps 1-3: each with
    ``derived_from`` set, ``lemma`` the verb's, ``root`` the verb's root and ``match``
    :attr:`LookupStep.DERIVED`. ``[]`` when none."""
    result = []
    for analysis in _analyze_levels(lexicon.derived_view(), arabic):
        derivation = unpack_derivation(analysis.lemma)
        result.append(replace(
            analysis, lemma=derivation.base_lemma, derived_from=derivation, match=LookupStep.DERIVED,
            root=lexicon.roots.get(derivation.base_lemma, ""),
        ))
    return result


def vocative_analyses(lexicon: Lexicon, arabic: str) -> list[Analysis]:
    """The vocative يا written joined to a noun (يارب، ياصديقي، يامسترشد): يا + each nominal
    reading of the rest (lexicon or derived; at most three), as :func:`join_words` joins two
    words (``match`` step 6). ``[]`` when ``arabic`` (undiacritized) does not start with يا or
    the rest has no noun, adjective or proper-noun reading."""
    if not is_transliterable(arabic):
        return []
    bw = to_buckwalter(arabic)
    if not bw.startswith(VOCATIVE) or len(bw) < len(VOCATIVE) + 2:
        return []
    particle = [a for a in analyze(lexicon, VOCATIVE) if a.pos == "INTERJ"][:1]
    rest = to_arabic(bw[len(VOCATIVE):])
    nouns = [a for a in _analyze_levels(lexicon, rest) or derived_analyses(lexicon, rest)
             if a.pos.startswith(("NOUN", "ADJ")) and not a.prefix]
    return [join_words(particle[0], noun) for noun in nouns[:3]] if particle else []


def _run_on(lexicon: Lexicon, bw: str) -> list[Analysis]:
    """Step 6 of the chain (module docstring); ``bw`` is the bare word in Buckwalter."""
    best: tuple | None = None
    for i in range(2, len(bw) - 1):
        first, second = bw[:i], bw[i:]
        evident = (second.startswith("Al") and i >= 3 and len(second) >= 3) or first in ("yA", "mA")
        if not evident or (best is not None and min(i, len(second)) <= best[0]):
            continue
        a = analyze(lexicon, first)
        b = analyze(lexicon, second) if a else []
        if a and b:
            best = (min(i, len(second)), a, b)
    if best is None:
        return []
    _, first_analyses, second_analyses = best
    return [join_words(x, y) for x in first_analyses[:3] for y in second_analyses[:3]]


def join_words(first: Analysis, second: Analysis) -> Analysis:
    """One analysis for two words written together: fields joined by a space (gloss by `` | ``),
    segments concatenated; ``match`` is :attr:`LookupStep.RUN_ON`."""
    joined = replace(
        first, derived_from=second.derived_from, root=second.root, vocalized=f"{first.vocalized} {second.vocalized}", buckwalter=f"{first.buckwalter} {second.buckwalter}",
        lemma=f"{first.lemma} {second.lemma}", pos=f"{first.pos} {second.pos}", gloss=f"{first.gloss} | {second.gloss}",
        segments=first.segments + second.segments,
        stem=f"{first.stem}{first.suffix} {second.prefix}{second.stem}", suffix=second.suffix,
        match=LookupStep.RUN_ON,
    )
    joined.__dict__["translit"] = f"{first.translit} {second.translit}"
    return joined
