"""Word links between Arabic sentences and their English translations, one sentence per line.

    qari links SOURCE.txt TRANSLATION.txt -o OUT.json [--model ID_OR_FOLDER] [--backend B]

Line k of SOURCE (Arabic) and line k of TRANSLATION (English) are a sentence pair; the files
must have as many lines (text files in UTF-8 or another encoding :func:`models.documents.decode`
recognises). OUT is ``{"model": str | null, "sentences": [{"source": str, "target": str,
"links": [{"source": [start, end], "target": [start, end], "score": float, "evidence": str}]}]}``,
offsets being characters into that line of each file (see :mod:`models.alignment.word_links`).
Without ``--model`` the links come from the lexicon, numbers and names
(:mod:`models.alignment.lexical`); with it, the model's alignment attention over the given
translation (forced decoding, :mod:`models.alignment.forced`) is added. If the model cannot be
loaded, the lexicon's links are written and a note on stderr says why (exit status 0). Exit
status: :class:`cli.ExitCode` (``USAGE`` for an output not ending in ``.json``, ``BAD_INPUT``
for an unreadable file or files of different lengths, ``CANNOT_WRITE``).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli import CommandError, ExitCode
from cli.output import checked_output, writing
from models.alignment.lexical import lexicon_links
from models.alignment.word_links import ModelLinks, combine
from models.documents import decode
from models.errors import ModelUnavailable
from models.translation.settings import BACKENDS, DecodingSettings

FORMATS = (".json",)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", metavar="SOURCE", type=Path, help="Arabic sentences, one per line")
    parser.add_argument("translation", metavar="TRANSLATION", type=Path, help="their English translations, one per line")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True, help="where to write the links (.json)")
    parser.add_argument("--model", metavar="M", help="MarianMT model (hub id or folder) whose alignment attention adds links")
    parser.add_argument("--backend", choices=BACKENDS, default="auto", help="inference backend with --model (default %(default)s)")


def read_lines(path: Path) -> list[str]:
    """The lines of a text file, decoded. Raises :class:`cli.CommandError` (``BAD_INPUT``) when it
    cannot be read."""
    try:
        return decode(path.read_bytes(), path.name).splitlines()
    except IsADirectoryError:
        raise CommandError(ExitCode.BAD_INPUT, f"{path} is a folder, not a text file.") from None
    except OSError as exc:
        raise CommandError(ExitCode.BAD_INPUT, f"{path} cannot be read: {exc.strerror or exc}.") from exc


def link_lines(sources: list[str], targets: list[str], model_links: ModelLinks | None = None) -> list[dict]:
    """One ``{"source", "target", "links"}`` record per line pair; ``model_links`` (as
    :meth:`models.translation.engine.Engine.word_links`) adds the model's links."""
    by_model = model_links(list(zip(sources, targets))) if model_links is not None else [[] for _ in sources]
    return [{"source": s, "target": t, "links": [link.to_json() for link in combine(lexicon_links(s, t), m)]}
            for s, t, m in zip(sources, targets, by_model)]


def run(args: argparse.Namespace) -> ExitCode:
    """Write the links of ``args.source`` and ``args.translation`` to ``args.output`` and print a
    one-line summary: ``OK`` (also when the model cannot be loaded). Raises
    :class:`cli.CommandError` on bad input (the output checked first)."""
    out = checked_output(args.output, FORMATS, inputs=(args.source, args.translation))
    sources, targets = read_lines(args.source), read_lines(args.translation)
    if len(sources) != len(targets):
        raise CommandError(ExitCode.BAD_INPUT, f"{args.source.name} has {len(sources)} lines and {args.translation.name} "
                                               f"{len(targets)}: give one translation per source line.")
    model_links, model = None, None
    if args.model:
        try:
            from models.translation.engine import load_engine  # torch is imported only here

            engine = load_engine(args.model, DecodingSettings(backend=args.backend))
            model_links, model = engine.word_links, engine.model
        except ModelUnavailable as exc:
            print(f"{args.prog}: {exc} Writing the lexicon's links only.", file=sys.stderr)
    records = link_lines(sources, targets, model_links)
    with writing(out):
        out.write_text(json.dumps({"model": model, "sentences": records}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{sum(len(r['links']) for r in records)} word links in {len(records)} sentences written to {out}")
    return ExitCode.OK
