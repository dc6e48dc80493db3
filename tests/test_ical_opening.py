"""``load_with_findings(path)`` opens files exactly as ``mitimeline.load()`` does.

The two once had separate opening code: on a directory ``load()`` raised ``ParseError``
while ``load_with_findings`` let a raw ``IsADirectoryError`` out. Both now open through
``mitimeline._files.opened_for_reading``; each case compares the two errors.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

import mitimeline
from mitimeline import ParseError
from mitimeline.default_plugins.ical import load_with_findings

T = TypeVar("T")

CALENDAR = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
            b"UID:a@test\r\nDTSTART;VALUE=DATE:20200906\r\nSUMMARY:Ramp jump\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n")


def need(works: bool, why: str) -> None:
    """Skip when a mechanism is missing here, but fail under CI, which must have it."""
    if not works:
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to run this test: {why}")
        pytest.skip(why)


def both_errors(path: Path) -> tuple[ParseError, ParseError]:
    """What ``load(path, format="ical")`` and ``load_with_findings(path)`` raise."""
    with pytest.raises(ParseError) as by_load:
        mitimeline.load(path, format="ical")
    with pytest.raises(ParseError) as by_findings:
        load_with_findings(path)
    return by_load.value, by_findings.value


def assert_same(by_load: ParseError, by_findings: ParseError) -> None:
    assert str(by_findings) == str(by_load)
    assert by_findings.errno == by_load.errno
    assert type(by_findings.__cause__) is type(by_load.__cause__)


def test_a_missing_file(tmp_path: Path) -> None:
    by_load, by_findings = both_errors(tmp_path / "missing.ics")
    assert_same(by_load, by_findings)
    assert str(by_findings) == f"{tmp_path / 'missing.ics'}: no such file"
    assert by_findings.errno == errno.ENOENT


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "calendar.ics"
    folder.mkdir()
    by_load, by_findings = both_errors(folder)
    assert_same(by_load, by_findings)
    assert str(by_findings) == f"{folder}: is a directory, not a file"
    assert isinstance(by_findings.__cause__, IsADirectoryError)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe: a reader blocks until :func:`fed` writes into it."""
    path = tmp_path / "feed.ics"
    os.mkfifo(path)
    return path


def fed(path: Path, content: bytes, read: Callable[[Path], T]) -> T:
    """``read(path)`` while a thread writes ``content`` into the pipe and closes it."""
    def write() -> None:
        with open(path, "wb") as pipe:  # blocks until the reader opens the pipe
            pipe.write(content)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        return read(path)
    finally:
        writer.join(timeout=10)


def test_a_fifo_is_read_like_a_file(fifo: Path) -> None:
    loaded = fed(fifo, CALENDAR, lambda path: mitimeline.load(path, format="ical"))
    timeline, findings = fed(fifo, CALENDAR, load_with_findings)
    assert timeline == loaded and [e.title for e in timeline] == ["Ramp jump"]
    assert findings == ()


def raised(read: Callable[[Path], object]) -> Callable[[Path], ParseError]:
    """``read``, returning the ParseError it raises."""
    def reading(path: Path) -> ParseError:
        with pytest.raises(ParseError) as info:
            read(path)
        return info.value

    return reading


def test_a_fifo_of_garbage(fifo: Path) -> None:
    garbage = b"not a calendar\n"
    by_load = fed(fifo, garbage, raised(lambda path: mitimeline.load(path, format="ical")))
    by_findings = fed(fifo, garbage, raised(load_with_findings))
    assert_same(by_load, by_findings)
    assert str(by_findings).startswith(f"{fifo}:")


UNREADABLE = """
import sys
import mitimeline
from mitimeline.default_plugins.ical import load_with_findings
for read in (lambda p: mitimeline.load(p, format="ical"), load_with_findings):
    try:
        read(sys.argv[1])
    except mitimeline.ParseError as exc:
        print(type(exc).__name__, exc.errno, exc, sep="|")
"""


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "private.ics"
    path.write_bytes(CALENDAR)
    path.chmod(0o000)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root reads anything unless it drops CAP_DAC_OVERRIDE
        setpriv = shutil.which("setpriv")
        need(setpriv is not None, "needs setpriv(1) (util-linux) to drop root's file capabilities")
        assert setpriv is not None
        prefix = (setpriv, "--bounding-set=-dac_override,-dac_read_search")
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", UNREADABLE, str(path)],
                              capture_output=True, text=True, timeout=120, check=True)
    finally:
        path.chmod(0o644)
    by_load, by_findings = done.stdout.splitlines()
    expected = f"ParseError|{errno.EACCES}|{path}: cannot read: permission denied"
    assert by_findings == by_load == expected


FAILING_FILE = Path("/proc/self/mem")  # opens, then every read at offset 0 fails with EIO


def test_a_disk_failing_mid_read() -> None:
    try:
        with FAILING_FILE.open("rb") as stream:
            stream.read(1)
        fails = False
    except OSError as exc:
        fails = exc.errno == errno.EIO
    need(fails, f"reading {FAILING_FILE} does not fail with EIO here")
    by_load, by_findings = both_errors(FAILING_FILE)
    assert_same(by_load, by_findings)
    assert str(by_findings) == f"{FAILING_FILE}: cannot read: input/output error"
