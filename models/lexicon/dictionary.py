"""The Buckwalter lexicon as a bilingual word dictionary for the sentence aligner.

:class:`LexiconDictionary` implements :class:`models.drafts.alignment.WordTranslations`: the English
glosses of an Arabic word are the content words of the stem glosses of all its analyses
(:func:`models.lexicon.lookup.lookup`, so clitics, diacritics and common respellings are handled), lower
case, bracketed notes and English function words removed. Affix glosses ("and", "the", "their")
are left out: they say nothing about which sentence is the translation. Function words of Arabic
(في, من, على) have only stop-word glosses, so they get an empty set and the aligner ignores them.

Words are not stemmed here; the aligner stems the glosses and the draft's words alike
(:func:`models.lexicon.ranking.stem_word`), so that "negotiations" meets "negotiation" and "talked"
meets "talk".

Data: Buckwalter Arabic Morphological Analyzer 1.0 (Buckwalter 2002, LDC2002L49), see
:mod:`models.lexicon.buckwalter`. Using a bilingual lexicon in sentence alignment follows Varga et al.
(2005), "Parallel corpora for medium density languages" (Hunalign), and Moore (2002), "Fast and
accurate sentence alignment of bilingual corpora" (AMTA).
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from models.errors import LexiconDataError
from models.lexicon.ranking import STOPWORDS
from models.lexicon.index import Lexicon, shared_lexicon
from models.lexicon.lookup import lookup

log = logging.getLogger(__name__)

_ANNOTATION_RE = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)")
_EN_WORD_RE = re.compile(r"[a-z]+")
#: Gloss words too vague to tell sentences apart (besides :data:`models.lexicon.ranking.STOPWORDS`).
EXTRA_STOPWORDS = frozenset("one ones some any all other such which who whom what when where how".split())
#: Largest number of words cached per dictionary (about 100 bytes each).
CACHE_SIZE = 200_000


@lru_cache(maxsize=16384)
def gloss_content_words(gloss: str) -> frozenset[str]:
    """Lower-case content words of a Buckwalter stem gloss (``"negotiation;talks [pl.]"`` ->
    ``{"negotiation", "talks"}``); notes in brackets and English function words dropped."""
    text = _ANNOTATION_RE.sub(" ", gloss.lower())
    return frozenset(w for w in _EN_WORD_RE.findall(text) if len(w) > 1 and w not in STOPWORDS and w not in EXTRA_STOPWORDS)


class LexiconDictionary:
    """Arabic word -> English gloss words, from the Buckwalter lexicon (module doc).

    ``lexicon`` defaults to :func:`models.lexicon.index.shared_lexicon`, loaded on the first lookup
    (it raises :class:`LexiconDataError` then if the data is missing). Results are cached per
    written word; the cache is shared by all threads."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon
        self._cache: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = shared_lexicon()
        return self._lexicon

    def glosses(self, arabic_word: str) -> set[str]:
        """English content words of all analyses' stem glosses of ``arabic_word`` (one token as
        written: clitics and diacritics allowed); empty for an unknown word or a function word."""
        found = self._cache.get(arabic_word)
        if found is None:
            words: set[str] = set()
            for analysis in lookup(arabic_word, self.lexicon).analyses:
                for gloss in analysis.gloss.split(" | "):  # two run-on words: both glosses
                    words |= gloss_content_words(gloss)
            found = frozenset(words)
            with self._lock:
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.clear()
                self._cache[arabic_word] = found
        return set(found)


_default: LexiconDictionary | None = None
_default_error: str | None = None
_default_lock = threading.Lock()


def default_dictionary() -> LexiconDictionary | None:
    """The process-wide :class:`LexiconDictionary` over the shared lexicon, loading the lexicon
    now (a fraction of a second from its cached index, a few seconds the first time); ``None``
    when the lexicon cannot be loaded (the reason is logged once and kept in
    :func:`default_dictionary_error`), so that callers align by length, numbers and names alone."""
    global _default, _default_error
    with _default_lock:
        if _default is None and _default_error is None:
            try:
                _default = LexiconDictionary(shared_lexicon())
            except (LexiconDataError, OSError) as exc:
                _default_error = str(exc) or type(exc).__name__
                log.warning("Aligning without the bilingual lexicon: %s", _default_error)
        return _default


def default_dictionary_error() -> str | None:
    """Why :func:`default_dictionary` returned ``None`` (a sentence), else ``None``."""
    return _default_error


def reset_default_dictionary() -> None:
    """Forget the default dictionary and any loading error (the next call tries again)."""
    global _default, _default_error
    with _default_lock:
        _default = _default_error = None
