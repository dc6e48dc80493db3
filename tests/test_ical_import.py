"""The ``ical`` parser: what real calendars hold becomes events; every problem is a finding
(or, with ``strict=True``, a ParseError naming the line); nothing escapes as a traceback."""

from __future__ import annotations

import io
import re
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import OptionsError, ParseError, Place, Timeline, When
from mitimeline.default_plugins.ical import (
    ICalFinding,
    ICalImportWarning,
    ICalParser,
    load_with_findings,
)
from mitimeline.testing import check_parser

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def calendar(*events: str, head: str = "") -> bytes:
    """A calendar with ``head`` lines and one VEVENT per text (lines joined by CRLF)."""
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n".replace(
        "\n", "\r\n").replace("\r\r", "\r") for event in events)
    return (HEAD + head + body + TAIL).encode("utf-8")


def read(raw: bytes, **options: Any) -> tuple[Timeline, tuple[ICalFinding, ...]]:
    return load_with_findings(io.BytesIO(raw), **options)


def clean(raw: bytes, **options: Any) -> Timeline:
    timeline, findings = read(raw, **options)
    assert findings == ()
    return timeline


def whens(raw: bytes, **options: Any) -> list[str]:
    return [str(event.when) for event in read(raw, **options)[0]]


def finding(raw: bytes, **options: Any) -> ICalFinding:
    _timeline, findings = read(raw, **options)
    assert len(findings) == 1, findings
    return findings[0]


# -- the format as a plugin -------------------------------------------------------------


def test_registered_and_found_by_extension_and_content(tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    path.write_bytes(calendar("UID:a\nDTSTART;VALUE=DATE:20200906\nSUMMARY:A"))
    assert [e.title for e in mitimeline.load(path)] == ["A"]
    other = tmp_path / "cal.txt"
    other.write_bytes(path.read_bytes())
    assert [e.title for e in mitimeline.load(other)] == ["A"]


@pytest.mark.parametrize(("head", "expected"), [
    (b"BEGIN:VCALENDAR\r\n", True), (b"\xef\xbb\xbf\r\n  begin:vcalendar\n", True),
    (b"BEGIN:VEVENT\r\n", False), (b"", False), (b'{"mitimeline": 1}', False),
])
def test_sniff(head: bytes, expected: bool) -> None:
    assert ICalParser().sniff(head) is expected


def test_contract() -> None:
    check_parser(ICalParser(), [calendar("UID:a\nDTSTART:20200906T100000Z")])


# -- files that are not calendars: clean errors -----------------------------------------


@pytest.mark.parametrize(("raw", "message", "location"), [
    (b"", "it is empty", ""),
    (b"\r\n\r\n", "it is empty", ""),
    (b"hello\nworld\n", "expected BEGIN:VCALENDAR, found 'hello'", "line 1"),
    (b'\n{"mitimeline": 1}', "expected BEGIN:VCALENDAR", "line 2"),
    (b"\x00\xff\xfe garbage", "not an iCalendar file", "line 1"),
    (b"BEGIN:VTODO\r\nEND:VTODO\r\n", "found 'BEGIN:VTODO'", "line 1"),
])
def test_not_icalendar(raw: bytes, message: str, location: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(raw)
    with pytest.raises(ParseError, match=re.escape(message)) as caught:
        mitimeline.load(path)
    error = caught.value
    assert error.source == str(path) and error.location == location and error.format == "ical"
    assert str(error).startswith(f"{path}:")


def test_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no such file"):
        load_with_findings(tmp_path / "none.ics")
    with pytest.raises(ParseError, match="no such file"):
        mitimeline.load(tmp_path / "none.ics")


# -- how clients write files ------------------------------------------------------------


EVENT = "UID:a\nDTSTART;VALUE=DATE:20200906\nSUMMARY:A very long summary, folded"


@pytest.mark.parametrize("transform", [
    lambda raw: raw.replace(b"\r\n", b"\n"),  # bare LF
    lambda raw: raw.replace(b"\r\n", b"\r"),  # bare CR
    lambda raw: b"\xef\xbb\xbf" + raw,  # BOM
    lambda raw: raw.decode().encode("utf-16"),  # UTF-16 with its BOM
    lambda raw: raw.replace(b"very long", b"very\r\n  long").replace(b"folded", b"fol\r\n\tded"),
    lambda raw: raw.replace(b"SUMMARY", b"summary").replace(b"BEGIN:VEVENT", b"begin:vevent"),
    lambda raw: raw.replace(b"\r\nUID", b"\r\n\r\nUID"),  # blank lines
    lambda raw: raw.replace(b"SUMMARY:", b"SUMMARY :").replace(b"DTSTART;", b"DTSTART\t;"),
])
def test_sloppy_but_readable_files(transform: Any) -> None:
    (event,) = clean(transform(calendar(EVENT)))
    assert event.title == "A very long summary, folded"
    assert str(event.when) == "2020-09-06"


def test_several_calendars_in_one_file() -> None:
    first = calendar("UID:a\nDTSTART;VALUE=DATE:20200906\nSUMMARY:A", head="X-WR-CALNAME:One\r\n")
    second = calendar("UID:b\nDTSTART;VALUE=DATE:20200907\nSUMMARY:B", head="NAME:Two\r\n")
    tl = clean(first + second)
    assert tl.title == "One" and [e.title for e in tl] == ["A", "B"]


def test_calendar_names_and_descriptions() -> None:
    tl = clean(calendar(head="NAME:Shoot\\, 2020\r\nX-WR-CALDESC:About\\nit\r\n"))
    assert (tl.title, tl.description) == ("Shoot, 2020", "About\nit")
    assert clean(calendar()).title == "Untitled timeline"


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lines", "expected"), [
    ("DTSTART;VALUE=DATE:20200906", "2020-09-06"),
    ("DTSTART;VALUE=DATE:20200906\nDTEND;VALUE=DATE:20200907", "2020-09-06"),
    ("DTSTART;VALUE=DATE:20200906\nDTEND;VALUE=DATE:20200906", "2020-09-06"),
    ("DTSTART;VALUE=DATE:20200901\nDTEND;VALUE=DATE:20201001", "2020-09-01/2020-09-30"),
    ("DTSTART:20200906", "2020-09-06"),  # a date without VALUE=DATE
    ("DTSTART;VALUE=DATE:20200906\nDURATION:P3D", "2020-09-06/2020-09-08"),
    ("DTSTART;VALUE=DATE:20200906\nDURATION:P1W", "2020-09-06/2020-09-12"),
    ("DTSTART:20200906T100000Z", "2020-09-06T10:00:00Z"),
    ("DTSTART:20200906T100000Z\nDTEND:20200906T100000Z", "2020-09-06T10:00:00Z"),
    ("DTSTART:20200906T100000Z\nDTEND:20200906T113000Z",
     "2020-09-06T10:00:00Z/2020-09-06T11:30:00Z"),
    ("DTSTART:20200906T100000Z\nDURATION:PT1H30M",
     "2020-09-06T10:00:00Z/2020-09-06T11:30:00Z"),
    ("DTSTART:20200906T100000\nDTEND:20200906T110000",
     "2020-09-06T10:00:00/2020-09-06T11:00:00"),
    ("DTSTART:20161231T235960Z", "2016-12-31T23:59:59Z"),  # a leap second
])
def test_spans(lines: str, expected: str) -> None:
    assert whens(calendar(f"UID:a\n{lines}")) == [expected]


