"""The ``ical`` parser reads a chunk at a time: whatever the reads return (a byte at a time,
a split CRLF, fold, BOM or multi-byte character, a stream that cannot seek), the timeline and
the findings are those of the whole file read at once; and memory follows what is kept."""

from __future__ import annotations

import io
import os
import re
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import ParseError, Timeline
from mitimeline.default_plugins.ical import ICalFinding, ICalImportWarning, load_with_findings
from mitimeline.default_plugins.ical.rfc5545.stream import content_lines

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
TAIL = "END:VCALENDAR\r\n"
ZONE = ("BEGIN:VTIMEZONE\r\nTZID:Studio Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")


def vevent(*lines: str) -> str:
    return "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"


class Reads(io.RawIOBase):
    """A stream that cannot seek and returns at most ``sizes[i]`` bytes on its i-th read
    (then the last size again), as a pipe or socket may."""

    def __init__(self, data: bytes, sizes: list[int]) -> None:
        self.data, self.position, self.sizes = data, 0, sizes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = self.sizes.pop(0) if len(self.sizes) > 1 else self.sizes[0]
        piece = self.data[self.position:self.position + min(size, len(buffer))]
        buffer[:len(piece)] = piece
        self.position += len(piece)
        return len(piece)


def result(stream: Any, **options: Any) -> tuple[str, tuple[ICalFinding, ...]]:
    timeline, findings = load_with_findings(stream, **options)
    return timeline.dumps("json"), findings


def whole(raw: bytes, **options: Any) -> tuple[str, tuple[ICalFinding, ...]]:
    return result(io.BytesIO(raw), **options)


SAMPLE = ("\ufeff" + HEAD + "X-WR-CALNAME:Café 🎬 shoot\r\n" + vevent(
    "UID:one@example.org", "DTSTART:20200906T073000Z", "DTEND:20200906T173000Z",
    "SUMMARY:Ramp jump — Hellesylt 🎬 with a summary long enough that it is folde",
    " d here\tand again", "LOCATION:Møre og Romsdal", "STATUS:DONE")
    + vevent("UID:two@example.org", "DTSTART;VALUE=DATE:20200907", "SUMMARY:Ü")
    + TAIL).encode("utf-8").replace(b"again", b"ag\r\n\tain")
"""BOM, folds with a space and a tab, CRLF, 2-, 3- and 4-byte characters, one finding."""


# -- every split point gives the same result ---------------------------------------------


@pytest.mark.parametrize("variant", [
    lambda raw: raw,
    lambda raw: raw.replace(b"\r\n", b"\n"),
    lambda raw: raw.replace(b"\r\n", b"\r"),
    lambda raw: raw.replace(b"Romsdal", b"Roms\xffdal"),  # bad UTF-8 on line 12
], ids=["crlf", "lf", "cr", "bad-utf8"])
def test_every_split_point_reads_as_the_whole_file(variant: Any) -> None:
    raw = variant(SAMPLE)
    expected = whole(raw)
    assert len(expected[1]) >= 1
    for split in range(1, len(raw)):
        assert result(Reads(raw, [split, len(raw)])) == expected, split


def test_a_byte_at_a_time_reads_as_the_whole_file() -> None:
    for raw in (SAMPLE, SAMPLE.decode("utf-8").encode("utf-16")):
        assert result(Reads(raw, [1])) == whole(raw)


def test_bad_utf8_is_reported_at_its_line_and_offset_however_it_is_read() -> None:
    raw = SAMPLE.replace(b"Romsdal", b"Roms\xe2\x82dal")  # a 3-byte character cut short
    offset = raw.index(b"\xe2\x82d") - 3  # offsets count from after the BOM
    for sizes in ([1], [offset + 3], [offset + 4], [offset + 5], [7]):
        _timeline, findings = result(Reads(raw, sizes))
        assert str(findings[0]) == (f"line 12: not valid UTF-8: byte 0xe2 at byte offset "
                                    f"{offset}; undecodable bytes read as U+FFFD")


def test_a_split_multibyte_character_is_one_character() -> None:
    raw = (HEAD + vevent("UID:a", "DTSTART:20200906", "SUMMARY:é€🎬") + TAIL).encode()
    start = raw.index("é".encode())
    for split in range(start, start + 9):
        timeline, findings = load_with_findings(Reads(raw, [split, 1, 2, 3]))
        assert findings == () and timeline.events[0].title == "é€🎬"


