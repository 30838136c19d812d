"""Plain text files: decoding their bytes (UTF-8, UTF-16/32, legacy Arabic code pages)."""
from __future__ import annotations

import codecs
import logging
import re

from models.documents.base import Extracted, Format
from models.errors import DocumentError
from models.text.arabic import ARABIC_BLOCKS_CLASS, ARABIC_LETTER_CLASS

log = logging.getLogger(__name__)

_NEITHER_ASCII_NOR_ARABIC_RE = re.compile(f"[^\x00-\x7f{ARABIC_BLOCKS_CLASS}]")
_ARABIC_BLOCKS_RE = re.compile(f"[{ARABIC_BLOCKS_CLASS}]")
#: Control characters other than NUL and white space: in a "text" file, a sign of binary data.
_BINARY_CONTROLS_RE = re.compile("[\x01-\x08\x0e-\x1f\x7f]")
#: A Latin letter written against an Arabic one, which the wrong code page makes of accented
#: Latin letters (Café read as ISO-8859-6 is Cafى).
_LATIN_AGAINST_ARABIC_RE = re.compile(f"[A-Za-z][{ARABIC_LETTER_CLASS}]|[{ARABIC_LETTER_CLASS}][A-Za-z]")
#: The 8-bit Arabic code pages, the commonest first: Windows-1256, ISO-8859-6.
ARABIC_CODE_PAGES = ("cp1256", "iso8859_6")
#: Byte order marks and their encodings, UTF-32's first: its little-endian mark begins with
#: UTF-16's.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _arabic_share(text: str) -> float:
    """Of the characters of ``text`` that are not ASCII, the share in the Arabic blocks (1.0
    when all are ASCII); 0.0 when Latin and Arabic letters touch in more than one place in a
    hundred Arabic characters, as in a Latin text read in an Arabic code page."""
    other = len(_NEITHER_ASCII_NOR_ARABIC_RE.findall(text))
    arabic = len(_ARABIC_BLOCKS_RE.findall(text))
    if len(_LATIN_AGAINST_ARABIC_RE.findall(text)) * 100 > arabic:
        return 0.0
    return arabic / (arabic + other) if arabic + other else 1.0


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
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 and UTF-32 (with BOM, or without
    one when charset-normalizer recognises them), UTF-8 with a few
    damaged bytes (each shown as U+FFFD, and a sentence saying so appended to ``notes``) or a
    few NUL characters (kept, with a note), else
    the best guess of charset-normalizer (Windows-1256 and ISO-8859-6 are common for Arabic). On
    a few lines its guess is often wrong (a short Windows-1256 file read as Big5): when most of
    the guess's non-ASCII characters are not Arabic, the Arabic code page whose reading is the
    most Arabic is taken instead (:data:`ARABIC_CODE_PAGES`), if that is more Arabic.

    Raises :class:`DocumentError` for binary data or text in no known encoding."""
    encoding = next((encoding for bom, encoding in _BYTE_ORDER_MARKS if data.startswith(bom)), None)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DocumentError(f"{name} is not valid {encoding.upper()} text.") from exc
    if b"\x00" in data[:8192]:  # binary, or UTF-16/UTF-32 without a byte order mark
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        text = str(best) if best is not None and best.encoding.startswith(("utf_16", "utf_32")) else ""
        # A few bytes of binary data can pass for UTF-16 (as CJK ideographs, say): keep the
        # guess only when it reads as mostly Arabic or ASCII, the text this app is for.
        if len(_NEITHER_ASCII_NOR_ARABIC_RE.findall(text)) * 2 <= len(text) and text:
            log.info("%s decoded as %s (no byte order mark)", name, best.encoding)
            return text
        text = _utf8_text_with_nul(data)
        if text is None:
            raise DocumentError(f"{name} is not a text file (it contains binary data).")
        count = text.count("\x00")
        note = f"{name} has {count} NUL character{'s' if count > 1 else ''} (U+0000)."
        log.warning(note)
        if notes is not None:
            notes.append(note)
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
    encoding, text = (best.encoding, str(best)) if best is not None else ("", "")
    if best is None or _arabic_share(text) < 0.5:
        readings = [(_arabic_share(t), -rank, page, t) for rank, page in enumerate(ARABIC_CODE_PAGES)
                    if (t := _decoded(data, page)) is not None]
        share, _, page, arabic = max(readings, default=(0.0, 0, "", ""))
        if page and (best is None or share > _arabic_share(text)):
            encoding, text = page, arabic
    if not encoding:
        raise DocumentError(f"{name} is not UTF-8 text and its encoding could not be recognised.")
    log.info("%s decoded as %s", name, encoding)
    return text


def _decoded(data: bytes, encoding: str) -> str | None:
    """``data`` decoded strictly, or None when it is not valid in ``encoding``."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf8_text_with_nul(data: bytes) -> str | None:
    """``data`` as UTF-8 when it is valid UTF-8 whose only control characters are NUL and white
    space (a text with a stray NUL, as a spreadsheet cell may hold), else None."""
    text = _decoded(data, "utf-8-sig")
    return text if text is not None and not _BINARY_CONTROLS_RE.search(text) else None


def read_text(data: bytes, name: str, charset: str | None = None) -> Extracted:
    """A text file as it is: decoded (:func:`decode`; a ``charset`` declared by a web server is
    tried first, after a byte order mark), line ends normalized to ``\\n``. Raises :class:`DocumentError`."""
    notes: list[str] = []
    text = None if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else decode_declared(data, charset)
    if text is None:
        text = decode(data, name, notes)
    return Extracted(text.replace("\r\n", "\n").replace("\r", "\n"), notes=notes)


FORMAT = Format(
    description="text file",
    extensions=(".txt", ".text", ".md"),
    media_types=("text/plain", "text/markdown"),
    read=read_text,
)
