"""Opening articles: decoding text files and building a segmented :class:`Document`."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from models.errors import DocumentError
from models.text.arabic import ARABIC_BLOCKS_CLASS
from models.text.segmentation import Sentence, segment

log = logging.getLogger(__name__)

#: Largest file opened, in bytes. A news article is a few kB; 20 MB is a book.
MAX_BYTES = 20 * 1024 * 1024
SAMPLE_NAME = "ar-kerry-lavrov-syria-2016.txt"


@dataclass
class Document:
    """A text and its sentences.

    ``text`` is the decoded file with line ends normalized to ``\\n``; sentence offsets are
    character offsets into it. ``source`` is the file path, or a label such as "clipboard".
    ``notes`` are sentences about problems met while reading (damaged bytes)."""

    text: str
    source: str
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # problems met while reading, for the user

    @classmethod
    def from_text(cls, text: str, source: str = "untitled") -> "Document":
        """Segment ``text``. Raises :class:`DocumentError` if it has no visible character."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            raise DocumentError(f"{Path(source).name or source} contains no text.")
        return cls(text=text, source=source, sentences=segment(text))

    @property
    def paragraph_count(self) -> int:
        return self.sentences[-1].paragraph + 1 if self.sentences else 0


_NEITHER_ASCII_NOR_ARABIC_RE = re.compile(f"[^\x00-\x7f{ARABIC_BLOCKS_CLASS}]")


def decode(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when
    charset-normalizer recognises it, as UTF-32), UTF-8 with a few
    damaged bytes (each shown as U+FFFD, and a sentence saying so appended to ``notes``), else
    the best guess of charset-normalizer (Windows-1256 and ISO-8859-6 are common for Arabic).

    Raises :class:`DocumentError` for binary data or text in no known encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{name} is not valid UTF-16 text.") from exc
    if b"\x00" in data[:8192]:  # binary, or UTF-16/UTF-32 without a byte order mark
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        text = str(best) if best is not None and best.encoding.startswith(("utf_16", "utf_32")) else ""
        # A few bytes of binary data can pass for UTF-16 (as CJK ideographs, say): keep the
        # guess only when it reads as mostly Arabic or ASCII, the text this app is for.
        if len(_NEITHER_ASCII_NOR_ARABIC_RE.findall(text)) * 2 > len(text) or not text:
            raise DocumentError(f"{name} is not a text file (it contains binary data).")
        log.info("%s decoded as %s (no byte order mark)", name, best.encoding)
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Bytes of a legacy 8-bit encoding almost never form valid UTF-8 sequences, so a text whose
    # multi-byte characters are nearly all valid UTF-8 is UTF-8 with a few damaged bytes.
    text = data.decode("utf-8-sig", errors="replace")
    damaged = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - damaged
    if multibyte >= 20 * damaged:
        note = f"{name} has {damaged} damaged byte{'s' if damaged > 1 else ''} that {'are' if damaged > 1 else 'is'} not UTF-8, shown as \ufffd."
        log.warning(note)
        if notes is not None:
            notes.append(note)
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name} is not UTF-8 text and its encoding could not be recognised.")
    log.info("%s decoded as %s", name, best.encoding)
    return str(best)


def load_document(path: str | Path) -> Document:
    """Read and segment a text file.

    Raises :class:`DocumentError` with a plain message when the file is missing, unreadable,
    larger than :data:`MAX_BYTES`, binary, or blank."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise DocumentError(f"{path} is a folder, not a text file.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"{name} is too large to open ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // 2**20} MB).")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(f"{path} does not exist.") from exc
    except PermissionError as exc:
        raise DocumentError(f"{path} cannot be read (permission denied).") from exc
    except OSError as exc:
        raise DocumentError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    notes: list[str] = []
    document = Document.from_text(decode(data, name, notes), source=str(path))
    document.notes = notes
    return document


def sample_path() -> Path:
    """Path of the bundled sample article (Al Jazeera, 2016; its source line is the last line)."""
    return Path(str(resources.files("resources") / "samples" / SAMPLE_NAME))