@pytest.mark.parametrize(("lines", "expected", "message"), [
    ("DTSTART;VALUE=DATE:20200906\nDTEND;VALUE=DATE:20200901", "2020-09-06",
     "DTEND 2020-09-01 is before DTSTART 2020-09-06; read as one day"),
    ("DTSTART:20200906T100000Z\nDTEND:20200906T090000Z", "2020-09-06T10:00:00Z",
     "is before DTSTART 2020-09-06T10:00:00+00:00; read as an instant"),
    ("DTSTART;VALUE=DATE:20200906\nDTEND:20200908T120000Z", "2020-09-06/2020-09-08",
     "DTSTART is a date but DTEND a date-time"),
    ("DTSTART:20200906T100000Z\nDTEND;VALUE=DATE:20200908",
     "2020-09-06T10:00:00Z/2020-09-07", "DTSTART is a date-time but DTEND a date"),
    ("DTSTART:20200906T100000Z\nDTEND:20200906T110000", "2020-09-06T10:00:00Z/2020-09-06T11:"
     "00:00Z", "mix floating and zoned times"),
    ("DTSTART;VALUE=DATE:20200906\nDURATION:PT1H", "2020-09-06", "not whole days; rounded up"),
    ("DTSTART;VALUE=DATE:20200906\nDURATION:-P1D", "2020-09-06", "is not positive; ignored"),
    ("DTSTART;VALUE=DATE:20200906\nDURATION:soon", "2020-09-06",
     "DURATION: expected a duration such as P1D"),
    ("DTSTART;VALUE=DATE:20200906\nDURATION:P999999999999999999W", "2020-09-06", "too long"),
    ("DTSTART;VALUE=DATE:99991231\nDURATION:P2D", "9999-12-31", "beyond the year 9999"),
    ("DTSTART;VALUE=DATE:20200906\nDTEND;VALUE=DATE:20200908\nDURATION:P9D",
     "2020-09-06/2020-09-07", "both DTEND and DURATION; DURATION ignored"),
    ("DTSTART;VALUE=DATE:20200906\nDTEND:tomorrow", "2020-09-06", "DTEND: expected a date "),
    ("DTSTART;VALUE=DATE:20200906\nDTEND:next week", "2020-09-06",
     "DTEND: expected a date-time"),
])
def test_span_problems_are_findings(lines: str, expected: str, message: str) -> None:
    raw = calendar(f"UID:a\nSUMMARY:A\n{lines}")
    assert whens(raw) == [expected]
    found = finding(raw)
    assert message in found.message and not found.skipped
    assert found.component == 'VEVENT "A" (UID a)'


