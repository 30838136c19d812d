"""What each speed option costs in translation quality, on a real model and a real test set.

    python -m benchmarks.bench_quality --model M --src AR --ref EN [--limit N] [--beams 4]
        [--backends torch,torch-int8,ctranslate2,ctranslate2-whole-vocabulary] [--json OUT]

Run from the checkout root. ``M`` is a MarianMT model (hub id already in the Hugging Face
cache, or a folder, e.g. a copy of Helsinki-NLP/opus-mt-ar-en); ``AR`` and ``EN`` are aligned
files, one sentence per line (e.g. ``../shared/data/un_v1.0/UNv1.0.testset.ar`` and ``.en``,
the UN Parallel Corpus v1.0 test set). For each backend the source lines are translated with
the app's engine and scored against the references with sacrebleu's corpus BLEU and chrF
(default settings: 13a tokenization, chrF with character 6-grams, beta 2), and timed.
``ctranslate2-whole-vocabulary`` is CTranslate2 with the output layer over the whole joint
vocabulary (``target_vocabulary=False``); the script also counts the sentences whose
translation it changes.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path


def read_lines(path: str, limit: int | None) -> list[str]:
    """The first ``limit`` lines (all with None) of a text file in any encoding
    :func:`models.documents.decode` reads. Raises ``ValueError`` with a plain message for a file
    that cannot be read or is not text."""
    from models.documents import decode
    from models.errors import DocumentError

    try:
        lines = decode(Path(path).read_bytes(), path).splitlines()
    except (OSError, DocumentError) as exc:
        raise ValueError(f"cannot read {path}: {exc}") from exc
    return lines[:limit]


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_quality", description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="MarianMT model: cached hub id or folder")
    parser.add_argument("--src", required=True, metavar="AR", help="source sentences, one per line (UTF-8)")
    parser.add_argument("--ref", required=True, metavar="EN", help="reference translations, aligned with --src")
    parser.add_argument("--limit", type=_positive, help="score only the first N lines (default: all)")
    parser.add_argument("--beams", type=_positive, default=4, help="beam width (default %(default)s; 1 is greedy)")
    parser.add_argument("--backends", default="torch,torch-int8,ctranslate2,ctranslate2-whole-vocabulary",
                        help="comma-separated backends to compare (default %(default)s)")
    parser.add_argument("--json", metavar="OUT", help="also write the scores to OUT as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    import sacrebleu

    from models.translation.engine import load_engine
    from models.translation.settings import DecodingSettings
    from models.errors import ModelUnavailable

    try:
        sources, references = read_lines(args.src, args.limit), read_lines(args.ref, args.limit)
    except ValueError as exc:
        parser.error(str(exc))
    if not sources:
        parser.error(f"{args.src} has no lines to translate")
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not backends:
        parser.error("--backends names no backend")
    if args.json:
        folder = Path(args.json).parent
        if Path(args.json).is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
            parser.error(f"--json {args.json} cannot be written")  # said before the long run, not after
    if len(sources) != len(references):
        parser.error(f"{args.src} has {len(sources)} lines but {args.ref} has {len(references)}")
    scores = {}
    outputs: dict[str, list[str]] = {}
    print(f"{len(sources)} sentences, beam {args.beams}, model {args.model}")
    for backend in backends:
        try:
            whole = backend == "ctranslate2-whole-vocabulary"
            settings = DecodingSettings(num_beams=args.beams, backend="ctranslate2" if whole else backend,
                                        target_vocabulary=not whole)
            engine = load_engine(args.model, settings, download=False)
        except (ModelUnavailable, ValueError) as exc:
            print(f"{backend:29s} skipped: {exc}")
            continue
        started = time.perf_counter()
        hypotheses = outputs[backend] = [h or "" for h in engine.translate(sources)]
        seconds = time.perf_counter() - started
        bleu = sacrebleu.corpus_bleu(hypotheses, [references])
        chrf = sacrebleu.corpus_chrf(hypotheses, [references])
        scores[backend] = {"bleu": round(bleu.score, 2), "chrf": round(chrf.score, 2), "seconds": round(seconds, 1)}
        print(f"{backend:29s} BLEU {bleu.score:6.2f}   chrF {chrf.score:6.2f}   {seconds:8.1f} s")
    if "ctranslate2" in outputs and "ctranslate2-whole-vocabulary" in outputs:
        changed = sum(a != b for a, b in zip(outputs["ctranslate2"], outputs["ctranslate2-whole-vocabulary"]))
        print(f"the target vocabulary changes {changed} of {len(sources)} CTranslate2 translations")
    if args.json:
        Path(args.json).write_text(json.dumps({"model": args.model, "sentences": len(sources), "beams": args.beams,
                                               "backends": scores}, indent=1) + "\n", encoding="utf-8")
    return 0 if scores else 1


if __name__ == "__main__":
    sys.exit(main())
