"""Building test documents of every format Qari opens, from text we own (the bundled sample
article, or the test's own): HTML pages, EPUB e-books, Word files and PDFs written with
presentation-form letters as real Arabic PDFs carry them. Used by the tests and by
``benchmarks/bench_open.py``."""
from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from models.text.bidi import paragraph_direction

# -- Arabic shaping: ordinary letters -> presentation forms (Unicode's <isolated>, <final>,
# <initial>, <medial> decompositions of U+FE70-FEFC give the table) ---------------------------
FORMS: dict[str, dict[str, str]] = {}
LAM_ALEF: dict[str, dict[str, str]] = {}
for _cp in range(0xFE70, 0xFEFD):
    _kind, *_codes = unicodedata.decomposition(chr(_cp)).split() or [""]
    _base = "".join(chr(int(c, 16)) for c in _codes)
    if len(_base) == 1:
        FORMS.setdefault(_base, {})[_kind.strip("<>")] = chr(_cp)
    elif len(_base) == 2 and _base[0] == "\u0644":
        LAM_ALEF.setdefault(_base[1], {})[_kind.strip("<>")] = chr(_cp)


def _joins_after(ch: str) -> bool:
    return "medial" in FORMS.get(ch, {})


def _joins_before(ch: str) -> bool:
    return "final" in FORMS.get(ch, {})


def shape(text: str) -> str:
    """``text`` (logical order) with each Arabic letter as its contextual presentation form and
    lam-alef as its ligature, as a PDF maker that shapes by itself writes it. Marks are transparent."""
    out: list[str] = []
    letters = [(i, ch) for i, ch in enumerate(text) if not unicodedata.combining(ch)]
    previous: dict[int, str] = {}
    following: dict[int, str] = {}
    for k, (i, ch) in enumerate(letters):
        previous[i] = letters[k - 1][1] if k else ""
        following[i] = letters[k + 1][1] if k + 1 < len(letters) else ""
    skip = set()
    for i, ch in enumerate(text):
        if i in skip:
            continue
        if ch not in FORMS:
            out.append(ch)
            continue
        before = _joins_after(previous[i]) and _joins_before(ch)
        after_letter = following[i]
        if ch == "\u0644" and after_letter in LAM_ALEF:
            out.append(LAM_ALEF[after_letter]["final" if before else "isolated"])
            skip.add(next(j for j in range(i + 1, len(text)) if text[j] == after_letter))
            continue
        after = _joins_after(ch) and _joins_before(after_letter)
        kind = ("medial" if after else "final") if before else ("initial" if after else "isolated")
        out.append(FORMS[ch].get(kind) or FORMS[ch]["isolated"])
    return "".join(out)


