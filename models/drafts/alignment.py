"""Sentence alignment of an Arabic source with its English draft (translator mode).

A monotonic dynamic-programming aligner in the manner of Gale & Church (1993), "A Program for
Aligning Sentences in Bilingual Corpora", *Computational Linguistics* 19(1):75-102. Links join
consecutive sentences: 1-1, 1-2, 2-1, 2-2, 1-0 (a source sentence with no draft: omission) and
0-1 (a draft sentence with no source: addition).

The cost of a link is a sum of negative log-likelihoods (nats), each from one kind of evidence:

- **length** (:func:`length_cost`): Gale & Church's model. With ``l1`` the source length in
  characters (Arabic counted without diacritics, tatweel or format marks) and ``l2`` the draft
  length, ``delta = (l2 - l1 c) / sqrt(l1 s2)`` and the cost is ``-log(2 (1 - Phi(|delta|)))``,
  plus ``-log prior(link type)`` with the paper's priors. ``c`` = 1.21 English characters per
  Arabic character and ``s2`` = 6.5 were measured on the UN Parallel Corpus v1.0 test set lines of
  documents with fewer than 8 lines (documents the benchmark does not use). A source sentence
  with no Arabic letter (a photo caption, a URL) is expected to be copied, so its length counts
  as ``len / c``.
- **numbers** (:mod:`models.text.numbers`): each number shared by the two sides lowers the cost by
  ``number_match``, each number on one side only raises it by ``number_miss``.
- **anchors**: Latin-script words (names, acronyms, symbols such as ``S/2015/305``) in the Arabic
  source found again in the draft, and whole Latin-script source sentences copied as they are.
- **words**, with a :class:`WordTranslations` dictionary (by default the Buckwalter lexicon,
  :mod:`models.lexicon.dictionary`): in the manner of Moore (2002), "Fast and accurate sentence
  alignment of bilingual corpora" (AMTA), and Hunalign (Varga et al. 2005, "Parallel corpora for
  medium density languages", RANLP), whose scores count dictionary translations shared by the
  two sentences. Each glossed source word found somewhere in the draft is a Bernoulli
  observation, "one of its glosses is in the candidate draft sentences", with probability
  ``word_hit`` under a true link and, by chance, the share of draft sentences of the document
  holding one of its glosses; the cost falls by the log-likelihood ratio of what is observed.
  The same holds the other way for the draft's content words among the source's glosses
  (``draft_hit``). English words are stemmed alike on both sides (``negotiations`` meets
  ``negotiation``).
- **machine translation**, when a translation of each source sentence is given: chrF
  (Popović 2015, via sacrebleu) between the machine translation and the draft, as in Bleualign
  (Sennrich & Volk 2010, "MT-based sentence alignment for OCR-generated parallel texts", AMTA).

Each link's ``confidence`` is its posterior probability under the same model, summed over all
alignments with the forward-backward algorithm (costs read as -log probabilities), in [0, 1].
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol, Sequence

from models.text.arabic import ARABIC_WORD_RE, bare, has_arabic
from models.lexicon.ranking import STOPWORDS, stem_word
from models.text.names import arabic_name_keys, english_name_keys
from models.text.numbers import number_keys

#: Link types (source sentences, draft sentences) considered by the aligner.
LINK_TYPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
#: Prior probabilities of link types, Gale & Church (1993), table 5 (as in their program).
GALE_CHURCH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011,
}
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Z]")
_ENGLISH_WORD_RE = re.compile(r"[A-Za-z]+")


class WordTranslations(Protocol):
    """A bilingual dictionary: English glosses of an Arabic word (for instance the Buckwalter
    lexicon's glosses). ``glosses`` takes one Arabic word as written (clitics and diacritics
    possible) and returns lower-case English words, empty when the word is unknown."""

    def glosses(self, arabic_word: str) -> set[str]: ...


@dataclass(frozen=True)
class Link:
    """An alignment link: ``source`` and ``draft`` are sentence indices (0-based, consecutive, one
    side possibly empty); ``confidence`` is the link's posterior probability in [0, 1]."""

    source: tuple[int, ...]
    draft: tuple[int, ...]
    confidence: float


