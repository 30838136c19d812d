"""Qari: an Arabic article beside its offline MarianMT translation.

    python main.py [FILE] [--model ID_OR_FOLDER] [--draft DRAFT]   open the window
    python main.py export FILE -o OUT.{json,html,tsv} [--model M]  translate without a window
    python main.py gloss WORD [WORD ...] [--context TRANSLATION]  look words up in the lexicon
    python main.py check SOURCE DRAFT -o REPORT.{json,html,xlf,tmx} check a draft against its source
    python main.py links SOURCE TRANSLATION -o OUT.json [--model M] word links, one sentence per line

The same as the installed ``qari`` command (:func:`cli.main.main`), from a checkout.
"""
from __future__ import annotations

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
