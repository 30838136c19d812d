"""Look Arabic words up in the Buckwalter lexicon and print their analyses as JSON lines.

    qari gloss WORD [WORD ...] [--context TRANSLATION]

One JSON object per word and line: ``{"word", "normalized", "step", "frequency_band",
"analyses": [{"vocalized", "lemma", "pos", "gloss", "segments": [{"form", "pos", "gloss"}],
"translit", "reason", "backoff", "root", "frequency_band", "frequency_rank"[, "derived_from"]}]}``,
best analysis first (see :mod:`models.lexicon.ranking`). ``root``: the root letters (ك ت ب) or
null; ``frequency_band``: 1 (top 1,000) to 5 (rare) in the frequency list of
:mod:`models.lexicon.frequency`, null when the word is not in it (the record's own
``frequency_band`` is its best reading's, null when ``--context`` shows the word is a name its
best reading is not: then ``"name"`` gives the name, e.g. *Mistura* for مستورا); ``derived_from``, only on a reading derived from a
lexicon verb or noun by a regular pattern (:mod:`models.lexicon.derivation`): ``{"verb"`` (or
``"singular"``), ``"gloss", "lemma", "form", "kind", "pattern", "description"}``. A word the
lexicon cannot analyse gets derived readings or else proper-noun backoff readings
(:mod:`models.lexicon.backoff`), each with ``"backoff": true``, no lemma and an empty gloss.
A WORD argument holding several words (``"وقف إطلاق النار"``) is answered word by word, each
record with ``"phrase"`` set to the argument; one with no Arabic word, or a word with no reading
at all, has ``"analyses": []`` and a ``"note"`` saying why.
Exit status: :class:`cli.ExitCode`, ``UNAVAILABLE`` when the lexicon cannot be loaded (the
reason goes to stderr, from :mod:`cli.main`).
"""
from __future__ import annotations

import argparse
import json

from cli import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line arguments of ``qari gloss``."""
    parser.add_argument("words", nargs="+", metavar="WORD", help="Arabic word(s), with or without diacritics")
    parser.add_argument("--context", default="", metavar="TRANSLATION",
                        help="English translation of the sentence, used to rank the analyses")


def gloss_record(word: str, context: str = "") -> dict:
    """The JSON record of one word (shape in the module docstring)."""
    from models.lexicon.frequency import analysis_frequency
    from models.lexicon.ranking import rank
    from models.lexicon.lookup import lookup
    from models.text.names import name_in_translation

    result = lookup(word)
    analyses = []
    for analysis in rank(result, context or None):
        frequency = analysis_frequency(analysis)
        analyses.append({**analysis.to_json(), "frequency_band": int(frequency.band) if frequency else None,
                         "frequency_rank": frequency.rank if frequency else None})
    name = name_in_translation(word, context) if context else ""
    band = analyses[0]["frequency_band"] if analyses else None
    if name and analyses and not analyses[0]["pos"].endswith("NOUN_PROP"):
        band = None  # the band of a common word the name happens to spell (مستورا "hidden")
    record = {"word": word, "normalized": result.normalized, "step": result.step.description,
              "frequency_band": band, "analyses": analyses}
    if name:
        record["name"] = name
    if not analyses:
        record["note"] = f"no reading: {result.step.description}"
    return record


def gloss_records(text: str, context: str = "") -> list[dict]:
    """The records of one WORD argument: one per Arabic word in it (module docstring)."""
    from models.text.arabic import ARABIC_WORD_RE

    words = ARABIC_WORD_RE.findall(text)
    if not words:
        return [{"word": text, "normalized": "", "step": None, "frequency_band": None, "analyses": [],
                 "note": "no Arabic word in the input"}]
    if len(words) == 1 and words[0] == text.strip():
        return [gloss_record(words[0], context)]
    return [{**gloss_record(word, context), "phrase": text} for word in words]


def run(args: argparse.Namespace) -> ExitCode:
    """Print one JSON line per word: ``OK``. :class:`models.errors.LexiconDataError` goes through
    when the lexicon cannot be loaded."""
    for word in args.words:
        for record in gloss_records(word, args.context):
            print(json.dumps(record, ensure_ascii=False))
    return ExitCode.OK