@dataclass(frozen=True)
class AlignParams:
    """Model parameters; costs are in nats. See the module doc for their sources."""

    c: float = 1.21
    s2: float = 6.5
    priors: dict[tuple[int, int], float] = field(default_factory=lambda: dict(GALE_CHURCH_PRIORS))
    #: Weight and scale (in delta units) of a heavier-tailed component mixed into the length
    #: model, for free renderings far from the mean length.
    length_outlier: float = 0.05
    outlier_scale: float = 2.0
    number_match: float = 4.0
    number_miss: float = 2.0
    anchor_match: float = 1.5
    anchor_miss: float = 0.5
    #: (two-consonant, longer) name skeletons: found in the source / not found.
    name_match: tuple[float, float] = (1.1, 1.7)
    name_miss: tuple[float, float] = (0.3, 0.15)
    #: Punctuation classes: (characters, cost when both sides have the same positive count,
    #: cost when only one side has any, cost when neither has any).
    punctuation: tuple[tuple[str, float, float, float], ...] = (
        ("(", -1.5, 1.4, 0.0),
        ('"\u00ab\u00bb\u201c\u201d', -2.8, 2.4, 0.0),
        (":", -1.9, 1.9, 0.0),
        (";\u061b", -0.8, 2.1, 0.0),
        ("?\u061f", -1.5, 1.5, 0.0),
        (",\u060c", -0.9, 1.3, -0.6),
    )
    #: Dictionary evidence (Moore 2002; Varga et al. 2005): probability that a glossed source word
    #: found somewhere in the draft has a gloss in its true translation (``word_hit``), and that
    #: a draft content word found among the source's glosses is among those of its true source
    #: (``draft_hit``); measured (0.89, 0.95) on the 5-7-line UN test-set documents, which the
    #: benchmark does not use, and rounded down. Chance probabilities are measured per document,
    #: smoothed by ``chance_prior`` pseudo-counts. ``word_weight`` scales the summed
    #: log-likelihood ratios; F1 on those documents is flat from 0.8 to 1.4.
    word_hit: float = 0.85
    draft_hit: float = 0.9
    word_weight: float = 1.0
    chance_prior: float = 1.0
    mt_weight: float = 8.0
    #: Cells farther than this many sentences from the diagonal are not searched when both
    #: texts have more than ``band`` sentences; ``None`` searches all cells.
    band: int | None = 120


def _phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def length_cost(l1: float, l2: float, params: AlignParams = AlignParams()) -> float:
    """Gale & Church's length cost, without the prior: ``-log(2 (1 - Phi(|delta|)))`` with
    ``delta = (l2 - l1 c) / sqrt(l1 s2)``; ``l1``, ``l2`` in characters. Never infinite."""
    if l1 <= 0 and l2 <= 0:
        return 0.0
    mean = (l1 + l2 / params.c) / 2.0  # as in Gale & Church's program, so that l1 = 0 is defined
    delta = (l2 - l1 * params.c) / math.sqrt(max(mean, 1.0) * params.s2)
    p = (1.0 - params.length_outlier) * 2.0 * (1.0 - _phi(abs(delta))) + params.length_outlier * math.exp(-abs(delta) / params.outlier_scale)
    return -math.log(max(p, 1e-12))


@dataclass
class _Features:
    length: float
    numbers: Counter
    latin: Counter  # Latin-script words, lower case
    words: list[set[str]] | None = None  # per Arabic word: its glosses (source only)
    copied: bool = False  # source sentence without Arabic: expected verbatim in the draft
    names: frozenset[str] | Counter = frozenset()  # consonant skeletons (models.text.names)
    punctuation: tuple[int, ...] = ()  # counts per AlignParams.punctuation class


