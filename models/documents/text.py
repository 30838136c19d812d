"""Plain text files: decoding their bytes (UTF-8, UTF-16/32, legacy Arabic code pages)."""
from __future__ import annotations

import codecs
import logging
import re

from models.documents.base import Extracted, Format
from models.errors import DocumentError
from models.text.arabic import ARABIC_BLOCKS_CLASS

log = logging.getLogger(__name__)

_NEITHER_ASCII_NOR_ARABIC_RE = re.compile(f"[^\x00-\x7f{ARABIC_BLOCKS_CLASS}]")


def decode_declared(data: bytes, charset: str | None) -> str | None:
    """``data`` decoded with ``charset`` (declared by an HTTP header or a ``<meta charset>``), or
    None when there is none, Python does not know it, or the bytes are not in it."""
    if not charset:
        return None
    try:
        codec = codecs.lookup(charset.strip().strip("\"'"))
    except LookupError:
        log.info("unknown declared encoding %r", charset)
        return None
    if codec.name in ("utf-16", "utf-32") or codec.name.startswith(("utf-16", "utf-32")):
        return None  # without a byte order mark a declaration of UTF-16 is usually wrong (HTML5 says UTF-8)
    try:
        return data.decode("utf-8-sig" if codec.name == "utf-8" else codec.name)
    except UnicodeDecodeError:
        log.info("bytes are not %s as declared", codec.name)
        return None


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


def read_text(data: bytes, name: str, charset: str | None = None) -> Extracted:
    """A text file as it is: decoded (:func:`decode`; a ``charset`` declared by a web server is
    tried first, after a byte order mark), line ends normalized to ``\\n``. Raises :class:`DocumentError`."""
    notes: list[str] = []
    text = None if data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff")) else decode_declared(data, charset)
    if text is None:
        text = decode(data, name, notes)
    return Extracted(text.replace("\r\n", "\n").replace("\r", "\n"), notes=notes)


FORMAT = Format(
    description="text file",
    extensions=(".txt", ".text", ".md"),
    media_types=("text/plain", "text/markdown"),
    read=read_text,
)
