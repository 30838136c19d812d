"""Time of one hover lookup (normalization + analysis + ranking in context), in milliseconds.

    python -m benchmarks.bench_hover [--repeat N]

Runs :func:`models.lexicon.lookup.lookup` and :func:`models.lexicon.ranking.rank` on every Arabic token of
the sample and news articles (no result cache), with an English sentence as context, and prints
p50 / p99 / max. Also prints the index build (compile) time and the warm load time of the cached
index. Wall-clock and CPU time are both printed: on a shared machine, preemption by other
processes adds a few ms to about 1% of the lookups, which the CPU time leaves out."""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.support.corpus import arabic_tokens, corpus_files
from models.lexicon import buckwalter
from models.lexicon.ranking import rank, translation_words
from models.lexicon.index import load_lexicon, shared_lexicon
from models.lexicon.lookup import lookup

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
    timings, cpu = [], []
    for _ in range(args.repeat):
        for token in tokens:
            if len(timings) % 25 == 0:
                translation_words.cache_clear()  # a new sentence every 25 words
            start, start_cpu = time.perf_counter(), time.thread_time()
            rank(lookup(token, lexicon), CONTEXT)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            timings.append((time.perf_counter() - start) * 1000)
    for label, values in (("wall-clock", timings), ("CPU time (excludes preemption by other processes)", cpu)):
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"hover lookup+rank over {len(values)} tokens, {label}: p50 {statistics.median(values):.3f} ms,"
              f" p99 {p99:.3f} ms, max {values[-1]:.3f} ms")
    print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