@pytest.mark.parametrize(("lines", "message", "line"), [
    ("SUMMARY:No date", "no DTSTART, so no date: not imported", 4),
    ("DTSTART:INVALID", "DTSTART: expected a date-time YYYYMMDDTHHMMSS[Z], got 'INVALID': "
                        "not imported", 7),
    ("DTSTART;VALUE=DATE:20201301", "DTSTART: '20201301' is not a valid date: month must be "
                                    "in 1..12: not imported", 7),
    ("DTSTART:20200230T100000Z", "is not a valid date-time: day is out of range for month",
     7),
])
def test_an_event_without_a_usable_date_is_skipped(lines: str, message: str,
                                                   line: int) -> None:
    raw = calendar(f"UID:bad\nX-PAD:1\n{lines}", "UID:good\nDTSTART;VALUE=DATE:20200906")
    timeline, findings = read(raw)
    assert [e.id for e in timeline] == ["good"]
    (found,) = findings
    assert message in found.message and found.skipped and found.line == line


# -- time zones -------------------------------------------------------------------------


VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Custom Berlin
BEGIN:STANDARD
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
END:DAYLIGHT
END:VTIMEZONE
""".replace("\n", "\r\n")


@pytest.mark.parametrize(("tzid", "expected"), [
    ("Europe/Oslo", "2020-09-06T10:00:00+02:00"),  # IANA, no VTIMEZONE needed
    ('"Europe/Oslo"', "2020-09-06T10:00:00+02:00"),
    ("W. Europe Standard Time", "2020-09-06T10:00:00+02:00"),  # Windows (Outlook)
    ("/mozilla.org/20050126_1/Europe/Berlin", "2020-09-06T10:00:00+02:00"),  # vendor prefix
    ("Custom Berlin", "2020-09-06T10:00:00+02:00"),  # only its VTIMEZONE knows it
    ("America/Los_Angeles", "2020-09-06T10:00:00-07:00"),
])
def test_tzid(tzid: str, expected: str) -> None:
    raw = calendar(f"UID:a\nDTSTART;TZID={tzid}:20200906T100000", head=VTIMEZONE)
    assert whens(raw) == [expected]


def test_winter_time_from_a_custom_vtimezone() -> None:
    raw = calendar("UID:a\nDTSTART;TZID=Custom Berlin:20200106T100000", head=VTIMEZONE)
    assert whens(raw) == ["2020-01-06T10:00:00+01:00"]


def test_an_unknown_tzid_reads_as_floating() -> None:
    raw = calendar("UID:a\nDTSTART;TZID=Mars/Olympus:20200906T100000")
    assert whens(raw) == ["2020-09-06T10:00:00"]
    assert "unknown time zone TZID='Mars/Olympus'" in finding(raw).message


def test_a_broken_vtimezone_is_a_finding() -> None:
    broken = "BEGIN:VTIMEZONE\r\nTZID:Nowhere\r\nBEGIN:STANDARD\r\nTZOFFSETTO:+99\r\n" \
             "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    raw = calendar("UID:a\nDTSTART;TZID=Nowhere:20200906T100000", head=broken)
    timeline, findings = read(raw)
    assert [str(e.when) for e in timeline] == ["2020-09-06T10:00:00"]
    assert [f.component for f in findings] == ["VTIMEZONE Nowhere", 'VEVENT (UID a)']
    assert "its VTIMEZONE could not be read" in findings[0].message


def test_tzid_wins_over_a_stray_z() -> None:
    raw = calendar("UID:a\nDTSTART;TZID=America/New_York:20211222T170000Z")
    assert whens(raw) == ["2021-12-22T17:00:00-05:00"]


@pytest.mark.parametrize(("lines", "expected"), [
    ("DTSTART:20200906T100000", "2020-09-06T10:00:00+02:00"),  # floating: in that zone
    ("DTSTART:20200906T080000Z", "2020-09-06T10:00:00+02:00"),  # UTC: shown in that zone
    ("DTSTART;TZID=America/New_York:20200906T100000", "2020-09-06T10:00:00-04:00"),
    ("DTSTART;VALUE=DATE:20200906", "2020-09-06"),
])
def test_x_wr_timezone(lines: str, expected: str) -> None:
    raw = calendar(f"UID:a\n{lines}", head="X-WR-TIMEZONE:Europe/Berlin\r\n")
    assert whens(raw) == [expected]


def test_an_unknown_x_wr_timezone_is_ignored_with_a_finding() -> None:
    raw = calendar("UID:a\nDTSTART:20200906T100000", head="X-WR-TIMEZONE:Moon/Base\r\n")
    assert whens(raw) == ["2020-09-06T10:00:00"]
    assert finding(raw).message == "X-WR-TIMEZONE 'Moon/Base' is not a known time zone; ignored"


# -- recurring events -------------------------------------------------------------------


SERIES = """UID:series@example.org
SUMMARY:Production meeting
DTSTART;TZID=Europe/London:20200907T090000
DTEND;TZID=Europe/London:20200907T100000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/London:20200914T090000"""
MOVED = """UID:series@example.org
RECURRENCE-ID;TZID=Europe/London:20200921T090000
SUMMARY:Production meeting (moved)
DTSTART;TZID=Europe/London:20200922T140000
DTEND;TZID=Europe/London:20200922T150000"""


def test_recurrence_with_exception_and_override() -> None:
    timeline = clean(calendar(SERIES, "UID:other\nDTSTART;VALUE=DATE:20200901", MOVED))
    assert [(e.id, e.title, str(e.when)) for e in timeline] == [
        ("series-example-org-20200907t090000", "Production meeting",
         "2020-09-07T09:00:00+01:00/2020-09-07T10:00:00+01:00"),
        ("series-example-org-20200922t140000", "Production meeting (moved)",
         "2020-09-22T14:00:00+01:00/2020-09-22T15:00:00+01:00"),
        ("series-example-org-20200928t090000", "Production meeting",
         "2020-09-28T09:00:00+01:00/2020-09-28T10:00:00+01:00"),
        ("other", "Untitled event", "2020-09-01"),
    ]
    assert timeline.events[0].extra == {"ical": {"uid": "series@example.org",
                                                 "recurrence_id": "20200907T090000"}}


def test_recurrence_window_options() -> None:
    raw = calendar("UID:d\nSUMMARY:Daily\nDTSTART;VALUE=DATE:20200901\nRRULE:FREQ=DAILY")
    timeline, findings = read(raw, expand="all")
    assert len(timeline) == 500 and str(timeline.events[-1].when) == "2022-01-13"
    assert findings[0].message.startswith(
        "1 recurring series, 500 occurrences imported; 1 series cut at max_occurrences=500")
    window, findings = read(raw, expand_from=date(2020, 9, 10), expand_until=date(2020, 9, 13))
    assert [str(e.when) for e in window] == ["2020-09-10", "2020-09-11", "2020-09-12"]
    assert "1 open-ended series expanded only up to expand_until=2020-09-13" in findings[0].message
    assert whens(raw, expand_from="10 September 2020", expand_until="2020-09-13") == [
        "2020-09-10", "2020-09-11", "2020-09-12"]
    assert len(read(raw, max_occurrences=3)[0]) == 3


def test_an_endless_rule_by_the_second_is_capped() -> None:
    raw = calendar("UID:s\nDTSTART:20200906T100000Z\nRRULE:FREQ=SECONDLY")
    timeline, findings = read(raw, max_occurrences=50)
    assert len(timeline) == 50 and str(timeline.events[-1].when) == "2020-09-06T10:00:49Z"
    assert "1 series cut at max_occurrences=50" in findings[0].message


def test_a_bad_rule_imports_the_series_once() -> None:
    raw = calendar("UID:r\nSUMMARY:Odd\nDTSTART;VALUE=DATE:20200901\nRRULE:FREQ=SOMETIMES")
    timeline, findings = read(raw)
    assert [str(e.when) for e in timeline] == ["2020-09-01"]
    assert "the recurrence could not be expanded" in findings[0].message


def test_recurrence_with_x_wr_timezone() -> None:
    raw = calendar("UID:w\nDTSTART:20200906T100000\nRRULE:FREQ=DAILY;COUNT=2",
                   head="X-WR-TIMEZONE:Europe/Berlin\r\n")
    assert whens(raw) == ["2020-09-06T10:00:00+02:00", "2020-09-07T10:00:00+02:00"]


# -- the other properties ---------------------------------------------------------------


def test_foreign_event_mapping() -> None:
    raw = calendar("""UID:abc@google.com
