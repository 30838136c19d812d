"""The window's worst stall while View > Show vowels vocalizes an article.

    python -m benchmarks.bench_show_vowels [ARTICLE ...]

For the bundled sample article and the longest news article of ``../shared/data/news_ar`` (or the
files given), in a reader window without a translation model: the time from turning Show vowels
on until the vowels are shown, and the longest gap between ticks of a 10 ms QTimer probe on the
GUI thread meanwhile (the worst stall the reader feels; goal: at most 50 ms). The model runs in a
process of its own, as in the window (``--in-process``: in a thread of the window's process). ``cold``: a fresh
vocalization cache and the model loaded for the first time in the process; ``warm``: the article
turned off and on again with its vocalization cached; ``off``: turning the vowels off again.
First prints the stalls of the idle window (the machine's load alone), then one row per article and run.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from tests.support.stall_probe import StallProbe, idle_probe, offscreen_app, wait_until


def measure(window, app, shown: bool) -> tuple[float, str]:
    """Turn the vowels ``shown``; (seconds until the pane changed, the worst GUI stall as :meth:`StallProbe.summary` says it)."""
    probe = StallProbe()
    start = probe.start()
    window.vowels.action.trigger()
    pane = window.arabic_pane
    wait_until(lambda: (pane.vocalized is not None) == shown and not pane.vowels_pending, 600)
    done = time.perf_counter()
    app.processEvents()  # the paint after the change
    probe.stop()
    return done - start, probe.summary()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", metavar="ARTICLE", help="articles to vocalize (default: the sample and the longest news article)")
    parser.add_argument("--in-process", action="store_true",
                        help="run the model in a thread of the window's process (as before), not in its own process")
    args = parser.parse_args(argv)
    argv = args.articles
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow
    from gui.sentence_model import State
    from gui.settings import Settings
    from gui.translation_controller import ModelState
    from models.documents import load_document, sample_path
    from models.text.vocalization import Diacritizer
    from tests.support.corpus import shared_dir

    articles = [Path(a) for a in argv] or [sample_path()]
    if not argv:
        news = shared_dir() / "data" / "news_ar"
        if news.is_dir():
            articles.append(max(news.glob("*.txt"), key=lambda p: p.stat().st_size))
    app = offscreen_app()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        settings.set("model", str(Path(tmp) / "no-model"))  # the window reads without translating
        window = MainWindow(settings)
        window.resize(1000, 700)
        window.show()
        window.vowels.diacritizer = Diacritizer(Path(tmp) / "vocalizations.sqlite3", separate_process=not args.in_process)
        wait_until(lambda: window.translation.state is ModelState.MISSING, 600)
        print(f"idle window, 1 s (the machine's own stalls): {idle_probe().summary()}")
        first = True
        for path in articles:
            doc = load_document(path)
            window.open_document(doc)
            wait_until(lambda: window.sentences.count(State.PENDING) == 0, 600)  # the untranslated article shown
            for run in ("cold (model loaded)" if first else "cold", "off", "warm", "off", "warm"):
                seconds, stall = measure(window, app, run != "off")
                print(f"{path.name}: {len(doc.text):,} characters, {run}: vowels {'hidden' if run == 'off' else 'shown'}"
                      f" after {seconds * 1000:.0f} ms; {stall}")
            measure(window, app, False)
            first = False
        window.close()
        app.processEvents()
        window.vowels.diacritizer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
