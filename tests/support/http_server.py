"""A threaded HTTP server on 127.0.0.1 (an ephemeral port) serving a table of pages, for the
tests of opening URLs (the core loader and the window). No test reaches beyond 127.0.0.1."""
from __future__ import annotations

import contextlib
import http.server
import threading
from typing import Iterator

#: ``path -> (content type, body)``; the content type ``"redirect"`` answers 302 to the body.
Pages = dict[str, tuple[str, bytes]]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/slow":
            self.server.release.wait(10)  # answers after the client gave up (or when the server stops)
            return
        if self.path == "/drip":  # a page, one byte every 0.1 s, until the client goes or the server stops
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            try:
                while not self.server.release.wait(0.1):
                    self.wfile.write(b" ")
                    self.wfile.flush()
            except OSError:  # the client gave up
                pass
            return
        if self.path not in self.server.pages:
            self.send_error(404)
            return
        kind, body = self.server.pages[self.path]
        if kind == "redirect":
            self.send_response(302)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(pages: Pages) -> Iterator[str]:
    """Serve ``pages`` while the block runs; yields the base URL (``http://127.0.0.1:PORT``).
    ``/slow`` never answers until the server stops; ``/drip`` answers at once and sends its body
    one byte every 0.1 s until the server stops; any other path not in ``pages`` is a 404."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.pages = pages
    httpd.release = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, name="test-http-server")
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)
