"""Worst stall of the window's event loop while "My glossary" imports a large CSV file, in ms.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_glossary_import [--rows N] [--runs R]

Loads the Arabic lexicon first, as the window does at start-up (the table's "How common" column
looks terms up in it). Writes a CSV file of ``N`` distinct terms (default 30,000: translation,
status and a note each) into a temporary folder, opens the "My glossary" dialog on an empty
glossary there, starts **Import CSV…** from the event loop and, until half a second after the
dialog reports the import done (the table's repaint), records the gap between the ticks of a
1 ms timer on the GUI thread: the longest gap is the longest time the window could not repaint
or answer a click. Prints, per run, the worst gap and how many were over 50 ms, the import's
wall-clock time, the dialog's message and the load average (the machine may be shared)."""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from tests.support.stall_probe import offscreen_app

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
#: How long the event loop is watched after the import reports done, in ms (the table's repaint).
AFTER_MS = 500


def write_csv(path: Path, rows: int, seed: int = 2016) -> None:
    """``rows`` distinct three-to-six-letter Arabic terms with a translation, status and note."""
    rng = random.Random(seed)
    seen: set[str] = set()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["term", "translation", "status", "note"])
        while len(seen) < rows:
            term = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 6)))
            if term in seen:
                continue
            seen.add(term)
            writer.writerow([term, f"gloss {len(seen)}", rng.choice(("new", "learning", "known")), "seen in the news"])


def measure(app, folder: Path, csv_path: Path, run: int) -> tuple[list[float], float, str]:
    """(gaps between timer ticks in ms, import wall-clock seconds, the dialog's message)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from gui.glossary_dialog import GlossaryDialog
    from models.glossary.store import TermStore

    store = TermStore(folder / f"glossary-{run}.sqlite3")
    dialog = GlossaryDialog(store)
    dialog.show()
    app.processEvents()
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    started: list[float] = []
    finished: list[float] = []
    # The table is repainted after the import reports done: keep measuring a while after.
    dialog.changed.connect(lambda: (finished.append(time.perf_counter()), QTimer.singleShot(AFTER_MS, loop.quit)))

    def start() -> None:
        started.append(time.perf_counter())
        dialog.import_csv(csv_path)

    heartbeat.start()
    QTimer.singleShot(20, start)
    QTimer.singleShot(600_000, loop.quit)  # give up after ten minutes
    loop.exec()
    heartbeat.stop()
    if not finished:
        finished.append(time.perf_counter())
    elapsed = finished[0] - started[0]
    message = dialog.message.text()
    dialog.close()
    dialog.deleteLater()
    app.processEvents()
    store.close()
    end = ticks[-1] if ticks and ticks[-1] > finished[0] else finished[0]
    during = [started[0]] + [t for t in ticks if started[0] <= t <= end] + [end]
    gaps = [(b - a) * 1000 for a, b in zip(during, during[1:])]
    return gaps, elapsed, message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000, help="terms in the CSV file")
    parser.add_argument("--runs", type=int, default=3, help="imports, each into a new glossary")
    args = parser.parse_args(argv)
    app = offscreen_app()
    from models.lexicon.index import shared_lexicon

    shared_lexicon()  # loaded as the window loads it at start-up, before the glossary's table needs it
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv_path = folder / "terms.csv"
        write_csv(csv_path, args.rows)
        for run in range(args.runs):
            gaps, elapsed, message = measure(app, folder, csv_path, run)
            slow = sum(1 for gap in gaps if gap > 50)
            print(f"run {run + 1}: {args.rows} rows imported in {elapsed:.2f} s; worst event-loop stall"
                  f" {max(gaps):.0f} ms, {slow} of {len(gaps)} gaps over 50 ms; \"{message}\";"
                  f" load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
