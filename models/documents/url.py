"""Articles on the web: fetching an http(s) URL with a timeout and a size limit, then reading the
response with the format its media type names (a web page with :mod:`models.documents.html`)."""
from __future__ import annotations

import logging
import re
import socket
import time
import urllib.error
import urllib.request
from email.message import Message

from models.documents.base import Extracted, Format
from models.errors import DocumentError

log = logging.getLogger(__name__)

#: Seconds to wait for the server to answer (and between two parts of its answer).
TIMEOUT = 15.0
#: Seconds the whole download may take (a server that trickles its answer never trips :data:`TIMEOUT`).
TOTAL_TIME = 60.0
USER_AGENT = "Qari/0.1 (Arabic reading aid)"
_CHUNK = 64 * 1024


def is_url(text: str) -> bool:
    """Whether ``text`` is an http or https URL (what :func:`fetch` accepts)."""
    return text.strip().lower().startswith(("http://", "https://"))


def refuse_other_schemes(text: str) -> None:
    """Raise :class:`DocumentError` when ``text`` is a URL of another scheme (``ftp://``,
    ``file://``...), which would otherwise be taken for a path and said not to exist."""
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*)://", text)
    if scheme and not is_url(text):
        raise DocumentError(f"{text.strip()} cannot be opened: only http:// and https:// addresses are fetched "
                            f"(not {scheme.group(1)}://); for a file, give its path.")


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https only (not ftp or file)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_body(response, limit: int, url: str) -> bytes:
    """At most ``limit + 1`` bytes of ``response``; raises :class:`DocumentError` after :data:`TOTAL_TIME`."""
    deadline = time.monotonic() + TOTAL_TIME
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = response.read1(min(_CHUNK, limit + 1 - size))  # what has come, not a full chunk
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise DocumentError(f"{url} is too slow to download (more than {TOTAL_TIME:g} seconds); try again later.")
    return b"".join(chunks)


def fetch(url: str, formats: tuple[Format, ...], timeout: float = TIMEOUT) -> tuple[Format, bytes, str | None]:
    """``(format, body, charset)`` of the response to a GET of ``url``: the format of
    ``formats`` whose media type the server names (or, for a generic type, whose signature
    matches the body), the body (at most that format's ``max_bytes``) and the charset of its
    Content-Type. Raises :class:`DocumentError` offline, on a timeout, an HTTP error status
    (404...), a body over the limit, or a media type no format reads (an image)."""
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            media_type = headers.get_content_type()
            fmt = next((f for f in formats if media_type in f.media_types), None)
            limit = max(f.max_bytes for f in formats) if fmt is None else fmt.max_bytes
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise DocumentError(f"{url} is too large to open ({int(length) / 1e6:.0f} MB; the limit is {limit // 2**20} MB).")
            body = _read_body(response, limit, url)
    except DocumentError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()  # its body is an open response: the error is kept (as the cause), its socket is not
        reason = "was not found" if exc.code == 404 else f"could not be fetched: the server answered {exc.code} {exc.reason}"
        raise DocumentError(f"{url} {reason} (HTTP {exc.code}).") from exc
    except (TimeoutError, socket.timeout) as exc:
        raise DocumentError(f"{url} did not answer within {timeout:g} seconds; check the address and your connection.") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise DocumentError(f"{url} did not answer within {timeout:g} seconds; check the address and your connection.") from exc
        raise DocumentError(f"{url} cannot be reached ({exc.reason}); are you offline?") from exc
    except (OSError, ValueError) as exc:  # connection reset, bad URL syntax, a broken chunked body
        raise DocumentError(f"{url} cannot be fetched: {exc}.") from exc
    if len(body) > limit:
        raise DocumentError(f"{url} is too large to open (more than {limit // 2**20} MB).")
    if fmt is None and media_type in ("application/octet-stream", "binary/octet-stream"):
        fmt = next((f for f in formats if f.signature is not None and f.signature(body)), None)
    if fmt is None:
        raise DocumentError(f"{url} is not an article: the server sent {media_type}, which Qari cannot read.")
    log.info("fetched %s (%s, %d bytes)", url, media_type, len(body))
    return fmt, body, headers.get_content_charset()


def read_url(url: str, formats: tuple[Format, ...], timeout: float = TIMEOUT) -> Extracted:
    """Fetch ``url`` (:func:`fetch`) and read it with its format. Raises :class:`DocumentError`."""
    fmt, body, charset = fetch(url, formats, timeout)
    return fmt.read(body, url, charset)
