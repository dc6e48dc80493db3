"""HTTP for CalDAV on the standard library's ``http.client``: one kept-alive connection per
server, a timeout on every request, retries with backoff on connection failures and 5xx
answers, redirects followed, credentials sent only to the hosts they are for, and every
request counted. Nothing here logs or repeats a header: credentials never leave it."""

from __future__ import annotations

import base64
import http.client
import logging
import socket
import ssl
import time
from collections.abc import Mapping
from urllib.parse import urljoin, urlsplit

import attrs

from .errors import AuthenticationError, ConnectionFailedError, PublishError

__all__ = ["BACKOFF", "RETRIES", "TIMEOUT", "Client", "Response"]

log = logging.getLogger("mitimeline_caldav")

TIMEOUT = 30.0
"""Seconds to wait for a connection or an answer."""
RETRIES = 3
"""How many times a request is tried again after a connection failure or a 5xx answer."""
BACKOFF = 0.5
"""Seconds before the first retry; each later one waits twice as long."""
_REDIRECTS = 5
_RETRY_STATUSES = frozenset({500, 502, 503, 504})
_RETRY_AFTER_CAP = 10.0


@attrs.frozen
class Response:
    """An answer: ``status``, ``headers`` (lower-case names), ``body``, and the ``url`` it
    came from after any redirects."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes
    url: str

    @property
    def ok(self) -> bool:
        """True for a 2xx status."""
        return 200 <= self.status < 300

    def describe(self) -> str:
        """``405 Method Not Allowed``."""
        return f"{self.status} {self.reason}".strip()


@attrs.define
class Client:
    """Requests to one CalDAV service. ``auth`` (user, password) goes, as HTTP Basic, to the
    ``trusted`` hosts only: the URL's own, and those :meth:`trust` adds (a calendar home
    the server names); never to a host a redirect leads to. ``verify`` checks TLS
    certificates. ``requests`` counts the requests sent, retries and redirects included."""

    url: str
    auth: tuple[str, str] | None = None
    verify: bool = True
    timeout: float = TIMEOUT
    retries: int = RETRIES
    backoff: float = BACKOFF
    requests: int = 0
    trusted: set[str] = attrs.field(factory=set)
    _connections: dict[tuple[str, str, int], http.client.HTTPConnection] = attrs.field(
        factory=dict, alias="_connections")

    def __attrs_post_init__(self) -> None:
        self.trusted.add(_origin(self.url))

    @property
    def user(self) -> str | None:
        """The user name credentials were given for, if any."""
        return self.auth[0] if self.auth else None

    def trust(self, url: str) -> None:
        """Send the credentials to ``url``'s host too (one the server itself named)."""
        self.trusted.add(_origin(url))

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: Mapping[str, str] | None = None) -> Response:
        """Send ``method`` to ``url``, following up to 5 redirects (the method and body go
        along), and return the answer. Raises :class:`AuthenticationError` on 401 and
        :class:`ConnectionFailedError` when the server cannot be reached after retries."""
        for _ in range(_REDIRECTS + 1):
            response = self._with_retries(method, url, body, headers or {})
            location = response.headers.get("location")
            if response.status in (301, 302, 303, 307, 308) and location:
                url = urljoin(url, location)
                log.debug("redirected to %s", url)
                continue
            if response.status == 401:
                raise self._refused(url)
            return response
        raise PublishError(f"{_host(url)} redirected more than {_REDIRECTS} times, starting "
                           f"from {url}")

    def close(self) -> None:
        """Close every connection."""
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()

    def _refused(self, url: str) -> AuthenticationError:
        if self.auth is None:
            return AuthenticationError(
                f"{_host(url)} asks for a user name and password: set "
                f"MITIMELINE_CALDAV_USERNAME and MITIMELINE_CALDAV_PASSWORD, or add the host "
                f"to ~/.netrc")
        return AuthenticationError(f"authentication failed for {self.auth[0]} at {_host(url)}")

    def _with_retries(self, method: str, url: str, body: bytes | None,
                      headers: Mapping[str, str]) -> Response:
        delay = self.backoff
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._once(method, url, body, headers)
            except ssl.SSLCertVerificationError as exc:
                raise ConnectionFailedError(
                    f"cannot verify the TLS certificate of {_host(url)}: "
                    f"{exc.verify_message or exc}; use --insecure (insecure=True) only for a "
                    f"test server you trust") from exc
            except (OSError, http.client.HTTPException) as exc:
                self._drop(url)
                if last:
                    raise ConnectionFailedError(
                        f"cannot reach {_host(url)}: {_reason(exc)} (after "
                        f"{self.retries + 1} tries)") from exc
                log.debug("%s %s failed (%s); retrying in %.1f s", method, url, _reason(exc),
                          delay)
            else:
                if response.status not in _RETRY_STATUSES or last:
                    return response
                log.debug("%s %s answered %s; retrying", method, url, response.describe())
                delay = max(delay, _retry_after(response))
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def _once(self, method: str, url: str, body: bytes | None,
              headers: Mapping[str, str]) -> Response:
        parts = urlsplit(url)
        connection = self._connection(url)
        sent = {"User-Agent": "mitimeline-caldav", **headers}
        if self.auth is not None and _origin(url) in self.trusted:
            sent["Authorization"] = _basic(*self.auth)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.requests += 1
        connection.request(method, path, body=body, headers=sent)
        answer = connection.getresponse()
        data = answer.read()
        log.debug("%s %s -> %s", method, url, answer.status)
        if answer.will_close:
            self._drop(url)
        headers_read = {name.lower(): value for name, value in answer.getheaders()}
        return Response(answer.status, answer.reason, headers_read, data, url)

    def _connection(self, url: str) -> http.client.HTTPConnection:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise PublishError(f"expected an http:// or https:// URL, got {url!r}")
        port = parts.port or (443 if scheme == "https" else 80)
        key = (scheme, parts.hostname, port)
        connection = self._connections.get(key)
        if connection is None:
            if scheme == "https":
                connection = http.client.HTTPSConnection(
                    parts.hostname, port, timeout=self.timeout, context=self._tls())
            else:
                connection = http.client.HTTPConnection(parts.hostname, port,
                                                        timeout=self.timeout)
            self._connections[key] = connection
        return connection

    def _tls(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if not self.verify:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context

    def _drop(self, url: str) -> None:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        port = parts.port or (443 if scheme == "https" else 80)
        connection = self._connections.pop((scheme, parts.hostname or "", port), None)
        if connection is not None:
            connection.close()


def _basic(user: str, password: str) -> str:
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.rpartition('@')[2].lower()}"


def _host(url: str) -> str:
    """The host (and port) of ``url``, for messages: never a user or password in it."""
    return urlsplit(url).netloc.rpartition("@")[2] or url


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, ConnectionResetError | http.client.RemoteDisconnected):
        return "the connection was closed"
    if isinstance(exc, socket.gaierror):
        return f"unknown host ({exc.strerror})"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text)


def _retry_after(response: Response) -> float:
    try:
        return min(float(response.headers.get("retry-after", "0")), _RETRY_AFTER_CAP)
    except ValueError:
        return 0.0