# -- PDF ----------------------------------------------------------------------------------------
def pdf_bytes(pages: list[list[str]], logical: bool = True) -> bytes:
    """A PDF whose pages show the given lines, top to bottom, each line one text-showing
    operator, in a Type0 font with a ToUnicode map to exactly the characters given (no font
    program: text extraction needs none). ``pages`` of ``[]`` give pages without text, as a scan.

    With ``logical`` each line's characters are written in reading order, which pypdf's
    right-to-left handling gives back with the letters of each Arabic run reversed, what the
    repair in :mod:`models.documents.pdf` undoes. Without it, in visual order (:func:`visual`),
    as most PDF makers place glyphs."""
    chars = sorted({c for page in pages for line in page for c in line})
    code = {c: i + 1 for i, c in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(content: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"

    cmap = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
            "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = list(code.items())
    for k in range(0, len(items), 100):
        chunk = items[k:k + 100]
        cmap.append(f"{len(chunk)} beginbfchar")
        cmap += [f"<{i:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c, i in chunk]
        cmap.append("endbfchar")
    cmap += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    catalog, page_tree = add(b""), add(b"")
    to_unicode = add(stream("\n".join(cmap).encode()))
    descriptor = add(b"<< /Type /FontDescriptor /FontName /QariTest /Flags 4 /FontBBox [0 -300 1000 900]"
                     b" /ItalicAngle 0 /Ascent 900 /Descent -300 /CapHeight 700 /StemV 80 >>")
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /QariTest /CIDSystemInfo << /Registry (Adobe)"
                   b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 500 >>" % descriptor)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /QariTest /Encoding /Identity-H"
               b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode))
    kids = []
    for lines in pages:
        operators = ["BT", "/F1 10 Tf"]
        for n, line in enumerate(lines):
            glyphs = line if logical or paragraph_direction(line) == "ltr" else visual(line)
            operators.append(f"1 0 0 1 40 {800 - 14 * n} Tm <{''.join(f'{code[c]:04X}' for c in glyphs)}> Tj")
        operators.append("ET")
        content = add(stream("\n".join(operators).encode()))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >>"
                        b" /Contents %d 0 R >>" % (page_tree, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def typeset_pdf_bytes(pages: list[list[str]]) -> bytes:
    """A PDF as a word processor makes one: each line (logical order) typeset by fpdf2 with the
    Amiri font, shaped by HarfBuzz and laid out by the Unicode bidi algorithm (right-aligned
    when right-to-left), its glyphs placed in visual order with a ToUnicode map. Needs the test
    extras fpdf2 (LGPL-3.0) and uharfbuzz."""
    import fontpkg
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Amiri", fname=str(fontpkg.path("Amiri", weight=400, style="normal")))
    pdf.set_text_shaping(True)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Amiri", size=12)
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT", align="R" if paragraph_direction(line) == "rtl" else "L")
    return bytes(pdf.output())


_LTR_RUN_RE = re.compile(r"([0-9A-Za-z]+(?:[.,:/-][0-9A-Za-z]+)*)")


def visual(line: str) -> str:
    """A right-to-left line in visual order (left to right on the page): runs of digits and
    Latin letters kept as they read, everything else reversed (no bracket mirroring)."""
    pieces = _LTR_RUN_RE.split(line)
    return "".join(piece if n % 2 else piece[::-1] for n, piece in reversed(list(enumerate(pieces))))


def wrap(paragraph: str, width: int = 70) -> list[str]:
    """``paragraph`` cut into lines of at most ``width`` characters at spaces, as a PDF sets it."""
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


# -- HTML, EPUB, DOCX -------------------------------------------------------------------------
def html_page(title: str, paragraphs: list[str], charset: str = "utf-8") -> bytes:
    """A news page around an article: a menu, a script, a remote image and stylesheet, a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}"><title>{html.escape(title)} | أخبار</title>
<link rel="stylesheet" href="http://192.0.2.1/style.css"><script>document.write("سكريبت")</script></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">العالم</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<main><article><h1>{html.escape(title)}</h1><img src="http://192.0.2.1/photo.jpg" alt="صورة">
{body}
</article></main>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"""
    return page.encode(charset)


def epub_bytes(chapters: list[tuple[str, list[str]]], toc: str = "nav", title: str = "كتاب") -> bytes:
    """An EPUB 3 (``toc="nav"``) or EPUB 2 (``toc="ncx"``) book: one XHTML file per chapter
    (a heading, then paragraphs), a cover page without text first, and the spine in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>""")
        files = [("cover.xhtml", "", [])] + [(f"text/ch{n}.xhtml", t, ps) for n, (t, ps) in enumerate(chapters, 1)]
        for path, heading, paragraphs in files:
            body = (f"<h1>{html.escape(heading)}</h1>" if heading else '<img src="cover.jpg" alt=""/>') + "".join(
                f"<p>{html.escape(p)}</p>" for p in paragraphs)
            book.writestr(f"OEBPS/{path}", f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar" dir="rtl"><head><title>{html.escape(heading)}</title></head><body>{body}</body></html>""")
        links = "".join(f'<li><a href="{p}">{html.escape(t)}</a></li>' for p, t, _ in files[1:])
        book.writestr("OEBPS/nav.xhtml", f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>toc</title></head>
<body><nav epub:type="toc"><ol>{links}</ol></nav></body></html>""")
        points = "".join(f'<navPoint id="p{n}"><navLabel><text>{html.escape(t)}</text></navLabel><content src="{p}"/></navPoint>'
                         for n, (p, t, _) in enumerate(files[1:], 1))
        book.writestr("OEBPS/toc.ncx", f"""<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>{points}</navMap></ncx>""")
        items = "".join(f'<item id="i{n}" href="{p}" media-type="application/xhtml+xml"/>' for n, (p, _, _) in enumerate(files))
        nav_item = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' if toc == "nav" else ""
        refs = "".join(f'<itemref idref="i{n}"/>' for n in range(len(files)))
        book.writestr("OEBPS/content.opf", f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{'3.0' if toc == 'nav' else '2.0'}" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{html.escape(title)}</dc:title><dc:language>ar</dc:language></metadata>
<manifest>{items}{nav_item}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
<spine toc="ncx">{refs}</spine></package>""")
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    """A Word document: the paragraphs, then (if given) a table of the given rows of cells."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def sample_paragraphs() -> tuple[str, list[str]]:
    """(headline, paragraphs) of the bundled sample article."""
    from models.documents import sample_path

    lines = [line.strip() for line in sample_path().read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1:]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
