"""English lemmas, so that a draft's inflected words meet the lexicon's dictionary forms.

``wrote`` -> ``write``, ``went`` -> ``go``, ``children`` -> ``child``, ``stopped`` -> ``stop``,
``negotiations`` -> ``negotiation``: irregular forms included, by the English lemma dictionary of
simplemma (Barbaresi 2023, MIT licence; its English data come from Wiktionary-derived
inflection lists). Words it does not know are returned as they are, in lower case.
"""
from __future__ import annotations

from functools import lru_cache

import simplemma


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lower-case lemma of one English word (``"Talks"`` -> ``"talk"``); ``word`` lower-cased
    when simplemma does not know it. Raises nothing."""
    lower = word.lower()
    if not lower.isascii() or not lower.isalpha():
        return lower
    return simplemma.lemmatize(lower, lang="en").lower()
