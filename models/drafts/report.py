"""Reports of a draft check (:class:`models.drafts.checks.DraftCheck`) as JSON data and as a standalone HTML page.

JSON shape (offsets are characters into each file's text, after line ends are normalized to
``\\n`` and a BOM removed; word links' ``target`` is a span of the draft)::

    {"source_sentences": [{"id": int, "start": int, "end": int, "text": str}],
     "draft_sentences":  [same shape],
     "links": [{"source": [sentence ids], "draft": [sentence ids], "confidence": float,
                "flags": [{"kind": str, "message": str,
                           "source_spans": [[start, end]], "draft_spans": [[start, end]]}],
                "word_links": [{"source": [start, end], "target": [start, end], "score": float,
                                "evidence": str}]}],
     "summary": {"links": int, "flags": {kind: count}}}
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from models.text.arabic import has_arabic
from models.drafts.checks import DraftCheck, Flag
from models.text.segmentation import Sentence

#: The file extensions :func:`write_report` knows, each naming its format.
#: Report file extensions: JSON, HTML, XLIFF 2.0 (``.xlf`` or ``.xliff``) and TMX
#: (:mod:`models.drafts.exchange`).
REPORT_FORMATS = (".json", ".html", ".xlf", ".xliff", ".tmx")


def _sentences(sentences: list[Sentence]) -> list[dict]:
    return [{"id": s.id, "start": s.start, "end": s.end, "text": s.text} for s in sentences]


def _flag(flag: Flag) -> dict:
    return {"kind": flag.kind, "message": flag.message,
            "source_spans": [list(s) for s in flag.source_spans], "draft_spans": [list(s) for s in flag.draft_spans]}


def report_dict(check: DraftCheck) -> dict:
    """The report as JSON-ready data (see the module doc for its shape)."""
    return {
        "source_sentences": _sentences(check.source_sentences),
        "draft_sentences": _sentences(check.draft_sentences),
        "links": [
            {"source": list(link.source), "draft": list(link.draft), "confidence": round(link.confidence, 4),
             "flags": [_flag(f) for f in flags], "word_links": [w.to_json() for w in words]}
            for link, flags, words in zip(check.links, check.flags, check.word_links or [[] for _ in check.links])
        ],
        "summary": {"links": len(check.links), "flags": dict(sorted(check.flag_counts().items()))},
    }


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """HTML of ``text[start:end]`` with ``spans`` (offsets into ``text``) in <mark>."""
    inside = sorted((max(s, start), min(e, end)) for s, e in spans if s < end and e > start)
    out, pos = [], start
    for s, e in inside:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:end]))
    return "".join(out)


_CSS = """
body { font-family: sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
td, th { border-top: 1px solid #ccc; padding: .5em; vertical-align: top; text-align: left; }
td.ar div { text-align: start; } td.ar { font-family: "Amiri", "Noto Naskh Arabic", serif; font-size: 1.15em; width: 38%; }
td.en { width: 38%; } td.conf { white-space: nowrap; color: #555; }
tr.flagged td { background: #fff6e0; }
mark { background: #ffd27f; } ul { margin: 0; padding-left: 1.2em; } .kind { font-weight: bold; }
"""


def _source_sentence(check: DraftCheck, i: int, spans: list[tuple[int, int]]) -> str:
    """One source sentence as a block whose direction follows its script: right-to-left for text
    with Arabic letters, left-to-right otherwise (a photo caption or URL in Latin script)."""
    s = check.source_sentences[i]
    attrs = "dir='rtl' lang='ar'" if has_arabic(s.text) else "dir='ltr'"
    return f"<div {attrs}>{_marked(check.source_text, s.start, s.end, spans)}</div>"


def report_html(check: DraftCheck, title: str = "Draft check") -> str:
    """A standalone HTML page (UTF-8, inline CSS, no scripts) of the same content as
    :func:`report_dict`: a summary, then one table row per link with flagged spans marked."""
    counts = check.flag_counts()
    summary = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(counts.items())) or "no flags"
    rows = []
    for link, flags in zip(check.links, check.flags):
        src_spans = [s for f in flags for s in f.source_spans]
        dft_spans = [s for f in flags for s in f.draft_spans]
        ar = "".join(_source_sentence(check, i, src_spans) for i in link.source)
        en = "<br>".join(_marked(check.draft_text, check.draft_sentences[i].start, check.draft_sentences[i].end, dft_spans) for i in link.draft)
        notes = "".join(f"<li><span class='kind'>{html.escape(f.kind.replace('_', ' '))}</span>: {html.escape(f.message)}</li>" for f in flags)
        cls = " class='flagged'" if flags else ""
        rows.append(f"<tr{cls}><td class='ar'>{ar or '&mdash;'}</td><td class='en' lang='en'>{en or '&mdash;'}</td>"
                    f"<td class='conf'>{link.confidence:.2f}</td><td>{'<ul>' + notes + '</ul>' if notes else ''}</td></tr>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>\n"
        f"<h1>{html.escape(title)}</h1>\n<p>{len(check.source_sentences)} source sentences, "
        f"{len(check.draft_sentences)} draft sentences, {len(check.links)} links; {html.escape(summary)}.</p>\n"
        "<table><thead><tr><th>Arabic source</th><th>Draft</th><th>Confidence</th><th>Flags</th></tr></thead><tbody>\n"
        + "\n".join(rows) + "\n</tbody></table></body></html>\n"
    )


def write_report(out: Path, check: DraftCheck, title: str = "Draft check") -> None:
    """Write the report of ``check`` to ``out`` in the format its extension names (one of
    :data:`REPORT_FORMATS`): :func:`report_dict` as indented UTF-8 JSON, :func:`report_html`
    with ``title``, XLIFF 2.0 (:func:`models.drafts.exchange.report_xliff`) or a TMX memory of the
    aligned pairs (:func:`models.drafts.exchange.aligned_tmx`). Raises ValueError for another
    extension and OSError when the file cannot be written."""
    from models.drafts.exchange import aligned_tmx, report_xliff  # translate-toolkit, only for these

    kind = out.suffix.lower()
    if kind == ".json":
        out.write_text(json.dumps(report_dict(check), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif kind == ".html":
        out.write_text(report_html(check, title=title), encoding="utf-8")
    elif kind in (".xlf", ".xliff"):
        out.write_bytes(report_xliff(check))
    elif kind == ".tmx":
        out.write_bytes(aligned_tmx(check))
    else:
        raise ValueError(f"{out.name} has no known extension; use one of {', '.join(REPORT_FORMATS)}.")