def _source_features(text: str, params: AlignParams, dictionary: WordTranslations | None) -> _Features:
    arabic = has_arabic(text)
    length = len(bare(text)) if arabic else len(text) / params.c
    latin = Counter(w.lower() for w in _LATIN_WORD_RE.findall(text) if len(w) > 1)
    words = None
    if dictionary is not None:
        words = [g for g in ({x.lower() for x in dictionary.glosses(w)} for w in ARABIC_WORD_RE.findall(text)) if g]
    names = frozenset(arabic_name_keys(text))
    return _Features(length, number_keys(text), latin, words, copied=not arabic and bool(text.strip()),
                     names=names, punctuation=_punctuation(text, params))


def _draft_features(text: str, params: AlignParams) -> _Features:
    latin = Counter(w.lower() for w in _LATIN_WORD_RE.findall(text) if len(w) > 1)
    return _Features(len(text), number_keys(text), latin, names=Counter(english_name_keys(text)),
                     punctuation=_punctuation(text, params))


def _punctuation(text: str, params: AlignParams) -> tuple[int, ...]:
    return tuple(sum(text.count(ch) for ch in chars) for chars, *_ in params.punctuation)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Lower-case English word -> crude stem (:func:`models.lexicon.ranking.stem_word`)."""
    return stem_word(word.lower())


def _llr(hit: bool, p_true: float, p_chance: float) -> float:
    """Log-likelihood ratio (nats) of one word's hit or miss: true link against chance."""
    return math.log(p_true / p_chance) if hit else math.log((1.0 - p_true) / (1.0 - p_chance))


