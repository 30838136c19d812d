"""Word links: their quality against a hand-aligned set, and what they cost.

    python -m benchmarks.bench_word_links [--gold DIR] [--skip-model] [--new-tokens 40] [--json OUT]

Run from the checkout root. It prints:

1. **Lexicon links** (:func:`models.alignment.lexical.lexicon_links`) against the 30 hand-aligned
   UN sentence pairs of ``tests/fixtures/word_alignment`` (sure and possible links; conventions in
   that folder's README): precision ``|A & P| / |A|``, recall ``|A & S| / |S|`` and alignment error
   rate ``AER = 1 - (|A & S| + |A & P|) / (|A| + |S|)`` (Och and Ney 2003, "A systematic comparison
   of various statistical alignment models", *Computational Linguistics* 29(1)), ``P`` including
   ``S``; for all links, and without the function-word (clitic) links.
2. **Hover**: the time to answer "which words are linked to the word under the pointer"
   (:meth:`models.alignment.word_links.LinkIndex.targets_at` and ``sources_at``) for every
   character of every word of the sample article and its human translation, as p50/p99/max in
   milliseconds, and the time to make a sentence pair's lexicon links and index once (p50/p99).
3. **Attention cost** (unless ``--skip-model``), on the opus-mt-shaped benchmark model of
   :mod:`benchmarks.bench_translate` (random weights, every translation forced to
   ``--new-tokens`` tokens, beam 4, batches of 16 sentences of the sample article): CTranslate2
   int8 translation without and with ``return_attention`` (the links of the machine translation
   made with it), then forced decoding of each sentence pair of the sample's human translation on
   its own, as a hover over one sentence would ask for it (the links of a draft, or of a machine
   translation made without attention), with CTranslate2 (output layer limited to the target
   vocabulary, as the app translates: :func:`models.alignment.forced.ctranslate2_attention`) and
   torch (:func:`models.alignment.forced.torch_attention`). Best of :data:`ROUNDS` runs, with and
   without attention interleaved; wall-clock and CPU seconds (the CPU time of the process, which
   preemption by other processes leaves out). Timings on a shared machine are noisy.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from tests.support.corpus import percentiles, sample_pairs

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "fixtures" / "word_alignment"
BATCH = 16
#: Timed runs of each CTranslate2 measurement and of forced decoding; the best is kept.
ROUNDS = 6


def read_gold(folder: Path) -> list[tuple[str, str, set[tuple[int, int]], set[tuple[int, int]]]]:
    """(Arabic line, English line, sure links, possible links including the sure ones) of
    ``un30.ar``, ``un30.en`` and ``un30.align`` in ``folder``; links are (Arabic word index,
    English word index) of :func:`models.alignment.word_links.source_words` and
    ``target_words``. Raises ``OSError`` when a file is missing, ``ValueError`` when they do not
    have as many lines."""
    arabic = (folder / "un30.ar").read_text(encoding="utf-8").splitlines()
    english = (folder / "un30.en").read_text(encoding="utf-8").splitlines()
    lines = (folder / "un30.align").read_text(encoding="utf-8").splitlines()
    if not len(arabic) == len(english) == len(lines):
        raise ValueError(f"{len(arabic)} Arabic, {len(english)} English and {len(lines)} alignment lines")
    gold = []
    for ar, en, line in zip(arabic, english, lines):
        sure, possible = set(), set()
        for item in line.split():
            sep = "-" if "-" in item else "?"
            i, j = (int(x) for x in item.split(sep))
            possible.add((i, j))
            if sep == "-":
                sure.add((i, j))
        gold.append((ar, en, sure, possible))
    return gold


def token_links(source: str, target: str, links) -> set[tuple[int, int]]:
    """The (source word, target word) index pairs the links' spans cover."""
    from models.alignment.word_links import overlaps, source_words, target_words

    src, tgt = source_words(source), target_words(target)
    return {(i, j) for link in links for i, s in enumerate(src) if overlaps(s, link.source_span)
            for j, t in enumerate(tgt) if overlaps(t, link.target_span)}


