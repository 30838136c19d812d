"""Word documents (.docx, Office Open XML) read with python-docx: the body's paragraphs in order,
with the text of tables cell by cell (each cell's paragraphs, row by row, nested tables
included). Headers, footers, comments and footnotes are not part of the article."""
from __future__ import annotations

import logging

from models.documents.base import MAX_PACKAGE_BYTES, Extracted, Format, ParagraphText, open_zip
from models.errors import DocumentError

log = logging.getLogger(__name__)

DESCRIPTION = "Word document (.docx)"


def _add_block(builder: ParagraphText, block) -> None:
    """Add a python-docx Paragraph, or every cell of a Table (a merged cell once)."""
    from docx.table import Table

    if not isinstance(block, Table):
        builder.add(block.text)
        return
    seen = set()
    for row in block.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(cell._tc)  # the element itself: kept alive, so never confused with another
            for inner in cell.iter_inner_content():
                _add_block(builder, inner)


def read_docx(data: bytes, name: str, charset: str | None = None) -> Extracted:
    """A .docx file's bytes -> its paragraphs and table cells in document order. Raises
    :class:`DocumentError` for a damaged file, another kind of file (an old .doc) or one without text."""
    open_zip(data, name, DESCRIPTION)  # refuses non-zip data and zip bombs before python-docx unpacks
    import io

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml and package errors for damaged parts
        log.info("python-docx cannot read %s: %r", name, exc)
        raise DocumentError(f"{name} is not a valid {DESCRIPTION} (the file is damaged or of another kind).") from exc
    builder = ParagraphText()
    for block in document.iter_inner_content():
        _add_block(builder, block)
    text = builder.text()
    if not text:
        raise DocumentError(f"{name} contains no text.")
    return Extracted(text)


def _is_docx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:2000]


FORMAT = Format(
    description=DESCRIPTION,
    extensions=(".docx",),
    media_types=("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    read=read_docx,
    signature=_is_docx,
    max_bytes=MAX_PACKAGE_BYTES,
)
