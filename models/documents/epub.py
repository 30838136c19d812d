"""EPUB e-books (EPUB 2 and 3): the chapters in spine order, each chapter's title a paragraph.

Read with :mod:`zipfile` and lxml following the EPUB specifications (OCF: ``META-INF/container.xml``
names the package document; OPF: its manifest lists the files and its spine their reading order;
EPUB 3 navigation document or EPUB 2 NCX: the chapter titles). ebooklib is not used: it is
AGPL-3.0, whose network clause would then bind the whole of Qari, which is GPL-2.0-or-later.
XML is parsed with entities, DTDs and network access off.
"""
from __future__ import annotations

import logging
import posixpath
from urllib.parse import unquote, urldefrag

from models.documents.base import MAX_PACKAGE_BYTES, Extracted, Format, ParagraphText, open_zip, read_member
from models.documents.html import element_paragraphs
from models.errors import DocumentError

log = logging.getLogger(__name__)

DESCRIPTION = "EPUB e-book"
_CONTAINER_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container"}
_OPF_NS = {"opf": "http://www.idpf.org/2007/opf"}
_NCX_NS = {"ncx": "http://www.daisy.org/z3986/2005/ncx/"}
_ENCRYPTION_NS = {"enc": "http://www.w3.org/2001/04/xmlenc#"}


def _xml(data: bytes, name: str, member: str):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"{name} is not a valid {DESCRIPTION}: {member} is not well-formed XML.") from exc


def _xhtml(data: bytes):
    """A chapter's element tree; lenient (the HTML parser) because real e-books have broken XHTML.
    Raises ValueError when there is nothing to parse."""
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.document_fromstring(data)
    except etree.LxmlError as exc:
        raise ValueError(str(exc)) from exc


def _encrypted(archive, name: str) -> set[str]:
    """Members encrypted according to ``META-INF/encryption.xml`` (DRM or font obfuscation)."""
    if "META-INF/encryption.xml" not in archive.namelist():
        return set()
    tree = _xml(read_member(archive, "META-INF/encryption.xml", name, DESCRIPTION), name, "META-INF/encryption.xml")
    return {posixpath.normpath(unquote(ref.get("URI")))
            for ref in tree.iterfind(".//enc:CipherReference", _ENCRYPTION_NS) if ref.get("URI")}