def score(gold, predicted: list[set[tuple[int, int]]]) -> dict:
    """Precision, recall and AER summed over the corpus (Och and Ney 2003)."""
    a = sum(len(p) for p in predicted)
    s = sum(len(g[2]) for g in gold)
    a_s = sum(len(p & g[2]) for p, g in zip(predicted, gold))
    a_p = sum(len(p & g[3]) for p, g in zip(predicted, gold))
    return {"links": a, "sure": s, "precision": round(a_p / a, 4) if a else 0.0, "recall": round(a_s / s, 4) if s else 0.0,
            "aer": round(1.0 - (a_s + a_p) / (a + s), 4) if a + s else 1.0}


def lexicon_quality(folder: Path) -> dict:
    from models.alignment.lexical import lexicon_links

    gold = read_gold(folder)
    links = [lexicon_links(ar, en) for ar, en, _, _ in gold]
    everything = [token_links(ar, en, l) for (ar, en, _, _), l in zip(gold, links)]
    content = [token_links(ar, en, [x for x in l if x.evidence != "clitic"]) for (ar, en, _, _), l in zip(gold, links)]
    return {"pairs": len(gold), "all": score(gold, everything), "without_clitic": score(gold, content)}




def hover_cost() -> dict:
    """Hover lookups and per-pair link making on the sample article and its human translation."""
    from models.alignment.lexical import lexicon_links
    from models.alignment.word_links import LinkIndex, source_words, target_words

    pairs = sample_pairs()
    lexicon_links(*pairs[0])  # loads the lexicon
    make, lookups = [], []
    for s, d in pairs:
        started = time.perf_counter()
        index = LinkIndex(lexicon_links(s, d))
        make.append((time.perf_counter() - started) * 1000)
        for words, query in ((source_words(s), index.targets_at), (target_words(d), index.sources_at)):
            for a, b in words:
                for offset in range(a, b):
                    started = time.perf_counter()
                    query(offset)
                    lookups.append((time.perf_counter() - started) * 1000)
    return {"lookup": percentiles(lookups), "make_links_and_index": percentiles(make), "pairs": len(pairs)}


