"""A real HTTP proxy on 127.0.0.1 in front of a test server: it counts the requests that
pass (method and path), can answer with a redirect, and can cut the connection, before or
after forwarding a PUT, to play a network that drops mid-publish."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
        "upgrade", "content-length", "host"}


class Proxy(ThreadingHTTPServer):
    """Forwards to ``upstream`` (``http://127.0.0.1:PORT``). ``requests`` lists each
    (method, path) received; ``redirects`` maps a path prefix to the prefix a 301 sends the
    client to; after ``cut_after`` PUTs have been forwarded the proxy is ``down``: it
    closes every connection without answering (``cut_forwarding``: the PUT that finds it
    down still reaches the server, and only its answer is lost)."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        host, _, port = upstream.removeprefix("http://").partition(":")
        self.upstream = (host, int(port))
        self.requests: list[tuple[str, str]] = []
        self.redirects: dict[str, str] = {}
        self.cut_after: int | None = None
        self.cut_forwarding = False
        self.down = False
        self.puts = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, method: str) -> int:
        """How many requests with ``method`` passed."""
        return sum(1 for sent, _ in self.requests if sent == method)

    def reset(self) -> None:
        """Forget the requests seen and bring the proxy back up."""
        with self.lock:
            self.requests.clear()
            self.cut_after, self.down, self.puts = None, False, 0

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection cut on purpose is no error worth a traceback."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Proxy

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def _forward(self) -> None:
        proxy = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with proxy.lock:
            if proxy.down:
                return self._cut()
            proxy.requests.append((self.command, self.path))
            cut_now = False
            if self.command == "PUT" and proxy.cut_after is not None:
                if proxy.puts >= proxy.cut_after:
                    proxy.down = True
                    cut_now = True
                proxy.puts += 1
        if cut_now and not proxy.cut_forwarding:
            return self._cut()
        for prefix, target in proxy.redirects.items():
            if self.path.startswith(prefix):
                self.send_response(301)
                self.send_header("Location", target + self.path[len(prefix):])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
        status, reason, headers, data = self._upstream(body)
        if cut_now:
            return self._cut()
        self.send_response(status, reason)
        for name, value in headers:
            if name.lower() not in _HOP:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return None

    def _upstream(self, body: bytes) -> tuple[int, str, list[tuple[str, str]], bytes]:
        connection = http.client.HTTPConnection(*self.server.upstream, timeout=30)
        try:
            headers = {name: value for name, value in self.headers.items()
                       if name.lower() not in _HOP}
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            return response.status, response.reason, response.getheaders(), response.read()
        finally:
            connection.close()

    def _cut(self) -> None:
        self.close_connection = True
        with suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = _forward
    do_POST = do_HEAD = do_OPTIONS = do_PROPPATCH = do_MKCOL = _forward


@contextmanager
def proxy(upstream: str) -> Iterator[Proxy]:
    """A :class:`Proxy` serving in a thread for the ``with`` block."""
    server = Proxy(upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
