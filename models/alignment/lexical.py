"""Word links from the lexicon, without a translation model.

For one Arabic sentence and its English translation, :func:`lexicon_links` links

- **numbers** with the same value (:mod:`models.text.numbers`: ``290 ألف`` and ``290,000``) and
  **months** (:mod:`models.text.months`: ``فبراير/ شباط`` and ``February``);
- **Latin-script words** of the source written again in the translation (``REUTERS``);
- **stem glosses**: an English word whose lemma (:mod:`models.text.lemmas`: ``went`` -> ``go``)
  is a content word of the gloss of one of the Arabic word's analyses (Buckwalter lexicon,
  :func:`models.lexicon.lookup.lookup`, clitics and respellings handled);
- **names**: an Arabic word and a capitalized English word with the same consonant skeleton
  (:mod:`models.text.names`: كيري and *Kerry*);
- then **function words**: an English function word (*and*, *the*, *in*, *their*) that glosses a
  clitic of an Arabic word (و, ال, بـ, ـهم) or an Arabic function word (في), when it stands
  within :data:`FUNCTION_WINDOW` words of where the Arabic word's neighbours put it.

Content links are chosen by competitive linking (Melamed 2000, "Models of translational
equivalence among words", *Computational Linguistics* 26(2)): all candidate pairs ranked by
score less a distortion penalty (the difference of relative positions in the two sentences),
taken best first while the English word is free and the Arabic word has no link of the same
lemma. An Arabic word may link several English words (a phrase: ``عسكري`` *military*), each
English word one Arabic word. Scores are fixed per kind of evidence (see :data:`BASE_SCORES`)
less the distortion penalty, in [0.05, 1].
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from models.alignment.word_links import Evidence, Span, WordLink, source_words, target_words
from models.lexicon.dictionary import gloss_content_words
from models.lexicon.index import Lexicon
from models.lexicon.lookup import lookup
from models.lexicon.ranking import STOPWORDS
from models.text.arabic import has_arabic
from models.text.lemmas import lemma
from models.text.months import extract_months
from models.text.names import arabic_skeletons, english_names, same_name
from models.text.numbers import extract_numbers

log = logging.getLogger(__name__)

#: Score of a link by its evidence, before the distortion penalty.
BASE_SCORES = {Evidence.NUMBER: 0.95, Evidence.MONTH: 0.95, Evidence.COPY: 0.95, Evidence.GLOSS: 0.8,
               Evidence.NAME: 0.85, Evidence.CLITIC: 0.5}
#: A name link of an Arabic word that the lexicon reads as a common word (كيري "bellows").
COMMON_WORD_NAME_SCORE = 0.6
#: Score lost per unit of relative-position difference (0 = same place, 1 = opposite ends).
DISTORTION = 0.3
#: How many words from its expected place a function word may be linked.
FUNCTION_WINDOW = 2
#: How far apart (in words) two English words linked to one Arabic word may be.
PHRASE_WINDOW = 2
#: English words of clitics whose lexicon gloss is empty or only a note.
_CLITIC_WORDS = {"FUT": ("will",), "PVSUFF_SUBJ:3MD": ("they",), "PVSUFF_SUBJ:3FD": ("they",)}
#: Part-of-speech tags of content words (nouns, proper nouns, adjectives, verbs).
CONTENT_TAGS = ("NOUN", "ADJ", "VERB")
_NOTE_RE = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)")
_WORD_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Readings:
    """What the lexicon says about one written Arabic word, for linking.

    ``content``: lemmas of the content words of all its analyses' stem glosses; ``function``:
    lower-case English function words of its clitics and of function-word stems (``and``,
    ``the``, ``in``); ``gloss``: the first sense of its first content analysis, for messages
    (``""`` when none); ``content_word``: every analysis of the lexicon (there is one at least)
    is a noun, adjective or verb, so the word is no function word (إن, قد, لكن); ``proper``:
    some analysis is a proper noun, or the lexicon does not know the word; ``known``: the
    lexicon analyses it."""

    content: frozenset[str]
    function: frozenset[str]
    gloss: str
    content_word: bool
    proper: bool
    known: bool


NO_READINGS = Readings(frozenset(), frozenset(), "", False, True, False)


def _words(gloss: str) -> list[str]:
    return _WORD_RE.findall(_NOTE_RE.sub(" ", gloss.lower()))


def read_word(word: str, lexicon: Lexicon) -> Readings:
    """:class:`Readings` of one Arabic ``word`` as written (clitics and diacritics allowed)."""
    found = lookup(word, lexicon)
    content: set[str] = set()
    function: set[str] = set()
    gloss = ""
    proper = False
    content_word = found.in_lexicon
    for analysis in found.analyses:
        proper = proper or analysis.backoff or analysis.pos.startswith("NOUN_PROP")
        is_content = analysis.pos.startswith(CONTENT_TAGS)
        content_word = content_word and (is_content or analysis.backoff)
        for segment in analysis.segments:
            if segment.pos.startswith(CONTENT_TAGS) or segment.pos == analysis.pos:
                words = gloss_content_words(segment.gloss)
                content |= {lemma(w) for w in words}
                function |= {w for w in _words(segment.gloss) if w not in words}
                if is_content and words and not gloss:
                    gloss = _NOTE_RE.sub("", segment.gloss.split(";")[0]).strip()
            else:
                function |= set(_CLITIC_WORDS.get(segment.pos, ())) | set(_words(segment.gloss))
    return Readings(frozenset(content), frozenset(function), gloss, content_word,
                    proper or not found.in_lexicon, found.in_lexicon)


class WordReader:
    """:func:`read_word` with a cache, over one lexicon (``None``: numbers, months, names and
    copied words only). Safe to share between threads."""

    def __init__(self, lexicon: Lexicon | None) -> None:
        self.lexicon = lexicon
        self._cache: dict[str, Readings] = {}
        self._lock = threading.Lock()

    def __call__(self, word: str) -> Readings:
        found = self._cache.get(word)
        if found is None:
            found = read_word(word, self.lexicon) if self.lexicon is not None and has_arabic(word) else NO_READINGS
            with self._lock:
                if len(self._cache) > 200_000:
                    self._cache.clear()
                self._cache[word] = found
        return found


_default: WordReader | None = None
_default_lock = threading.Lock()


def default_reader() -> WordReader:
    """The process-wide :class:`WordReader` over the shared lexicon, or a reader over none when
    the lexicon cannot be loaded (:func:`models.lexicon.dictionary.default_dictionary` logs why;
    that one is not kept, so that the lexicon is used once it can be, e.g. after
    :func:`models.lexicon.dictionary.reset_default_dictionary`)."""
    global _default
    with _default_lock:
        if _default is None:
            from models.lexicon.dictionary import default_dictionary

            dictionary = default_dictionary()
            if dictionary is None:
                return WordReader(None)
            _default = WordReader(dictionary.lexicon)
        return _default


@dataclass
class _Pair:
    """The two sentences, tokenized, and the links chosen so far."""

    source: str
    target: str
    src: list[Span]
    tgt: list[Span]
    links: list[tuple[int, int, float, Evidence]]
    src_taken: set[int]
    tgt_taken: set[int]

    def rel(self, i: int, j: int) -> float:
        return abs((i + 0.5) / len(self.src) - (j + 0.5) / len(self.tgt))

    def add(self, i: int, j: int, score: float, evidence: Evidence) -> None:
        self.links.append((i, j, max(0.05, min(1.0, score)), evidence))
        self.src_taken.add(i)
        self.tgt_taken.add(j)


def _covered(spans: list[Span], start: int, end: int) -> list[int]:
    return [k for k, (a, b) in enumerate(spans) if a < end and start < b]


def _link_values(pair: _Pair) -> None:
    """Numbers and months: same value on both sides, first with first."""
    for extract, evidence, key in ((extract_numbers, Evidence.NUMBER, lambda n: n.key),
                                   (extract_months, Evidence.MONTH, lambda m: m.month)):
        targets = extract(pair.target)
        for found in extract(pair.source):
            match = next((t for t in targets if key(t) == key(found)), None)
            if match is None:
                continue
            targets.remove(match)
            for i in _covered(pair.src, found.start, found.end):
                for j in _covered(pair.tgt, match.start, match.end):
                    pair.add(i, j, BASE_SCORES[evidence], evidence)


def _content_candidates(pair: _Pair, readings: list[Readings]) -> list[tuple[float, float, int, int, Evidence, str]]:
    lemmas = [lemma(pair.target[a:b]) for a, b in pair.tgt]
    names = {j: key for a, b, key in english_names(pair.target) for j in _covered(pair.tgt, a, b)}
    candidates = []
    for i, (a, b) in enumerate(pair.src):
        if i in pair.src_taken:
            continue
        word = pair.source[a:b]
        info = readings[i]
        skeletons = {k for k in arabic_skeletons(word) if len(k) >= 2} if has_arabic(word) else set()
        for j, (c, d) in enumerate(pair.tgt):
            if j in pair.tgt_taken:
                continue
            english = pair.target[c:d]
            if not has_arabic(word):
                if word.lower() == english.lower() and not word.isdigit():
                    candidates.append((BASE_SCORES[Evidence.COPY], i, j, Evidence.COPY, english.lower()))
                continue
            if lemmas[j] in info.content and english.lower() not in STOPWORDS:
                candidates.append((BASE_SCORES[Evidence.GLOSS], i, j, Evidence.GLOSS, lemmas[j]))
            elif j in names and same_name(skeletons, names[j]):
                base = BASE_SCORES[Evidence.NAME] if info.proper or not info.content else COMMON_WORD_NAME_SCORE
                candidates.append((base, i, j, Evidence.NAME, names[j]))
    return [(base - DISTORTION * pair.rel(i, j), base, i, j, evidence, key) for base, i, j, evidence, key in candidates]


def _link_content(pair: _Pair, readings: list[Readings]) -> None:
    """Competitive linking of glosses, names and copied words (module doc)."""
    used: dict[int, set[str]] = {}
    targets: dict[int, list[int]] = {}
    for score, _, i, j, evidence, key in sorted(_content_candidates(pair, readings), key=lambda c: (-c[0], c[2], c[3])):
        if j in pair.tgt_taken or key in used.get(i, ()):
            continue
        if i in targets and min(abs(j - k) for k in targets[i]) > PHRASE_WINDOW:
            continue
        pair.add(i, j, score, evidence)
        used.setdefault(i, set()).add(key)
        targets.setdefault(i, []).append(j)


def _expected_places(pair: _Pair) -> list[float | None]:
    """Per source word, the target word index where its translation is expected: its own first
    link, else interpolated between the nearest linked source words on either side."""
    first: dict[int, int] = {}
    for i, j, _, _ in pair.links:
        first[i] = min(j, first.get(i, j))
    anchors = sorted(first.items())
    places: list[float | None] = []
    for i in range(len(pair.src)):
        if i in first:
            places.append(first[i])
            continue
        left = max((a for a in anchors if a[0] < i), default=None)
        right = min((a for a in anchors if a[0] > i), default=None)
        if left and right:
            places.append(left[1] + (i - left[0]) * (right[1] - left[1]) / (right[0] - left[0]))
        elif left or right:
            anchor = left or right
            places.append(anchor[1] + (i - anchor[0]) * len(pair.tgt) / len(pair.src))
        else:
            places.append((i + 0.5) * len(pair.tgt) / len(pair.src))
    return places


def _link_function_words(pair: _Pair, readings: list[Readings]) -> None:
    """Function words near their expected places (module doc)."""
    places = _expected_places(pair)
    words = [pair.target[a:b].lower() for a, b in pair.tgt]
    candidates = []
    for i, info in enumerate(readings):
        if places[i] is None or not info.function:
            continue
        for j, word in enumerate(words):
            if j not in pair.tgt_taken and word in info.function:
                distance = abs(j - places[i])
                if distance <= FUNCTION_WINDOW + (0 if i in pair.src_taken else 1):
                    candidates.append((distance, i, j, word))
    used: set[tuple[int, str]] = set()
    for distance, i, j, word in sorted(candidates):
        if j in pair.tgt_taken or (i, word) in used:
            continue
        used.add((i, word))
        pair.add(i, j, BASE_SCORES[Evidence.CLITIC] - 0.1 * distance, Evidence.CLITIC)


def lexicon_links(source: str, target: str, *, reader: WordReader | None = None) -> list[WordLink]:
    """Word links between an Arabic sentence ``source`` and its English translation ``target``
    from the lexicon, numbers, months, names and copied words (module doc).

    ``reader`` reads Arabic words (default :func:`default_reader`: the shared Buckwalter lexicon,
    or none when it cannot be loaded). Returns links sorted by source then target span, spans
    being single words of :func:`models.alignment.word_links.source_words` and
    :func:`models.alignment.word_links.target_words`; ``[]`` when either side has no word."""
    pair = _Pair(source, target, source_words(source), target_words(target), [], set(), set())
    if not pair.src or not pair.tgt:
        return []
    reader = reader or default_reader()
    readings = [reader(source[a:b]) for a, b in pair.src]
    _link_values(pair)
    _link_content(pair, readings)
    _link_function_words(pair, readings)
    return sorted((WordLink(pair.src[i], pair.tgt[j], round(score, 4), evidence.value) for i, j, score, evidence in pair.links),
                  key=lambda link: (link.source_span, link.target_span))
