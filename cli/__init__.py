"""The headless commands (``export``, ``check``, ``gloss``, ``links``): the only code that prints or exits.

Each command is a module with ``add_arguments(parser)`` and ``run(args) -> ExitCode``; it reports
a failure by raising :class:`CommandError` (or letting a :class:`models.errors.QariError`
through), and :mod:`cli.main` turns that into one line on stderr and the exit status.
"""
from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Exit status of ``qari``, ``qari-cli`` and ``python main.py``, the same for the same kind
    of failure whatever the command. Status 1 is left to Python (an uncaught exception: a bug)."""

    OK = 0
    #: The command line is wrong: an unknown option or a missing argument (argparse's own status),
    #: or an argument value no command could use (an output extension, ``--beams 0``).
    USAGE = 2
    #: An input file is missing, unreadable, or not what the command needs (a folder, a binary
    #: file, a glossary line without a tab, a draft that cannot be a translation of its source).
    BAD_INPUT = 3
    #: Something the command needs cannot be used: the Arabic lexicon (``gloss``), a display or
    #: Qt platform plugin (the window).
    UNAVAILABLE = 4
    #: The output file cannot be written.
    CANNOT_WRITE = 5


class CommandError(Exception):
    """A command cannot go on. ``str(error)`` is one sentence for the user; ``code`` is the exit
    status."""

    def __init__(self, code: ExitCode, message: str) -> None:
        super().__init__(message)
        self.code = code