class LinkScorer:
    """Cost of candidate links between ``source`` and ``draft`` sentence texts (see the module doc).

    ``translations``, when given, holds one machine translation per source sentence. Raises
    ``ValueError`` when its length differs from ``source``'s."""

    def __init__(
        self,
        source: Sequence[str],
        draft: Sequence[str],
        *,
        dictionary: WordTranslations | None = None,
        translations: Sequence[str] | None = None,
        params: AlignParams = AlignParams(),
        use_numbers: bool = True,
        use_anchors: bool = True,
    ) -> None:
        if translations is not None and len(translations) != len(source):
            raise ValueError(f"{len(translations)} machine translations for {len(source)} source sentences")
        self.params = params
        self.source = list(source)
        self.draft = list(draft)
        self._src = [_source_features(t, params, dictionary) for t in source]
        self._dft = [_draft_features(t, params) for t in draft]
        self.translations = list(translations) if translations is not None else None
        self.use_numbers = use_numbers
        self.use_anchors = use_anchors
        self.use_words = dictionary is not None
        if self.use_words:
            self._prepare_words()
        self._log_priors = {k: -math.log(v) for k, v in params.priors.items()}

    def _prepare_words(self) -> None:
        """Dictionary evidence tables. For each glossed source word: the draft sentences holding
        one of its glosses; for each draft content word: the source sentences among whose
        glosses (or Latin-script words) it is. Words found nowhere in the other text (a gap in the lexicon, a free
        rendering) say nothing about which link is right and are left out. Chance rates are these
        counts over the other text's sentences, smoothed."""
        p = self.params
        m, n = len(self.draft), len(self.source)
        draft_words = [{_stem(w) for w in _ENGLISH_WORD_RE.findall(t)} for t in self.draft]
        source_glosses = []
        self._src_hits: list[list[frozenset[int]]] = []
        for f in self._src:
            glossed = [{_stem(x) for x in g} for g in (f.words or [])]
            latin = {_stem(w) for w in f.latin}  # a name or a caption in Latin script stands for itself
            source_glosses.append(latin.union(*glossed))
            hits = (frozenset(j for j in range(m) if g & draft_words[j]) for g in glossed)
            self._src_hits.append([h for h in hits if h])
        self._dft_hits: list[list[frozenset[int]]] = []
        for t in self.draft:
            content = [w for w in (_stem(x) for x in _ENGLISH_WORD_RE.findall(t.lower()) if x not in STOPWORDS and len(x) > 1)]
            hits = (frozenset(i for i in range(n) if w in source_glosses[i]) for w in content)
            self._dft_hits.append([h for h in hits if h])
        self._src_chance = [[(len(h) + p.chance_prior * 0.5) / (m + p.chance_prior) for h in hits] for hits in self._src_hits]
        self._dft_chance = [[(len(h) + p.chance_prior * 0.5) / (n + p.chance_prior) for h in hits] for hits in self._dft_hits]

    def _word_llr(self, i: int, di: int, j: int, dj: int) -> float:
        """Summed log-likelihood ratio (nats), true link against chance, of the glossed source
        words found (or not) in draft ``j..j+dj-1`` and of the draft content words found (or
        not) among the glosses of source ``i..i+di-1``. Chance for a ``k``-sentence side is
        ``1 - (1 - rate) ** k``. A draft shorter than its expected length (ratio ``r`` < 1, see
        :func:`length_cost`) can only render part of the source, so a source word's hit
        probability under a true link is ``word_hit * r`` (the length cost already charges for
        the shortness); likewise a longer draft's words have ``draft_hit / r``."""
        p = self.params
        total = 0.0
        drange, srange = range(j, j + dj), range(i, i + di)
        l1 = sum(f.length for f in self._src[i : i + di])
        l2 = sum(f.length for f in self._dft[j : j + dj])
        ratio = l2 / (l1 * p.c) if l1 > 0 else 1.0
        word_hit = p.word_hit * min(1.0, ratio)
        draft_hit = p.draft_hit * min(1.0, 1.0 / ratio) if ratio > 0 else p.draft_hit
        for a in srange:
            for hits, rate in zip(self._src_hits[a], self._src_chance[a]):
                chance = 1.0 - (1.0 - rate) ** dj
                total += _llr(any(x in hits for x in drange), max(word_hit, chance), chance)
        for b in drange:
            for hits, rate in zip(self._dft_hits[b], self._dft_chance[b]):
                chance = 1.0 - (1.0 - rate) ** di
                total += _llr(any(x in hits for x in srange), max(draft_hit, chance), chance)
        return total

    def cost(self, i: int, di: int, j: int, dj: int) -> float:
        """Cost (nats) of linking source sentences ``i..i+di-1`` with draft ``j..j+dj-1``."""
        p = self.params
        cost = self._log_priors[(di, dj)]
        if di == 0 or dj == 0:
            return cost
        src = self._src[i : i + di]
        dft = self._dft[j : j + dj]
        cost += length_cost(sum(f.length for f in src), sum(f.length for f in dft), p)
        if self.use_numbers:
            ns = sum((f.numbers for f in src), Counter())
            nd = sum((f.numbers for f in dft), Counter())
            if ns or nd:
                shared = sum((ns & nd).values())
                only = sum(ns.values()) + sum(nd.values()) - 2 * shared
                cost += p.number_miss * only - p.number_match * shared
        if self.use_anchors:
            ls = sum((f.latin for f in src), Counter())
            if ls:
                ld = sum((f.latin for f in dft), Counter())
                shared = sum((ls & ld).values())
                missing = sum(ls.values()) - shared
                cost += p.anchor_miss * missing - p.anchor_match * min(shared, 8)
        if self.use_anchors:
            nd = sum((f.names for f in dft), Counter())
            if nd:
                ns = frozenset().union(*(f.names for f in src))
                for key, count in nd.items():
                    longer = len(key) > 2
                    cost += count * (-p.name_match[longer] if key in ns else p.name_miss[longer])
            for k, (_, same, one, neither) in enumerate(p.punctuation):
                a = sum(f.punctuation[k] for f in src)
                b = sum(f.punctuation[k] for f in dft)
                cost += neither if a == b == 0 else same if a == b else one if a == 0 or b == 0 else 0.0
        if self.use_words:
            cost -= p.word_weight * (self._word_llr(i, di, j, dj))
        if self.translations is not None:
            mt = " ".join(self.translations[i : i + di])
            hyp = " ".join(self.draft[j : j + dj])
            chrf = _chrf().sentence_score(mt, [hyp]).score / 100.0 if mt.strip() and hyp.strip() else 0.0
            cost -= p.mt_weight * (chrf - 0.3)
        return cost


@functools.lru_cache(maxsize=1)
def _chrf():
    from sacrebleu.metrics import CHRF

    return CHRF()


