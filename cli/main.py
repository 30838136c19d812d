"""Starting Qari from the command line: the window, or a headless command.

    qari [FILE] [--model ID_OR_FOLDER] [--draft DRAFT]       open the window (also: python main.py)
    qari export FILE -o OUT.{json,html,tsv} [--model M]      translate without a window
    qari check SOURCE DRAFT -o REPORT.{json,html,xlf,tmx}    check a draft against its source
    qari gloss WORD [WORD ...] [--context TRANSLATION]       look words up in the lexicon
    qari links SOURCE TRANSLATION -o OUT.json [--model M]    word links, one sentence per line
    qari-cli COMMAND ...                                     the commands only, never a window

``qari`` is installed as a GUI program (no console window on Windows), ``qari-cli`` as a console
program: use it for the commands on Windows and in scripts.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from cli import CommandError, ExitCode
from models.errors import DocumentError, DraftTooLong, LexiconDataError, ModelUnavailable, QariError

#: Headless commands: name -> module with ``add_arguments(parser)`` and ``run(args) -> ExitCode``
#: (``args.prog`` is the command's name for messages, e.g. ``qari export``).
COMMANDS: dict[str, str] = {
    "export": "cli.export",
    "check": "cli.check",
    "gloss": "cli.gloss",
    "links": "cli.links",
}

#: The exit status for each kind of core error a command lets through; the first match counts,
#: and any other :class:`QariError` is bad input.
ERROR_CODES: tuple[tuple[type[QariError], ExitCode], ...] = (
    (LexiconDataError, ExitCode.UNAVAILABLE),
    (ModelUnavailable, ExitCode.UNAVAILABLE),
    (DocumentError, ExitCode.BAD_INPUT),
    (DraftTooLong, ExitCode.BAD_INPUT),
)


def exit_code_for(error: QariError) -> ExitCode:
    """The exit status of a command that stopped on ``error`` (see :data:`ERROR_CODES`)."""
    return next((code for kind, code in ERROR_CODES if isinstance(error, kind)), ExitCode.BAD_INPUT)


def program_name() -> str:
    """The name the user started Qari by, for usage lines and messages: ``qari``, ``qari-cli``
    or ``main.py`` (argparse's own default)."""
    return os.path.basename(sys.argv[0]) or "qari"


def run_command(name: str, argv: list[str], prog: str) -> ExitCode:
    """Run the headless command ``name`` (a key of :data:`COMMANDS`) with its arguments ``argv``.
    A failure is one line ``PROG NAME: error: SENTENCE`` on stderr, never a traceback; argparse
    exits with ``USAGE`` (2) on a malformed command line."""
    module = importlib.import_module(COMMANDS[name])
    parser = argparse.ArgumentParser(prog=f"{prog} {name}", description=module.__doc__.splitlines()[0])
    module.add_arguments(parser)
    parser.set_defaults(prog=parser.prog)
    args = parser.parse_args(argv)
    from models.documents import quiet_parser_logs

    quiet_parser_logs()
    try:
        return module.run(args)
    except CommandError as exc:
        code, message = exc.code, str(exc)
    except QariError as exc:
        code, message = exit_code_for(exc), str(exc)
    except BrokenPipeError:  # the reader of the output stopped early ("qari gloss ... | head -1")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so that the exit flush is quiet
        return ExitCode.OK
    print(f"{parser.prog}: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """``qari`` and ``python main.py``: the headless command the first argument names, else the
    window (:func:`gui.app.run_app`). Returns the exit status (:class:`cli.ExitCode`)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:], program_name())
    try:
        from gui.app import run_app  # Qt is imported only for the window
    except KeyboardInterrupt:  # Ctrl+C while Qt loads: no window yet, nothing to close
        return 130  # 128 + SIGINT, as a shell reports it; from there on run_app handles Ctrl+C
    return run_app(argv, prog=program_name())


def main_cli(argv: list[str] | None = None) -> int:
    """``qari-cli``: the headless commands only; without one, a usage error (never a window)."""
    argv = sys.argv[1:] if argv is None else argv
    prog = program_name()
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:], prog)
    parser = argparse.ArgumentParser(
        prog=prog, usage=f"%(prog)s [-h] {{{','.join(COMMANDS)}}} ...", description="Qari's commands without a window.",
        epilog=f"'{prog} COMMAND --help' describes each command; 'qari' opens the window.")
    parser.add_argument("command", choices=list(COMMANDS), help="export: translate an article to JSON, HTML or "
                        "TSV; check: check an English draft against its Arabic source; gloss: look words up; "
                        "links: word links between sentences and their translations")
    parser.parse_args(argv[:1])  # --help, or a usage error: no command, or one that is not a command
    return ExitCode.USAGE
