"""Share of Arabic word tokens that get an analysis, per file and overall, counted two ways.

    python -m benchmarks.gloss_coverage [--all-failures]

Tokens are counted as the reader hit-tests them (``models.text.arabic.ARABIC_WORD_RE``). For each file
and overall it prints two figures:

* **lexicon**: tokens with at least one analysis from the Buckwalter lexicon (steps 1-6 of
  :mod:`models.lexicon.lookup`) -- the honest figure;
* **with backoff**: tokens with any reading, including the proper-noun backoff of
  :mod:`models.lexicon.backoff` (an unknown stem read as a name, no gloss).

Then the words that fail the lexicon figure, with their counts, and those with no reading at all.
Names (لافروف, بيردمان) legitimately fail the lexicon figure; so do the words Buckwalter 1.0
lacks (التريث, تلطيف, أحاسيس) and typos (للكاتبرحل)."""
from __future__ import annotations

import argparse
import collections
import sys
import time
from dataclasses import dataclass, field

from tests.support.corpus import arabic_tokens, corpus_files
from models.lexicon.index import Lexicon, load_lexicon
from models.lexicon.lookup import lookup

#: Verdict per distinct token: (has a lexicon analysis, has any reading).
Verdicts = dict[str, tuple[bool, bool]]


@dataclass
class Coverage:
    """Counts for some tokens: ``tokens``; ``lexicon``: with a lexicon analysis; ``any``: with any
    reading (backoff included); ``failures``: token -> count, for tokens without a lexicon analysis;
    ``unread``: the same for tokens without any reading."""

    tokens: int = 0
    lexicon: int = 0
    any: int = 0
    failures: collections.Counter = field(default_factory=collections.Counter)
    unread: collections.Counter = field(default_factory=collections.Counter)

    def add(self, other: "Coverage") -> None:
        self.tokens += other.tokens
        self.lexicon += other.lexicon
        self.any += other.any
        self.failures.update(other.failures)
        self.unread.update(other.unread)

    def percent(self, count: int) -> float:
        return 100 * count / max(self.tokens, 1)


def coverage(tokens: list[str], lexicon: Lexicon | None = None, verdicts: Verdicts | None = None) -> Coverage:
    """The :class:`Coverage` of ``tokens``; ``verdicts`` caches lookups across calls."""
    verdicts = {} if verdicts is None else verdicts
    result = Coverage(tokens=len(tokens))
    for token in tokens:
        if token not in verdicts:
            found = lookup(token, lexicon)
            verdicts[token] = (found.in_lexicon, bool(found.analyses))
        in_lexicon, any_reading = verdicts[token]
        result.lexicon += in_lexicon
        result.any += any_reading
        if not in_lexicon:
            result.failures[token] += 1
        if not any_reading:
            result.unread[token] += 1
    return result


def _line(name: str, c: Coverage) -> str:
    return (f"{name}: {c.tokens} tokens; lexicon {c.lexicon} = {c.percent(c.lexicon):.2f}%;"
            f" with backoff {c.any} = {c.percent(c.any):.2f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-failures", action="store_true", help="list every failing word, not the first 60")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    lexicon = load_lexicon()
    print(f"lexicon loaded in {time.perf_counter() - start:.3f} s")
    total = Coverage()
    verdicts: Verdicts = {}
    for path in corpus_files():
        result = coverage(arabic_tokens(path), lexicon, verdicts)
        total.add(result)
        print(_line(path.name, result))
    print(_line("OVERALL", total))
    shown = total.failures.most_common() if args.all_failures else total.failures.most_common(60)
    print(f"words without a lexicon analysis ({len(total.failures)} distinct, {sum(total.failures.values())} tokens):")
    print("  " + "  ".join(f"{w}×{n}" for w, n in shown))
    print(f"words without any reading, backoff included ({len(total.unread)} distinct):")
    print("  " + ("  ".join(f"{w}×{n}" for w, n in total.unread.most_common()) or "(none)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
