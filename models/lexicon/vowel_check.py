"""Cross-checking a diacritization model's vowels with the lexicon's readings of a word.

The model (:mod:`models.text.vocalization`) guesses one vocalization per word; the lexicon lists
the vocalizations a word can have. Where the model's vowels agree with a reading, that reading is
put first (the model has looked at the whole sentence); where no reading agrees, the word's
machine vowels are marked uncertain -- the model guessed a form the lexicon does not know, or the
lexicon lacks the word (a name). The case ending (the vowel of the last letter) is left out of
the comparison: the lexicon's stems carry none, and it is where models err most.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.lexicon.analyzer import Analysis, with_sun_shadda
from models.lexicon.transliteration import to_buckwalter
from models.lexicon.index import fold_bw
from models.lexicon.lookup import Lookup
from models.lexicon.ranking import rank

_VOWELS = frozenset("aiuFNK~")
_MARKS = "FNKaui~o`"


def _groups(buckwalter: str) -> list[tuple[str, frozenset[str]]]:
    out: list[tuple[str, set[str]]] = []
    for ch in buckwalter.replace(" ", ""):
        if ch in _MARKS:
            if out:
                out[-1][1].add(ch)
        else:
            out.append((ch, set()))
    return [(letter, frozenset(marks & _VOWELS)) for letter, marks in out]


def vowels_agree(model_word: str, analysis: Analysis) -> bool:
    """True when the vowels of ``model_word`` (the model's vocalization of the word, Arabic script)
    agree with ``analysis``: the same letters (hamza and alef spellings folded) and, on every
    letter but the last where both have a vowel, tanwin or shadda, the same ones; at least one
    letter compared. Sukun and dagger alef are not compared. Backoff readings never agree."""
    if analysis.backoff:
        return False
    model = _groups(to_buckwalter(model_word))
    reading = _groups(with_sun_shadda(analysis.prefix, analysis.proclitic or "", analysis.buckwalter))
    if len(model) != len(reading):
        return False
    compared = 0
    for index, ((letter, marks), (other, expected)) in enumerate(zip(model, reading)):
        if fold_bw(letter, 2) != fold_bw(other, 2):
            return False
        if index == len(model) - 1 or not marks or not expected:
            continue
        if marks != expected:
            return False
        compared += 1
    return compared > 0


@dataclass(frozen=True)
class VowelCheck:
    """The result of :func:`check`: ``analyses`` ranked, those agreeing with the model first;
    ``agreeing``: how many agree; ``uncertain``: True when none does (the model's vowels for the
    word are not backed by the lexicon)."""

    analyses: list[Analysis]
    agreeing: int

    @property
    def uncertain(self) -> bool:
        return self.agreeing == 0


def check(lookup: Lookup, model_word: str, translation: str | None = None) -> VowelCheck:
    """The word's readings ranked (:func:`models.lexicon.ranking.rank` with ``translation``), then
    those whose vowels agree with ``model_word`` moved first, in their ranked order, each with
    "the diacritizer's vowels agree" in front of its reason."""
    ranked = rank(lookup, translation)
    agreeing = [a for a in ranked if vowels_agree(model_word, a)]
    if not agreeing:
        return VowelCheck(ranked, 0)
    chosen = {id(a) for a in agreeing}
    others = [a for a in ranked if id(a) not in chosen]
    marked = [a.with_reason("the diacritizer's vowels agree; " + a.reason) for a in agreeing]
    return VowelCheck(marked + others, len(agreeing))
