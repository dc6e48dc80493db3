"""``mitimeline serve``: a real server on a free port, fetched with urllib (nothing mocked):
routes and content types, strong ETags, Last-Modified and 304 answers, HEAD, 404s, reading
the file again when it changes, a broken file (500, logged once), binding and its errors,
the command line with its printed URLs, Ctrl-C and the warning off loopback."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path

import icalendar
import pytest

import mitimeline
from mitimeline.cli import main
from mitimeline.commands import BUILTIN_COMMANDS
from mitimeline.default_plugins.serve import SERVE
from mitimeline.default_plugins.serve.addresses import is_loopback
from mitimeline.default_plugins.serve.conditional import not_modified
from mitimeline.default_plugins.serve.feed import Feed
from mitimeline.default_plugins.serve.server import ROUTES, FeedServer, serving

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"
ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"), MITIMELINE_LOAD_PLUGINS="")

Answer = tuple[int, dict[str, str], bytes]


def fetch(url: str, method: str = "GET", **headers: str) -> Answer:
    """Status, headers and body of one request; 3xx, 4xx and 5xx answers too."""
    request = urllib.request.Request(url, method=method,
                                     headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as answer:
        with answer:
            return answer.code, dict(answer.headers), answer.read()


@pytest.fixture
def timeline_file(tmp_path: Path) -> Path:
    path = tmp_path / "mi7.json"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def log() -> list[str]:
    return []


@pytest.fixture
def server(timeline_file: Path, log: list[str]) -> Iterator[FeedServer]:
    with serving(Feed(str(timeline_file), log=log.append)) as running:
        yield running


def touch_later(path: Path, seconds: int = 10) -> None:
    """Move the file's modification time forward, as a later save would."""
    status = path.stat()
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + seconds * 1_000_000_000))


# -- what is served ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/calendar.ics"])
def test_the_calendar_is_served_for_subscription(server: FeedServer, timeline_file: Path,
                                                 path: str) -> None:
    status, headers, body = fetch(server.url(path))
    assert status == 200
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert headers["Content-Length"] == str(len(body))
    assert headers["ETag"] == f'"{hashlib.sha256(body).hexdigest()[:32]}"'  # strong: no W/
    assert headers["Last-Modified"] == formatdate(int(timeline_file.stat().st_mtime),
                                                  usegmt=True)
    assert headers["Cache-Control"] == "no-cache"
    timeline = mitimeline.load(timeline_file)
    assert body == str(mitimeline.dumps(timeline, "ical")).encode("utf-8")
    calendar = icalendar.Calendar.from_ical(body)  # a real parser reads the feed
    assert len(calendar.walk("VEVENT")) == len(timeline)
    assert calendar.refresh_interval is not None
    assert calendar.refresh_interval.total_seconds() == 12 * 3600


def test_json_and_the_gantt_chart_are_served(server: FeedServer, timeline_file: Path) -> None:
    timeline = mitimeline.load(timeline_file)
    status, headers, body = fetch(server.url("/timeline.json"))
    assert (status, headers["Content-Type"]) == (200, "application/json")
    assert mitimeline.loads(body, "json") == timeline
    status, headers, body = fetch(server.url("/gantt.html"))
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert body == str(mitimeline.dumps(timeline, "html")).encode("utf-8")
    assert {"/", "/calendar.ics", "/timeline.json", "/gantt.html"} == set(ROUTES)


def test_each_representation_has_its_own_etag(server: FeedServer) -> None:
    tags = {path: fetch(server.url(path))[1]["ETag"] for path in ROUTES}
    assert tags["/"] == tags["/calendar.ics"]
    assert len({tags["/calendar.ics"], tags["/timeline.json"], tags["/gantt.html"]}) == 3


def test_calendar_options_are_passed_to_the_exporter(timeline_file: Path) -> None:
    feed = Feed(str(timeline_file), {"ical": {"refresh": "PT1H", "lossless": False}})
    with serving(feed) as running:
        body = fetch(running.url())[2]
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in body and b"X-MITIMELINE-" not in body


@pytest.mark.parametrize("path", ["/other", "/calendar.ics/x", "/index.html", "/../mi7.json",
                                  "/calendar.json"])
def test_other_paths_are_404(server: FeedServer, path: str) -> None:
    status, headers, body = fetch(server.url(path))
    assert status == 404
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert b"/calendar.ics" in body  # says what there is


