"""Real CalDAV servers for the tests: Radicale and Xandikos, each started as its own process
on 127.0.0.1 with a free port and a temporary storage folder, and stopped afterwards.

They come with the plugin's ``test`` extra. A missing one skips its tests here, but fails
them when ``CI`` is set: CI installs them, so a missing server there is a broken setup.
"""

from __future__ import annotations

import base64
import http.client
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest

from caldav_proxy import Proxy

USER, PASSWORD = "ethan", "ímpossible-7"
"""The htpasswd Radicale's one account (a non-ASCII password on purpose)."""


def require(module: str) -> None:
    """Skip, or under ``CI`` fail, when the server ``module`` is not installed."""
    if importlib.util.find_spec(module) is not None:
        return
    message = (f"{module} is not installed; pip install -e \"plugins/mitimeline-caldav[test]\" "
               f"installs it")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@attrs.frozen
class Server:
    """A running server: ``root`` (``http://127.0.0.1:PORT``), ``calendar`` (the URL of an
    empty calendar made for the test), ``auth`` (user, password) it wants, if any."""

    kind: str
    root: str
    calendar: str
    auth: tuple[str, str] | None
    log: Path

    @property
    def port(self) -> int:
        return int(self.root.rpartition(":")[2])


@attrs.frozen
class Calendar:
    """An empty calendar made for one test on ``server``, reached directly at ``url`` or
    through ``proxy`` at ``proxied``."""

    server: Server
    url: str
    proxy: Proxy

    @property
    def proxied(self) -> str:
        return self.proxy.url + self.url.removeprefix(self.server.root)

    @property
    def auth(self) -> tuple[str, str] | None:
        return self.server.auth


def _wait(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}: "
                               f"{log.read_text(errors='replace')[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not listen on port {port} within 30 s")


def request(method: str, url: str, body: bytes = b"", auth: tuple[str, str] | None = None,
            headers: dict[str, str] | None = None) -> int:
    """Send one request (to set a server up), return its status."""
    host_port, _, path = url.removeprefix("http://").partition("/")
    host, _, port = host_port.partition(":")
    sent = dict(headers or {})
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        sent["Authorization"] = f"Basic {token}"
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, "/" + path, body=body, headers=sent)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key, made by the ``openssl`` command
    (``.ci/setup-caldav.sh`` installs it)."""
    if shutil.which("openssl") is None:
        message = "the openssl command is missing; .ci/setup-caldav.sh (as root) installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@contextmanager
def radicale(folder: Path, htpasswd: bool = False, tls: bool = False) -> Iterator[Server]:
    """Radicale with ``--auth-type none`` (any user name, any password), or with an htpasswd
    file holding :data:`USER`; over HTTPS with a self-signed certificate when ``tls``; a
    calendar ``/ethan/timeline/``."""
    require("radicale")
    port = free_port()
    log = folder / "radicale.log"
    command = [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
               "--storage-filesystem-folder", str(folder / "storage"), "--auth-delay", "0",
               "--logging-level", "info"]
    if tls:
        cert, key = self_signed(folder)
        command += ["--server-ssl", "--server-certificate", str(cert), "--server-key", str(key)]
    if htpasswd:
        (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        command += ["--auth-type", "htpasswd", "--auth-htpasswd-filename",
                    str(folder / "users"), "--auth-htpasswd-encryption", "plain"]
    else:
        command += ["--auth-type", "none"]
    auth = (USER, PASSWORD)
    with _process(command, log, port):
        root = f"http://127.0.0.1:{port}"
        calendar = f"{root}/{USER}/timeline/"
        if not tls:
            status = request("MKCALENDAR", calendar, auth=auth)
            assert status == 201, status
        yield Server("radicale", root.replace("http:", "https:") if tls else root,
                     calendar.replace("http:", "https:") if tls else calendar, auth, log)


@contextmanager
def xandikos(folder: Path) -> Iterator[Server]:
    """Xandikos without authentication, its default calendar ``/user/calendars/calendar/``."""
    require("xandikos")
    port = free_port()
    log = folder / "xandikos.log"
    command = [sys.executable, "-m", "xandikos", "serve", "-d", str(folder / "storage"),
               "--defaults", "-l", "127.0.0.1", "-p", str(port)]
    with _process(command, log, port):
        root = f"http://127.0.0.1:{port}"
        yield Server("xandikos", root, f"{root}/user/calendars/calendar/", None, log)


@contextmanager
def _process(command: list[str], log: Path, port: int) -> Iterator[None]:
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait(port, process, log)
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
