"""Fixtures: real servers (one Radicale and one Xandikos per test session, started on
first use), a fresh empty calendar on one of them for each test, a counting proxy in
front of it, and python-caldav reading back what was published."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

import mitimeline_caldav
from caldav_proxy import proxy
from caldav_servers import Calendar, Server, radicale, request, xandikos


@pytest.fixture(scope="session")
def _servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    stack = ExitStack()
    started: dict[str, object] = {"stack": stack, "folder": tmp_path_factory}
    with stack:
        yield started


def _server(servers: dict[str, object], kind: str) -> Server:
    if kind not in servers:
        stack = servers["stack"]
        factory = servers["folder"]
        assert isinstance(stack, ExitStack) and isinstance(factory, pytest.TempPathFactory)
        folder = factory.mktemp(kind)
        start = {"radicale": lambda: radicale(folder),
                 "radicale-htpasswd": lambda: radicale(folder, htpasswd=True),
                 "xandikos": lambda: xandikos(folder)}[kind]
        servers[kind] = stack.enter_context(start())
    found = servers[kind]
    assert isinstance(found, Server)
    return found


def new_calendar(server: Server) -> str:
    """Make an empty calendar next to the server's own; return its URL."""
    parent = server.calendar.rstrip("/").rpartition("/")[0]
    url = f"{parent}/{uuid.uuid4().hex[:12]}/"
    assert request("MKCALENDAR", url, auth=server.auth) == 201
    return url


@pytest.fixture(autouse=True)
def _no_user_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read the developer's own credentials: no variables, an empty ``~/.netrc``."""
    monkeypatch.delenv(mitimeline_caldav.USERNAME_ENV, raising=False)
    monkeypatch.delenv(mitimeline_caldav.PASSWORD_ENV, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


@pytest.fixture(params=["radicale", "xandikos"])
def calendar(request: pytest.FixtureRequest, _servers: dict[str, object]) -> Iterator[Calendar]:
    """An empty calendar on each server in turn, with a proxy in front of the server."""
    server = _server(_servers, request.param)
    with proxy(server.root) as front:
        yield Calendar(server, new_calendar(server), front)


@pytest.fixture
def radicale_calendar(_servers: dict[str, object]) -> Iterator[Calendar]:
    """An empty calendar on Radicale only."""
    server = _server(_servers, "radicale")
    with proxy(server.root) as front:
        yield Calendar(server, new_calendar(server), front)


@pytest.fixture
def htpasswd_calendar(_servers: dict[str, object]) -> Iterator[Calendar]:
    """An empty calendar on a Radicale that checks passwords (htpasswd)."""
    server = _server(_servers, "radicale-htpasswd")
    with proxy(server.root) as front:
        yield Calendar(server, new_calendar(server), front)
