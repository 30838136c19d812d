"""How the window meets a big document: first screen, worst event-loop stall, memory.

    python -m benchmarks.bench_big_document [--mb 20] [--only NAME[,NAME...]] [--epub-pages N]

Builds a text file of about ``--mb`` MB (default: just under the 20 MiB limit) from the bundled
sample article repeated with variation (each copy's numbers changed, so that no two copies are
the same text), and opens it in the reading window (offscreen, a fresh process per scenario)
with no translation model (the model-missing state a new user meets), once the window's lexicon
has loaded (start-up's own work, measured by ``bench_startup``):

- ``missing at open``: the model is already missing when the file is opened;
- ``missing later``: the file is opened while the model loads, and the load fails afterwards;
- ``model changes``: with the file open, the model comes back (every untranslated sentence is
  pending again), its translations are dropped (another model) and it goes missing again, as
  a stop, a job change or a settings change does.

With ``--find QUERY`` (repeatable), once the text is laid out and scrolled, each query is searched
with the find bar: the time until it shows its count, and the worst stall meanwhile.

With ``--interlinear``, it then switches to the interlinear mode and zooms in: the time until the
view is shown and until all of it is laid out, and the worst stall meanwhile.

With ``--epub-pages N`` it opens instead an EPUB book of about N printed pages (2 kB of text a
page: the sample article's paragraphs, six times a chapter, in as many chapters as needed), built
with :func:`tests.support.documents.epub_bytes`, through the same path.

Figures: ``read s`` the reading and segmentation of the file (``open_path`` up to the window's
first paint, minus what follows), ``first screen s`` from the start of ``open_path`` to the first
paint of the window with the first sentences in both panes; ``laid out s`` until both panes hold
every sentence; ``stall ms`` the longest gap between ticks of a 5 ms QTimer on the GUI thread
while the rest is laid out and the state changes, and ``scroll ms`` the same while the Arabic pane
is scrolled from top to bottom in 40 steps, each with the most CPU time the GUI thread spent
between two ticks in brackets (on a busy machine the wall-clock gap also holds other processes'
turns); ``peak RSS MB`` the process's maximum resident set
size (``getrusage``) against the file's size. A scenario that runs longer than ``--limit`` seconds
is cut short and says so.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCENARIOS = ("missing at open", "missing later", "model changes")
_DIGITS = re.compile(r"\d+")


def build_text(size_bytes: int) -> bytes:
    """The sample article repeated with variation to about ``size_bytes`` bytes of UTF-8: copy
    ``n`` has every number ``k`` in it replaced by ``k + n``."""
    from models.documents import sample_path

    article = sample_path().read_text(encoding="utf-8")
    copies, total, n = [], 0, 0
    while total < size_bytes:
        copy = _DIGITS.sub(lambda m, n=n: str(int(m.group()) + n), article).encode("utf-8")
        if total + len(copy) + 1 > size_bytes:
            break
        copies.append(copy)
        total += len(copy) + 1
        n += 1
    return b"\n".join(copies)


def build_epub(pages: int) -> bytes:
    """An EPUB book of about ``pages`` printed pages (2 kB of text each)."""
    from tests.support.documents import epub_bytes, sample_paragraphs

    title, paragraphs = sample_paragraphs()
    chapter = paragraphs * 6
    per_chapter = sum(len(p.encode("utf-8")) for p in chapter) / 2000  # pages a chapter
    return epub_bytes([(f"الفصل {n}", chapter) for n in range(1, max(1, round(pages / per_chapter)) + 1)], title=title)


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _laid_out(pane) -> bool:
    """All of the document is segmented and in the pane with its current text."""
    document = pane.model.document
    return document.segmented and pane.is_laid_out()


def run(path: str, scenario: str, limit_s: float, find: list[str] = (), interlinear: bool = False) -> dict:
    """Open ``path`` in a window for ``scenario``; the figures as the module docstring says."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["HF_HUB_OFFLINE"] = "1"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.settings import Settings
    from gui.translation_controller import ModelState, TranslationController
    from models.translation.cache import TranslationCache
    from tests.support.stall_probe import StallProbe

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp()
    settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", str(Path(tmp) / "no-model-here"))
    controller = TranslationController(settings, cache=TranslationCache(Path(tmp) / "cache.sqlite3"))
    window = MainWindow(settings, controller)
    window.resize(1200, 780)
    window.show()

    def wait(condition, timeout_s: float) -> bool:
        deadline = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > deadline:
                return False
            app.processEvents()
        return True

    service = window.hover_glossary.service  # start-up's own work (the lexicon) done before the file is opened
    wait(lambda: service.is_ready or bool(service.error), 120)
    if scenario == "missing at open":
        wait(lambda: controller.state is ModelState.MISSING, 60)
    else:  # hold the answer to the load back until the file is open
        controller.service.worker.modelFailed.disconnect(controller._on_model_failed)
    baseline = _maxrss_mb()
    panes = (window.arabic_pane, window.english_pane)
    result = {"scenario": scenario, "baseline_rss_mb": baseline, "cut_short": False}
    start = time.perf_counter()
    window.open_path(path)
    result["open_path_s"] = time.perf_counter() - start
    app.processEvents()  # the first paint
    window.repaint()
    result["first_screen_s"] = time.perf_counter() - start
    result["first_screen_sentences"] = len(window.on_screen())
    probe = StallProbe(interval_ms=5)
    probe.start()
    if scenario != "missing at open":
        controller._on_model_failed(controller.model_name, "no model here")
    if scenario == "model changes":
        wait(lambda: all(_laid_out(p) for p in panes), limit_s)
        controller.sentences.mark_pending()
        app.processEvents()
        controller.sentences.forget_translations()
        app.processEvents()
        controller.sentences.mark_unavailable()
    finished = wait(lambda: all(_laid_out(p) for p in panes), limit_s)
    result["cut_short"] = not finished
    result["laid_out_s"] = time.perf_counter() - start
    result["sentences"] = window.sentences.rowCount()
    app.processEvents()
    probe.stop()
    result["stall_ms"], result["stall_cpu_ms"] = probe.worst_ms, probe.worst_cpu_ms
    bar = window.arabic_pane.verticalScrollBar()
    probe.start()
    for step in range(41):
        bar.setValue(bar.maximum() * step // 40)
        wait(lambda: False, 0.02)  # let the event loop run between steps, as a reader's wheel does
    probe.stop()
    result["scroll_ms"], result["scroll_cpu_ms"] = probe.worst_ms, probe.worst_cpu_ms
    result["find"] = []
    for query in find:  # the find bar on the laid-out text: time to the count, the worst stall
        probe.start()
        started = time.perf_counter()
        window.find_bar.open()
        window.find_bar.query.setText(query)
        window.find_bar.search()
        wait(lambda: not window.find_bar.searching, limit_s)
        probe.stop()
        result["find"].append((query, window.find_bar.count_text(), time.perf_counter() - started,
                               probe.worst_ms, probe.worst_cpu_ms))
    result["interlinear"] = []
    if interlinear:  # switch to the interlinear mode, then change its font size (zoom)
        view = window.reading.modes.interlinear
        for step, change in (("switch", lambda: window.reading.modes.set_mode("interlinear")), ("zoom", lambda: window.zoom(+1))):
            probe.start()
            started = time.perf_counter()
            change()
            app.processEvents()
            shown = time.perf_counter() - started
            wait(view.is_laid_out, limit_s)
            probe.stop()
            result["interlinear"].append((step, shown, time.perf_counter() - started, probe.worst_ms, probe.worst_cpu_ms))
    result["peak_rss_mb"] = _maxrss_mb()
    window.translation.shutdown()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=19.0, help="size of the text file in MB (default 19)")
    parser.add_argument("--only", help="comma-separated scenarios (default: all): " + ", ".join(SCENARIOS))
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a scenario is cut short")
    parser.add_argument("--epub-pages", type=int, help="open an EPUB book of about this many pages instead")
    parser.add_argument("--find", action="append", default=[], metavar="QUERY",
                        help="once laid out, search QUERY with the find bar (repeatable)")
    parser.add_argument("--interlinear", action="store_true",
                        help="then switch to the interlinear mode and zoom in: time to show and lay out, worst stall")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)  # the child process: PATH SCENARIO
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run(args.one[0], args.one[1], args.limit, args.find, args.interlinear)))
        return 0
    wanted = [name.strip() for name in args.only.split(",")] if args.only else list(SCENARIOS)
    with tempfile.TemporaryDirectory() as tmp:
        if args.epub_pages:
            path = Path(tmp) / "book.epub"
            path.write_bytes(build_epub(args.epub_pages))
        else:
            path = Path(tmp) / "big.txt"
            path.write_bytes(build_text(int(args.mb * 1e6)))
        size_mb = path.stat().st_size / 1e6
        print(f"{'scenario':<16} {'size MB':>7} {'sentences':>9} {'open_path s':>11} {'first screen s':>14}"
              f" {'laid out s':>10} {'stall ms (CPU)':>14} {'scroll ms (CPU)':>15} {'peak RSS MB':>11} {'baseline MB':>11}")
        for scenario in wanted:
            try:
                child = subprocess.run([sys.executable, "-m", "benchmarks.bench_big_document", "--limit", str(args.limit),
                                        *(f"--find={query}" for query in args.find),
                                        *(["--interlinear"] if args.interlinear else []), "--one", str(path), scenario], capture_output=True, text=True, check=False,
                                       timeout=3 * args.limit)
            except subprocess.TimeoutExpired:  # stuck in one call on the GUI thread
                print(f"{scenario:<16} {size_mb:>7.1f}  froze: no answer after {3 * args.limit:.0f} s")
                continue
            if child.returncode:
                print(f"{scenario}: failed: {child.stderr.strip().splitlines()[-3:]}", file=sys.stderr)
                return 1
            r = json.loads(child.stdout.strip().splitlines()[-1])
            cut = f"  (cut short after {args.limit:.0f} s)" if r["cut_short"] else ""
            print(f"{scenario:<16} {size_mb:>7.1f} {r['sentences']:>9} {r['open_path_s']:>11.2f} {r['first_screen_s']:>14.2f}"
                  f" {r['laid_out_s']:>10.2f} {r['stall_ms']:>8.0f} ({r['stall_cpu_ms']:>3.0f}) {r['scroll_ms']:>9.0f} ({r['scroll_cpu_ms']:>3.0f})"
                  f" {r['peak_rss_mb']:>11.0f}"
                  f" {r['baseline_rss_mb']:>11.0f}{cut}")
            for step, shown, seconds, stall, cpu in r["interlinear"]:
                print(f"  interlinear {step}: shown after {shown:.2f} s, laid out after {seconds:.2f} s;"
                      f" worst stall {stall:.0f} ms (CPU {cpu:.0f} ms)")
            for query, said, seconds, stall, cpu in r["find"]:
                print(f"  find {query!r}: \"{said}\" after {seconds:.2f} s; worst stall {stall:.0f} ms (CPU {cpu:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
