"""Sentence-alignment accuracy on perturbed UN documents: the aligner beside a length-only baseline.

Documents are built from the United Nations Parallel Corpus v1.0 test set (Ziemski, Junczys-Dowmunt
& Pouliquen, LREC 2016), read from ``../shared/data/un_v1.0``
(:func:`tests.support.corpus.shared_dir`): its lines are grouped by document id
(``UNv1.0.testset.ids``) and documents of 8 to 12 lines are kept, each line counting as one
sentence. The English side of each document is then perturbed, with a fixed seed, by one to three
of: merging two consecutive sentences (a 2-1 link), splitting one at a comma, semicolon or
conjunction (1-2), deleting an English sentence (1-0) or an Arabic one (0-1). Three aligners run
without any model: the aligner with its default bilingual dictionary (the Buckwalter lexicon's
glosses, :mod:`models.lexicon.dictionary`), the same without a dictionary, and Gale & Church's
length-only baseline. A predicted link counts when its source and draft sentence sets equal a true
link's (null links included). Precision, recall and F1 are micro-averaged over all links.
``--lines`` picks other document sizes: the dictionary parameters were set on the 5-7-line documents
(seeds 11 and 12), which the default run does not use.

    python benchmarks/bench_align.py [--seed 2016] [--lines 8-12] [--data DIR] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from tests.support.corpus import shared_dir
from models.drafts.alignment import align, align_by_length
from models.lexicon.dictionary import default_dictionary

DEFAULT_DATA = shared_dir() / "data" / "un_v1.0"
_SPLIT_RE = re.compile(r", (?:and |but |which |while )?|; | and | but | while ")


def load_documents(data: Path, low: int = 8, high: int = 12) -> list[tuple[list[str], list[str]]]:
    """(Arabic lines, English lines) of each document with ``low``..``high`` lines, in file order.
    Raises ``FileNotFoundError`` when the test set is not in ``data``."""
    read = lambda ext: (data / f"UNv1.0.testset.{ext}").read_text(encoding="utf-8").split("\n")  # noqa: E731
    ar, en, ids = read("ar"), read("en"), read("ids")
    docs: dict[str, list[int]] = defaultdict(list)
    for n, line in enumerate(ids):
        if line.strip():
            docs[line.split()[0]].append(n)
    return [([ar[n].strip() for n in lines], [en[n].strip() for n in lines]) for lines in docs.values() if low <= len(lines) <= high]


def _split(text: str, rng: random.Random) -> tuple[str, str] | None:
    """Split an English sentence into two at a comma, semicolon or conjunction near its middle."""
    points = [m for m in _SPLIT_RE.finditer(text) if 0.25 * len(text) < m.start() < 0.75 * len(text)]
    if not points:
        return None
    m = rng.choice(points)
    first, second = text[: m.start()].rstrip(" ,;") + ".", text[m.end() :].lstrip()
    return first, second[:1].upper() + second[1:]


def perturb(arabic: list[str], english: list[str], rng: random.Random):
    """Perturb one document. Returns (source sentences, draft sentences, true links) with links as
    (tuple of source indices, tuple of draft indices) and a Counter of the perturbations applied."""
    units: list[tuple[list[str], list[str]]] = [([a], [e]) for a, e in zip(arabic, english)]
    done: Counter = Counter()
    touched: set[int] = set()
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["merge", "split", "delete_draft", "delete_source"])
        free = [k for k in range(len(units)) if k not in touched and len(units[k][0]) == 1 and len(units[k][1]) == 1]
        if kind == "merge":
            pairs = [k for k in free if k + 1 in free]
            if not pairs:
                continue
            k = rng.choice(pairs)
            units[k] = (units[k][0] + units[k + 1][0], [units[k][1][0] + " " + units[k + 1][1][0]])
            units[k + 1] = ([], [])
            touched.update({k, k + 1})
        elif kind == "split":
            candidates = [k for k in free if _split(units[k][1][0], random.Random(0))]
            if not candidates:
                continue
            k = rng.choice(candidates)
            units[k] = (units[k][0], list(_split(units[k][1][0], rng)))
            touched.add(k)
        else:
            if not free:
                continue
            k = rng.choice(free)
            units[k] = (units[k][0], []) if kind == "delete_draft" else ([], units[k][1])
            touched.add(k)
        done[kind] += 1
    source: list[str] = []
    draft: list[str] = []
    links = []
    for src, dft in units:
        if not src and not dft:
            continue
        links.append((tuple(range(len(source), len(source) + len(src))), tuple(range(len(draft), len(draft) + len(dft)))))
        source += src
        draft += dft
    return source, draft, links, done


def score(predicted: list[set], truth: list[set]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 of predicted links against true links per document."""
    hit = sum(len(p & t) for p, t in zip(predicted, truth))
    n_pred = sum(len(p) for p in predicted)
    n_true = sum(len(t) for t in truth)
    precision = hit / n_pred if n_pred else 0.0
    recall = hit / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "links_true": n_true, "links_predicted": n_pred}


def run_benchmark(data: Path, seed: int, low: int = 8, high: int = 12) -> dict:
    """Build, perturb and align every document of ``low``..``high`` lines; return the figures of
    the aligner (with the lexicon as its dictionary, when it loads), the aligner without a
    dictionary and the length-only baseline."""
    rng = random.Random(seed)
    docs = [perturb(a, e, rng) for a, e in load_documents(data, low, high)]
    result = {"documents": len(docs), "seed": seed, "lines": [low, high],
              "perturbations": dict(sum((d[3] for d in docs), Counter()))}
    truth = [set(d[2]) for d in docs]
    dictionary = default_dictionary()
    result["dictionary"] = dictionary is not None
    aligners = {
        "aligner": lambda s, d: align(s, d, dictionary=dictionary),
        "no_dictionary": lambda s, d: align(s, d, dictionary=None),
        "length_baseline": align_by_length,
    }
    for name, aligner in aligners.items():
        started = time.perf_counter()
        predicted = [{(l.source, l.draft) for l in aligner(src, dft)} for src, dft, _, _ in docs]
        result[name] = score(predicted, truth) | {"seconds": round(time.perf_counter() - started, 2)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2016, help="seed of the perturbations (default 2016)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of UNv1.0.testset.{ar,en,ids}")
    parser.add_argument("--lines", default="8-12", help="document sizes kept, LOW-HIGH lines (default 8-12)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    low, _, high = args.lines.partition("-")
    if not (args.data / "UNv1.0.testset.ids").is_file():
        print(f"bench_align: the UN v1.0 test set is not in {args.data}; nothing to measure.", file=sys.stderr)
        return 2
    result = run_benchmark(args.data, args.seed, int(low), int(high or low))
    print(f"{result['documents']} documents of {low}-{high or low} lines, seed {result['seed']}, "
          f"dictionary {'Buckwalter lexicon' if result['dictionary'] else 'none (lexicon not loaded)'}, perturbations: "
          + ", ".join(f"{k} {v}" for k, v in sorted(result["perturbations"].items())))
    print(f"{'':16} {'precision':>9} {'recall':>9} {'F1':>9} {'links':>7} {'seconds':>8}")
    for name in ("aligner", "no_dictionary", "length_baseline"):
        r = result[name]
        print(f"{name:16} {r['precision']:9.4f} {r['recall']:9.4f} {r['f1']:9.4f} {r['links_true']:7d} {r['seconds']:8.2f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
