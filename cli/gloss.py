"""Look Arabic words up in the Buckwalter lexicon and print their analyses as JSON lines.

    qari gloss WORD [WORD ...] [--context TRANSLATION]

One JSON object per word and line: ``{"word", "normalized", "analyses": [{"vocalized", "lemma",
"pos", "gloss", "segments": [{"form", "pos", "gloss"}], "translit", "reason", "backoff"}]}``, best
analysis first (see :mod:`models.lexicon.ranking`). A word the lexicon cannot analyse gets only
proper-noun backoff readings (:mod:`models.lexicon.backoff`), each with ``"backoff": true``, no lemma and
an empty gloss; a word with no reading at all has ``"analyses": []``.
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
    from models.lexicon.ranking import rank
    from models.lexicon.lookup import lookup

    result = lookup(word)
    return {
        "word": word,
        "normalized": result.normalized,
        "analyses": [a.to_json() for a in rank(result, context or None)],
    }


def run(args: argparse.Namespace) -> ExitCode:
    """Print one JSON line per word: ``OK``. :class:`models.errors.LexiconDataError` goes through
    when the lexicon cannot be loaded."""
    for word in args.words:
        print(json.dumps(gloss_record(word, args.context), ensure_ascii=False))
    return ExitCode.OK