def attention_cost(new_tokens: int) -> dict:
    """Seconds of CTranslate2 translation without and with attention; milliseconds of forced
    decoding of one sentence pair, per backend (see the module doc)."""
    import ctranslate2
    import torch
    from transformers import MarianMTModel, MarianTokenizer
    from transformers.utils import logging as transformers_logging

    from tests.support.bench_model import benchmark_model
    from models.alignment.forced import ctranslate2_attention, torch_attention
    from models.documents import load_document, sample_path
    from models.paths import cache_dir
    from models.text.arabic import has_arabic
    from models.translation.backends.ctranslate2 import target_pieces, write_vocabulary_map

    transformers_logging.disable_progress_bar()
    folder = benchmark_model()
    texts = [s.text for s in load_document(sample_path()).sentences if s.translatable]
    batches = [texts[k:k + BATCH] for k in range(0, len(texts), BATCH)]
    tokenizer = MarianTokenizer.from_pretrained(str(folder))
    converted = cache_dir() / "bench" / (folder.name + "-ct2-int8")
    if not (converted / "model.bin").is_file():
        ctranslate2.converters.TransformersConverter(str(folder)).convert(str(converted), quantization="int8", force=True)
    write_vocabulary_map(converted, target_pieces(tokenizer))  # as the app translates: English pieces only
    translator = ctranslate2.Translator(str(converted), device="cpu", compute_type="int8", inter_threads=1, intra_threads=2)
    pieces = [[tokenizer.convert_ids_to_tokens(ids) for ids in tokenizer(batch)["input_ids"]] for batch in batches]
    result: dict = {"sentences": len(texts), "new_tokens": new_tokens}

    def ct2(attention: bool) -> tuple[float, float]:
        """(wall, CPU) seconds of translating the article."""
        started, cpu = time.perf_counter(), time.process_time()
        for batch in pieces:
            translator.translate_batch(batch, beam_size=4, min_decoding_length=new_tokens, use_vmap=True,
                                       max_decoding_length=new_tokens, return_attention=attention)
        return time.perf_counter() - started, time.process_time() - cpu

    ct2(False)  # warm up
    runs = [(ct2(False), ct2(True)) for _ in range(ROUNDS)]  # interleaved: load changes hit both alike
    plain, with_attention = min(r[0][0] for r in runs), min(r[1][0] for r in runs)
    plain_cpu, attention_cpu = min(r[0][1] for r in runs), min(r[1][1] for r in runs)
    drafts = [(s, d) for s, d in sample_pairs() if has_arabic(s)]
    result["draft_pairs"] = len(drafts)

    def forced(function, model, **options) -> list[float]:
        """Milliseconds of forced decoding of each draft pair on its own (a hover asks for one)."""
        times = []
        for s, d in drafts:
            started = time.perf_counter()
            function(tokenizer, model, [s], [d], **options)
            times.append((time.perf_counter() - started) * 1000)
        return times

    best = [min(run) for run in zip(*(forced(ctranslate2_attention, translator, use_vmap=True) for _ in range(ROUNDS)))]
    result["ctranslate2"] = {"translate_s": round(plain, 3), "translate_with_attention_s": round(with_attention, 3),
                             "attention_ratio": round(with_attention / plain, 3), "translate_cpu_s": round(plain_cpu, 3),
                             "translate_with_attention_cpu_s": round(attention_cpu, 3),
                             "attention_cpu_ratio": round(attention_cpu / plain_cpu, 3), "forced_pair": percentiles(best)}
    del translator

    torch.set_num_threads(2)
    network = MarianMTModel.from_pretrained(str(folder), attn_implementation="eager").eval()
    best = [min(run) for run in zip(*(forced(torch_attention, network) for _ in range(ROUNDS)))]
    result["torch"] = {"forced_pair": percentiles(best)}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_word_links", description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of un30.ar, un30.en, un30.align (default: the fixture)")
    parser.add_argument("--skip-model", action="store_true", help="leave out the attention cost (no model is built)")
    parser.add_argument("--new-tokens", type=int, default=40, help="target tokens forced per translation (default %(default)s)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    try:
        quality = lexicon_quality(args.gold)
    except (OSError, ValueError) as exc:
        print(f"bench_word_links: the hand-aligned set is not usable: {exc}", file=sys.stderr)
        return 2
    report: dict = {"lexicon_links": quality}
    for name in ("all", "without_clitic"):
        q = quality[name]
        print(f"lexicon links ({name.replace('_', ' ')}), {quality['pairs']} hand-aligned pairs: precision {q['precision']:.3f}, "
              f"recall {q['recall']:.3f}, AER {q['aer']:.3f} ({q['links']} links, {q['sure']} sure)")
    hover = report["hover"] = hover_cost()
    print(f"hover lookup, {hover['lookup']['count']} queries: p50 {hover['lookup']['p50_ms']:.4f} ms, "
          f"p99 {hover['lookup']['p99_ms']:.4f} ms, max {hover['lookup']['max_ms']:.3f} ms")
    make = hover["make_links_and_index"]
    print(f"lexicon links + index of one sentence pair ({make['count']} pairs): p50 {make['p50_ms']:.2f} ms, "
          f"p99 {make['p99_ms']:.2f} ms")
    if not args.skip_model:
        cost = report["attention"] = attention_cost(args.new_tokens)
        c, t = cost["ctranslate2"], cost["torch"]
        print(f"{cost['sentences']} sentences, {cost['new_tokens']} target tokens, beam 4:")
        print(f"  CTranslate2 int8 translation {c['translate_s']:.2f} s; with return_attention "
              f"{c['translate_with_attention_s']:.2f} s ({c['attention_ratio']:.2f}x); CPU time {c['translate_cpu_s']:.2f} s "
              f"and {c['translate_with_attention_cpu_s']:.2f} s ({c['attention_cpu_ratio']:.2f}x)")
        for name, forced in (("CTranslate2 int8", c["forced_pair"]), ("torch float32", t["forced_pair"])):
            print(f"  {name}: forced decoding of one draft sentence pair ({cost['draft_pairs']} pairs of the sample's human "
                  f"translation): p50 {forced['p50_ms']:.0f} ms, max {forced['max_ms']:.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
