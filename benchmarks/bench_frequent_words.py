"""The window's worst stall while it marks the common words not yet known (the ``mark_frequent`` setting).

    python -m benchmarks.bench_frequent_words [ARTICLE ...]

For the bundled sample article and the longest news article of ``../shared/data/news_ar`` (or the
files given), in a reader window without a translation model and with an empty glossary, once the
lexicon is loaded: the time from choosing the setting until the marks are painted, and the
longest gap between ticks of a 10 ms QTimer probe on the GUI thread meanwhile (goal: at most
50 ms). ``first``: the bands of the article's words looked up (in the background) and painted;
then ``top 1,000`` and ``top 12,000`` again (painted again from the bands kept), a word saved
as known, and ``off``. First prints the stalls of the idle window (the machine's load alone), then one row per article and step, with the number of words marked.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from tests.support.stall_probe import StallProbe, idle_probe, wait_until


def measure(window, app, change) -> tuple[float, str]:
    """Make ``change()``; (seconds until the marks were painted, the worst GUI stall as :meth:`StallProbe.summary` says it)."""
    marks = window.frequent_words
    painted = []
    marks.marked.connect(lambda: painted.append(True))
    probe = StallProbe()
    start = probe.start()
    change()
    wait_until(lambda: painted and not marks.painting, 600)
    done = time.perf_counter()
    app.processEvents()  # the paint after the change
    probe.stop()
    marks.marked.disconnect()
    return done - start, probe.summary()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", metavar="ARTICLE",
                        help="articles to mark (default: the sample and the longest news article)")
    argv = parser.parse_args(argv).articles
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QARI_DATA_DIR"] = tmp  # an empty glossary; the lexicon's cache stays the user's
        from gui.main_window import MainWindow
        from gui.sentence_model import State
        from gui.settings import Settings
        from gui.translation_controller import ModelState
        from models.documents import load_document, sample_path
        from models.glossary.store import Term
        from tests.support.corpus import news_dir

        articles = [Path(a) for a in argv] or [sample_path()]
        if not argv and news_dir() is not None:
            articles.append(max(news_dir().glob("*.txt"), key=lambda p: p.stat().st_size))
        app = QApplication.instance() or QApplication([sys.argv[0]])
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        settings.set("model", str(Path(tmp) / "no-model"))  # the window reads without translating
        window = MainWindow(settings)
        window.resize(1000, 700)
        window.show()
        wait_until(lambda: window.translation.state is ModelState.MISSING and window.hover_glossary.service.is_ready, 600)
        print(f"idle window, 1 s (the machine's own stalls): {idle_probe().summary()}")
        glossary = window.hover_glossary

        def known(word):
            window.term_store.add(Term(word, status="known"))
            glossary.termsChanged.emit()

        for path in articles:
            doc = load_document(path)
            window.open_document(doc)
            wait_until(lambda: window.sentences.count(State.PENDING) == 0, 600)  # the untranslated article shown
            steps = [("first", lambda: settings.set("mark_frequent", "top 12,000")),
                     ("top 1,000", lambda: settings.set("mark_frequent", "top 1,000")),
                     ("top 12,000", lambda: settings.set("mark_frequent", "top 12,000")),
                     ("a word saved as known", lambda: known(doc.text[slice(*window.frequent_words.spans[0])])),
                     ("off", lambda: settings.set("mark_frequent", "off"))]
            for name, change in steps:
                seconds, stall = measure(window, app, change)
                print(f"{path.name}: {len(doc.text):,} characters, {name}: {len(window.frequent_words.spans)} words "
                      f"marked after {seconds * 1000:.0f} ms; {stall}")
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
