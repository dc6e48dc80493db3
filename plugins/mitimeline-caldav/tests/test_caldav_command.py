"""``mitimeline publish caldav``: registered in the ``publish`` group, its output and exit
codes (0 done, 1 conflicts, 3 some events failed, 2 could not start), credentials only
from the environment, and never a password in what it prints."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import attrs
import mitimeline
import pytest
from mitimeline.cli import main
from mitimeline.plugins import list_commands, list_plugins
from mitimeline.testing import registered

import mitimeline_caldav
from caldav_reader import edit_summary
from caldav_servers import PASSWORD, USER, Calendar

MI7 = mitimeline.datasets.mission_impossible_7()


def installed() -> bool:
    return any(info.command.full_name == "publish caldav" for info in list_commands())


@pytest.fixture
def command() -> Iterator[None]:
    """The plugin's command: installed (CI installs the plugin), or registered for the test."""
    if installed():
        yield
        return
    with registered(mitimeline_caldav):
        yield


def test_the_plugin_is_installed() -> None:
    if not installed():
        if os.environ.get("CI"):
            pytest.fail("mitimeline-caldav is not installed; the README's test command "
                        "installs it")
        pytest.skip("mitimeline-caldav is not installed here (pip install -e "
                    "plugins/mitimeline-caldav)")
    plugin = {p.name: p for p in list_plugins()}["mitimeline-caldav"]
    assert plugin.commands == ("publish caldav",)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def mi7(tmp_path: Path) -> Path:
    path = tmp_path / "mi7.json"
    MI7.export(path)
    return path


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(mitimeline_caldav.USERNAME_ENV, USER)
    monkeypatch.setenv(mitimeline_caldav.PASSWORD_ENV, PASSWORD)


@pytest.mark.usefixtures("command")
def test_help_lists_the_command_with_its_plugin(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["publish", "--help"])
    assert caught.value.code == 0
    listing = capsys.readouterr().out
    assert "caldav" in listing and "publish a timeline to a CalDAV calendar" in listing
    with pytest.raises(SystemExit) as caught:
        main(["publish", "caldav", "--help"])
    assert caught.value.code == 0
    text = capsys.readouterr().out
    for option in ("--calendar NAME", "--create", "--prune", "--dry-run", "--force",
                   "--insecure"):
        assert option in text
    assert "password" not in text.lower()  # never on the command line


@pytest.mark.usefixtures("command", "credentials")
def test_publish_then_publish_again(radicale_calendar: Calendar, mi7: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    url = radicale_calendar.url
    assert run(capsys, "publish", "caldav", str(mi7), url) == (
        0, f"{url}: 20 created, 0 updated, 0 unchanged, 0 deleted, 0 conflicts, 0 failed "
           f"(22 requests)\n", "")
    code, out, _ = run(capsys, "publish", "caldav", str(mi7), url, "--dry-run")
    assert (code, out) == (0, f"{url}: dry run, nothing written: 0 created, 0 updated, "
                              f"20 unchanged, 0 deleted, 0 conflicts, 0 failed (2 requests)\n")


@pytest.mark.usefixtures("command", "credentials")
def test_conflicts_exit_1_and_force_overwrites(radicale_calendar: Calendar, mi7: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    url = radicale_calendar.url
    assert run(capsys, "publish", "caldav", str(mi7), url)[0] == 0
    uid = mitimeline.dumps(mitimeline.Timeline(MI7.title, [MI7["rome-shoot"]]), "ical",
                           uid_scope=MI7.title)
    assert isinstance(uid, str)
    edit_summary(url, radicale_calendar.auth, uid.split("UID:")[1].split("\r\n")[0], "Moved")
    code, out, _ = run(capsys, "publish", "caldav", str(mi7), url)
    assert code == 1
    assert out.splitlines()[1] == ("conflict: rome-shoot: changed in the calendar since it was "
                                   "published; left alone (--force overwrites it)")
    code, out, _ = run(capsys, "publish", "caldav", str(mi7), url, "--force")
    assert code == 0 and "1 updated" in out


@pytest.mark.usefixtures("command", "credentials")
def test_failures_exit_3_listing_each_event(radicale_calendar: Calendar, mi7: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    radicale_calendar.proxy.cut_after = 18
    code, out, _ = run(capsys, "publish", "caldav", str(mi7), radicale_calendar.proxied)
    lines = out.splitlines()
    assert code == 3 and "18 created" in lines[0] and "2 failed" in lines[0]
    assert lines[1].startswith(f"failed: {MI7.events[18].id}: cannot reach 127.0.0.1:")
    assert lines[2].startswith(f"failed: {MI7.events[19].id}: not sent: ")
    radicale_calendar.proxy.reset()
    code, out, _ = run(capsys, "publish", "caldav", str(mi7), radicale_calendar.proxied)
    assert code == 0 and "2 created" in out and "18 unchanged" in out


@pytest.mark.usefixtures("command")
def test_errors_are_one_line_exit_2_and_never_show_the_password(
        htpasswd_calendar: Calendar, mi7: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(mitimeline_caldav.USERNAME_ENV, USER)
    monkeypatch.setenv(mitimeline_caldav.PASSWORD_ENV, "wrong-secret")
    code, out, err = run(capsys, "publish", "caldav", str(mi7), htpasswd_calendar.url)
    port = htpasswd_calendar.server.port
    assert (code, out, err) == (2, "", f"mitimeline publish caldav: error: authentication "
                                       f"failed for {USER} at 127.0.0.1:{port}\n")
    monkeypatch.setenv(mitimeline_caldav.PASSWORD_ENV, PASSWORD)
    bad = attrs.evolve(MI7, events=[MI7["rome-shoot"]] * 2)
    path = mi7.with_name("twice.json")
    bad.export(path)
    code, out, err = run(capsys, "publish", "caldav", str(path), htpasswd_calendar.url)
    assert code == 2 and err.startswith("mitimeline publish caldav: error: the timeline has "
                                        "repeated event ids ('rome-shoot')")
    assert PASSWORD not in out + err
