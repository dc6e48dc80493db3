"""Every error a user can meet while publishing, each one line, against real servers:
unreachable, wrong or missing credentials, a missing calendar (listing those there are),
a URL that is not a calendar, a server that is not CalDAV, an unverifiable certificate,
a name taken by someone else's object, a timeline whose ids repeat. No password ever
appears in a message."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import mitimeline
import pytest

import mitimeline_caldav
from caldav_reader import events
from caldav_servers import PASSWORD, USER, Calendar, free_port, radicale, request
from mitimeline_caldav import (
    AuthenticationError,
    CalendarNotFoundError,
    ConnectionFailedError,
    InsecureWarning,
    NotCalDAVError,
    PublishError,
    object_name,
    publish,
)

MI7 = mitimeline.datasets.mission_impossible_7()
ONE = MI7.filter(kind="release")


def test_an_unreachable_server() -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(ConnectionFailedError) as caught:
        publish(ONE, f"http://127.0.0.1:{port}/cal/")
    assert str(caught.value) == (f"cannot reach 127.0.0.1:{port}: connection refused "
                                 f"(after 4 tries)")


def test_a_wrong_password_names_the_user_and_host_never_the_password(
        htpasswd_calendar: Calendar) -> None:
    port = htpasswd_calendar.server.port
    with pytest.raises(AuthenticationError) as caught:
        publish(ONE, htpasswd_calendar.url, auth=(USER, "not-the-password"))
    assert str(caught.value) == f"authentication failed for {USER} at 127.0.0.1:{port}"
    with pytest.raises(AuthenticationError, match="asks for a user name and password: set "
                                                  "MITIMELINE_CALDAV_USERNAME"):
        publish(ONE, htpasswd_calendar.url)


def test_credentials_come_from_the_environment(htpasswd_calendar: Calendar,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(mitimeline_caldav.USERNAME_ENV, USER)
    monkeypatch.setenv(mitimeline_caldav.PASSWORD_ENV, PASSWORD)
    assert len(publish(ONE, htpasswd_calendar.url).created) == len(ONE)


def test_credentials_come_from_netrc(htpasswd_calendar: Calendar, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    assert len(publish(ONE, htpasswd_calendar.url).created) == len(ONE)
    netrc.write_text("machine 127.0.0.1 bogus ethan\n", encoding="utf-8")
    with pytest.raises(PublishError, match=r"cannot read .*netrc: line \d"):
        publish(ONE, htpasswd_calendar.url)


def test_a_user_without_a_password_anywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(mitimeline_caldav.USERNAME_ENV, USER)
    with pytest.raises(PublishError, match=f"no password for {USER} at example.org: set "
                                           f"MITIMELINE_CALDAV_PASSWORD"):
        publish(ONE, "https://example.org/dav/")
    monkeypatch.delenv(mitimeline_caldav.USERNAME_ENV)
    monkeypatch.setenv(mitimeline_caldav.PASSWORD_ENV, "secret")
    with pytest.raises(PublishError, match="MITIMELINE_CALDAV_PASSWORD is set but "
                                           "MITIMELINE_CALDAV_USERNAME is not"):
        publish(ONE, "https://example.org/dav/")


def test_a_missing_calendar_lists_those_there_are_and_create_makes_it(
        radicale_calendar: Calendar) -> None:
    home = radicale_calendar.server.root + f"/{USER}/"
    with pytest.raises(CalendarNotFoundError) as caught:
        publish(ONE, home, calendar="Production office", auth=radicale_calendar.auth)
    message = str(caught.value)
    assert message.startswith(f"no calendar named 'Production office' at {home}: the "
                              f"calendars there are ")
    assert "(timeline)" in message and message.endswith("--create (create=True) makes it")
    with pytest.raises(CalendarNotFoundError, match=f"{home} is not a calendar; choose one "
                                                    f"with --calendar NAME"):
        publish(ONE, home, auth=radicale_calendar.auth)
    dry = publish(ONE, home, calendar="Production office", create=True, dry_run=True,
                  auth=radicale_calendar.auth)
    assert dry.created == tuple(e.id for e in ONE) and dry.dry_run
    made = publish(ONE, home, calendar="Production office", create=True,
                   auth=radicale_calendar.auth)
    assert made.calendar == f"{home}production-office/"
    assert len(events(made.calendar, radicale_calendar.auth)) == len(ONE)
    again = publish(ONE, home, calendar="Production office", auth=radicale_calendar.auth)
    assert again.calendar == made.calendar and again.unchanged == made.created


def test_nothing_at_the_url(radicale_calendar: Calendar) -> None:
    url = radicale_calendar.server.root + f"/{USER}/no-such-calendar/"
    with pytest.raises(CalendarNotFoundError, match=f"nothing at {url} \\(404 Not Found\\); "
                                                    f"check the URL"):
        publish(ONE, url, auth=radicale_calendar.auth)


@pytest.fixture
def web_server(tmp_path: Path) -> Iterator[str]:
    """A plain web server (files, no WebDAV) on 127.0.0.1."""

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_server_that_is_not_caldav(web_server: str) -> None:
    with pytest.raises(NotCalDAVError) as caught:
        publish(ONE, web_server + "/")
    assert str(caught.value) == (f"{web_server}/ does not answer as a CalDAV server: PROPFIND "
                                 f"answered 501 Unsupported method ('PROPFIND'); expected 207 "
                                 f"Multi-Status")


def test_an_unverifiable_certificate_fails_unless_insecure(tmp_path: Path) -> None:
    with radicale(tmp_path, tls=True) as server:
        port = server.port
        with pytest.raises(ConnectionFailedError) as caught:
            publish(ONE, server.calendar, auth=server.auth, calendar="timeline", create=True)
        assert str(caught.value).startswith(f"cannot verify the TLS certificate of "
                                            f"127.0.0.1:{port}: self")
        assert str(caught.value).endswith("use --insecure (insecure=True) only for a test "
                                          "server you trust")
        home = server.root + f"/{USER}/"
        with pytest.warns(InsecureWarning, match="not checking the TLS certificate of "
                                                 "127.0.0.1"):
            report = publish(ONE, home, auth=server.auth, calendar="timeline", create=True,
                             insecure=True)
        assert report.created == tuple(e.id for e in ONE)


def test_an_object_of_someone_else_under_our_name_is_left_alone(calendar: Calendar) -> None:
    from caldav_reader import FOREIGN

    ours = publish(ONE, calendar.url, auth=calendar.auth, dry_run=True)
    assert ours.created
    text = mitimeline.dumps(ONE, "ical", uid_scope=ONE.title)
    assert isinstance(text, str)
    uid = text.split("UID:", 1)[1].split("\r\n", 1)[0]
    body = FOREIGN.format(uid="someone-elses-uid", summary="Not yours").encode()
    assert request("PUT", calendar.url + object_name(uid), body, calendar.auth,
                   {"Content-Type": "text/calendar"}) == 201
    report = publish(ONE, calendar.url, auth=calendar.auth)
    (failure,) = [f for f in report.failed]
    assert failure.reason == (f"another calendar object already has the name "
                              f"{object_name(uid)}; left alone")
    assert str(events(calendar.url, calendar.auth)["someone-elses-uid"]["SUMMARY"]) == (
        "Not yours")


def test_repeated_event_ids_are_refused_before_any_request() -> None:
    twice = mitimeline.Timeline("t", [MI7["rome-shoot"], MI7["rome-shoot"]])
    with pytest.raises(PublishError, match="the timeline has repeated event ids "
                                           r"\('rome-shoot'\)"):
        publish(twice, f"http://127.0.0.1:{free_port()}/")
