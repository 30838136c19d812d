"""Share of Arabic word tokens that get at least one analysis, per file and overall.

    python -m benchmarks.gloss_coverage [--all-failures]

Tokens are counted as the reader hit-tests them (``models.arabic.ARABIC_WORD_RE``); prints one
line per file (tokens, analysed, %), the overall figure, and the words that fail with their
counts (names such as لافروف legitimately fail)."""
from __future__ import annotations

import argparse
import collections
import sys
import time

from benchmarks.corpus import arabic_tokens, corpus_files
from models.lexicon import load_lexicon
from models.wordnorm import lookup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all-failures", action="store_true", help="list every failing word, not the first 60")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    lexicon = load_lexicon()
    print(f"lexicon loaded in {time.perf_counter() - start:.3f} s")
    total = found = 0
    failures: collections.Counter[str] = collections.Counter()
    cache: dict[str, bool] = {}
    for path in corpus_files():
        tokens = arabic_tokens(path)
        ok = 0
        for token in tokens:
            if token not in cache:
                cache[token] = bool(lookup(token, lexicon).analyses)
            if cache[token]:
                ok += 1
            else:
                failures[token] += 1
        total += len(tokens)
        found += ok
        print(f"{path.name}: {ok}/{len(tokens)} tokens analysed = {100 * ok / max(len(tokens), 1):.2f}%")
    print(f"OVERALL: {found}/{total} tokens analysed = {100 * found / max(total, 1):.2f}%")
    shown = failures.most_common() if args.all_failures else failures.most_common(60)
    print(f"failing words ({len(failures)} distinct, {sum(failures.values())} tokens):")
    print("  " + "  ".join(f"{w}×{n}" for w, n in shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
