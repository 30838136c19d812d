"""How long the window's event loop stalls on a first start, while the model loads and the lexicon compiles.

    python -m benchmarks.bench_startup [--runs 3] [--model FOLDER] [--probe-ms 5] [--json OUT]

Run from the checkout root. Each run starts the reader window (offscreen) in a fresh Python
process with an empty ``QARI_CACHE_DIR``, as on a first start: the Buckwalter lexicon index is
compiled, the model is converted for CTranslate2 (with the default backend) and loaded, and the
bundled sample article is open (it is translated as soon as the model is ready). A QTimer on the
GUI thread ticks every ``--probe-ms`` ms from the moment the article is shown; the longest gap
between two ticks is the worst stall a user would feel (a click or a repaint waits that long).
Each run prints the worst stall until the model is ready and until both the model and the lexicon
are ready, the five longest gaps with the GUI thread's own CPU time in each (``time.thread_time``:
the window's own work) and the time it waited for a core (Linux; the rest of a gap it slept, for
the next tick or for a lock such as the interpreter lock), and the seconds until the model and the lexicon are ready.

The model is the opus-mt-ar-en-shaped random model of :mod:`benchmarks.bench_translate` (built
once, about 30 s), or ``--model FOLDER``. Timings on a shared machine are noisy: an unrelated
process can take a core for tens of milliseconds, so compare several runs.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def measure(model: str, probe_ms: int, timeout_s: float) -> dict:
    """In this process (which must not have imported torch or the lexicon yet): open the window on
    ``model`` with the sample article, tick a ``probe_ms`` QTimer until the model and the lexicon
    are ready; returns the figures (milliseconds and seconds)."""
    from PySide6.QtCore import QEventLoop, QSettings

    from gui.main_window import MainWindow
    from gui.settings import Settings
    from models.documents import sample_path
    from tests.support.stall_probe import Gap, StallProbe, offscreen_app

    offscreen_app()
    folder = tempfile.mkdtemp(prefix="qari-bench-settings-")
    settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
    settings.set("model", model)
    started = time.perf_counter()
    window = MainWindow(settings)
    window.resize(1000, 700)
    window.show()
    window.open_path(sample_path())
    probe = StallProbe(probe_ms)
    shown = probe.start()
    ready: dict[str, float] = {}
    loop = QEventLoop()

    def check() -> None:
        now = probe.ticks[-1]
        state = window.translation.state.value
        if "model" not in ready and state in ("ready", "missing"):
            ready["model"] = now
            ready["model_state"] = state
        if "lexicon" not in ready and (window.hover_glossary.service.is_ready or window.hover_glossary.service.error):
            ready["lexicon"] = now
        if ("model" in ready and "lexicon" in ready) or now - shown > timeout_s:
            loop.quit()

    probe.timer.timeout.connect(check)
    loop.exec()
    probe.stop()
    if "model" not in ready or "lexicon" not in ready:
        raise TimeoutError(f"not ready after {timeout_s} s: {sorted(ready)}")
    if ready["model_state"] != "ready":
        raise RuntimeError(f"the window could not load the model {model}")

    def until(moment: float) -> list[tuple[Gap, float]]:
        """The gaps that ended by ``moment``, each with the seconds after the window was shown
        when it began."""
        return [(gap, began - shown) for gap, began, ended in zip(probe.gaps(), probe.ticks, probe.ticks[1:])
                if ended <= moment]

    both = until(max(ready["model"], ready["lexicon"]))
    slowest = sorted(both, key=lambda gap: gap[0].wall, reverse=True)[:5]
    figures = {
        "window_shown_s": round(shown - started, 3),
        "model_ready_s": round(ready["model"] - shown, 3),
        "lexicon_ready_s": round(ready["lexicon"] - shown, 3),
        "worst_stall_until_model_ms": round(max(gap.wall for gap, _ in until(ready["model"])), 1),
        "worst_stall_ms": round(slowest[0][0].wall, 1),
        "worst_gui_cpu_ms": round(max(gap.cpu for gap, _ in both), 1),
        "slowest_gaps_ms": [round(gap.wall, 1) for gap, _ in slowest],
        "slowest_gaps_gui_cpu_ms": [round(gap.cpu, 1) for gap, _ in slowest],
        "slowest_gaps_runnable_ms": [round(gap.runnable, 1) for gap, _ in slowest],
        "slowest_gaps_at_s": [round(at, 2) for _, at in slowest],
        "ticks": len(probe.ticks),
    }
    window.translation.service.stop()
    return figures


def run_once(model: Path, probe_ms: int, timeout_s: float) -> dict:
    """One first start in a fresh interpreter with empty cache, data and config folders."""
    with tempfile.TemporaryDirectory(prefix="qari-first-start-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HF_HUB_OFFLINE="1", XDG_CONFIG_HOME=tmp,
                   QARI_CACHE_DIR=str(Path(tmp) / "cache"), QARI_DATA_DIR=str(Path(tmp) / "data"))
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_startup", "--measure", str(model),
                              "--probe-ms", str(probe_ms), "--timeout", str(timeout_s)],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout_s + 120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"the measuring process failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_startup", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="first starts to measure (default %(default)s)")
    parser.add_argument("--model", help="MarianMT model folder (default: the opus-shaped benchmark model)")
    parser.add_argument("--probe-ms", type=int, default=5, help="interval of the GUI-thread probe timer (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=600, help="give up a run after this many seconds")
    parser.add_argument("--json", metavar="OUT", help="also write the figures to OUT as JSON")
    parser.add_argument("--measure", metavar="MODEL", help=argparse.SUPPRESS)  # the measuring child process
    args = parser.parse_args(argv)
    if args.runs < 1 or args.probe_ms < 1:
        parser.error("--runs and --probe-ms must be at least 1")
    if args.measure:
        figures = measure(args.measure, args.probe_ms, args.timeout)
        print(json.dumps(figures), flush=True)
        os._exit(0)  # do not wait for the translation of the article to end

    if args.model:
        model = Path(args.model)
    else:
        from tests.support.bench_model import benchmark_model

        model = benchmark_model()
    print(f"first start (empty QARI_CACHE_DIR) on {model.name}, sample article open, probe every {args.probe_ms} ms; "
          f"{os.cpu_count()} CPUs")
    runs = []
    for n in range(args.runs):
        figures = run_once(model, args.probe_ms, args.timeout)
        runs.append(figures)
        print(f"run {n + 1}: model ready {figures['model_ready_s']:.2f} s, lexicon ready {figures['lexicon_ready_s']:.2f} s "
              f"after the window was shown; worst stall {figures['worst_stall_until_model_ms']:.0f} ms until the model "
              f"was ready, {figures['worst_stall_ms']:.0f} ms until both were (most GUI-thread CPU in one gap "
              f"{figures['worst_gui_cpu_ms']:.0f} ms); slowest gaps (wall ms, GUI-thread CPU ms, ms waiting "
              f"for a core, at s) {list(zip(*(figures[f'slowest_gaps_{k}'] for k in ('ms', 'gui_cpu_ms', 'runnable_ms', 'at_s'))))}",
              flush=True)
    worst = max(r["worst_stall_ms"] for r in runs)
    median = statistics.median(r["worst_stall_ms"] for r in runs)
    worst_cpu = max(r["worst_gui_cpu_ms"] for r in runs)
    model_s = statistics.median(r["model_ready_s"] for r in runs)
    print(f"worst event-loop stall over {len(runs)} first starts: {worst:.0f} ms (median of the runs {median:.0f} ms); "
          f"model ready after {model_s:.2f} s (median); most GUI-thread CPU in one gap {worst_cpu:.0f} ms")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": runs, "worst_stall_ms": worst, "median_stall_ms": median,
                                               "model_ready_s": model_s, "worst_gui_cpu_ms": worst_cpu}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
