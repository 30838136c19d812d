"""Starting the window: command line, application object, fonts, stylesheet."""
from __future__ import annotations

import argparse
import signal
import logging
import os
import sys
import time
from importlib import resources

from PySide6.QtCore import QSettings, QTimer

from cli import ExitCode
from gui.qt_platform import missing_display, platform_guard
from gui.settings import Settings
from models.documents import quiet_parser_logs
from models.translation.settings import BACKENDS, resolve_backend

# The window's own modules (QtWidgets, the main window and all it uses) are imported in
# run_app after start_worker_early, so that the worker's engine imports meanwhile.

log = logging.getLogger(__name__)

#: The organization and application name of the settings store (QSettings) and the application.
APP_NAME = "qari"

#: Used when the Amiri font package is missing or cannot be loaded.
ARABIC_FALLBACK_FAMILIES = ("Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", "Arial")


def parse_args(argv: list[str], prog: str = "qari") -> argparse.Namespace:
    """The window's command line (``prog`` names the program in the usage line)."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Read an Arabic article beside its offline English translation.",
        epilog="commands without a window: '%(prog)s export FILE -o OUT' (translate to JSON, HTML or TSV), "
        "'%(prog)s gloss WORD ...' (look words up), '%(prog)s check SOURCE DRAFT -o REPORT' (check a draft), "
        "'%(prog)s links SOURCE TRANSLATION -o OUT' (word links); "
        "'%(prog)s COMMAND --help' for each. To open a file named like a command, write ./export.",
    )
    parser.add_argument("file", nargs="?", help="article to open: a text, web page, EPUB, Word or PDF file, or an http(s) URL "
                        "(default: the bundled sample article)")
    parser.add_argument("--verbose", action="store_true", help="log what the app does (model loading, timings) on stderr")
    parser.add_argument("--model", help="MarianMT model: Hugging Face id or local folder (remembered)")
    parser.add_argument("--draft", help="English translation of FILE to check in translator mode")
    parser.add_argument("--backend", choices=BACKENDS, help="translation backend (remembered; default auto: CTranslate2 when installed)")
    # Start-up measurement (benchmarks/bench_translate.py, gui/startup_report.py): print when the
    # window and the article are shown ("qari: window shown after S s", seconds since run_app was
    # called), or also when the model is ready and the first translation is on screen, and quit.
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after-first-translation", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def load_arabic_font() -> str | None:
    """Register the Amiri font shipped by the ``fontpkg-amiri`` package; returns its family, or
    the first installed fallback family, or None."""
    from PySide6.QtGui import QFontDatabase

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


#: Exit status after a Ctrl+C that came before the window (128 + SIGINT, as a shell reports it).
INTERRUPTED = 128 + signal.SIGINT


class TerminalInterrupt:
    """Handles SIGINT (Ctrl+C in the terminal) from its creation on: :attr:`pending` once one
    came; after :meth:`attach`, the window is closed (at once, or on the event loop's first turn
    when the Ctrl+C came while it was being built)."""

    def __init__(self) -> None:
        self.pending = False
        self.window = None
        signal.signal(signal.SIGINT, self._on_interrupt)

    def attach(self, window) -> None:
        self.window = window
        if self.pending:
            QTimer.singleShot(0, window.close)

    def _on_interrupt(self, *_) -> None:
        self.pending = True
        if self.window is not None:
            QTimer.singleShot(0, self.window.close)  # not in the middle of whatever Python was running


def create_app(argv: list[str] | None = None):
    """The application object (the existing ``QApplication``, if any) with Qari's names, icon and
    stylesheet."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from gui.colors import stylesheet

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Qari")
    app.setDesktopFileName("qari")  # resources/qari.desktop: the window's icon and name on Wayland
    app.setWindowIcon(QIcon(str(resources.files("resources") / "icons" / "qari.svg")))
    app.setStyleSheet(stylesheet())
    return app


def start_worker_early(model: str, backend: str) -> None:
    """Start the translation worker's fork server (:func:`gui.worker_process.warm_up`) when
    ``model`` (hub id or folder) is on this computer, so that it imports the engine while this
    process imports and builds the window (on a cold start the first translation comes that much
    sooner: ``python -m benchmarks.bench_translate``). For a missing model nothing starts: the
    window says it is missing, and no engine is imported for nothing. For a torch ``backend``
    (a setting: "auto" is torch without CTranslate2) the fork server imports torch as well."""
    from gui.worker_process import warm_up
    from models.errors import ModelUnavailable
    from models.translation.model_files import find_model

    try:
        find_model(model)
    except ModelUnavailable:
        return
    warm_up(torch=resolve_backend(backend if backend in BACKENDS else "auto") != "ctranslate2")


def run_app(argv: list[str], prog: str = "qari") -> int:
    """Open the window for the command line ``argv`` (:func:`parse_args`) and run until it is
    closed; returns the exit status. Without a display or a usable Qt platform plugin: one line on
    stderr and :attr:`cli.ExitCode.UNAVAILABLE`, instead of Qt's abort."""
    started = time.perf_counter()
    # Ctrl+C in the terminal closes the window as its close button does (threads stopped, settings
    # kept), whenever it comes: the handler is in place before any set-up, and a Ctrl+C during the
    # set-up closes the window as soon as it is built.
    interrupt = TerminalInterrupt()
    args = parse_args(argv, prog)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        quiet_parser_logs()
    problem = missing_display()
    if problem:
        print(f"{prog}: {problem}", file=sys.stderr)
        return ExitCode.UNAVAILABLE
    settings = Settings(QSettings(APP_NAME, APP_NAME))  # the same store as QSettings() once the app is named
    if args.model:
        settings.set("model", args.model)
    if args.backend:
        settings.set("backend", args.backend)
    start_worker_early(settings.get("model"), settings.get("backend"))
    with platform_guard(prog, ExitCode.UNAVAILABLE):
        app = create_app()
    if interrupt.pending:
        return INTERRUPTED
    from gui.main_window import MainWindow
    from models.documents import sample_path

    window = MainWindow(settings, arabic_family=load_arabic_font())
    interrupt.attach(window)
    window.show()
    if args.file:
        opened = window.opener.open_source(args.file)
    else:
        opened = window.session.restore(window.open_path)  # where the reader left off
    if not opened:
        window.open_path(sample_path())
    if args.quit_after_show or args.quit_after_first_translation:
        from gui.startup_report import StartupReport

        StartupReport(window, started, "window shown" if args.quit_after_show else "first translation shown",
                      finish=lambda: (window.close(), app.quit()))
    if args.draft:
        window.open_translation(args.draft)
    # The timer gives the interpreter a moment to run the SIGINT handler while Qt waits for events.
    tick = QTimer(window)
    tick.timeout.connect(lambda: None)
    tick.start(250)
    status = app.exec()
    if window.translation.service.thread.isRunning() or window.tasks.active:
        # Busy in what cannot be cut short (a worker process still starting, a lexicon compile):
        # everything done is stored, and destroying a running QThread would abort the process
        # (a QThreadPool's would wait for it), so leave now.
        log.warning("quitting while the %s is still busy",
                    "translation thread" if window.translation.service.thread.isRunning() else "background task runner")
        settings.store.sync()
        logging.shutdown()
        sys.stdout.flush()
        os._exit(status)
    return status
