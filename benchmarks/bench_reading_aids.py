"""Cost on the GUI thread of the reading aids, in milliseconds, and screenshots of both reading
modes.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_reading_aids [--copies N] [--screenshots DIR]

Opens the sample article repeated ``--copies`` times (no translation model: translations are set
directly), then prints the median time of lining up the paragraphs after one translation
changed (:class:`gui.pane_alignment.ParagraphAligner`), of counting the word-status breakdown
(:class:`gui.learner_progress.LearnerProgress`), of building the interlinear view and of
showing one arriving translation in it. With ``--screenshots``, writes ``side_by_side.png``
and ``interlinear.png`` there (self-test on, one sentence revealed) to be looked at."""
from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def _median_ms(action, repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="times the sample article is repeated")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each measurement")
    parser.add_argument("--screenshots", type=Path, help="folder to write the PNGs to")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # no model is needed: nothing is downloaded

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.settings import Settings
    from models.documents import Document, sample_path

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)))
        window.show()
        text = sample_path().read_text(encoding="utf-8")
        window.open_document(Document.from_text("\n\n".join([text] * args.copies)))
        app.processEvents()
        reading, model = window.reading, window.sentences
        count = len(model.document.sentences)
        print(f"{count} sentences, {window.arabic_pane.document().blockCount()} paragraphs")

        def translate_and_align(i: int) -> None:
            model.set_translation(i % count, f"A translation of sentence {i}, " * (1 + i % 7), True)
            reading.aligner.align()

        print(f"line up the paragraphs after one translation: {_median_ms(translate_and_align, args.repeat):.2f} ms")
        print(f"count the word-status breakdown: {_median_ms(lambda _i: reading.progress.refresh(), args.repeat):.2f} ms")
        view = reading.modes.interlinear
        print(f"build the interlinear view: {_median_ms(lambda _i: view.rebuild(), args.repeat):.2f} ms")
        print(f"show one translation in it: {_median_ms(lambda i: view.refresh(i % count, i % count), args.repeat):.2f} ms")
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            reading.go_to(3)
            app.processEvents()
            window.grab().save(str(args.screenshots / "side_by_side.png"))
            reading.modes.set_mode("interlinear")
            reading.set_self_test(True)
            reading.reveal(3)
            app.processEvents()
            window.grab().save(str(args.screenshots / "interlinear.png"))
            print(f"screenshots in {args.screenshots}")
        window.close()
        window.deleteLater()
    print(f"load average during the run: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
