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


def to_json(doc: Document, model: str | None, rows: list[dict]) -> str:
    """The JSON document (shape in the module docstring) of :func:`bitext_rows`; ``model`` is the
    model's hub id or folder, None when no model was available."""
    return json.dumps({"source": doc.source, "model": model, "sentences": rows}, ensure_ascii=False, indent=1) + "\n"


def to_tsv(rows: list[dict]) -> str:
    """Tab-separated text: a header row of :data:`TSV_FIELDS`, then one row per sentence; None is
    an empty cell and booleans are ``true``/``false`` as in JSON."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(TSV_FIELDS)
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


def to_html(doc: Document, model: str | None, rows: list[dict]) -> str:
    """A standalone HTML page: one table row per sentence, the source cell right-to-left when it
    holds Arabic, one ``tbody`` per paragraph; a missing translation is an empty cell."""
    title = html.escape(Path(doc.source).name)
    about = f"translated by {html.escape(model)}" if model else "no translation model was available"
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', f"<title>{title}</title>",
        f"<style>\n{_CSS}\n</style>", "</head>", "<body>", f"<h1>{title}</h1>", f"<p>{about}</p>", "<table>",
    ]
    paragraph = None
    for row in rows:
        if row["paragraph"] != paragraph:
            if paragraph is not None:
                parts.append("</tbody>")
            paragraph = row["paragraph"]
            parts.append(f'<tbody class="paragraph" id="p{paragraph}">')
        if row["translation"] is None:
            english = '<td dir="ltr" lang="en" class="missing"></td>'
        else:
            css = "" if row["translated"] else ' class="untranslated"'
            english = f'<td dir="ltr" lang="en"{css}>{html.escape(row["translation"])}</td>'
        direction = paragraph_direction(row["text"])  # by its first strong character (UAX #9 P2-P3)
        source = f'dir="{direction}" lang="ar"' if has_arabic(row["text"]) else f'dir="{direction}" class="source"'
        parts.append(f'<tr id="s{row["id"]}"><td {source}>{html.escape(row["text"])}</td>{english}</tr>')
    if paragraph is not None:
        parts.append("</tbody>")
    parts += ["</table>", "</body>", "</html>", ""]
    return "\n".join(parts)


def write_bitext(out: Path, doc: Document, model: str | None, translations: dict[int, str] | None) -> None:
    """Write the bitext to ``out`` in the format its extension names (one of :data:`FORMATS`).

    Raises ValueError for another extension and OSError when the file cannot be written."""
    kind = out.suffix.lower()
    rows = bitext_rows(doc, translations)
    if kind == ".json":
        content = to_json(doc, model, rows)
    elif kind == ".html":
        content = to_html(doc, model, rows)
    elif kind == ".tsv":
        content = to_tsv(rows)
    else:
        raise ValueError(f"{out.name} has no known extension; use one of {', '.join(FORMATS)}.")
    out.write_text(content, encoding="utf-8", newline="\n")
    log.info("wrote %s (%d sentences)", out, len(rows))
