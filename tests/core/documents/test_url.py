"""Opening a URL: fetched from a local HTTP server on 127.0.0.1 only, read by the format its
media type names, and a plain sentence for a 404, a timeout, an image or a server that is gone."""
import socket

import pytest

from models.documents import load_document
from models.documents import url as url_module
from models.errors import DocumentError
from tests.support.documents import html_page, pdf_bytes, sample_paragraphs, shape
from tests.support.http_server import serving

TITLE, PARAGRAPHS = sample_paragraphs()
ARTICLE = PARAGRAPHS[2:5]
PAGES = {
    "/article.html": ("text/html; charset=windows-1256", html_page(TITLE, ARTICLE, "windows-1256")),
    "/article.txt": ("text/plain; charset=utf-8", "\n".join(ARTICLE).encode()),
    "/article.pdf": ("application/pdf", pdf_bytes([[shape(ARTICLE[0][:60])]])),
    "/download": ("application/octet-stream", pdf_bytes([[shape(ARTICLE[0][:60])]])),
    "/photo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
    "/moved": ("redirect", b"/article.html"),
}


@pytest.fixture(scope="module")
def server():
    """A threaded HTTP server on 127.0.0.1 (an ephemeral port) serving :data:`PAGES`."""
    with serving(PAGES) as base:
        yield base


def test_a_web_page_is_fetched_and_its_article_read_with_the_url_as_source(server):
    doc = load_document(f"{server}/article.html")
    assert doc.source == f"{server}/article.html"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == TITLE and [p.split() for p in paragraphs[1:]] == [p.split() for p in ARTICLE]


def test_text_pdf_redirect_and_untyped_download(server):
    assert load_document(f"{server}/article.txt").text.split("\n") == ARTICLE
    assert load_document(f"{server}/article.pdf").text.split() == ARTICLE[0][:60].split()
    assert load_document(f"{server}/download").text.split() == ARTICLE[0][:60].split()  # known by its first bytes
    assert load_document(f"{server}/moved").text.startswith(TITLE)


def test_not_found_image_and_too_large_are_refused_with_a_sentence(server, monkeypatch):
    with pytest.raises(DocumentError, match=r"/gone was not found \(HTTP 404\)\."):
        load_document(f"{server}/gone")
    with pytest.raises(DocumentError, match="is not an article: the server sent image/png"):
        load_document(f"{server}/photo.png")
    from models.documents import html

    monkeypatch.setattr(html, "FORMAT", html.FORMAT.__class__(**{**html.FORMAT.__dict__, "max_bytes": 1000}))
    from models import documents

    monkeypatch.setattr(documents, "FORMATS", (documents.text.FORMAT, html.FORMAT))
    with pytest.raises(DocumentError, match=r"too large to open \(0 MB; the limit is 0 MB\)"):
        documents.load_document(f"{server}/article.html")


def test_a_server_that_does_not_answer_times_out(server, monkeypatch):
    from models.documents import FORMATS

    with pytest.raises(DocumentError, match=r"/slow did not answer within 0.5 seconds; check the address"):
        url_module.read_url(f"{server}/slow", FORMATS, timeout=0.5)


def test_a_server_that_sends_a_trickle_is_given_up_after_the_total_time(server, monkeypatch):
    """A server that answers at once and then sends a byte every 0.1 s never trips the 15 s wait
    between parts of its answer; the whole download still ends after TOTAL_TIME with a sentence."""
    from models.documents import FORMATS

    monkeypatch.setattr(url_module, "TOTAL_TIME", 0.5)
    with pytest.raises(DocumentError, match=r"/drip is too slow to download \(more than 0.5 seconds\)"):
        url_module.read_url(f"{server}/drip", FORMATS)


def test_offline_says_the_address_cannot_be_reached():
    with socket.socket() as probe:  # a port on 127.0.0.1 that nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DocumentError, match=f"http://127.0.0.1:{port}/a.html cannot be reached .*are you offline"):
        load_document(f"http://127.0.0.1:{port}/a.html")


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/x", "file:///etc/hostname"])
def test_other_schemes_are_refused_as_addresses_not_missing_files(address):
    with pytest.raises(DocumentError, match=f"^{address} cannot be opened: only http:// and https://"):
        load_document(address)
