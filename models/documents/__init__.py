"""Opening articles: files of every format Qari reads, and URLs, as a segmented :class:`Document`.

One reader module per format, registered in :data:`FORMATS` (each a
:class:`models.documents.base.Format`): :mod:`~models.documents.text` (plain text),
:mod:`~models.documents.html` (saved web pages), :mod:`~models.documents.epub`,
:mod:`~models.documents.docx`, :mod:`~models.documents.pdf`; :mod:`~models.documents.url` fetches
an http(s) URL and reads it with the format its media type names. The window, ``export`` and
``check`` all open documents through :func:`load_document`.
"""
from __future__ import annotations

import logging
from pathlib import Path

from models.documents import docx, epub, html, pdf, text, url
from models.documents.base import MAX_BYTES, MAX_PACKAGE_BYTES, Extracted, Format
from models.documents.document import SAMPLE_NAME, Document, sample_path
from models.documents.text import decode
from models.errors import DocumentError
from models.text.arabic import has_arabic

__all__ = [
    "FORMATS", "MAX_BYTES", "MAX_PACKAGE_BYTES", "SAMPLE_NAME", "Document", "Extracted", "Format",
    "decode", "format_for", "load_document", "read_text_file", "sample_path",
]

log = logging.getLogger(__name__)

#: Every format Qari opens; a file whose extension none of them names is read as text, unless
#: its first bytes show another format (a PDF saved without its extension).
FORMATS: tuple[Format, ...] = (text.FORMAT, html.FORMAT, epub.FORMAT, docx.FORMAT, pdf.FORMAT)


def format_for(path: str | Path, head: bytes = b"") -> Format:
    """The format of a file: by its extension, else by the signature of its first bytes
    ``head``, else plain text."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS:
        if suffix in fmt.extensions:
            return fmt
    for fmt in FORMATS:
        if fmt.signature is not None and fmt.signature(head):
            return fmt
    return text.FORMAT


def _read_file(path: Path) -> tuple[Format, bytes]:
    """(format, bytes) of the file at ``path``; raises :class:`DocumentError` for a folder, a
    missing or unreadable file, or one over its format's size limit."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise DocumentError(f"{path} is a folder, not a file.")
        with path.open("rb") as f:
            head = f.read(2048)
            fmt = format_for(path, head)
            size = path.stat().st_size
            if size > fmt.max_bytes:
                raise DocumentError(f"{name} is too large to open ({size / 1e6:.0f} MB; the limit is {fmt.max_bytes // 2**20} MB).")
            data = head + f.read()
    except FileNotFoundError as exc:
        raise DocumentError(f"{path} does not exist.") from exc
    except PermissionError as exc:
        raise DocumentError(f"{path} cannot be read (permission denied).") from exc
    except OSError as exc:
        raise DocumentError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    return fmt, data


def read_text_file(path: str | Path) -> Extracted:
    """A file read as plain text whatever its extension (a CSV file, say): decoded as
    :func:`models.documents.text.read_text` does, line ends normalized to ``\n``. Raises
    :class:`DocumentError` as :func:`load_document` does for a file."""
    path = Path(path)
    _, data = _read_file(path)
    return text.read_text(data, path.name or str(path))


def load_document(source: str | Path) -> Document:
    """Read and segment a file of any format of :data:`FORMATS`, or an http(s) URL.

    ``source`` is the document's ``source``. ``notes`` tell of damage met while reading, and say
    when the document has no Arabic letter (it is shown as it is). ``chapters`` are filled for an
    e-book. Raises :class:`DocumentError` with a plain message when the file is missing,
    unreadable, a folder, larger than its format's limit, binary, damaged, blank or without
    article text, or when the URL cannot be fetched."""
    if isinstance(source, str):
        url.refuse_other_schemes(source)
    if isinstance(source, str) and url.is_url(source):
        name = source = source.strip()
        extracted = url.read_url(source, FORMATS)
    else:
        path = Path(source)
        name = path.name or str(path)
        fmt, data = _read_file(path)
        extracted = fmt.read(data, name, None)
        source = str(path)
    document = Document.from_text(extracted.text, source=str(source))
    document.notes = list(extracted.notes)
    document.chapters = list(extracted.chapters)
    if not has_arabic(document.text):
        document.notes.append(f"{name} has no Arabic text; it is shown as it is, without translation.")
    log.info("opened %s: %d characters, %d sentences", name, len(document.text), len(document.sentences))
    return document


#: Loggers of the parsers the readers call. They report what a reader turns into one sentence
#: for the user anyway (pypdf's "invalid pdf header", readability's traceback for an empty page).
PARSER_LOGGERS = ("pypdf", "readability", "trafilatura", "docx")


def quiet_parser_logs() -> None:
    """Show only the parsers' critical log records, so that a damaged file gives the user one
    sentence (the :class:`DocumentError`) rather than the parser's own warnings and tracebacks.
    Called by the entry points unless ``--verbose`` is given."""
    for name in PARSER_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
