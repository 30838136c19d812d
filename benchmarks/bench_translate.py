"""How fast qari translates an article on this CPU, compared with the loop a user would write.

    python -m benchmarks.bench_translate [--new-tokens 40] [--sentences N] [--window-runs 5] [--cold-runs 5]
                                         [--cold-only] [--json OUT]

Run from the checkout root. No downloads: it builds (once, into ``cache_dir()/bench/``) a
MarianMT model with the shape of Helsinki-NLP/opus-mt-ar-en (vocabulary 62834, d_model 512,
6+6 layers, 8 heads, FFN 2048, swish, static sinusoidal positions over 512 places, pad and
decoder start 62833, eos 0) and random weights, with SentencePiece tokenizers trained on the
sample article and the UN test set (``../shared/data/un_v1.0`` when present), the target one
padded to about 32,000 pieces as opus-mt's (OPUS-MT-train's ``TRGBPESIZE``). Every
translation is forced to ``--new-tokens`` target tokens (minimum = maximum), so random weights
cost what real ones do. In one run it times, for the translatable sentences of the sample
article:

(a) ``naive``: one ``generate()`` per sentence, beam 4, torch's default threads;
(b) ``default``: the app's engine (:func:`models.translation.engine.load_engine`) with default settings;
(c) each backend and decoding option the engine offers.

Each is printed as seconds and as a speed-up over (a), with the peak resident memory while it
ran. Then, in the reader window on the same model, opening the article ``--window-runs``
times: the time from opening it to the first translation on screen (the top sentence's
provisional greedy draft), the time to the first final beam-4 translation (medians), and the
longest stall of the GUI event loop (a 10 ms QTimer probe) while the article is translated;
and, in a subprocess, the time ``python main.py`` takes to
show its window. First of all (or alone, with ``--cold-only``), the cold start a user meets:
``python main.py ARTICLE`` in a new process, ``--cold-runs`` times, with the model downloaded
(the benchmark model as a Helsinki-NLP/opus-mt-ar-en snapshot in a private Hugging Face cache)
and converted to CTranslate2 by an uncounted first start, the article not in the translation
cache: seconds from before the process starts to its modules imported, its window shown, the
model ready and the first translation on screen (:mod:`gui.startup_report`; the article's top
sentence, 12 source tokens, decodes to its default cap of 40 tokens, random weights never
ending early). Timings on a shared machine are noisy: compare the ratios of one run.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.support.bench_model import benchmark_model
from tests.support.corpus import REPO
from tests.support.stall_probe import StallProbe, offscreen_app, wait_until


class PeakRss:
    """Highest resident set size (MB, from /proc/self/status) while the ``with`` block runs,
    sampled every 10 ms on a thread. 0 where /proc is missing."""

    def __enter__(self) -> "PeakRss":
        self.peak_mb = _rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak_mb = max(self.peak_mb, _rss_mb())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, _rss_mb())


def _rss_mb(field: str = "VmRSS") -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def time_naive(folder: Path, texts: list[str], new_tokens: int, threads: int | None = None) -> tuple[float, float]:
    """(seconds, peak MB) of the loop a user would write: one generate() per sentence, beam 4,
    after one warm-up call; ``threads`` None is torch's default (one per core)."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    torch.set_num_threads(threads or os.cpu_count() or 1)
    tokenizer = MarianTokenizer.from_pretrained(str(folder))
    model = MarianMTModel.from_pretrained(str(folder))
    model.generate(**tokenizer(texts[0], return_tensors="pt"), num_beams=4, max_new_tokens=2)
    with PeakRss() as rss:
        started = time.perf_counter()
        for text in texts:
            batch = tokenizer(text, return_tensors="pt")
            output = model.generate(**batch, num_beams=4, max_new_tokens=new_tokens, min_new_tokens=new_tokens)
            assert output.shape[1] == new_tokens + 1, output.shape  # decoder start + the forced length
        seconds = time.perf_counter() - started
    del model
    return seconds, rss.peak_mb


def time_engine(folder: Path, texts: list[str], settings) -> tuple[float, float, float, str]:
    """(seconds, peak MB, load seconds, backend) of ``engine.translate(texts)`` with ``settings``."""
    from models.translation.engine import load_engine

    started = time.perf_counter()
    engine = load_engine(str(folder), settings)
    loaded = time.perf_counter() - started
    engine.translate(texts[:1])  # warm-up: first-call allocations are not part of an article's cost
    with PeakRss() as rss:
        started = time.perf_counter()
        results = engine.translate(texts)
        seconds = time.perf_counter() - started
    assert all(r is not None for r in results)
    return seconds, rss.peak_mb, loaded, engine.backend


