"""Qari: an Arabic article beside its offline MarianMT translation.

    python main.py [FILE] [--model ID_OR_FOLDER] [--draft DRAFT]   open the window
    python main.py export FILE -o OUT.{json,html,tsv} [--model M]  translate without a window
    python main.py gloss WORD [WORD ...] [--context TRANSLATION]  look words up in the lexicon
    python main.py check SOURCE DRAFT -o REPORT.{json,html,xlf,tmx} check a draft against its source
    python main.py links SOURCE TRANSLATION -o OUT.json [--model M] word links, one sentence per line
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: Headless commands: name -> module with ``add_arguments(parser)`` and ``run(args) -> int``.
COMMANDS: dict[str, str] = {
    "export": "cli.export",
    "check": "cli.check",
    "gloss": "cli.gloss",
    "links": "cli.links",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        module = importlib.import_module(COMMANDS[argv[0]])
        parser = argparse.ArgumentParser(prog=f"main.py {argv[0]}", description=module.__doc__.splitlines()[0])
        module.add_arguments(parser)
        return module.run(parser.parse_args(argv[1:]))
    from gui.app import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
