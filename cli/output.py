"""The output file of a command: refused before any work when it cannot be written, and a write
error turned into one sentence with :attr:`cli.ExitCode.CANNOT_WRITE`."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cli import CommandError, ExitCode


def _either(suffixes: tuple[str, ...]) -> str:
    """``.json or .html``; ``.json, .html or .tsv``."""
    return " or ".join((", ".join(suffixes[:-1]), suffixes[-1])) if len(suffixes) > 1 else suffixes[0]


def checked_output(out: Path, formats: tuple[str, ...], inputs: tuple[str, ...] = ()) -> Path:
    """``out``, once it is not a folder nor one of the command's ``inputs`` (paths or URLs; else
    :class:`CommandError` with ``USAGE``: writing there would destroy the input), its extension
    is one of ``formats`` (else ``USAGE``) and its folder exists and may be written to (else
    ``CANNOT_WRITE``): checked before a command translates or aligns anything."""
    if out.is_dir():
        raise CommandError(ExitCode.USAGE, f"{out} is a folder: give a file name ending in {_either(formats)}.")
    for given in inputs:
        if out.exists() and Path(given).exists() and out.samefile(given):
            raise CommandError(ExitCode.USAGE, f"the output file {out} is the input {given}: writing it would "
                                               "replace the input. Choose another output name.")
    if out.suffix.lower() not in formats:
        raise CommandError(ExitCode.USAGE, f"the output file must end in {_either(formats)}, not {out.name!r}.")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise CommandError(ExitCode.CANNOT_WRITE, f"cannot write {out}: {folder} is not a writable folder.")
    return out


@contextmanager
def writing(out: Path) -> Iterator[None]:
    """Turn an :class:`OSError` raised inside the block into :class:`CommandError` with
    ``CANNOT_WRITE`` and the system's reason (``cannot write OUT: Permission denied.``)."""
    try:
        yield
    except OSError as exc:
        raise CommandError(ExitCode.CANNOT_WRITE, f"cannot write {out}: {exc.strerror or exc}.") from exc