def test_a_strict_import_raises_bad_utf8_before_an_earlier_problem() -> None:
    raw = (HEAD + "NOT A LINE\r\n" + vevent("UID:a", "DTSTART:20200906", "SUMMARY:x")
           + TAIL).encode().replace(b"SUMMARY:x", b"SUMMARY:\xff")
    with pytest.raises(ParseError) as caught:
        load_with_findings(Reads(raw, [20]), strict=True)
    assert caught.value.location == "line 8"
    offset = raw.index(b"\xff")
    assert f"not valid UTF-8: byte 0xff at byte offset {offset}" in caught.value.reason


# -- the line reader against the whole-text rules ----------------------------------------


def reference(raw: bytes) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The content lines and decoding problem as the whole-file reader made them."""
    problems = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", "replace")
    else:
        raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append((raw.count(b"\n", 0, exc.start) + 1,
                             f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset "
                             f"{exc.start}; undecodable bytes read as U+FFFD"))
            text = raw.decode("utf-8", "replace")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    starts = [number for number, line in enumerate(text.split("\n"), start=1)
              if number == 1 or not line.startswith((" ", "\t"))]
    lines = re.sub(r"\n[ \t]", "", text).split("\n")
    return list(zip(starts, lines, strict=True)), problems


PIECES = [b"A", b":", b"\r", b"\n", b" ", b"\t", b"\xc3\xa9", b"\xe2\x82\xac",
          b"\xf0\x9f\x8e\xac", b"\xff", b"\xc3", b"\xe2\x82", b"\xef\xbb\xbf", b"\xed\xa0\x80"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map(b"".join),
       st.lists(st.integers(1, 9), min_size=1, max_size=10))
def test_content_lines_match_the_whole_text_rules(raw: bytes, sizes: list[int]) -> None:
    stream = Reads(raw, list(sizes))
    problems: list[tuple[int, str]] = []
    lines = list(content_lines(stream.read, lambda *problem: problems.append(problem)))
    assert (lines, problems) == reference(raw)


# -- what reading early must not change --------------------------------------------------


def test_a_vtimezone_after_the_event_using_it() -> None:
    raw = (HEAD + vevent("UID:a", "DTSTART;TZID=Studio Time:20200906T100000") + ZONE
           + TAIL).encode()
    timeline, findings = load_with_findings(io.BytesIO(raw))
    assert findings == () and str(timeline.events[0].when) == "2020-09-06T10:00:00+03:00"


def test_a_tzid_no_vtimezone_defines_is_still_reported_at_its_line() -> None:
    raw = (HEAD + vevent("UID:a", "DTSTART;TZID=Nowhere:20200906T100000") + TAIL).encode()
    _timeline, findings = load_with_findings(io.BytesIO(raw))
    assert [(f.line, f.message[:35]) for f in findings] == [
        (6, "DTSTART: unknown time zone TZID='No")]


SERIES_LATE = (HEAD + vevent("UID:s", "DTSTART:20200907T100000Z", "SUMMARY:Plain first",
                             "STATUS:DONE")
               + vevent("UID:o", "DTSTART:20200908T100000Z", "SUMMARY:Other")
               + vevent("UID:s", "DTSTART:20200906T100000Z", "RRULE:FREQ=DAILY;COUNT=3",
                        "SUMMARY:Master") + TAIL).encode()
"""A recurring VEVENT after a plain one with its UID: read again, keeping every VEVENT."""
LATE_X_WR = (HEAD + vevent("UID:a", "DTSTART:20200906T100000", "SUMMARY:A", "STATUS:DONE")
             + "X-WR-TIMEZONE:Europe/Oslo\r\n" + TAIL).encode()
"""An X-WR-TIMEZONE after the events it applies to."""


def pipe(raw: bytes) -> Any:
    """A real pipe, written by a thread in small pieces: a stream that cannot seek."""
    read_end, write_end = os.pipe()

    def write() -> None:
        with os.fdopen(write_end, "wb") as stream:
            for start in range(0, len(raw), 7):
                stream.write(raw[start:start + 7])
                stream.flush()

    threading.Thread(target=write, daemon=True).start()
    return os.fdopen(read_end, "rb")


@pytest.mark.parametrize(("raw", "expected"), [
    (SERIES_LATE, [("s-20200907t100000", "2020-09-07T10:00:00Z", "Plain first"),
                   ("o", "2020-09-08T10:00:00Z", "Other")]),
    (LATE_X_WR, [("a", "2020-09-06T10:00:00+02:00", "A")]),
], ids=["series-after-plain", "late-x-wr-timezone"])
def test_a_file_breaking_early_reading_is_read_again(raw: bytes, expected: list[Any],
                                                     tmp_path: Path) -> None:
    path = tmp_path / "late.ics"
    path.write_bytes(raw)
    with pipe(raw) as from_pipe:
        results = [load_with_findings(path), load_with_findings(io.BytesIO(raw)),
                   load_with_findings(from_pipe), load_with_findings(Reads(raw, [3]))]
    for timeline, findings in results:
        assert [(e.id, str(e.when), e.title) for e in timeline] == expected
        assert len(findings) == 1 and "STATUS:DONE is not a VEVENT status" in str(findings[0])
    assert len({repr(item) for item in results}) == 1


def test_a_stream_that_cannot_seek_reads_as_the_whole_file() -> None:
    with pipe(SAMPLE) as stream:
        assert not stream.seekable()
        assert result(stream) == whole(SAMPLE)
    with pipe(SAMPLE) as stream, pytest.warns(ICalImportWarning):
        timeline = mitimeline.load(stream, format="ical")
    assert isinstance(timeline, Timeline) and len(timeline) == 2


def test_reading_starts_where_the_stream_stands() -> None:
    stream = io.BytesIO(b"junk before" + SERIES_LATE)
    stream.seek(len(b"junk before"))
    assert result(stream) == whole(SERIES_LATE)


# -- memory follows the events kept ------------------------------------------------------


def big_calendar(events: int, attachment: int) -> Iterator[bytes]:
    yield HEAD.encode()
    blob = "A" * attachment
    for number in range(events):
        yield vevent(f"UID:{number}", "DTSTART:20200906T100000Z", f"SUMMARY:Event {number}",
                     f"ATTACH;ENCODING=BASE64;VALUE=BINARY:{blob}").encode()
    yield TAIL.encode()


def test_memory_follows_the_events_kept_not_the_file(tmp_path: Path) -> None:
    path = tmp_path / "attachments.ics"
    with open(path, "wb") as stream:
        stream.writelines(big_calendar(300, 100_000))  # 30 MB, nearly all ATTACH data
    size = path.stat().st_size
    tracemalloc.start()
    try:
        timeline, findings = load_with_findings(path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(timeline) == 300 and findings == ()
    assert peak < size / 4, (peak, size)  # the whole-file reader needed over 2x the file


def test_a_strict_import_names_an_unknown_tzid_once() -> None:
    raw = (HEAD + vevent("UID:a", "DTSTART;TZID=Nowhere:20200906T100000") + TAIL).encode()
    with pytest.raises(ParseError) as caught:
        load_with_findings(io.BytesIO(raw), strict=True)
    assert (caught.value.location, caught.value.reason) == (
        'line 6, VEVENT (UID a)', "DTSTART: unknown time zone TZID='Nowhere' (no VTIMEZONE, "
        "not an IANA or Windows name); read as floating")


def test_a_value_reported_once_is_reported_at_the_first_event_having_it() -> None:
    bad = "X-MITIMELINE-PLACE:{not json"
    raw = (HEAD + vevent("UID:a", "X-MITIMELINE-ID:a", "DTSTART;TZID=Studio Time:20200906T100000",
                         "SUMMARY:A", "LOCATION:X", bad)  # read when the calendar ends
           + vevent("UID:b", "X-MITIMELINE-ID:b", "DTSTART:20200907T100000Z", "SUMMARY:B",
                    "LOCATION:X", bad)  # read early, unless the file is read again
           + ZONE + TAIL).encode()
    timeline, findings = load_with_findings(io.BytesIO(raw))
    assert [event.id for event in timeline] == ["a", "b"]
    assert [str(finding) for finding in findings] == [
        'line 10, VEVENT "A" (UID a): X-MITIMELINE-PLACE is not valid JSON; ignored']
