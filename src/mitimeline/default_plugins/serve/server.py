"""The HTTP server of ``mitimeline serve``: a :class:`FeedServer` answering GET and HEAD for
the routes of :data:`ROUTES` from a :class:`~.feed.Feed`, with strong ETags,
``Last-Modified`` and 304 answers; :func:`serving` runs one in a background thread.

Built on the standard library's ``http.server`` (``ThreadingHTTPServer``): a few small
responses to calendar clients and a browser need no dependency (docs/feeds.md says more).
"""

from __future__ import annotations

import contextlib
import errno
import socket
import threading
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from mitimeline._files import os_reason
from mitimeline._version import __version__
from mitimeline.default_plugins.serve.addresses import LOOPBACK
from mitimeline.default_plugins.serve.conditional import http_date, not_modified
from mitimeline.default_plugins.serve.feed import Feed, FeedUnavailable
from mitimeline.errors import MitimelineError

__all__ = ["ROUTES", "FeedServer", "serving"]

ROUTES: Mapping[str, str] = {
    "/": "ical",
    "/calendar.ics": "ical",
    "/timeline.json": "json",
    "/gantt.html": "html",
}
"""Path → format name in the registry: the calendar (also at ``/``, for ``webcal://host/``),
the timeline as JSON and the HTML Gantt chart. Any other path is a 404."""


class FeedServer(ThreadingHTTPServer):
    """Serves ``feed`` on ``host``:``port`` (port 0: a free one, see :attr:`port`).

    Binding failures raise :class:`~mitimeline.MitimelineError` with one line saying what
    to do (a port in use, an address this machine does not have, a port needing privileges).
    """

    daemon_threads = True

    def __init__(self, feed: Feed, host: str = LOOPBACK, port: int = 0) -> None:
        self.feed = feed
        self.host = host.strip("[]")
        self.address_family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        try:
            super().__init__((self.host, port), _Handler)
        except OSError as exc:
            raise MitimelineError(_bind_problem(self.host, port, exc)) from exc
        except OverflowError as exc:  # a port above 65535
            raise MitimelineError(f"cannot listen on port {port}: expected a port from 0 "
                                  f"to 65535") from exc

    @property
    def port(self) -> int:
        """The port listened on (the free one chosen when asked for port 0)."""
        port: int = self.server_address[1]
        return port

    def url(self, path: str = "/calendar.ics", scheme: str = "http") -> str:
        """``scheme://host:port/path`` of this server (``webcal`` for subscriptions)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}{path}"


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (f"cannot listen on {where}: the port is in use; choose another with --port, "
                f"or --port 0 for a free one")
    if exc.errno == errno.EACCES:
        return f"cannot listen on {where}: permission denied (ports below 1024 need privileges)"
    if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
        return f"cannot listen on {where}: this machine has no such address"
    return f"cannot listen on {where}: {os_reason(exc)}"


@contextlib.contextmanager
def serving(feed: Feed, host: str = LOOPBACK, port: int = 0) -> Iterator[FeedServer]:
    """A :class:`FeedServer` answering in a background thread for the ``with`` block, then
    shut down and its socket closed."""
    server = FeedServer(feed, host, port)
    thread = threading.Thread(target=server.serve_forever, name="mitimeline-serve",
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    """GET and HEAD of :data:`ROUTES`; anything else is 404 (or 501 for other methods)."""

    server: FeedServer
    protocol_version = "HTTP/1.1"  # keep-alive: a Content-Length goes with every answer

    def version_string(self) -> str:
        """The ``Server`` header: the program, without Python's version."""
        return f"mitimeline/{__version__}"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        route = ROUTES.get(urlsplit(self.path).path)
        if route is None:
            known = ", ".join(ROUTES)
            self._plain(HTTPStatus.NOT_FOUND, f"not found; this server has {known}\n", body)
            return
        try:
            found = self.server.feed.get(route)
        except FeedUnavailable as exc:
            self._plain(HTTPStatus.INTERNAL_SERVER_ERROR, f"{exc}\n", body)
            return
        unchanged = not_modified(found.etag, found.modified, self.headers.get("If-None-Match"),
                                 self.headers.get("If-Modified-Since"))
        self.send_response(HTTPStatus.NOT_MODIFIED if unchanged else HTTPStatus.OK)
        self.send_header("ETag", found.etag)
        self.send_header("Last-Modified", http_date(found.modified))
        self.send_header("Cache-Control", "no-cache")  # keep it, but ask each time
        if unchanged:
            self.end_headers()
            return
        self.send_header("Content-Type", found.media_type)
        self.send_header("Content-Length", str(len(found.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(found.body)

    def _plain(self, status: HTTPStatus, text: str, body: bool) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)
