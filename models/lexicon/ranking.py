"""Ranking a word's analyses in its sentence.

Order, most decisive first (this project's own heuristic):

1. agreement with the short vowels written on the word (``ييسّر`` prefers يُيَسِّر);
2. the number of the analysis's English gloss words that occur in the English translation of the
   same sentence, when there is one (crude suffix stripping makes "talks" meet "talk");
3. how the word was matched (as written before alef/ya/hamza respellings, see
   :mod:`models.lexicon.lookup`); proper-noun backoff readings (:mod:`models.lexicon.backoff`) always come
   after the lexicon's analyses;
4. the lexicon's own order (fewest affix letters, then dictStems line order).

Each ranked analysis carries the reason for its place in ``Analysis.reason``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from models.lexicon.transliteration import VOWEL_MARKS, to_buckwalter
from models.lexicon.analyzer import Analysis, vowel_agreement, with_sun_shadda
from models.lexicon.lookup import Lookup, LookupStep
from models.lexicon.tags import is_affix_tag

_EN_WORD_RE = re.compile(r"[a-z]+")
_ANNOTATION_RE = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)")
STOPWORDS = frozenset(
    "a an the of to be for by with and or in on at is it he she they you we i his her its their our"
    " my your him them us me as from that this these those so not no will would have has had do does"
    " did been being was were are am than then there here into up out over under".split()
)


def stem_word(word: str) -> str:
    """Crude English suffix stripping for matching gloss words with a translation: lowercase in,
    ``talks``/``talked``/``talking`` -> ``talk``, ``agreements`` -> ``agreement``,
    ``countries`` -> ``country``. Not a real stemmer (no irregular forms)."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                return word[:-1]
            return word[: len(word) - len(suffix)] + repl
    return word


@lru_cache(maxsize=16384)
def gloss_words(gloss: str, keep_stopwords: bool = False) -> frozenset[str]:
    """Content words of a Buckwalter gloss (``"agreement;accord;treaty"``), stemmed; bracketed
    notes (``[fem.pl.]``, ``<verb>``, ``(both)``) dropped, and stopwords unless
    ``keep_stopwords`` (for function words, whose glosses are stopwords: "to;towards")."""
    text = _ANNOTATION_RE.sub(" ", gloss.lower())
    return frozenset(stem_word(w) for w in _EN_WORD_RE.findall(text) if (keep_stopwords or w not in STOPWORDS) and len(w) > 1)


@lru_cache(maxsize=256)
def translation_words(translation: str) -> frozenset[str]:
    """Stemmed words of an English sentence (cached: one sentence serves many hovers)."""
    return frozenset(stem_word(w) for w in _EN_WORD_RE.findall(translation.lower()))


def _content_gloss(analysis: Analysis) -> set[str]:
    function_word = not analysis.pos.startswith(("NOUN", "ADJ", "VERB", "ADV"))
    words: frozenset[str] = frozenset()
    for segment in analysis.segments:
        if not is_affix_tag(segment.pos) or len(analysis.segments) == 1:
            words |= gloss_words(segment.gloss, function_word)
    return words or gloss_words(analysis.gloss, function_word)


def rank(lookup: Lookup, translation: str | None = None) -> list[Analysis]:
    """The analyses of ``lookup`` best first, each with its ``reason`` filled in.

    ``translation`` is the English translation of the sentence the word is in (``None`` or ""
    when there is none). Returns a new list; ``[]`` when the word has no analysis."""
    if not lookup.analyses:
        return []
    written = to_buckwalter(lookup.written)
    has_marks = written != to_buckwalter(lookup.normalized) and any(c in VOWEL_MARKS for c in written)
    context = translation_words(translation) if translation else frozenset()
    scored = []
    for index, analysis in enumerate(lookup.analyses):
        vowels = vowel_agreement(written, with_sun_shadda(analysis.prefix, analysis.proclitic, analysis.buckwalter)) if has_marks else 0
        shared = sorted(_content_gloss(analysis) & context) if context else []
        scored.append(((analysis.backoff, -vowels, -len(shared), analysis.match, index), analysis, vowels, shared))
    scored.sort(key=lambda item: item[0])
    result = []
    for place, (key, analysis, vowels, shared) in enumerate(scored, 1):
        if analysis.backoff:
            result.append(analysis.with_reason(f"#{place}: {LookupStep(analysis.match).description}; backoff reading {key[4] + 1}"))
            continue
        reasons = []
        if vowels > 0:
            reasons.append(f"written vowels agree ({vowels} mark{'s' if vowels > 1 else ''})")
        elif vowels < 0:
            reasons.append("written vowels disagree")
        if shared:
            reasons.append("translation has " + ", ".join(f'"{w}"' for w in shared))
        elif context:
            reasons.append("no gloss word in the translation")
        if analysis.match:
            reasons.append(f"found with {LookupStep(analysis.match).description}")
        reasons.append(f"lexicon order {key[4] + 1}")
        result.append(analysis.with_reason(f"#{place}: " + "; ".join(reasons)))
    return result