DTSTART;VALUE=DATE:20200906
SUMMARY:Ramp jump\\, Norway
DESCRIPTION:Line one\\nline two
LOCATION:Stranda\\, Norway
GEO:62.31;6.95
CATEGORIES:Motorcycle,STUNT
CATEGORIES:norway
STATUS:TENTATIVE
URL:https://example.org/x
SEQUENCE:3""")
    (event,) = clean(raw)
    assert event.id == "abc-google-com"
    assert event.title == "Ramp jump, Norway"
    assert event.description == "Line one\nline two"
    assert event.place == Place("Stranda, Norway", latitude=62.31, longitude=6.95)
    assert (event.kind, event.tags) == ("stunt", ("Motorcycle", "norway"))
    assert event.status == "planned"
    assert event.extra == {"ical": {"uid": "abc@google.com", "url": "https://example.org/x",
                                    "sequence": 3}}


@pytest.mark.parametrize(("status", "expected"), [
    ("CONFIRMED", "confirmed"), ("CANCELLED", "cancelled"), ("tentative", "planned")])
def test_status(status: str, expected: str) -> None:
    (event,) = clean(calendar(f"UID:a\nDTSTART:20200906\nSTATUS:{status}"))
    assert event.status == expected


def test_geo_without_location_and_ids_without_uid() -> None:
    timeline = clean(calendar("DTSTART:20200906\nGEO:62.31,6.95", "DTSTART:20200907",
                              "UID:event\nDTSTART:20200908"))
    assert timeline.events[0].place == Place("62.31, 6.95", latitude=62.31, longitude=6.95)
    assert [e.id for e in timeline] == ["event", "event-2", "event-3"]


def test_made_up_ids_never_take_an_exported_one() -> None:
    raw = calendar("UID:same\nDTSTART:20200906", "UID:Same\nDTSTART:20200907",
                   "UID:x\nDTSTART:20200908\nX-MITIMELINE-ID:same")
    assert [e.id for e in clean(raw)] == ["same-2", "same-3", "same"]


@pytest.mark.parametrize(("line", "message"), [
    ("GEO:north", "GEO: expected latitude;longitude"),
    ("GEO:91;0", "latitude 91 is not between -90 and 90"),
    ("GEO:0;181", "longitude 181 is not between -180 and 180"),
    ("STATUS:MAYBE", "STATUS:MAYBE is not a VEVENT status"),
    ("X-MITIMELINE-ID:Not A Slug", "is not a valid id; a new one is made"),
])
def test_unreadable_properties_are_findings(line: str, message: str) -> None:
    raw = calendar(f"UID:a\nDTSTART:20200906\n{line}")
    (event,) = read(raw)[0]
    assert event.id == "a"
    assert message in finding(raw).message


# -- our own X-MITIMELINE properties, damaged -------------------------------------------


def ours(*lines: str) -> bytes:
    base = "UID:u\nDTSTART;VALUE=DATE:20200906\nSUMMARY:S\nX-MITIMELINE-ID:s\n"
    return calendar(base + "\n".join(lines))


@pytest.mark.parametrize(("line", "message"), [
    ("X-MITIMELINE-PLACE:{oops", "X-MITIMELINE-PLACE is not valid JSON; ignored"),
    ("X-MITIMELINE-PLACE:[]", "X-MITIMELINE-PLACE should hold a JSON dict; ignored"),
    ('X-MITIMELINE-PLACE:{"name":"x"\\,"lat":1}', "unexpected keyword argument 'lat'"),
    ('X-MITIMELINE-PLACE:{"name":"x"\\,"country":"Norway"}', "Place.country: expected an ISO"),
    ('X-MITIMELINE-PEOPLE:[{"nom":"x"}]', "X-MITIMELINE-PEOPLE:"),
    ("X-MITIMELINE-UNIT:3", "X-MITIMELINE-UNIT should hold a JSON str; ignored"),
    ("X-MITIMELINE-EXTRA:[1]", "X-MITIMELINE-EXTRA should hold a JSON dict"),
    ("X-MITIMELINE-EDTF:2020-13", "X-MITIMELINE-EDTF: '2020-13' is not a valid EDTF date"),
    ("X-MITIMELINE-REGION:Norway", "Event.region: expected an ISO 3166 code"),
    ('X-MITIMELINE-SOURCES:[""]', "Event.sources[0]: expected non-empty text"),
    ('X-MITIMELINE-EXTRA:{"a":1e999}', "Event.extra.a: expected a finite number"),
    ("X-MITIMELINE-CLAIMS:[{oops", "X-MITIMELINE-CLAIMS is not valid JSON; ignored"),
    ("X-MITIMELINE-CLAIMS:{}", "X-MITIMELINE-CLAIMS should hold a JSON list; ignored"),
    ('X-MITIMELINE-CLAIMS:[{"when":"2020"}]', "X-MITIMELINE-CLAIMS: $[0].sources: missing"),
    ('X-MITIMELINE-CLAIMS:[{"sources":["a"]\\,"when":"2020-13"}]',
     "X-MITIMELINE-CLAIMS: $[0].when: expected an EDTF date"),
    ("X-MITIMELINE-RUN:1", "X-MITIMELINE-RUN: expected a whole number from 2, got '1'; ignored"),
    ("X-MITIMELINE-RUN:two", "X-MITIMELINE-RUN: expected a whole number from 2, got 'two'"),
])
def test_damaged_lossless_properties_are_findings(line: str, message: str) -> None:
    timeline, findings = read(ours(line))
    (event,) = timeline
    assert (event.id, event.title, str(event.when)) == ("s", "S", "2020-09-06")
    assert any(message in f.message for f in findings), findings
    assert not any(f.skipped for f in findings)


def test_edits_made_in_a_calendar_app_win() -> None:
    exported = mitimeline.dumps(Timeline("T", [mitimeline.Event(
        id="jump", title="Jump", when="2020-09~", kind="stunt", status="done",
        place=Place("Stranda", country="NO", latitude=62.31, longitude=6.95),
        tags=["motorcycle"])]), "ical")
    assert isinstance(exported, str)
    edited = (exported.replace("SUMMARY:c. Jump", "SUMMARY:Big jump")
              .replace("DTSTART;VALUE=DATE:20200901", "DTSTART;VALUE=DATE:20200905")
              .replace("LOCATION:Stranda\\, NO", "LOCATION:Geiranger")
              .replace("STATUS:CONFIRMED", "STATUS:CANCELLED")
              .replace("CATEGORIES:stunt,motorcycle", "CATEGORIES:stunt,motorcycle,night"))
    timeline, findings = read(edited.encode())
    (event,) = timeline
    assert event.title == "Big jump"
    assert str(event.when) == "2020-09-05/2020-09-30"
    assert event.place == Place("Geiranger", latitude=62.31, longitude=6.95)
    assert event.status == "cancelled"
    assert event.tags == ("motorcycle", "night")
    (found,) = findings
    assert "differ from the exported X-MITIMELINE-EDTF 2020-09~" in found.message


MULTIPLE = Timeline("T", [
    mitimeline.Event(id="shoot", title="Shoot", when="{2020-10-01..2020-10-03,2020-10-09}"),
    mitimeline.Event(id="wrap", title="Wrap", when="[..2020-12-24]"),
])


def test_the_runs_of_multiple_dates_are_one_event_again() -> None:
    """Our export writes a VEVENT per run of days; its import joins them, and the one-of set
    written as its hull comes back exact."""
    exported = mitimeline.dumps(MULTIPLE, "ical")
    assert isinstance(exported, str) and exported.count("BEGIN:VEVENT") == 3
    assert clean(exported.encode()) == MULTIPLE


def test_a_run_moved_in_a_calendar_app_is_an_event_of_its_own() -> None:
    exported = mitimeline.dumps(MULTIPLE, "ical")
    assert isinstance(exported, str)
    moved = exported.replace("DTSTART;VALUE=DATE:20201009\r\nDTEND;VALUE=DATE:20201010",
                             "DTSTART;VALUE=DATE:20201012\r\nDTEND;VALUE=DATE:20201013")
    assert moved != exported
    timeline, findings = read(moved.encode())
    assert [(event.id, str(event.when)) for event in timeline] == [
        ("shoot", "{2020-10-01..2020-10-03,2020-10-09}"), ("shoot", "2020-10-12"),
        ("wrap", "[..2020-12-24]")]
    (found,) = findings
    assert found.message.startswith("the calendar's dates (2020-10-12) differ from the "
                                    "exported X-MITIMELINE-EDTF {2020-10-01..2020-10-03,")


def test_a_run_renamed_in_a_calendar_app_keeps_its_new_title() -> None:
    exported = mitimeline.dumps(MULTIPLE, "ical")
    assert isinstance(exported, str)
    first, run, rest = exported.split("SUMMARY:Shoot", 2)
    timeline, findings = read((first + "SUMMARY:Shoot" + run + "SUMMARY:Pick-up" + rest).encode())
    assert findings == ()
    assert [(event.id, event.title) for event in timeline] == [
        ("shoot", "Shoot"), ("shoot", "Pick-up"), ("wrap", "Wrap")]
    assert timeline.events[1].when == MULTIPLE.events[0].when


def test_the_standard_properties_give_one_event_per_run_and_the_hull() -> None:
    exported = mitimeline.dumps(MULTIPLE, "ical", lossless=False)
    assert isinstance(exported, str)
    assert [(event.title, str(event.when)) for event in clean(exported.encode())] == [
        ("Shoot", "2020-10-01/2020-10-03"), ("Shoot", "2020-10-09"), ("Wrap", "2020-12-24")]


# -- structure problems ------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "message", "line", "events"), [
    (HEAD + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200906\r\nEND:VEVENT\r\n",
     "BEGIN:VCALENDAR is never closed by END:VCALENDAR", 1, 1),
    (HEAD + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200906\r\n" + TAIL,
     "BEGIN:VEVENT is not closed before END:VCALENDAR; closed there", 4, 1),
    (HEAD + "END:VEVENT\r\n" + TAIL, "END:VEVENT without a matching BEGIN:VEVENT", 4, 0),
    (HEAD + "this is not a property\r\n" + TAIL, "not a content line (expected NAME:value)", 4,
     0),
    (HEAD + 'X-A;P="unterminated:x\r\n' + TAIL, "X-A: no ':' before the value", 4, 0),
    (HEAD + TAIL + "X-AFTER:1\r\n", "X-AFTER outside any component, ignored", 5, 0),
    ("BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20200906\r\nEND:VEVENT\r\n",
     "1 VEVENT outside any VCALENDAR; imported as if inside one", 1, 1),
    (HEAD + "BEGIN:VTODO\r\nEND:VTODO\r\nBEGIN:VTODO\r\nEND:VTODO\r\n" + TAIL,
     "2 VTODO components not imported (mitimeline imports VEVENTs only)", 4, 0),
    (HEAD + TAIL + "BEGIN:VTODO\r\nEND:VTODO\r\n",
     "a VTODO outside any VCALENDAR is not a calendar; not imported", 5, 0),
])
def test_structure_problems(raw: str, message: str, line: int, events: int) -> None:
    timeline, findings = read(raw.encode())
    assert len(timeline) == events
    assert [f.line for f in findings if message in f.message] == [line], findings


def test_invalid_utf8_is_replaced_and_reported() -> None:
    raw = calendar("UID:a\nDTSTART:20200906\nSUMMARY:caf\xe9").replace(b"caf\xc3\xa9", b"caf\xe9")
    timeline, findings = read(raw)
    assert timeline.events[0].title == "caf\ufffd"
    assert findings[0].line == 7 and "not valid UTF-8: byte 0xe9" in findings[0].message


# -- findings: warning, strict, load_with_findings --------------------------------------


BAD = calendar("UID:good\nDTSTART:20200906", "UID:bad\nSUMMARY:Bad")


def test_findings_are_one_warning_per_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(BAD)
    with pytest.warns(ICalImportWarning) as caught:
        timeline = mitimeline.load(path)
    assert [e.id for e in timeline] == ["good"]
    (warning,) = caught
    assert warning.filename == __file__  # it points at the load() call, not mitimeline
    message = warning.message
    assert isinstance(message, ICalImportWarning)
    assert message.source == str(path)
    assert message.findings == (ICalFinding(8, 'VEVENT "Bad" (UID bad)',
                                            "no DTSTART, so no date: not imported", True),)
    assert str(message) == (f"{path}: 1 problem, 1 component not imported: line 8, VEVENT "
                            '"Bad" (UID bad): no DTSTART, so no date: not imported (all in '
                            ".findings)")


def test_many_findings_are_summarised() -> None:
    raw = calendar(*[f"UID:{n}\nSUMMARY:S" for n in range(7)])
    with pytest.warns(ICalImportWarning, match=r"7 problems, 7 components not imported: .*; "
                                               r"and 2 more \(all in .findings\)"):
        mitimeline.loads(raw, "ical")


def test_a_clean_file_warns_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mitimeline.loads(calendar("UID:a\nDTSTART:20200906"), "ical")


def test_strict_raises_at_the_first_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(BAD)
    for call in (lambda: mitimeline.load(path, strict=True),
                 lambda: load_with_findings(path, strict=True)):
        with pytest.raises(ParseError) as caught:
            call()
        error = caught.value
        assert (error.source, error.location, error.reason) == (
            str(path), 'line 8, VEVENT "Bad" (UID bad)', "no DTSTART, so no date: not imported")


def test_load_with_findings_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.ics"
    path.write_bytes(BAD)
    timeline, findings = load_with_findings(path)
    assert len(timeline) == 1 and len(findings) == 1
    assert str(findings[0]) == 'line 8, VEVENT "Bad" (UID bad): no DTSTART, so no date: not ' \
                               "imported"


@pytest.mark.parametrize(("options", "message"), [
    ({"strict": "yes"}, "strict must be True or False"),
    ({"expand_from": 3.5}, "expand_from must be a datetime.date, a date as text"),
    ({"expand_from": "soonish"}, "expand_from: "),
    ({"expand_until": "../2020"}, "expand_until: '../2020' has no known first day"),
    ({"expand": "some"}, "expand must be one of 'window', 'all', 'none', got 'some'"),
    ({"expand_until": date(2020, 1, 1), "expand_from": date(2020, 1, 1)},
     "expand_until (2020-01-01) must be after expand_from"),
    ({"max_occurrences": 0}, "max_occurrences must be a whole number >= 1"),
    ({"window": 3}, "does not take option(s) window"),
])
def test_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionsError, match=re.escape(message)):
        mitimeline.loads(calendar(), "ical", **options)
    with pytest.raises(OptionsError, match=re.escape(message)):
        load_with_findings(io.BytesIO(calendar()), **options)


def test_when_values_are_model_values() -> None:
    (event,) = clean(calendar("UID:a\nDTSTART;VALUE=DATE:20200906"))
    assert event.when == When("2020-09-06") and event.kind == "other"


def test_dates_beyond_the_year_9999_skip_the_event() -> None:
    raw = calendar("UID:a\nSUMMARY:A\nDTSTART;VALUE=DATE:99991231\nDTEND:99991231T120000Z")
    timeline, findings = read(raw)
    assert len(timeline) == 0
    assert "dates out of range" in findings[0].message and findings[0].skipped


def test_a_blank_exported_title_falls_back_to_the_summary() -> None:
    (event,) = clean(ours('X-MITIMELINE-TITLE:"  "'))
    assert event.title == "S"


@pytest.mark.parametrize(("line", "message"), [
    ("X-MITIMELINE-TITLE:42", "X-MITIMELINE-TITLE should hold JSON text; ignored"),
    ("X-MITIMELINE-DESCRIPTION:{", "X-MITIMELINE-DESCRIPTION should hold JSON text; ignored"),
    ('X-MITIMELINE-SOURCE:{"id":"Bad Id"\\,"title":"T"}', "X-MITIMELINE-SOURCE: Source.id"),
    ("X-MITIMELINE-SOURCE:[]", "X-MITIMELINE-SOURCE: expected a JSON object; ignored"),
    ('X-MITIMELINE-PRODUCTION:{"title":""}', "X-MITIMELINE-PRODUCTION: Production.title"),
])
def test_damaged_calendar_properties_are_findings(line: str, message: str) -> None:
    raw = calendar(head=f"NAME:N\r\n{line}\r\n")
    timeline, _findings = read(raw)
    assert timeline.title == "N" and timeline.sources == () and timeline.production is None
    assert message in finding(raw).message


def test_a_series_the_expander_fails_on_is_imported_once_with_a_finding(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mitimeline.default_plugins.ical.read import importer as _ical_import
    from mitimeline.default_plugins.ical.read.recurrence import RecurrenceError

    monkeypatch.setattr(_ical_import, "expand", lambda head, series, windows: [
        RecurrenceError("boom") for _series in series])
    raw = calendar("UID:r\nDTSTART:20200906\nRRULE:FREQ=DAILY;COUNT=2")
    timeline, findings = read(raw)
    assert [str(event.when) for event in timeline] == ["2020-09-06"]
    assert findings[0].message == ("the recurrence could not be expanded (boom); each VEVENT "
                                   "of the series imported once")


def test_an_event_the_model_rejects_outright_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    from mitimeline.default_plugins.ical.read import event as _ical_event

    monkeypatch.setattr(_ical_event._Event, "title", lambda self, ours: "")
    timeline, findings = read(calendar("UID:a\nDTSTART:20200906"))
    assert len(timeline) == 0
    assert findings[0].skipped and "Event.title: expected non-empty text" in findings[0].message


# -- damaged files never escape as anything but a ParseError -----------------------------


FUZZ_BASE = [
    (Path(__file__).resolve().parent / "golden" / "ical" / "mi7-example.ics").read_bytes(),
    calendar(SERIES, MOVED, "UID:a\nDTSTART;TZID=Custom Berlin:20200906T100000\nDURATION:PT1H",
             head=VTIMEZONE + "X-WR-TIMEZONE:Europe/Berlin\r\n"),
]
PIECES = ["BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR", "DTSTART:", "DTSTART;TZID=X:",
          ";VALUE=DATE:", "RRULE:FREQ=", "RECURRENCE-ID:", "X-MITIMELINE-EDTF:", "\"", ":", ";",
          ",", "\\", " ", "\t", "00010101T000000Z", "99991231", "P", "Z", "\x00", "é"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(FUZZ_BASE), st.lists(st.tuples(
    st.sampled_from(["delete", "duplicate", "insert", "truncate"]), st.integers(0, 10_000),
    st.integers(0, 200), st.sampled_from(PIECES) | st.text(max_size=12)), max_size=6))
def test_damaged_calendars_import_or_fail_cleanly(base: bytes,
                                                  edits: list[tuple[str, int, int, str]]) -> None:
    lines = base.decode("utf-8").split("\r\n")
    for action, where, offset, text in edits:
        index = where % len(lines)
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "insert":
            line = lines[index]
            cut = offset % (len(line) + 1)
            lines[index] = line[:cut] + text + line[cut:]
        elif action == "truncate":
            lines[index] = lines[index][:offset % (len(lines[index]) + 1)]
    raw = "\r\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        timeline, findings = read(raw)
    except ParseError:
        return
    assert isinstance(timeline, Timeline)
    assert all(isinstance(found, ICalFinding) for found in findings)
