"""What every document format shares: the :class:`Format` a reader registers, the
:class:`Extracted` text it gives, the size limits, and the safe opening of zip packages
(EPUB, DOCX)."""
from __future__ import annotations

import io
import zlib
import re
import zipfile
from dataclasses import dataclass, field
from typing import Callable

from models.errors import DocumentError

#: Largest file opened, in bytes. A news article is a few kB; 20 MB of text is a long book.
MAX_BYTES = 20 * 1024 * 1024
#: Largest EPUB, DOCX or PDF file, in bytes (their pictures and fonts make them larger than their text).
MAX_PACKAGE_BYTES = 100 * 1024 * 1024
#: Largest total of the unpacked members of a zip package (EPUB, DOCX) read, in bytes: a limit
#: against a "zip bomb", a small file that unpacks to gigabytes.
MAX_UNPACKED_BYTES = 400 * 1024 * 1024

_SPACES_RE = re.compile(r"\s+")


@dataclass
class Extracted:
    """The article a format reader found in a file.

    ``text``: paragraphs, one a line, separated by blank lines (no ``\\r``); ``chapters``:
    ``(title, offset)`` with ``offset`` the character offset in ``text`` where the chapter starts,
    in reading order (EPUB); ``notes``: sentences about problems met while reading, for the user."""

    text: str
    chapters: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


#: ``read(data, name, charset)`` -> :class:`Extracted`; ``name`` names the file in messages,
#: ``charset`` is an encoding declared outside the file (an HTTP header), or None.
Reader = Callable[[bytes, str, "str | None"], Extracted]


@dataclass(frozen=True)
class Format:
    """One kind of document Qari opens. ``description`` completes "... is not a valid ..." and
    "open ..." ("EPUB e-book"); ``extensions`` are lower case with the dot; ``media_types`` are
    the MIME types a web server sends for it; ``signature`` tells the format from a file's first
    bytes (None: any); ``max_bytes`` is the largest file read."""

    description: str
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]
    read: Reader
    signature: Callable[[bytes], bool] | None = None
    max_bytes: int = MAX_BYTES


class ParagraphText:
    """Builds an :attr:`Extracted.text` paragraph by paragraph, white space inside each paragraph
    collapsed to single spaces (a line break would end a sentence), empty paragraphs skipped."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    def add(self, paragraph: str) -> int | None:
        """Append ``paragraph``; returns its offset in the text, or None when it was blank."""
        paragraph = _SPACES_RE.sub(" ", paragraph).strip()
        if not paragraph:
            return None
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        offset = self._length
        self._parts.append(paragraph)
        self._length += len(paragraph)
        return offset

    @property
    def offset(self) -> int:
        """Where the next paragraph will start."""
        return self._length + 2 if self._parts else 0

    def text(self) -> str:
        return "".join(self._parts)


def open_zip(data: bytes, name: str, description: str) -> zipfile.ZipFile:
    """``data`` as a zip archive (EPUB and DOCX are zip packages). Raises :class:`DocumentError`
    when it is no zip archive or its members unpack to more than :data:`MAX_UNPACKED_BYTES`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise DocumentError(f"{name} is not a valid {description} (the file is damaged or of another kind).") from exc
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentError(f"{name} unpacks to {unpacked / 2**20:.0f} MB, more than the "
                            f"{MAX_UNPACKED_BYTES // 2**20} MB Qari reads from a {description}.")
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str, description: str) -> bytes:
    """The bytes of ``member`` of ``archive``. Raises :class:`DocumentError` when it is missing or damaged."""
    try:
        return archive.read(member)
    except KeyError as exc:
        raise DocumentError(f"{name} is not a valid {description}: it has no {member}.") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        raise DocumentError(f"{name} is not a valid {description}: {member} is damaged.") from exc
