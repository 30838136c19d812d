"""Word links between Arabic sentences and their English translations, one sentence per line.

    python main.py links SOURCE.txt TRANSLATION.txt -o OUT.json [--model ID_OR_FOLDER] [--backend B]

Line k of SOURCE (Arabic) and line k of TRANSLATION (English) are a sentence pair; the files
must have as many lines (text files in UTF-8 or another encoding :func:`models.documents.decode`
recognises). OUT is ``{"model": str | null, "sentences": [{"source": str, "target": str,
"links": [{"source": [start, end], "target": [start, end], "score": float, "evidence": str}]}]}``,
offsets being characters into that line of each file (see :mod:`models.alignment.word_links`).
Without ``--model`` the links come from the lexicon, numbers and names
(:mod:`models.alignment.lexical`); with it, the model's alignment attention over the given
translation (forced decoding, :mod:`models.alignment.forced`) is added. If the model cannot be
loaded, the lexicon's links are written and a note says why.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from models.alignment.lexical import lexicon_links
from models.alignment.word_links import combine
from models.documents import decode
from models.errors import ModelUnavailable
from models.translation.settings import BACKENDS, DecodingSettings

PROG = "main.py links"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", type=Path, help="Arabic sentences, one per line")
    parser.add_argument("translation", metavar="TRANSLATION", type=Path, help="their English translations, one per line")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True, help="where to write the links (.json)")
    parser.add_argument("--model", metavar="M", help="MarianMT model (hub id or folder) whose alignment attention adds links")
    parser.add_argument("--backend", choices=BACKENDS, default="auto", help="inference backend with --model (default %(default)s)")


def _error(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 1


def read_lines(path: Path) -> list[str]:
    """The lines of a text file, decoded. Raises ``OSError`` when it cannot be read."""
    return decode(path.read_bytes(), path.name).splitlines()


def link_lines(sources: list[str], targets: list[str], model_links=None) -> list[dict]:
    """One ``{"source", "target", "links"}`` record per line pair; ``model_links`` (as
    :meth:`models.translation.engine.Engine.word_links`) adds the model's links."""
    by_model = model_links(list(zip(sources, targets))) if model_links is not None else [[] for _ in sources]
    return [{"source": s, "target": t, "links": [l.to_json() for l in combine(lexicon_links(s, t), m)]}
            for s, t, m in zip(sources, targets, by_model)]


def run(args: argparse.Namespace) -> int:
    """Write the links of ``args.source`` and ``args.translation`` to ``args.output``. Returns 0
    on success (also when the model cannot be loaded), 1 on bad input or a write error, each
    reported in one line on stderr."""
    out: Path = args.output
    if out.suffix.lower() != ".json":
        return _error(f"{out.name} must end in .json.")
    try:
        sources, targets = read_lines(args.source), read_lines(args.translation)
    except IsADirectoryError as exc:
        return _error(f"{exc.filename} is a folder, not a text file.")
    except OSError as exc:
        return _error(f"{exc.filename or args.source} cannot be read: {exc.strerror or exc}.")
    if len(sources) != len(targets):
        return _error(f"{args.source.name} has {len(sources)} lines and {args.translation.name} {len(targets)}: "
                      "give one translation per source line.")
    model_links, model = None, None
    if args.model:
        try:
            from models.translation.engine import load_engine  # torch is imported only here

            engine = load_engine(args.model, DecodingSettings(backend=args.backend))
            model_links, model = engine.word_links, engine.model
        except ModelUnavailable as exc:
            print(f"{PROG}: {exc} Writing the lexicon's links only.", file=sys.stderr)
    records = link_lines(sources, targets, model_links)
    try:
        out.write_text(json.dumps({"model": model, "sentences": records}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        return _error(f"{out} cannot be written: {exc.strerror or exc}.")
    print(f"{sum(len(r['links']) for r in records)} word links in {len(records)} sentences written to {out}")
    return 0