def _resolve(base: str, href: str) -> str:
    """The zip member named by ``href`` relative to the member ``base`` (fragment dropped)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(urldefrag(href)[0])))


def _nav_titles(archive, name: str, nav_path: str) -> dict[str, str]:
    """{chapter member: title} from an EPUB 3 navigation document (its ``toc`` nav)."""
    tree = _xhtml(read_member(archive, nav_path, name, DESCRIPTION))
    navs = [nav for nav in tree.iter("nav") if "toc" in (nav.get("{http://www.idpf.org/2007/ops}type") or nav.get("epub:type") or "")]
    titles: dict[str, str] = {}
    for nav in navs or list(tree.iter("nav"))[:1]:
        for link in nav.iter("a"):
            if link.get("href"):
                titles.setdefault(_resolve(nav_path, link.get("href")), " ".join(link.text_content().split()))
    return titles


def _ncx_titles(archive, name: str, ncx_path: str) -> dict[str, str]:
    """{chapter member: title} from an EPUB 2 NCX table of contents."""
    tree = _xml(read_member(archive, ncx_path, name, DESCRIPTION), name, ncx_path)
    titles: dict[str, str] = {}
    for point in tree.iterfind(".//ncx:navPoint", _NCX_NS):
        label = point.findtext("ncx:navLabel/ncx:text", default="", namespaces=_NCX_NS)
        content = point.find("ncx:content", _NCX_NS)
        if content is not None and content.get("src"):
            titles.setdefault(_resolve(ncx_path, content.get("src")), " ".join(label.split()))
    return titles


def read_epub(data: bytes, name: str, charset: str | None = None) -> Extracted:
    """An EPUB's bytes -> its text, chapter by chapter in spine order (non-linear items such as
    notes skipped unless nothing else is linear), and ``chapters`` = ``[(title, offset)]``. A
    chapter's title comes from the table of contents and becomes the chapter's first paragraph
    unless the chapter already starts with it; without one, the chapter list shows the chapter's
    first paragraph (usually its heading), cut to 80 characters. Chapters without text
    (a cover picture) are left out. Raises :class:`DocumentError` for a damaged or DRM-protected
    e-book, or one with no text (its chapters' problems are logged and those chapters left out)."""
    archive = open_zip(data, name, DESCRIPTION)
    encrypted = _encrypted(archive, name)
    container = _xml(read_member(archive, "META-INF/container.xml", name, DESCRIPTION), name, "META-INF/container.xml")
    rootfile = container.find(".//c:rootfile", _CONTAINER_NS)
    if rootfile is None or not rootfile.get("full-path"):
        raise DocumentError(f"{name} is not a valid {DESCRIPTION}: its container names no package document.")
    opf_path = rootfile.get("full-path")
    opf = _xml(read_member(archive, opf_path, name, DESCRIPTION), name, opf_path)
    manifest = {
        item.get("id"): item for item in opf.iterfind("opf:manifest/opf:item", _OPF_NS) if item.get("id") and item.get("href")
    }
    spine = opf.find("opf:spine", _OPF_NS)
    if spine is None:
        raise DocumentError(f"{name} is not a valid {DESCRIPTION}: its package document has no spine.")
    itemrefs = [ref for ref in spine.iterfind("opf:itemref", _OPF_NS) if ref.get("idref") in manifest]
    linear = [ref for ref in itemrefs if ref.get("linear", "yes") != "no"] or itemrefs

    titles: dict[str, str] = {}
    nav = next((item for item in manifest.values() if "nav" in (item.get("properties") or "").split()), None)
    ncx = manifest.get(spine.get("toc") or "")
    try:
        if nav is not None:
            titles = _nav_titles(archive, name, _resolve(opf_path, nav.get("href")))
        if not titles and ncx is not None:
            titles = _ncx_titles(archive, name, _resolve(opf_path, ncx.get("href")))
    except DocumentError as exc:  # a broken table of contents costs the titles, not the book
        log.warning("%s", exc)

    builder = ParagraphText()
    chapters: list[tuple[str, int]] = []
    for ref in linear:
        item = manifest[ref.get("idref")]
        if "html" not in (item.get("media-type") or ""):
            continue
        path = _resolve(opf_path, item.get("href"))
        if path in encrypted:
            raise DocumentError(f"{name} is protected by DRM; Qari can open only e-books without it.")
        try:
            tree = _xhtml(read_member(archive, path, name, DESCRIPTION))
            paragraphs = element_paragraphs(tree.find("body") if tree.find("body") is not None else tree)
        except (ValueError, DocumentError) as exc:  # one damaged chapter: keep the others, and say so
            log.warning("%s: chapter %s cannot be read: %s", name, path, exc)
            continue
        paragraphs = [" ".join(p.split()) for p in paragraphs]
        paragraphs = [p for p in paragraphs if p]
        if not paragraphs:
            continue
        title = titles.get(path) or ""
        tree_title = paragraphs[0] if not title else ""
        offset = builder.offset
        if title and paragraphs[0] != title:
            builder.add(title)
        for paragraph in paragraphs:
            builder.add(paragraph)
        chapters.append((title or tree_title[:80], offset))
    text = builder.text()
    if not text:
        raise DocumentError(f"{name} has no text (an e-book of pictures, or an empty one).")
    return Extracted(text, chapters=chapters)


def _is_epub(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and b"application/epub+zip" in data[:100]


FORMAT = Format(
    description=DESCRIPTION,
    extensions=(".epub",),
    media_types=("application/epub+zip",),
    read=read_epub,
    signature=_is_epub,
    max_bytes=MAX_PACKAGE_BYTES,
)
