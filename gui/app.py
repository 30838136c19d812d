"""Starting the window: command line, application object, fonts, stylesheet."""
from __future__ import annotations

import argparse
import signal
import logging
import os
import sys
import time
from importlib import resources

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from gui.settings import Settings
from models.documents import sample_path
from models.translation.settings import BACKENDS

log = logging.getLogger(__name__)

#: Used when the Amiri font package is missing or cannot be loaded.
ARABIC_FALLBACK_FAMILIES = ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Arial")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Read an Arabic article beside its offline English translation.",
        epilog="commands without a window: 'main.py export FILE -o OUT' (translate to JSON, HTML or TSV), "
        "'main.py gloss WORD ...' (look words up), 'main.py check SOURCE DRAFT -o REPORT' (check a draft); "
        "'main.py COMMAND --help' for each. To open a file named like a command, write ./export.",
    )
    parser.add_argument("file", nargs="?", help="UTF-8 text file to open (default: the bundled sample article)")
    parser.add_argument("--verbose", action="store_true", help="log what the app does (model loading, timings) on stderr")
    parser.add_argument("--model", help="MarianMT model: Hugging Face id or local folder (remembered)")
    parser.add_argument("--draft", help="English translation of FILE to check in translator mode")
    parser.add_argument("--backend", choices=BACKENDS, help="translation backend (remembered; default auto: CTranslate2 when installed)")
    return parser.parse_args(argv)


def load_arabic_font() -> str | None:
    """Register the Amiri font shipped by the ``fontpkg-amiri`` package; returns its family, or
    the first installed fallback family, or None."""
    try:
        import fontpkg

        for style in ("normal", "italic"):
            for weight in (400, 700):
                font_id = QFontDatabase.addApplicationFont(str(fontpkg.path("Amiri", weight=weight, style=style)))
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            return families[0]
    except Exception as exc:  # the font is a nicety; the system fonts still shape Arabic
        log.info("Amiri font not available: %s", exc)
    installed = set(QFontDatabase.families())
    return next((f for f in ARABIC_FALLBACK_FAMILIES if f in installed), None)


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("qari")
    app.setApplicationName("qari")
    app.setApplicationDisplayName("Qari")
    app.setStyleSheet((resources.files("resources") / "style.qss").read_text(encoding="utf-8"))
    return app


#: Start-up measurement hook: when this variable is set, the app prints
#: ``qari: window shown after S s`` (seconds since ``run_app`` was called; add the interpreter's
#: own start-up for the total) once the window and the article are shown, and quits.
QUIT_AFTER_SHOW = "QARI_QUIT_AFTER_SHOW"


def run_app(argv: list[str]) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = create_app()
    settings = Settings()
    if args.model:
        settings.set("model", args.model)
    if args.backend:
        settings.set("backend", args.backend)
    window = MainWindow(settings, arabic_family=load_arabic_font())
    window.show()
    if not window.open_path(args.file or sample_path()) and args.file:
        window.open_path(sample_path())
    if os.environ.get(QUIT_AFTER_SHOW):
        def report() -> None:
            print(f"qari: window shown after {time.perf_counter() - started:.3f} s", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)  # after the first paint events of the shown window
    if args.draft:
        window.open_translation(args.draft)
    # Ctrl+C in the terminal closes the window as its close button does (threads stopped, settings
    # kept); the timer gives the interpreter a moment to run the handler while Qt waits for events.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(250)
    status = app.exec()
    if window.service.thread.isRunning() or window.tasks.active:
        # Busy in what cannot be cut short (a model load, a CTranslate2 beam search, a lexicon
        # compile): everything done is stored, and destroying a running QThread would abort the
        # process (a QThreadPool's would wait for it), so leave now.
        log.warning("quitting while the %s is still busy",
                    "translation thread" if window.service.thread.isRunning() else "background task runner")
        settings.store.sync()
        logging.shutdown()
        sys.stdout.flush()
        os._exit(status)
    return status
