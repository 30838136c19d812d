"""The bitext of a translated document (the Arabic sentences beside their translations) as JSON,
HTML or TSV: what ``main.py export`` and the window's **File > Export…** write.

JSON: ``{"source", "model", "sentences": [{"id", "paragraph", "start", "end", "text",
"translation", "translated"}]}``; ``start``/``end`` are character offsets into the decoded file
(line ends normalized to ``\\n``), ``text == document[start:end]``. ``translation`` is null when
no model could be loaded; ``translated`` is false for text shown as it is (no Arabic letter; its
translation is its own text). HTML: a standalone page, Arabic right-to-left beside English, one
row per sentence, a gap between paragraphs. TSV: a header row, then the JSON fields per sentence.
"""
from __future__ import annotations

import csv
import html
import io
import json
import logging
from pathlib import Path

from models.documents import Document
from models.text.arabic import has_arabic
from models.text.bidi import paragraph_direction

log = logging.getLogger(__name__)

#: The file extensions :func:`write_bitext` knows, each naming its format.
FORMATS = (".json", ".html", ".tsv")
TSV_FIELDS = ("id", "paragraph", "start", "end", "text", "translation", "translated")


def bitext_rows(doc: Document, translations: dict[int, str] | None) -> list[dict]:
    """One dict per sentence of ``doc`` with the JSON fields (:data:`TSV_FIELDS`), in document
    order. ``translations`` maps sentence ids to their translations (a sentence missing from it
    gets ``translation`` None); ``translations`` None means no model: every ``translation`` is
    None and ``translated`` False."""
    rows = []
    for s in doc.sentences:
        translation = None if translations is None else translations.get(s.id)
        rows.append({
            "id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": doc.text[s.start:s.end],
            "translation": translation,
            "translated": translations is not None and s.translatable and translation is not None,
        })
    return rows


def _json_row(row: dict, last: bool) -> str:
    """One sentence of the JSON document, laid out as ``json.dumps(..., indent=1)`` lays it out
    inside the ``sentences`` list."""
    return "\n".join("  " + line for line in json.dumps(row, ensure_ascii=False, indent=1).splitlines()) + (
        "\n" if last else ",\n")