def test_a_query_string_is_ignored(server: FeedServer) -> None:
    assert fetch(server.url("/calendar.ics?nocache=123"))[0] == 200


def test_other_methods_are_refused(server: FeedServer) -> None:
    assert fetch(server.url(), method="POST")[0] == 501
    assert fetch(server.url(), method="PUT")[0] == 501


def test_head_has_the_headers_of_get_and_no_body(server: FeedServer) -> None:
    for path in ROUTES:
        got, head = fetch(server.url(path)), fetch(server.url(path), method="HEAD")
        assert head[0] == 200 and head[2] == b""
        for name in ("Content-Type", "Content-Length", "ETag", "Last-Modified"):
            assert head[1][name] == got[1][name]
    assert fetch(server.url("/nope"), method="HEAD")[:1] == (404,)


# -- conditional requests ------------------------------------------------------------------


def test_if_none_match_gets_304(server: FeedServer) -> None:
    _, headers, _ = fetch(server.url())
    etag, modified = headers["ETag"], headers["Last-Modified"]
    for match in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        status, answer, body = fetch(server.url(), If_None_Match=match)
        assert (status, body) == (304, b"")
        assert answer["ETag"] == etag and answer["Last-Modified"] == modified
        assert "Content-Type" not in answer
    assert fetch(server.url(), If_None_Match='"other"')[0] == 200
    assert fetch(server.url(), method="HEAD", If_None_Match=etag)[0] == 304


def test_if_modified_since_gets_304(server: FeedServer, timeline_file: Path) -> None:
    modified = fetch(server.url())[1]["Last-Modified"]
    later = formatdate(int(timeline_file.stat().st_mtime) + 60, usegmt=True)
    earlier = formatdate(int(timeline_file.stat().st_mtime) - 1, usegmt=True)
    assert fetch(server.url(), If_Modified_Since=modified)[0] == 304
    assert fetch(server.url(), If_Modified_Since=later)[0] == 304
    assert fetch(server.url(), If_Modified_Since=earlier)[0] == 200
    assert fetch(server.url(), If_Modified_Since="yesterday")[0] == 200
    # If-None-Match wins: a stale tag is a full answer whatever the date says
    assert fetch(server.url(), If_None_Match='"stale"', If_Modified_Since=later)[0] == 200


def test_not_modified_follows_rfc_9110() -> None:
    tag, when = '"abc"', 1_600_000_000
    date = formatdate(when, usegmt=True)
    assert not_modified(tag, when, '"abc"', None)
    assert not_modified(tag, when, 'W/"abc"', None)
    assert not_modified(tag, when, ' "x" , "abc" ', None)
    assert not not_modified(tag, when, '"abcd"', date)
    assert not_modified(tag, when, None, date)
    assert not not_modified(tag, when + 1, None, date)
    assert not not_modified(tag, when, None, "Tue, 15 Nov 1994 08:12:31")  # no zone
    assert not not_modified(tag, when, None, "")
    assert not not_modified(tag, when, None, None)


# -- the file changes ----------------------------------------------------------------------


def test_a_changed_file_is_read_again(server: FeedServer, timeline_file: Path,
                                      log: list[str]) -> None:
    first = fetch(server.url())
    data = json.loads(timeline_file.read_text(encoding="utf-8"))
    data["title"] = "Renamed while serving"
    timeline_file.write_text(json.dumps(data), encoding="utf-8")
    touch_later(timeline_file)
    second = fetch(server.url())
    assert second[0] == 200
    assert second[1]["ETag"] != first[1]["ETag"]
    assert second[1]["Last-Modified"] != first[1]["Last-Modified"]
    assert b"NAME:Renamed while serving" in second[2]
    assert fetch(server.url(), If_None_Match=first[1]["ETag"])[0] == 200  # old copy: stale
    assert fetch(server.url(), If_None_Match=second[1]["ETag"])[0] == 304
    assert log == [f"read {timeline_file} again: 7 events"]


def test_the_same_content_saved_again_keeps_its_etag(server: FeedServer,
                                                     timeline_file: Path) -> None:
    first = fetch(server.url())[1]
    timeline_file.write_bytes(timeline_file.read_bytes())
    touch_later(timeline_file)
    second = fetch(server.url())[1]
    assert second["ETag"] == first["ETag"]  # the hash of the body: the same bytes
    assert second["Last-Modified"] != first["Last-Modified"]
    assert fetch(server.url(), If_None_Match=first["ETag"])[0] == 304


