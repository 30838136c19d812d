"""Share of Arabic word tokens that get an analysis, per file and overall, counted several ways.

    python -m benchmarks.gloss_coverage [--all-failures]

Tokens are counted as the reader hit-tests them (``models.text.arabic.ARABIC_WORD_RE``). For each file
and overall it prints:

* **lexicon**: tokens with at least one analysis from the Buckwalter lexicon (steps 1-6 of
  :mod:`models.lexicon.lookup`);
* **derived**: tokens the lexicon misses that are read as a form derived from a lexicon entry by
  a regular pattern (:mod:`models.lexicon.derivation`: التريث, مستعرضاً, أحاسيس), with a gloss;
* **name backoff**: tokens read only by the proper-noun backoff of :mod:`models.lexicon.backoff`
  (an unknown stem read as a name, no gloss);
* **glossed or a name**: lexicon + derived + the backoff readings of the tokens that really are
  names (listed by hand, having read each in its sentence, in ``benchmarks/data/corpus_names.txt``)
  -- the share of tokens with a right kind of reading; every other token is a miss;
* **with backoff**: tokens with any reading at all.

Then the words without a lexicon analysis, the misses (neither glossed nor a listed name), and
the words with no reading at all."""
from __future__ import annotations

import argparse
import collections
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.corpus import arabic_tokens, corpus_files
from models.lexicon.index import Lexicon, load_lexicon
from models.lexicon.lookup import lookup

NAMES_PATH = Path(__file__).resolve().parent / "data" / "corpus_names.txt"


@dataclass(frozen=True)
class Verdict:
    """What the lookup gives one distinct token."""

    lexicon: bool
    derived: bool
    backoff: bool

    @property
    def any(self) -> bool:
        return self.lexicon or self.derived or self.backoff


#: Verdict per distinct token.
Verdicts = dict[str, Verdict]


def corpus_names(path: Path = NAMES_PATH) -> frozenset[str]:
    """The tokens listed as names in ``path`` (one a line, ``#`` lines are comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass
class Coverage:
    """Counts for some tokens: ``tokens``; ``lexicon``: with a lexicon analysis; ``derived``:
    without one but with a derived reading; ``backoff``: with only proper-noun backoff readings;
    ``names``: of those, the tokens listed as names; ``any``: with any reading; ``failures``:
    token -> count, for tokens without a lexicon analysis; ``misses``: the same for tokens with
    neither a gloss nor a listed name; ``unread``: for tokens without any reading."""

    tokens: int = 0
    lexicon: int = 0
    derived: int = 0
    backoff: int = 0
    names: int = 0
    any: int = 0
    failures: collections.Counter = field(default_factory=collections.Counter)
    misses: collections.Counter = field(default_factory=collections.Counter)
    unread: collections.Counter = field(default_factory=collections.Counter)

    @property
    def glossed_or_name(self) -> int:
        return self.lexicon + self.derived + self.names

    def add(self, other: "Coverage") -> None:
        for name in ("tokens", "lexicon", "derived", "backoff", "names", "any"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.update(other.failures)
        self.misses.update(other.misses)
        self.unread.update(other.unread)

    def percent(self, count: int) -> float:
        return 100 * count / max(self.tokens, 1)


def coverage(tokens: list[str], lexicon: Lexicon | None = None, verdicts: Verdicts | None = None,
             names: frozenset[str] | None = None) -> Coverage:
    """The :class:`Coverage` of ``tokens``; ``verdicts`` caches lookups across calls; ``names``:
    the tokens that are names (default :func:`corpus_names`)."""
    verdicts = {} if verdicts is None else verdicts
    names = corpus_names() if names is None else names
    result = Coverage(tokens=len(tokens))
    for token in tokens:
        if token not in verdicts:
            found = lookup(token, lexicon)
            derived = found.derived
            verdicts[token] = Verdict(found.in_lexicon, derived, bool(found.analyses) and not (found.in_lexicon or derived))
        verdict = verdicts[token]
        result.lexicon += verdict.lexicon
        result.derived += verdict.derived
        result.backoff += verdict.backoff
        result.names += verdict.backoff and token in names
        result.any += verdict.any
        if not verdict.lexicon:
            result.failures[token] += 1
        if not (verdict.lexicon or verdict.derived or (verdict.backoff and token in names)):
            result.misses[token] += 1
        if not verdict.any:
            result.unread[token] += 1
    return result


def _line(name: str, c: Coverage) -> str:
    return (f"{name}: {c.tokens} tokens; lexicon {c.lexicon} = {c.percent(c.lexicon):.2f}%;"
            f" derived {c.derived} = {c.percent(c.derived):.2f}%;"
            f" name backoff {c.backoff} = {c.percent(c.backoff):.2f}% (of which listed names {c.names});"
            f" glossed or a name {c.glossed_or_name} = {c.percent(c.glossed_or_name):.2f}%;"
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
    print(f"misses: neither glossed nor a listed name ({len(total.misses)} distinct, {sum(total.misses.values())} tokens):")
    print("  " + ("  ".join(f"{w}×{n}" for w, n in total.misses.most_common()) or "(none)"))
    print(f"words without any reading, backoff included ({len(total.unread)} distinct):")
    print("  " + ("  ".join(f"{w}×{n}" for w, n in total.unread.most_common()) or "(none)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
