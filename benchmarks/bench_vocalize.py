"""Vocalization: speed, agreement with the lexicon, and diacritic error rate.

    python -m benchmarks.bench_vocalize [--models rawi-ensemble,rawi-v2-int8] [--arabic-diacritizer]

Prints, for the model of :mod:`models.text.vocalization` (and any other text2tashkeel models named
with ``--models``):

* the time to load the model, and to vocalize the sample article and the longest news article
  of ``shared/data/news_ar`` without the cache (seconds, this machine);
* per article, the share of Arabic word tokens whose model vowels agree with some lexicon reading
  (:func:`models.lexicon.vowel_check.vowels_agree`), of all tokens and of the tokens the lexicon
  reads;
* the diacritic error rate (DER) against ``benchmarks/data/wikinews_diacritized.txt`` (58
  paragraphs, 2,867 words of fully vowelled news from the WikiNews diacritization test set; see
  ``benchmarks/data/README.md``): the share of Arabic letters whose marks (as a set; shadda with
  its vowel; dagger alef ignored) differ from the reference, counting letters the reference
  leaves bare, with and without the last letter of each word (the case ending), as Zitouni et
  al. (2006) and Fadel et al. (2019) report it. The model is given each sentence with its marks
  stripped.

``--arabic-diacritizer`` adds the PyPI package ``arabic-diacritizer`` (torch BiLSTM, model only,
without its sentence cache) to the DER comparison when it is installed; it is not a dependency.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Callable

from tests.support.corpus import corpus_files
from models.documents import load_document, sample_path
from models.lexicon.index import shared_lexicon
from models.lexicon.lookup import lookup
from models.lexicon.vowel_check import vowels_agree
from models.text.arabic import ARABIC_WORD_RE
from models.text.vocalization import MODEL, Diacritizer, merge_marks

REFERENCE = Path(__file__).resolve().parent / "data" / "wikinews_diacritized.txt"
_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
_LETTER_RE = re.compile("[\u0621-\u064a]")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?\u061f])\s+")


def letter_marks(text: str) -> list[tuple[str, str]]:
    """(character, its marks sorted, dagger alef left out) for each non-mark character."""
    out: list[tuple[str, list[str]]] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _MARKS:
            if out and ch != "\u0670":
                out[-1][1].append(ch)
        else:
            out.append((ch, []))
    return [(ch, "".join(sorted(marks))) for ch, marks in out]


def diacritic_error_rate(references: list[str], predictions: list[str]) -> tuple[float, float, int]:
    """(DER %, DER without the last letter of each word %, letters compared) over aligned
    sentences; a sentence whose letters do not line up counts all its letters as errors."""
    errors = total = errors_inner = total_inner = 0
    for reference, prediction in zip(references, predictions):
        gold, guess = letter_marks(reference), letter_marks(prediction)
        aligned = len(gold) == len(guess)
        for index, (ch, marks) in enumerate(gold):
            if not _LETTER_RE.match(ch):
                continue
            last = index + 1 == len(gold) or not _LETTER_RE.match(gold[index + 1][0])
            wrong = not aligned or guess[index][1] != marks
            total += 1
            errors += wrong
            if not last:
                total_inner += 1
                errors_inner += wrong
    return 100 * errors / max(total, 1), 100 * errors_inner / max(total_inner, 1), total


def reference_sentences(path: Path = REFERENCE) -> list[str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [s for line in lines for s in _SENTENCE_END_RE.split(line) if s]


def strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if ch not in _MARKS)


def evaluate(name: str, diacritize: Callable[[str], str], sentences: list[str]) -> None:
    bare = [strip_marks(s) for s in sentences]
    start = time.perf_counter()
    outputs = []
    for text in bare:
        merged = merge_marks(text, diacritize(text))  # the original letters, the model's marks
        outputs.append(merged.text if merged else text)
    seconds = time.perf_counter() - start
    der, der_inner, letters = diacritic_error_rate(sentences, outputs)
    print(f"{name}: DER {der:.2f}%; without the last letter {der_inner:.2f}%"
          f" ({letters} letters, {len(sentences)} sentences, {seconds:.1f} s)")


def agreement(path: Path, diacritizer: Diacritizer) -> tuple[int, int, int, int, float]:
    """(tokens, tokens agreeing, tokens the lexicon reads, of those agreeing, seconds to vocalize)."""
    text = load_document(path).text
    start = time.perf_counter()
    vocalized = diacritizer.vocalize(text)
    seconds = time.perf_counter() - start
    lexicon = shared_lexicon()
    tokens = agreeing = read = read_agreeing = 0
    for match in ARABIC_WORD_RE.finditer(text):
        model_word = vocalized.span(match.start(), match.end())
        found = lookup(match.group(), lexicon)
        agrees = any(vowels_agree(model_word, a) for a in found.analyses)
        tokens += 1
        agreeing += agrees
        if found.in_lexicon:
            read += 1
            read_agreeing += agrees
    return tokens, agreeing, read, read_agreeing, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="", help="other text2tashkeel models for the DER comparison, comma-separated")
    parser.add_argument("--arabic-diacritizer", action="store_true", help="compare the arabic-diacritizer package too")
    args = parser.parse_args(argv)
    diacritizer = Diacritizer(cache_path=False)
    start = time.perf_counter()
    reason = diacritizer.unavailable_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    print(f"model {diacritizer.key} loaded in {time.perf_counter() - start:.2f} s")
    files = corpus_files()
    longest = max(files[1:], key=lambda p: len(load_document(p).text), default=None)
    for path in files:
        tokens, agreeing, read, read_agreeing, seconds = agreement(path, diacritizer)
        timing = f"; vocalized in {seconds:.2f} s" if path in (sample_path(), longest) else ""
        print(f"{path.name}: {len(load_document(path).text)} characters{timing}; model vowels agree with a lexicon"
              f" reading for {agreeing}/{tokens} = {100 * agreeing / max(tokens, 1):.1f}% of the words"
              f" ({read_agreeing}/{read} = {100 * read_agreeing / max(read, 1):.1f}% of those the lexicon reads)")
    sentences = reference_sentences()
    model = diacritizer._load()
    evaluate(MODEL, model.diacritize, sentences)
    for name in filter(None, args.models.split(",")):
        other = Diacritizer(cache_path=False, model=name)
        if other.unavailable_reason() is None:
            evaluate(name, other._load().diacritize, sentences)
    if args.arabic_diacritizer:
        try:
            from diacritize.baseline.model import BiLSTMDiacritizer
        except ImportError:
            print("arabic-diacritizer is not installed", file=sys.stderr)
        else:
            evaluate("arabic-diacritizer 1.0.0 (BiLSTM, no cache)", BiLSTMDiacritizer.from_pretrained().diacritize, sentences)
    return 0


if __name__ == "__main__":
    sys.exit(main())
