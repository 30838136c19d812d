"""Saved web pages: the article text of an HTML page, without its menus, links and footer.

The article is extracted by trafilatura (Barbaresi 2021, ACL demo; extraction F1 0.909 on its
750-page benchmark), or, when it finds nothing, by readability-lxml (a port of Arc90's
Readability). Decoding follows the HTML standard's order: a byte order mark, then an encoding
declared by the web server, then ``<meta charset>`` (or ``http-equiv``), then detection
(:func:`models.documents.text.decode`: UTF-8, else charset-normalizer). Nothing is fetched, no
script runs and no image is loaded: the page is parsed as data only (lxml, network access off).
"""
from __future__ import annotations

import codecs
import logging
import re

from models.documents.base import Extracted, Format, ParagraphText
from models.documents.text import decode, decode_declared
from models.errors import DocumentError

log = logging.getLogger(__name__)

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
#: Labels that the Encoding Standard (WHATWG) reads as windows-1252.
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii"}
#: Elements whose start or end separates paragraphs.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6"
    " header hr li main nav ol p pre section table tbody td th thead tr ul".split()
)
#: Elements whose content is never text of the article.
SKIP_TAGS = frozenset("script style noscript template head svg math object iframe".split())


def meta_charset(data: bytes) -> str | None:
    """The encoding named by the first ``<meta charset=...>`` or ``<meta http-equiv=... content="...;
    charset=...">`` in the first 4 kB of ``data``, or None."""
    match = _META_CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    return "windows-1252" if label in _WINDOWS_1252_LABELS else label


def decode_html(data: bytes, name: str, charset: str | None = None, notes: list[str] | None = None) -> str:
    """The text of an HTML page's bytes: BOM, then ``charset`` (from an HTTP header), then
    ``<meta charset>``, then detection. Raises :class:`DocumentError` for binary data."""
    if data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff")):
        return decode(data, name, notes)
    for declared in (charset, meta_charset(data)):
        text = decode_declared(data, declared)
        if text is not None:
            return text
    return decode(data, name, notes)


def element_paragraphs(root) -> list[str]:
    """The text of an lxml (X)HTML element tree, one string per block (paragraph, heading, list
    item, table cell), in document order; scripts, styles and the ``<head>`` left out. White space
    inside a block is kept as in the page (:class:`models.documents.base.ParagraphText` collapses it).
    Iterative, so that deeply nested pages cannot exhaust the stack."""
    from lxml import etree

    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if text.strip():
            paragraphs.append(text)

    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else None
        if event == "start":
            if tag is None or tag in SKIP_TAGS:
                walk.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                flush()
            if element.text:
                buffer.append(element.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if element.tail and element is not root:
                buffer.append(element.tail)
    flush()
    return paragraphs


def _trafilatura(page: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs) found by trafilatura; ``[]`` when it finds no article."""
    import trafilatura

    result = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True,
                                         include_images=False, include_links=False, deduplicate=False)
    if result is None or not (result.text or "").strip():
        return (result.title if result is not None else None), []
    return result.title, result.text.split("\n")


def _readability(page: str) -> tuple[str | None, list[str]]:
    """(title, paragraphs) found by readability-lxml; ``[]`` when it finds no article."""
    import lxml.html
    from readability import Document as ReadabilityDocument
    from readability.readability import Unparseable

    try:
        article = ReadabilityDocument(page)
        summary = article.summary(html_partial=True)
        title = article.short_title()
    except (Unparseable, ValueError, TypeError) as exc:
        log.info("readability found no article: %s", exc)
        return None, []
    if not summary.strip():
        return title, []
    return title, element_paragraphs(lxml.html.fromstring(summary))


def _menu_texts(page: str) -> set[str]:
    """The texts of the page's links and of its menus, headers and footers (white space
    collapsed): what extractors fall back on when a page has no article."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(page)
    except (ParserError, ValueError):
        return set()
    found = root.xpath("//a | //nav | //nav//* | //header | //header//* | //footer | //footer//*")
    return {" ".join(element.text_content().split()) for element in found}


def extract_article(page: str, name: str) -> Extracted:
    """The article of the HTML ``page`` (a str): its title as the first paragraph, then its text,
    one paragraph a line. Raises :class:`DocumentError` when neither extractor finds any text
    but the page's links and menus."""
    title, paragraphs = _trafilatura(page)
    if not paragraphs:
        log.info("%s: trafilatura found no article text; trying readability", name)
        fallback_title, paragraphs = _readability(page)
        title = title or fallback_title
    builder = ParagraphText()
    if title and (not paragraphs or " ".join(paragraphs[0].split()) != " ".join(title.split())):
        builder.add(title)
    for paragraph in paragraphs:
        builder.add(paragraph)
    text = builder.text()
    menus = _menu_texts(page) if paragraphs else set()
    if not text or all(" ".join(p.split()) in menus for p in paragraphs if p.strip()):  # links alone are no article
        raise DocumentError(f"{name} has no article text that Qari could find (the page may be "
                            "made by scripts, or be a sign-in or cookie page); save the page after it "
                            "has loaded, or copy its text and paste it.")
    return Extracted(text)


def read_html(data: bytes, name: str, charset: str | None = None) -> Extracted:
    """An HTML page's bytes -> its article (:func:`decode_html`, :func:`extract_article`)."""
    notes: list[str] = []
    extracted = extract_article(decode_html(data, name, charset, notes), name)
    extracted.notes = notes + extracted.notes
    return extracted


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


FORMAT = Format(
    description="web page",
    extensions=(".html", ".htm", ".xhtml", ".shtml"),
    media_types=("text/html", "application/xhtml+xml"),
    read=read_html,
    signature=_looks_like_html,
)