def test_a_broken_file_is_a_500_until_it_is_valid_again(server: FeedServer,
                                                        timeline_file: Path,
                                                        log: list[str]) -> None:
    good = timeline_file.read_bytes()
    etag = fetch(server.url())[1]["ETag"]
    timeline_file.write_text('{"mitimeline": 1, "events": [', encoding="utf-8")
    touch_later(timeline_file)
    for path in ("/", "/timeline.json", "/gantt.html"):
        status, headers, body = fetch(server.url(path))
        assert status == 500
        assert headers["Content-Type"] == "text/plain; charset=utf-8"
        assert body.decode("utf-8").startswith(f"cannot read {timeline_file}: ")
        assert "ETag" not in headers
    assert fetch(server.url(), If_None_Match=etag)[0] == 500  # never the old data as current
    assert len(log) == 1  # logged once, not per request
    assert log[0].startswith(f"cannot read {timeline_file}: ")
    assert log[0].endswith("; answering 500 until the file is valid again")
    timeline_file.write_bytes(good)
    touch_later(timeline_file, 20)
    assert fetch(server.url())[0] == 200
    assert log[-1] == f"read {timeline_file} again: 7 events"


def test_a_deleted_file_is_a_500(server: FeedServer, timeline_file: Path) -> None:
    timeline_file.unlink()
    status, _, body = fetch(server.url())
    assert status == 500
    assert body == f"cannot read {timeline_file}: the file is missing or unreadable\n".encode()


def test_concurrent_requests_agree(server: FeedServer) -> None:
    tags: list[str] = []

    def get() -> None:
        tags.append(fetch(server.url("/gantt.html"))[1]["ETag"])

    workers = [threading.Thread(target=get) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(tags) == 8 and len(set(tags)) == 1


# -- binding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("LOCALHOST", True),
    ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("::", False),
    ("192.168.1.10", False), ("example.org", False),
])
def test_which_hosts_are_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_loopback_is_the_default(timeline_file: Path) -> None:
    server = FeedServer(Feed(str(timeline_file)))
    try:
        assert server.server_address[0] == "127.0.0.1"
        assert server.port > 0  # port 0: a free one was chosen
        assert server.url(scheme="webcal") == f"webcal://127.0.0.1:{server.port}/calendar.ics"
    finally:
        server.server_close()


def test_ipv6_loopback(timeline_file: Path) -> None:
    try:
        context = serving(Feed(str(timeline_file)), "::1")
        running = context.__enter__()
    except mitimeline.MitimelineError as exc:
        pytest.skip(f"no IPv6 loopback here: {exc}")
    try:
        assert running.url().startswith("http://[::1]:")
        assert fetch(running.url())[0] == 200
    finally:
        context.__exit__(None, None, None)


def test_a_port_in_use_is_one_line_and_exit_2(timeline_file: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", str(timeline_file), "--port", str(port)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (f"mitimeline serve: error: cannot listen on 127.0.0.1:{port}: the "
                            f"port is in use; choose another with --port, or --port 0 for a "
                            f"free one\n")
    assert captured.out == ""