def time_window(folder: Path, new_tokens: int) -> tuple[float, float, float, int]:
    """In the reader window with the default backend: (seconds from opening the sample article
    to its first translation on screen, provisional greedy draft or final; seconds to its first
    final (beam 4) translation; worst GUI stall in ms while it is translated; sentences)."""
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow
    from gui.sentence_model import State
    from gui.settings import Settings
    from gui.translation_controller import ModelState, TranslationController
    from models.documents import load_document, sample_path
    from models.translation.settings import DecodingSettings
    from models.translation.cache import TranslationCache

    class FixedLength(TranslationController):
        def decoding_settings(self) -> DecodingSettings:
            return DecodingSettings(min_new_tokens=new_tokens, max_new_tokens=new_tokens)

    app = offscreen_app()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        settings.set("model", str(folder))
        window = MainWindow(settings, FixedLength(settings, cache=TranslationCache(Path(tmp) / "t.sqlite3")))
        window.resize(1000, 700)
        window.show()
        wait_until(lambda: window.translation.state in (ModelState.READY, ModelState.MISSING), 600)
        if window.translation.state is not ModelState.READY:
            raise RuntimeError("the window could not load the benchmark model")
        doc = load_document(sample_path())
        first_seen: list[float] = []  # any translation, provisional or final
        first_final: list[float] = []

        def seen(*_) -> None:
            final = window.sentences.count(State.TRANSLATED)
            if not first_seen and (final or window.sentences.count(State.PROVISIONAL)):
                first_seen.append(time.perf_counter())
            if not first_final and final:
                first_final.append(time.perf_counter())

        window.sentences.dataChanged.connect(seen)
        probe = StallProbe()
        opened = time.perf_counter()
        window.open_document(doc)
        probe.start()
        wait_until(lambda: window.translation.job == -1 and window.sentences.count(State.PENDING) == 0, 600)
        probe.stop()
        window.close()
        app.processEvents()
    return first_seen[0] - opened, first_final[0] - opened, probe.worst_ms, len(doc.sentences)



