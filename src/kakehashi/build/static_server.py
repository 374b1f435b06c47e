"""A static file server for the built site, as any plain host would serve it.

It adds one thing a good host is configured to do: a missing page under ``/fr/`` or ``/ja/`` gets that
language's 404 page. Used by the browser tests and the benchmark; no search server, no rewriting.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _SiteHandler(SimpleHTTPRequestHandler):
    languages: tuple[str, ...] = ()

    def log_message(self, format, *args):  # noqa: A002 - signature from the standard library
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory) / (first if first in self.languages else "") / "404.html"
        if not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_site(site_dir: Path, languages: tuple[str, ...], host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Start serving ``site_dir`` in a background thread; ``server.server_address`` has the port."""
    handler = type("SiteHandler", (_SiteHandler,), {"languages": languages})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