@pytest.mark.parametrize(("argv", "message"), [
    (["--port", "70000"], "cannot listen on port 70000: expected a port from 0 to 65535"),
    (["--host", "203.0.113.7", "--port", "0"],
     "cannot listen on 203.0.113.7:0: this machine has no such address"),
])
def test_bad_addresses_are_one_line_and_exit_2(
        argv: list[str], message: str, timeline_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", str(timeline_file), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[-1] == f"mitimeline serve: error: {message}"


# -- the command line ------------------------------------------------------------------------


def test_serve_is_a_plugin_command_of_a_builtin_plugin() -> None:
    infos = [info for info in mitimeline.plugins.list_commands() if info.name == "serve"]
    assert [(info.command, info.plugin) for info in infos] == [
        (SERVE, "mitimeline.default_plugins.serve")]
    assert "serve" not in BUILTIN_COMMANDS  # taken through register_commands, like a plugin's


def test_registering_it_imports_no_http_server() -> None:
    script = ("import sys, mitimeline; mitimeline.plugins.load_plugins(); "
              "assert 'serve' in [c.name for c in mitimeline.plugins.list_commands()]; "
              "print('http.server' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], env=ENV, capture_output=True,
                          text=True, check=True, timeout=120)
    assert done.stdout == "False\n"


@pytest.mark.parametrize(("make", "fragment"), [
    (lambda path: path.unlink(), "no such file"),
    (lambda path: path.write_text("{", encoding="utf-8"), "not valid JSON"),
    (lambda path: path.write_text('{"mitimeline": 1, "events": []}', encoding="utf-8"),
     "missing required key 'title'"),
])
def test_a_file_that_cannot_be_read_stops_it_before_listening(
        make: object, fragment: str, timeline_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    make(timeline_file)  # type: ignore[operator]
    code = main(["serve", str(timeline_file), "--port", "0"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"mitimeline serve: error: {timeline_file}")
    assert fragment in line


@pytest.mark.parametrize(("option", "fragment"), [
    ("refresh=P1M", "bad option value: refresh: expected a positive RFC 5545 duration"),
    ("colour=red", "does not take option(s) colour"),
    ("refresh", "option 'refresh' is not of the form KEY=VALUE"),
])
def test_a_bad_calendar_option_stops_it_before_listening(
        option: str, fragment: str, timeline_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["serve", str(timeline_file), "--port", "0", "-o", option])
    err = capsys.readouterr().err
    assert code == 2
    assert fragment in err and len(err.splitlines()) == 1


def start(*argv: str) -> subprocess.Popen[str]:
    """``python -m mitimeline serve ...`` in a child that takes Ctrl-C (SIGINT) as a terminal
    user's would, even when the tests run in the background (where SIGINT is ignored)."""
    return subprocess.Popen(
        [sys.executable, "-m", "mitimeline", "serve", *argv], env=ENV, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def printed_urls(process: subprocess.Popen[str]) -> list[str]:
    """The lines the server prints at start, up to its last URL."""
    assert process.stdout is not None
    lines = [process.stdout.readline() for _ in range(5)]
    return [line.rstrip("\n") for line in lines]


def test_the_command_prints_its_urls_serves_and_stops_on_ctrl_c(timeline_file: Path) -> None:
    process = start(str(timeline_file), "--port", "0", "-o", "refresh=PT1H")
    try:
        lines = printed_urls(process)
        assert lines[0] == f"serving {timeline_file} (7 events); Ctrl-C to stop"
        subscribe = lines[1].split()[-1]
        assert lines[1].startswith("  subscribe: webcal://127.0.0.1:")
        port = int(subscribe.split(":")[2].split("/")[0])
        assert lines[2:] == [f"  ical:     http://127.0.0.1:{port}/calendar.ics",
                             f"  json:     http://127.0.0.1:{port}/timeline.json",
                             f"  html:     http://127.0.0.1:{port}/gantt.html"]
        body = fetch(subscribe.replace("webcal://", "http://"))[2]
        assert icalendar.Calendar.from_ical(body).refresh_interval.total_seconds() == 3600
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert out == "stopped\n"
    assert '"GET /calendar.ics HTTP/1.1" 200' in err
    assert "Traceback" not in err


def test_listening_beyond_loopback_warns(timeline_file: Path) -> None:
    process = start(str(timeline_file), "--port", "0", "--host", "0.0.0.0")
    try:
        lines = printed_urls(process)
        assert lines[1].startswith("  subscribe: webcal://0.0.0.0:")
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    port = lines[1].split()[-1].split(":")[2].split("/")[0]
    assert port.isdigit()
    assert err.splitlines()[0] == (
        f"mitimeline serve: warning: listening on 0.0.0.0, not only on this machine: anyone "
        f"who can reach it on port {port} can read the timeline")
    assert process.returncode == 0


def test_help_describes_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["serve", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for words in ("TIMELINE", "--port", "--host", "127.0.0.1", "-o KEY=VALUE", "refresh"):
        assert words in out


def test_each_format_is_rendered_once_per_version_of_the_file(timeline_file: Path) -> None:
    feed = Feed(str(timeline_file))
    first = feed.get("ical")
    assert feed.get("ical") is first
    touch_later(timeline_file)
    again = feed.get("ical")
    assert again is not first and again.body == first.body
    assert again.modified == first.modified + 10
