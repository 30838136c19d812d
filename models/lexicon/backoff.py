"""Proper-noun backoff: readings for a word the lexicon cannot analyse.

Most such words in news text are names (لافروف, ولافروف, الشرايطي). As in the backoff mode of
SAMA and MADAMIRA (Habash & Rambow 2005; Pasha et al. 2014, "MADAMIRA", LREC: the ``NOAN_PROP``
option proposes proper-noun analyses for words with no analysis), the word is read as the usual
proclitics + an unknown stem tagged ``NOUN_PROP``:

* the proclitics are those of :mod:`models.lexicon.clitics` written before a noun: the entries of
  Buckwalter's ``dictPrefixes`` (Buckwalter 2002, LDC2002L49) made only of conjunctions و ف,
  prepositions ب ل ك and the article ال (``wa/CONJ+Al/DET``...), and only those the tables
  allow before a stem of category ``N0`` with no suffix -- ``N0`` being
  the category of the lexicon's own proper nouns (``Hamiyd`` "Hameed");
* the stem keeps at least :data:`MIN_STEM` letters, and starts with ال only when no proclitic
  is stripped (and + the name, not and + a name starting with al); its transliteration spells the letters
  (:func:`models.lexicon.transliteration.romanize_letters`), since its vowels are unknown;
* each reading has ``backoff=True``, no lemma and no gloss: it is never a lexicon gloss.

Order (this project's heuristic): readings that strip a preposition (ب ل ك) without the article
come last, since names often start with those letters (بيردمان, لافروف, كيتون); then the
longer proclitic first, so و + لافروف comes before ولافروف and ال + شرايطي before الشرايطي.
"""
from __future__ import annotations

from models.lexicon.index import Lexicon
from models.lexicon.analyzer import Analysis, Segment, _affix_segments
from models.lexicon.clitics import NOUN_PROCLITIC_TAGS
from models.lexicon.transliteration import display_arabic

#: Why a backoff reading is offered (shown in ``Analysis.reason``).
BACKOFF_REASON = "not in the lexicon; read as a name"
#: Fewest letters of the unknown stem.
MIN_STEM = 2
_NAME_CATEGORY = "N0"


def _proclitics(lexicon: Lexicon, form: str) -> list[tuple]:
    """The prefix entries of unvocalized ``form`` usable before a backoff name (module docstring)."""
    entries = []
    for entry in lexicon.prefixes.get(form, []):
        voc, cat, gloss, pos, _order = entry
        if (cat, _NAME_CATEGORY) not in lexicon.ab or (cat, "Suff-0") not in lexicon.ac:
            continue
        segments = _affix_segments(lexicon, pos, gloss)
        if all(s.pos in NOUN_PROCLITIC_TAGS for _, s in segments):
            entries.append((entry, segments))
    return entries


def backoff_analyses(lexicon: Lexicon, word: str) -> list[Analysis]:
    """Proper-noun readings of ``word`` (unvocalized Buckwalter), best first (module docstring);
    ``[]`` when ``word`` is shorter than :data:`MIN_STEM` letters. Their ``match`` is set by
    :func:`models.lexicon.lookup.lookup` (step ``LookupStep.BACKOFF``). Raises nothing."""
    readings: list[tuple[tuple, Analysis]] = []
    seen: set[tuple[str, str]] = set()
    for length in range(0, len(word) - MIN_STEM + 1):
        form, stem = word[:length], word[length:]
        for (voc, _cat, _gloss, _pos, order), segments in _proclitics(lexicon, form):
            if (voc, stem) in seen or (length and stem.startswith("Al")):
                continue
            seen.add((voc, stem))
            tags = [s.pos for _, s in segments]
            bare_preposition = "PREP" in tags and "DET" not in tags
            bw = voc + stem
            analysis = Analysis(
                vocalized=display_arabic(voc) + display_arabic(stem), buckwalter=bw, lemma="",
                pos="NOUN_PROP", gloss="",
                segments=tuple(s for _, s in segments) + (Segment(display_arabic(stem), "NOUN_PROP", ""),),
                prefix=form, stem=stem, suffix="", order=(length, 0, order, 0), reason=BACKOFF_REASON,
                prefix_vocs=tuple(v for v, _ in segments), proclitic=voc, backoff=True,
            )
            readings.append(((bare_preposition, -length, order), analysis))
    readings.sort(key=lambda item: item[0])
    return [analysis for _, analysis in readings]
