"""Time of one hover lookup (normalization + analysis + ranking in context), in milliseconds.

    python -m benchmarks.bench_hover [--repeat N]

Runs :func:`models.wordnorm.lookup` and :func:`models.gloss_rank.rank` on every Arabic token of
the sample and news articles (no result cache), with an English sentence as context, and prints
p50 / p99 / max. Also prints the index build (compile) time and the warm load time of the cached
index."""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import arabic_tokens, corpus_files
from models import buckwalter
from models.gloss_rank import rank, translation_words
from models.lexicon import load_lexicon, shared_lexicon
from models.wordnorm import lookup

CONTEXT = ("U.S. Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov said after a"
           " meeting in Geneva that a few issues remain before an agreement on the truce in Syria.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="passes over the tokens")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        load_lexicon(buckwalter.data_dir(), Path(tmp))
        build = time.perf_counter() - start
        start = time.perf_counter()
        load_lexicon(buckwalter.data_dir(), Path(tmp))
        warm = time.perf_counter() - start
    print(f"index build (parse + compile + write): {build:.3f} s; warm load of cached index: {warm * 1000:.0f} ms")
    lexicon = shared_lexicon()
    tokens = [t for path in corpus_files() for t in arabic_tokens(path)]
    timings = []
    for _ in range(args.repeat):
        for token in tokens:
            if len(timings) % 25 == 0:
                translation_words.cache_clear()  # a new sentence every 25 words
            start = time.perf_counter()
            rank(lookup(token, lexicon), CONTEXT)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    print(f"hover lookup+rank over {len(timings)} tokens: p50 {statistics.median(timings):.3f} ms,"
          f" p99 {p99:.3f} ms, max {timings[-1]:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