def _tsv_rows(rows: list[dict]) -> str:
    """Tab-separated rows of :data:`TSV_FIELDS`; None is an empty cell and booleans are
    ``true``/``false`` as in JSON."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for row in rows:
        writer.writerow(["" if row[f] is None else str(row[f]).lower() if isinstance(row[f], bool) else row[f]
                         for f in TSV_FIELDS])
    return out.getvalue()


_CSS = """body { font-family: sans-serif; margin: 2em auto; max-width: 70em; }
table { border-collapse: collapse; width: 100%; }
td { vertical-align: top; padding: 0.25em 0.75em; width: 50%; }
td[lang=ar] { text-align: right; font-family: "Amiri", "Noto Naskh Arabic", serif; font-size: 1.2em; }
td[lang=en] { text-align: left; }
tbody.paragraph + tbody.paragraph tr:first-child td { border-top: 1.25em solid transparent; }
td.untranslated { color: #666; }
td.missing { color: #999; font-style: italic; }"""


def _html_row(row: dict) -> str:
    if row["translation"] is None:
        english = '<td dir="ltr" lang="en" class="missing"></td>'
    else:
        css = "" if row["translated"] else ' class="untranslated"'
        english = f'<td dir="ltr" lang="en"{css}>{html.escape(row["translation"])}</td>'
    direction = paragraph_direction(row["text"])  # by its first strong character (UAX #9 P2-P3)
    source = f'dir="{direction}" lang="ar"' if has_arabic(row["text"]) else f'dir="{direction}" class="source"'
    return f'<tr id="s{row["id"]}"><td {source}>{html.escape(row["text"])}</td>{english}</tr>'


class BitextWriter:
    """Writes a bitext to ``file`` (a text file open for writing) in ``kind`` (one of
    :data:`FORMATS`) part by part, so that a book is never held whole in memory: :meth:`write`
    each part's :func:`bitext_rows` in document order, then :meth:`close` (which does not close
    ``file``). ``source``: the document's source; ``model``: the model's hub id or folder, None
    when no model was available. The output is the same as writing all rows at once.

    JSON: the shape of the module docstring (``json.dumps(..., indent=1)`` layout). HTML: a
    standalone page, one table row per sentence, the source cell right-to-left when it holds
    Arabic, one ``tbody`` per paragraph, a missing translation an empty cell. TSV: a header row
    of :data:`TSV_FIELDS`, then one row per sentence. Raises ValueError for another ``kind``."""

    def __init__(self, file, kind: str, source: str, model: str | None):
        if kind not in FORMATS:
            raise ValueError(f"{kind!r} is no known bitext format; use one of {', '.join(FORMATS)}.")
        self.file, self.kind = file, kind
        self.count = 0  # sentences written
        self._pending: dict | None = None  # JSON: the last row, written once we know whether it is the last
        self._paragraph = None  # HTML: the paragraph of the open tbody
        if kind == ".json":
            file.write("{\n" + f' "source": {json.dumps(source, ensure_ascii=False)},\n'
                       f' "model": {json.dumps(model, ensure_ascii=False)},\n "sentences": [')
        elif kind == ".tsv":
            file.write("\t".join(TSV_FIELDS) + "\n")
        else:
            title = html.escape(Path(source).name)
            about = f"translated by {html.escape(model)}" if model else "no translation model was available"
            file.write("\n".join([
                "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', f"<title>{title}</title>",
                f"<style>\n{_CSS}\n</style>", "</head>", "<body>", f"<h1>{title}</h1>", f"<p>{about}</p>", "<table>", ""]))

    def write(self, rows: list[dict]) -> None:
        """Write the next sentences (dicts of :func:`bitext_rows`)."""
        if self.kind == ".json":
            for row in rows:
                self.file.write(("\n" if self._pending is None and not self.count else "")
                                + (_json_row(self._pending, False) if self._pending is not None else ""))
                self._pending = row
                self.count += 1
            return
        self.count += len(rows)
        if self.kind == ".tsv":
            self.file.write(_tsv_rows(rows))
            return
        parts = []
        for row in rows:
            if row["paragraph"] != self._paragraph:
                if self._paragraph is not None:
                    parts.append("</tbody>")
                self._paragraph = row["paragraph"]
                parts.append(f'<tbody class="paragraph" id="p{self._paragraph}">')
            parts.append(_html_row(row))
        self.file.write("".join(part + "\n" for part in parts))

    def close(self) -> None:
        """Write the end of the document."""
        if self.kind == ".json":
            self.file.write((_json_row(self._pending, True) + " ]\n}\n") if self._pending is not None else "]\n}\n")
        elif self.kind == ".html":
            self.file.write(("</tbody>\n" if self._paragraph is not None else "") + "</table>\n</body>\n</html>\n")


def to_html(doc: Document, model: str | None, rows: list[dict]) -> str:
    """The standalone HTML page (:class:`BitextWriter`) of :func:`bitext_rows` as a string."""
    buffer = io.StringIO()
    writer = BitextWriter(buffer, ".html", doc.source, model)
    writer.write(rows)
    writer.close()
    return buffer.getvalue()


def write_bitext(out: Path, doc: Document, model: str | None, translations: dict[int, str] | None) -> None:
    """Write the bitext to ``out`` in the format its extension names (one of :data:`FORMATS`).

    Raises ValueError for another extension and OSError when the file cannot be written."""
    kind = out.suffix.lower()
    if kind not in FORMATS:
        raise ValueError(f"{out.name} has no known extension; use one of {', '.join(FORMATS)}.")
    with out.open("w", encoding="utf-8", newline="\n") as file:
        writer = BitextWriter(file, kind, doc.source, model)
        writer.write(bitext_rows(doc, translations))
        writer.close()
    log.info("wrote %s (%d sentences)", out, writer.count)
