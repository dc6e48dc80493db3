"""Recurring events (issue 16): the ``expand`` policy, its one finding per file, series kept
as one event and written back as series, unreadable DTSTARTs, and the generated calendars
of the benchmark."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import ParseError, Timeline
from mitimeline.default_plugins.ical import ICalFinding, load_with_findings

ROOT = Path(__file__).resolve().parent.parent
HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n"
LONDON = """BEGIN:VTIMEZONE
TZID:Europe/London
BEGIN:STANDARD
DTSTART:19701025T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0000
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T010000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0000
TZOFFSETTO:+0100
END:DAYLIGHT
END:VTIMEZONE"""
SERIES = """UID:series@example.org
SUMMARY:Production meeting
DTSTART;TZID=Europe/London:20200907T090000
DTEND;TZID=Europe/London:20200907T100000
RRULE:FREQ=WEEKLY;COUNT=10
EXDATE;TZID=Europe/London:20200914T090000
BEGIN:VALARM
UID:alarm-1
ACTION:DISPLAY
TRIGGER:-PT15M
END:VALARM"""
MOVED = """UID:series@example.org
RECURRENCE-ID;TZID=Europe/London:20200921T090000
SUMMARY:Production meeting (moved)
DTSTART;TZID=Europe/London:20200922T140000
DTEND;TZID=Europe/London:20200922T150000"""


def calendar(*events: str, head: str = "") -> bytes:
    """A calendar with ``head`` lines and one VEVENT per text (a VTIMEZONE text as is)."""
    parts = [HEAD, head]
    for event in events:
        text = event.strip()
        parts.append(text if text.startswith("BEGIN:") else f"BEGIN:VEVENT\n{text}\nEND:VEVENT")
        parts.append("\n")
    parts.append("END:VCALENDAR\n")
    return "".join(parts).replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def read(raw: bytes, **options: Any) -> tuple[Timeline, tuple[ICalFinding, ...]]:
    return load_with_findings(io.BytesIO(raw), **options)


def whens(raw: bytes, **options: Any) -> list[str]:
    return [str(event.when) for event in read(raw, **options)[0]]


def yearly(uid: str, day: str, rule: str = "FREQ=YEARLY") -> str:
    return f"UID:{uid}\nSUMMARY:{uid}\nDTSTART;VALUE=DATE:{day}\nRRULE:{rule}"


# -- the window ----------------------------------------------------------------------------


def test_an_open_ended_series_alone_gets_one_year() -> None:
    raw = calendar(yearly("a", "19800312"), "UID:w\nDTSTART;VALUE=DATE:20200101\n"
                   "RRULE:FREQ=WEEKLY")
    timeline, findings = read(raw)
    assert [str(e.when) for e in timeline][:2] == ["1980-03-12", "2020-01-01"]
    assert len(timeline) == 1 + 53  # a yearly series once; a weekly one for a year
    (finding,) = findings
    assert finding.line is None and finding.component == "VCALENDAR"
    assert finding.message.startswith(
        "2 recurring series, 54 occurrences imported; 2 open-ended series expanded only up "
        "to the calendar's horizon (expand='window')")


def test_the_horizon_is_the_latest_one_off_event_or_finite_series() -> None:
    one_off = "UID:o\nDTSTART;VALUE=DATE:20230601\nDTEND;VALUE=DATE:20230611"
    raw = calendar(yearly("a", "20200312"), one_off)
    assert whens(raw) == ["2020-03-12", "2021-03-12", "2022-03-12", "2023-03-12",
                          "2023-06-01/2023-06-10"]
    finite = yearly("f", "20200101", "FREQ=YEARLY;UNTIL=20250101")
    assert len(whens(calendar(yearly("a", "20200312"), finite))) == 5 + 6  # to 1 Jan 2025
    # a horizon before the series' start still gives it a year
    assert whens(calendar("UID:o\nDTSTART;VALUE=DATE:20000101", yearly("a", "20200312"))) \
        == ["2000-01-01", "2020-03-12"]


def test_finite_series_expand_in_full_without_a_finding() -> None:
    raw = calendar(yearly("f", "20000101", "FREQ=YEARLY;COUNT=30"))
    timeline, findings = read(raw)
    assert len(timeline) == 30 and findings == ()


def test_one_finding_per_file_however_many_series() -> None:
    raw = calendar(*(yearly(f"s{n}", f"{1900 + n}0101") for n in range(40)),
                   "UID:d\nDTSTART;VALUE=DATE:20200101\nRRULE:FREQ=DAILY")
    timeline, findings = read(raw, expand="all", max_occurrences=20)
    assert len(findings) == 1 and len(timeline) == 41 * 20
    assert findings[0].message.startswith(
        "41 recurring series, 820 occurrences imported; 41 series cut at max_occurrences=20")


def test_window_options_override_the_horizon_and_read_text() -> None:
    raw = calendar(yearly("a", "20100312"))
    assert whens(raw, expand_from="2015", expand_until="2017-03-12") == [
        "2015-03-12", "2016-03-12"]
    assert whens(raw, expand_until=2012) == ["2010-03-12", "2011-03-12"]
    assert len(whens(raw, expand="all")) == 500


def test_strict_mode_accepts_the_window_but_not_the_cap() -> None:
    raw = calendar(yearly("a", "20100312"))
    with pytest.warns(mitimeline.default_plugins.ical.ICalImportWarning):
        assert len(mitimeline.loads(raw, "ical", strict=True)) == 1
    with pytest.raises(ParseError, match="1 series cut at max_occurrences=3"):
        mitimeline.loads(raw, "ical", strict=True, expand="all", max_occurrences=3)


def test_the_warning_shows_the_finding_first() -> None:
    raw = calendar(yearly("a", "20100312"), "UID:b\nSUMMARY:Bad\nDTSTART:notadate")
    with pytest.warns(mitimeline.default_plugins.ical.ICalImportWarning) as caught:
        mitimeline.loads(raw, "ical")
    message = str(caught[0].message)
    assert message.index("recurring series") < message.index("notadate")


# -- DTSTART that cannot be read -----------------------------------------------------------


def test_an_unreadable_dtstart_is_a_finding_naming_its_line() -> None:
    plain = calendar("UID:p\nSUMMARY:Plain\nDTSTART:notadate")
    (finding,) = read(plain)[1]
    assert (finding.line, finding.skipped) == (7, True)
    assert finding.message == "DTSTART: expected a date YYYYMMDD, got 'notadate': not imported"
    recurring = calendar("UID:r\nSUMMARY:Series\nDTSTART:notadate\nRRULE:FREQ=YEARLY",
                         yearly("ok", "20200101", "FREQ=YEARLY;COUNT=2"))
    timeline, findings = read(recurring)
    assert [e.title for e in timeline] == ["ok", "ok"]  # the other series is expanded
    assert [(f.line, f.skipped) for f in findings] == [(4, False), (7, True)]
    assert "could not be expanded (a DTSTART cannot be read)" in findings[0].message
    assert "DTSTART: expected a date YYYYMMDD, got 'notadate'" in findings[1].message
    for mode in ("all", "none"):
        assert any(f.line == 7 and "notadate" in f.message
                   for f in read(recurring, expand=mode)[1])


# -- expand="none": a series stays a series ------------------------------------------------


def test_none_keeps_the_rule_and_overrides() -> None:
    raw = calendar(LONDON, SERIES, "UID:other\nDTSTART;VALUE=DATE:20200901", MOVED)
    timeline, findings = read(raw, expand="none")
    assert findings == ()
    series, other = timeline.events
    assert (series.id, str(series.when)) == (
        "series-example-org", "2020-09-07T09:00:00+01:00/2020-09-07T10:00:00+01:00")
    kept = series.extra["ical"]["series"]
    assert kept["rule"] == ["RRULE:FREQ=WEEKLY;COUNT=10",
                            "EXDATE;TZID=Europe/London:20200914T090000"]
    assert kept["start"][0] == "DTSTART;TZID=Europe/London:20200907T090000"
    assert kept["overrides"][0][:3] == ["BEGIN:VEVENT", "UID:series@example.org",
                                        "RECURRENCE-ID;TZID=Europe/London:20200921T090000"]
    assert kept["timezones"][0][:2] == ["BEGIN:VTIMEZONE", "TZID:Europe/London"]
    assert other.id == "other"


@pytest.mark.parametrize("lossless", [True, False])
def test_a_kept_series_survives_a_round_trip(lossless: bool) -> None:
    raw = calendar(LONDON, SERIES, MOVED)
    timeline = read(raw, expand="none")[0]
    exported = mitimeline.dumps(timeline, "ical", lossless=lossless).encode("utf-8")
    back, findings = read(exported, expand="none")
    assert findings == ()
    if lossless:
        assert back == timeline
    assert back.events[0].extra["ical"]["series"] == timeline.events[0].extra["ical"]["series"]
    assert whens(exported) == whens(raw)  # expanded again: the same occurrences


def test_a_lossless_export_writes_the_series_once() -> None:
    """The rule, its start and overrides are the VEVENTs' own lines, not copied again into
    X-MITIMELINE-EXTRA; other ``extra`` keys still are, and the import rebuilds the series."""
    timeline = read(calendar(LONDON, SERIES, MOVED), expand="none")[0]
    event = timeline.events[0]
    edited = timeline.replace(attrs.evolve(event, extra={**event.extra, "note": "kept"}))
    exported = mitimeline.dumps(edited, "ical", lossless=True)
    unfolded = exported.replace("\r\n ", "")
    extra_lines = [line for line in unfolded.splitlines()
                   if line.startswith("X-MITIMELINE-EXTRA:")]
    assert len(extra_lines) == 1
    assert "RRULE" not in extra_lines[0] and '"series":' not in extra_lines[0]
    assert '"note":"kept"' in extra_lines[0]
    assert unfolded.count("RRULE:FREQ=WEEKLY;COUNT=10") == 1
    assert unfolded.count("RECURRENCE-ID;TZID=Europe/London:20200921T090000") == 1
    back = read(exported.encode("utf-8"), expand="none")[0]
    assert back == edited


def test_a_kept_series_moved_to_multiple_dates_is_written_as_its_runs() -> None:
    """Its rule no longer says its dates: one VEVENT per run, no RRULE, and the kept series
    stays in X-MITIMELINE-EXTRA (lossless), so the import gives the same event back."""
    timeline = read(calendar(LONDON, SERIES, MOVED), expand="none")[0]
    event = timeline.events[0]
    moved = timeline.replace(attrs.evolve(event, when="{2020-10-01,2020-10-05}"))
    exported = mitimeline.dumps(moved, "ical")
    lines = exported.replace("\r\n ", "").split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 2
    assert not [line for line in lines if line.startswith(("RRULE:FREQ=WEEKLY", "RECURRENCE-ID"))]
    assert read(exported.encode("utf-8"), expand="none") == (moved, ())


def _peer_occurrences(raw: bytes, start: date, end: date) -> list[tuple[str, str, str]]:
    import icalendar
    import recurring_ical_events

    def instant(value: date) -> str:
        if isinstance(value, datetime):
            return (value.astimezone(timezone.utc) if value.tzinfo else value).isoformat()
        return value.isoformat()

    found = recurring_ical_events.of(icalendar.Calendar.from_ical(raw)).between(start, end)
    return sorted((instant(c["DTSTART"].dt), instant(c["DTEND"].dt), str(c.get("SUMMARY", "")))
                  for c in found)


def test_peers_expand_the_exported_series_like_the_original() -> None:
    raw = calendar(LONDON, SERIES, MOVED)
    exported = mitimeline.dumps(read(raw, expand="none")[0], "ical", lossless=False,
                                description_template=None).encode("utf-8")
    window = (date(2020, 1, 1), date(2022, 1, 1))
    assert _peer_occurrences(exported, *window) == _peer_occurrences(raw, *window)
    assert len(_peer_occurrences(raw, *window)) == 9


@st.composite
def simple_series(draw: st.DrawFn) -> str:
    """A VEVENT with a simple rule: a frequency, an interval, an end or none, maybe a
    weekday list, an EXDATE and an override, all-day or timed (UTC or a zone)."""
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    start = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)))
    start = start.replace(second=0, microsecond=0)
    all_day = draw(st.booleans())
    zone = draw(st.sampled_from(["", "Z", "Europe/London"]))
    rule = f"FREQ={freq};INTERVAL={draw(st.integers(1, 3))}"
    if freq == "WEEKLY" and draw(st.booleans()):
        rule += ";BYDAY=" + ",".join(draw(st.lists(st.sampled_from(
            ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, max_size=3, unique=True)))
    end = draw(st.sampled_from(["", "COUNT", "UNTIL"]))
    if end == "COUNT":
        rule += f";COUNT={draw(st.integers(1, 30))}"
    elif end == "UNTIL":
        until = start + timedelta(days=draw(st.integers(0, 800)))
        rule += f";UNTIL={until:%Y%m%d}" if all_day else f";UNTIL={until:%Y%m%dT%H%M%S}Z"

    def moment(name: str, value: datetime) -> str:
        if all_day:
            return f"{name};VALUE=DATE:{value:%Y%m%d}"
        if zone == "Europe/London":
            return f"{name};TZID=Europe/London:{value:%Y%m%dT%H%M%S}"
        return f"{name}:{value:%Y%m%dT%H%M%S}{zone}"

    lines = ["UID:s@example.org", "SUMMARY:Series", moment("DTSTART", start),
             moment("DTEND", start + (timedelta(days=1) if all_day else timedelta(hours=1))),
             f"RRULE:{rule}"]
    step = {"DAILY": timedelta(days=1), "WEEKLY": timedelta(weeks=1)}.get(freq)
    if step is not None and draw(st.booleans()):
        lines.append(moment("EXDATE", start + step * draw(st.integers(1, 3))))
    events = ["\n".join(lines)]
    if step is not None and not all_day and draw(st.booleans()):
        moved = start + step * 2
        events.append("\n".join(["UID:s@example.org", "SUMMARY:Moved",
                                 moment("RECURRENCE-ID", moved),
                                 moment("DTSTART", moved + timedelta(hours=2)),
                                 moment("DTEND", moved + timedelta(hours=3))]))
    return "\n".join(f"BEGIN:VEVENT\n{event}\nEND:VEVENT" for event in events)


@settings(max_examples=40, deadline=None)
@given(simple_series())
def test_generated_series_survive_import_export_import(series: str) -> None:
    raw = calendar(LONDON, series)
    timeline, findings = read(raw, expand="none")
    assert len(timeline) == 1 and findings == ()
    exported = mitimeline.dumps(timeline, "ical", lossless=False,
                                description_template=None).encode("utf-8")
    back = read(exported, expand="none")[0]
    assert back.events[0].extra["ical"]["series"] == timeline.events[0].extra["ical"]["series"]
    window = (date(1989, 1, 1), date(2033, 1, 1))
    assert _peer_occurrences(exported, *window) == _peer_occurrences(raw, *window)
    assert whens(exported, expand="all") == whens(raw, expand="all")


def test_a_damaged_kept_series_is_written_as_a_plain_event() -> None:
    timeline = read(calendar(LONDON, SERIES), expand="none")[0]
    event = timeline.events[0]
    broken = {**event.extra, "ical": {**event.extra["ical"], "series": {"rule": ["X\r\nY"]}}}
    damaged = Timeline(timeline.title, [type(event)(event.id, event.title, event.when,
                                                    extra=broken)])
    exported = mitimeline.dumps(damaged, "ical", lossless=False)
    assert "RRULE" not in exported and exported.count("BEGIN:VEVENT") == 1


# -- the command line ----------------------------------------------------------------------


def test_show_and_convert_print_the_finding_and_take_text_dates(tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    path.write_bytes(calendar(yearly("a", "20100312")))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    shown = subprocess.run([sys.executable, "-m", "mitimeline", "show", str(path), "-i",
                            "expand_until=2019-06-30"], capture_output=True, text=True,
                           env=env, check=False)
    assert shown.returncode == 0, shown.stderr
    assert "(10 events)" in shown.stdout  # 2010 to 2019
    assert "open-ended series expanded only up to expand_until=2019-06-30" in shown.stderr
    converted = subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(path),
                                str(tmp_path / "out.json")], capture_output=True, text=True,
                               env=env, check=False)
    assert converted.returncode == 0, converted.stderr
    assert "up to the calendar's horizon" in converted.stderr


# -- the generated calendars of the benchmark ----------------------------------------------


def test_the_benchmark_calendars_have_the_shapes_of_the_issue() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import recurrence_fixtures
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    history = recurrence_fixtures.history_calendar()
    birthdays = recurrence_fixtures.birthday_calendar()
    mixed = recurrence_fixtures.mixed_calendar()
    assert 90_000 < len(history) < 110_000 and history.count(b"RRULE:") == 431
    assert 380_000 < len(birthdays) < 480_000 and birthdays.count(b"RRULE:") == 1_321
    assert 800_000 < len(mixed) < 1_100_000 and mixed.count(b"RRULE:") - 2 == 714
    assert b"UNTIL=" in mixed and b"RECURRENCE-ID" in mixed
    timeline, findings = read(history)
    assert len(timeline) == 431 and len(findings) == 1