def time_to_window() -> float:
    """Seconds from starting ``python main.py`` to its window being shown (``--quit-after-show``),
    interpreter start-up included; private settings and cache folders."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tmp,
                   QARI_CACHE_DIR=tmp, QARI_DATA_DIR=tmp, HF_HUB_OFFLINE="1")
        started = time.perf_counter()
        with subprocess.Popen([sys.executable, "main.py", "--quit-after-show"], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
            try:
                for line in process.stdout:
                    if line.startswith("qari: window shown"):
                        return time.perf_counter() - started
                raise RuntimeError("main.py ended without showing its window")
            finally:
                process.terminate()  # it would otherwise wait for the worker's torch import to quit


#: Milestones of a cold start, as printed by ``python main.py --quit-after-first-translation``
#: (:mod:`gui.startup_report`), after "app started".
COLD_MILESTONES = ("window shown", "model ready", "first translation shown")


def cold_start_home(folder: Path, home: Path) -> dict[str, str]:
    """Make ``home`` the computer of a user who has run Qari before but not read this article:
    the model ``folder`` downloaded (a snapshot of Helsinki-NLP/opus-mt-ar-en in a Hugging Face
    cache, ``HF_HUB_CACHE``), the lexicon index compiled, the sample article as a file; the
    CTranslate2 conversion is made by the first start (:func:`time_cold_start`). Returns the
    environment of ``python main.py`` there (private settings, cache and data folders)."""
    from models.lexicon import buckwalter
    from models.lexicon.index import index_path, load_lexicon
    from models.documents import sample_path
    from models.translation.settings import DEFAULT_MODEL
    from tests.support.fake_hub import COMMIT

    repository = home / "hub" / ("models--" + DEFAULT_MODEL.replace("/", "--"))
    snapshot = repository / "snapshots" / COMMIT
    snapshot.mkdir(parents=True)
    for path in folder.iterdir():
        (snapshot / path.name).symlink_to(path.resolve())  # as the hub cache does (links into blobs/)
    (repository / "refs").mkdir()
    (repository / "refs" / "main").write_text(COMMIT, encoding="utf-8")
    cache = home / "cache"
    cache.mkdir()
    compiled = index_path(buckwalter.data_dir())
    if compiled.is_file():
        shutil.copy(compiled, index_path(buckwalter.data_dir(), cache))
    else:
        load_lexicon(cache=cache)
    shutil.copy(sample_path(), home / "article.txt")
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home / "config"),
                QARI_CACHE_DIR=str(cache), QARI_DATA_DIR=str(home / "data"), HF_HUB_CACHE=str(home / "hub"),
                HF_HUB_OFFLINE="1")


def time_cold_start(home: Path, env: dict[str, str]) -> dict[str, float]:
    """One ``python main.py ARTICLE --quit-after-first-translation`` in a new process, with the
    translation cache removed first: seconds from before the process was started to "app
    started" (interpreter and imports) and to each of :data:`COLD_MILESTONES`."""
    for path in (home / "cache").glob("translations.sqlite3*"):
        path.unlink()
    figures: dict[str, float] = {}
    started = time.time()
    with subprocess.Popen([sys.executable, "main.py", str(home / "article.txt"), "--quit-after-first-translation"],
                          cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        try:
            app_clock = None
            for line in process.stdout:
                if line.startswith("qari: app started at clock "):
                    app_clock = float(line.split()[-2])
                    figures["app started"] = app_clock - started
                elif line.startswith("qari: ") and " after " in line and app_clock is not None:
                    milestone, seconds = line[len("qari: "):].rsplit(" after ", 1)
                    figures[milestone] = app_clock + float(seconds.split()[0]) - started
                    if milestone == COLD_MILESTONES[-1]:
                        return figures
            raise RuntimeError(f"main.py ended before its first translation (saw {sorted(figures)})")
        finally:
            process.terminate()  # closing would wait for the worker's batch


def cold_starts(folder: Path, runs: int) -> list[dict[str, float]]:
    """:func:`time_cold_start` ``runs`` times, after one start that converts the model to
    CTranslate2 (not counted)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = cold_start_home(folder, Path(tmp))
        time_cold_start(Path(tmp), env)
        return [time_cold_start(Path(tmp), env) for _ in range(runs)]


def report_cold_starts(folder: Path, runs: int) -> dict[str, float]:
    """Print the medians of :func:`cold_starts` (and each run's time to the first translation);
    returns the medians by milestone, in seconds from the start of the process."""
    starts = cold_starts(folder, runs)
    medians = {m: round(statistics.median(run[m] for run in starts), 3) for m in ("app started", *COLD_MILESTONES)}
    steps = ", ".join(f"{m} {s:.2f} s" for m, s in medians.items())
    each = ", ".join(f"{run[COLD_MILESTONES[-1]]:.2f}" for run in starts)
    print(f"cold start, python main.py ARTICLE in a new process (model downloaded and converted, article not "
          f"cached), {runs} runs, medians from the process start: {steps} (first translation: {each} s)")
    return medians


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_translate", description=__doc__.splitlines()[0])
    parser.add_argument("--new-tokens", type=int, default=40, help="target tokens per sentence (default %(default)s)")
    parser.add_argument("--sentences", type=int, default=0, help="use only the first N sentences (default: all)")
    parser.add_argument("--window-runs", type=int, default=5,
                        help="times the article is opened in the window (default %(default)s); medians are reported")
    parser.add_argument("--cold-runs", type=int, default=5,
                        help="cold starts of python main.py ARTICLE timed (default %(default)s); medians are reported")
    parser.add_argument("--cold-only", action="store_true", help="time only the cold starts")
    parser.add_argument("--json", metavar="OUT", help="also write the figures to OUT as JSON")
    args = parser.parse_args(argv)

    import logging

    from transformers.utils import logging as transformers_logging

    logging.basicConfig(level=logging.WARNING)
    transformers_logging.set_verbosity_error()  # the naive loop's generate() warns on every call
    from models.documents import load_document, sample_path
    from models.translation.settings import DecodingSettings, resolve_backend

    folder = benchmark_model()
    texts = [s.text for s in load_document(sample_path()).sentences if s.translatable]
    if args.sentences:
        texts = texts[:args.sentences]
    n = args.new_tokens
    print(f"{len(texts)} sentences of the sample article, {n} target tokens each, beam 4 unless said; "
          f"model {folder.name}; {os.cpu_count()} CPUs")

    cold = report_cold_starts(folder, args.cold_runs)
    if args.cold_only:
        if args.json:
            Path(args.json).write_text(json.dumps({"cold_start_s": cold}, indent=1) + "\n", encoding="utf-8")
        return 0
    window_to_show = time_to_window()
    naive_s, naive_mb = time_naive(folder, texts, n)
    print(f"{'(a) naive generate() loop':42s} {naive_s:8.2f} s   1.00x   peak {naive_mb:6.0f} MB")

    fixed = dict(min_new_tokens=n, max_new_tokens=n)
    default = DecodingSettings(**fixed)
    options = {
        "torch float32": DecodingSettings(backend="torch", **fixed),
        "torch int8 dynamic quantization": DecodingSettings(backend="torch-int8", **fixed),
        "torch float32, greedy": DecodingSettings(backend="torch", num_beams=1, **fixed),
    }
    if resolve_backend("auto") == "ctranslate2":
        options["ctranslate2 int8"] = DecodingSettings(backend="ctranslate2", **fixed)
        options["ctranslate2 int8, whole vocabulary"] = DecodingSettings(backend="ctranslate2", target_vocabulary=False,
                                                                          **fixed)
        options["ctranslate2 int8, greedy"] = DecodingSettings(backend="ctranslate2", num_beams=1, **fixed)
        options["ctranslate2 int8, 1 thread"] = DecodingSettings(backend="ctranslate2", threads=1, **fixed)
    one_s, one_mb = time_naive(folder, texts, n, threads=1)
    figures: dict[str, dict[str, float]] = {
        "naive loop, 1 thread": {"seconds": round(one_s, 3), "speedup_vs_naive": round(naive_s / one_s, 2),
                                 "peak_rss_mb": round(one_mb)}}
    print(f"{'(c) naive loop, torch.set_num_threads(1)':42s} {one_s:8.2f} s {naive_s / one_s:6.2f}x   peak {one_mb:6.0f} MB")
    default_s, default_mb, default_load, default_backend = time_engine(folder, texts, default)
    print(f"{'(b) default engine (' + default_backend + ')':42s} {default_s:8.2f} s {naive_s / default_s:6.2f}x   "
          f"peak {default_mb:6.0f} MB   (load {default_load:.1f} s)")
    for name, settings in options.items():
        seconds, mb, load, _ = time_engine(folder, texts, settings)
        figures[name] = {"seconds": round(seconds, 3), "speedup_vs_naive": round(naive_s / seconds, 2),
                         "peak_rss_mb": round(mb), "load_s": round(load, 2)}
        print(f"{'(c) ' + name:42s} {seconds:8.2f} s {naive_s / seconds:6.2f}x   peak {mb:6.0f} MB   (load {load:.1f} s)")

    runs = [time_window(folder, n) for _ in range(args.window_runs)]
    count = runs[0][3]
    firsts, finals = sorted(r[0] for r in runs), sorted(r[1] for r in runs)
    first_s, final_s, stall_ms = statistics.median(firsts), statistics.median(finals), max(r[2] for r in runs)
    print(f"reader window, {count} sentences, {len(runs)} runs: first translation on screen (its greedy draft) "
          f"{first_s:.2f} s after opening (median; {', '.join(f'{x:.2f}' for x in firsts)}); first final (beam 4) "
          f"translation {final_s:.2f} s (median); worst GUI stall {stall_ms:.0f} ms")
    print(f"python main.py: window shown {window_to_show:.2f} s after start")
    peak = _rss_mb("VmHWM")
    print(f"peak RSS of this process {peak:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "sentences": len(texts), "new_tokens": n, "naive_s": round(naive_s, 3), "default_s": round(default_s, 3),
            "default_backend": default_backend, "speedup_default_vs_naive": round(naive_s / default_s, 2),
            "options": figures, "first_sentence_s": round(first_s, 3),
            "first_sentence_runs_s": [round(x, 3) for x in firsts],
            "first_final_sentence_s": round(final_s, 3), "time_to_window_s": round(window_to_show, 3),
            "peak_rss_mb": round(peak), "max_stall_ms": round(stall_ms, 1), "cold_start_s": cold,
        }, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
