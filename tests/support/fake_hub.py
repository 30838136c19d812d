"""A local stand-in for the Hugging Face Hub, serving one model folder over HTTP on 127.0.0.1.

It answers the three requests ``huggingface_hub`` makes to download a snapshot: the repository
info (``GET /api/models/{repo}/revision/{rev}``), file metadata (``HEAD
/{repo}/resolve/{rev}/{file}``, with the ``X-Repo-Commit`` and ``ETag`` headers) and file content
(``GET``, ``Range`` honoured), and the file listing (``GET /api/models/{repo}/tree/{rev}``). ``delay_s`` slows each 64 KiB chunk so that a test can cancel a
download half way. Used only by tests, with ``HF_ENDPOINT`` pointing at :attr:`FakeHub.url`."""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMMIT = "0123456789abcdef0123456789abcdef01234567"
CHUNK = 64 * 1024


class FakeHub:
    def __init__(self, repo_id: str, folder: Path, delay_s: float = 0.0):
        self.repo_id = repo_id
        self.files = {p.name: p.read_bytes() for p in Path(folder).iterdir() if p.is_file()}
        self.delay_s = delay_s
        self.requests: list[str] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _file(self):
                m = re.fullmatch(rf"/{re.escape(hub.repo_id)}/resolve/[^/]+/(.+)", self.path.split("?")[0])
                return m and m.group(1)

            def _send_meta(self, name: str, data: bytes, status: int = 200, length: int | None = None):
                self.send_response(status)
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("ETag", '"' + hashlib.sha256(data).hexdigest() + '"')
                self.send_header("Content-Length", str(len(data) if length is None else length))
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()

            def _json(self, value) -> None:
                body = json.dumps(value).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_HEAD(self):
                hub.requests.append(f"HEAD {self.path}")
                name = self._file()
                if name not in hub.files:
                    self.send_error(404)
                    return
                self._send_meta(name, hub.files[name])

            def do_GET(self):
                hub.requests.append(f"GET {self.path}")
                path = self.path.split("?")[0]
                if path.startswith(f"/api/models/{hub.repo_id}/revision/"):
                    self._json({
                        "id": hub.repo_id, "modelId": hub.repo_id, "sha": COMMIT, "private": False,
                        "siblings": [{"rfilename": n, "size": len(d)} for n, d in hub.files.items()],
                    })
                    return
                if path.startswith(f"/api/models/{hub.repo_id}/tree/"):
                    self._json([
                        {"type": "file", "path": n, "size": len(d), "oid": hashlib.sha1(d).hexdigest()}
                        for n, d in hub.files.items()
                    ])
                    return
                name = self._file()
                if name not in hub.files:
                    self.send_error(404)
                    return
                data = hub.files[name]
                start = 0
                m = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
                if m:
                    start = int(m.group(1))
                    self._send_meta(name, data, 206, len(data) - start)
                else:
                    self._send_meta(name, data)
                try:
                    for i in range(start, len(data), CHUNK):
                        self.wfile.write(data[i : i + CHUNK])
                        if hub.delay_s:
                            time.sleep(hub.delay_s)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeHub":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