def _logsumexp_neg(costs: list[float]) -> float:
    """-log(sum(exp(-c))) for costs c."""
    finite = [c for c in costs if c != math.inf]
    if not finite:
        return math.inf
    low = min(finite)
    return low - math.log(sum(math.exp(low - c) for c in finite))


def align_scored(scorer: LinkScorer) -> list[Link]:
    """Best monotonic alignment of the scorer's source and draft sentences (Viterbi), each link
    with its posterior probability (forward-backward). Every sentence is in exactly one link."""
    n, m = len(scorer.source), len(scorer.draft)
    band = scorer.params.band
    use_band = band is not None and n > band and m > band

    def allowed(i: int, j: int) -> bool:
        if not use_band:
            return True
        return abs(j - i * m / n) <= band

    costs: dict[tuple[int, int, int, int], float] = {}
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    fwd = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0][0] = fwd[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if (i == 0 and j == 0) or not allowed(i, j):
                continue
            options = []
            for di, dj in LINK_TYPES:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0 or fwd[pi][pj] == inf:
                    continue
                c = scorer.cost(pi, di, pj, dj)
                costs[(pi, di, pj, dj)] = c
                options.append(fwd[pi][pj] + c)
                if best[pi][pj] + c < best[i][j]:
                    best[i][j] = best[pi][pj] + c
                    back[i][j] = (di, dj)
            fwd[i][j] = _logsumexp_neg(options)
    bwd = [[inf] * (m + 1) for _ in range(n + 1)]
    bwd[n][m] = 0.0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if (i == n and j == m) or fwd[i][j] == inf:
                continue
            options = [
                costs[(i, di, j, dj)] + bwd[i + di][j + dj]
                for di, dj in LINK_TYPES
                if (i, di, j, dj) in costs and bwd[i + di][j + dj] != inf
            ]
            bwd[i][j] = _logsumexp_neg(options)
    total = fwd[n][m]
    links: list[Link] = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = back[i][j]
        pi, pj = i - di, j - dj
        posterior = math.exp(total - fwd[pi][pj] - costs[(pi, di, pj, dj)] - bwd[i][j])
        links.append(Link(tuple(range(pi, i)), tuple(range(pj, j)), min(1.0, max(0.0, posterior))))
        i, j = pi, pj
    links.reverse()
    return links


#: ``dictionary`` value meaning "the Buckwalter lexicon when it loads, else none".
LEXICON = "lexicon"


def resolve_dictionary(dictionary: WordTranslations | None | str) -> WordTranslations | None:
    """``dictionary`` itself, or for :data:`LEXICON` the shared
    :func:`models.lexicon.dictionary.default_dictionary` (``None`` when the lexicon cannot load)."""
    if isinstance(dictionary, str):
        if dictionary != LEXICON:
            raise ValueError(f"unknown dictionary {dictionary!r}")
        from models.lexicon.dictionary import default_dictionary

        return default_dictionary()
    return dictionary


def align(
    source: Sequence[str],
    draft: Sequence[str],
    *,
    dictionary: WordTranslations | None | str = LEXICON,
    translations: Sequence[str] | None = None,
    params: AlignParams = AlignParams(),
) -> list[Link]:
    """Align ``source`` (Arabic sentence texts) with ``draft`` (English sentence texts).

    ``dictionary`` is the Buckwalter lexicon by default (:data:`LEXICON`; left out when it cannot
    be loaded), another :class:`WordTranslations`, or ``None`` for none. ``translations`` (one
    machine translation per source sentence) are used when given. Returns links in order
    covering every sentence of both sides exactly once; empty inputs give ``[]`` or only null
    links. Raises ``ValueError`` when ``translations`` does not have one entry per source
    sentence."""
    return align_scored(LinkScorer(source, draft, dictionary=resolve_dictionary(dictionary),
                                   translations=translations, params=params))


def align_by_length(source: Sequence[str], draft: Sequence[str], params: AlignParams = AlignParams()) -> list[Link]:
    """Baseline: Gale & Church's length-only alignment (no numbers, anchors or dictionary)."""
    return align_scored(LinkScorer(source, draft, params=params, use_numbers=False, use_anchors=False))
