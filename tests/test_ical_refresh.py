"""The ``refresh`` option of the ``ical`` exporter: REFRESH-INTERVAL (RFC 7986 §5.7) and
X-PUBLISHED-TTL in the calendar, how subscribers learn how often to fetch it again."""

from __future__ import annotations

import io
import re
import warnings
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline.cli import main
from mitimeline.default_plugins.ical import DEFAULT_REFRESH, load_with_findings
from mitimeline.default_plugins.ical.rfc5545.values import parse_duration, positive_duration

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "seeds" / "mi7-example.json"


def header(raw: bytes) -> list[str]:
    """The calendar's own content lines (before the first VEVENT), unfolded."""
    text = raw.decode("utf-8").replace("\r\n ", "")
    return text.split("BEGIN:VEVENT")[0].split("\r\n")


def export(**options: object) -> bytes:
    data = mitimeline.dumps(mitimeline.load(EXAMPLE), "ical", **options)
    assert isinstance(data, str)
    return data.encode("utf-8")


def test_the_default_is_twelve_hours() -> None:
    lines = header(export())
    assert DEFAULT_REFRESH == "PT12H"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H" in lines
    assert "X-PUBLISHED-TTL:PT12H" in lines
    assert icalendar.Calendar.from_ical(export()).refresh_interval == timedelta(hours=12)


@pytest.mark.parametrize(("given", "written"), [
    ("PT1H", "PT1H"), ("P1D", "P1D"), ("P1W", "P1W"), ("P1DT12H", "P1DT12H"),
    ("PT90M", "PT90M"), ("pt30m", "PT30M"), ("+PT2H", "PT2H"), (" PT6H ", "PT6H"),
    ("PT1H30M15S", "PT1H30M15S"),
])
def test_a_custom_interval_is_written_in_canonical_form(given: str, written: str) -> None:
    lines = header(export(refresh=given))
    assert f"REFRESH-INTERVAL;VALUE=DURATION:{written}" in lines
    assert f"X-PUBLISHED-TTL:{written}" in lines


@pytest.mark.parametrize("none", [None, "none", "None", "NONE"])
def test_none_writes_neither_property(none: str | None) -> None:
    raw = export(refresh=none)
    assert b"REFRESH-INTERVAL" not in raw and b"X-PUBLISHED-TTL" not in raw


def test_a_calendar_without_lossless_data_still_has_it() -> None:
    assert "X-PUBLISHED-TTL:PT12H" in header(export(lossless=False))


@pytest.mark.parametrize(("value", "fragment"), [
    ("P1M", "no years or months), got 'P1M'"),
    ("P1Y", "got 'P1Y'"),
    ("PT12", "got 'PT12'"),
    ("12h", "got '12h'"),
    ("-PT1H", "got '-PT1H'"),
    ("PT1H5S", "got 'PT1H5S'"),  # RFC 5545: seconds follow minutes
    ("P1W2D", "got 'P1W2D'"),    # RFC 5545: weeks stand alone
    ("PT0S", "expected a positive duration, got 'PT0S', which is zero"),
    ("P9999999999D", "shorter than a million days"),
    ("", "got ''"),
    (12, "refresh must be a duration as text such as 'PT12H', or None"),
    (timedelta(hours=1), "refresh must be a duration as text"),
])
def test_a_bad_interval_is_an_options_error_naming_the_option(value: object,
                                                               fragment: str) -> None:
    with pytest.raises(mitimeline.OptionsError) as caught:
        export(refresh=value)
    message = str(caught.value)
    assert message.startswith("format 'ical': bad option value: refresh")
    assert fragment in message
    assert "\n" not in message


def test_the_command_line_passes_it_with_o(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    for value, expected in (("PT1H", b"X-PUBLISHED-TTL:PT1H"), ("none", None),
                            ("null", None)):
        target = tmp_path / f"{value}.ics"
        assert main(["convert", str(EXAMPLE), str(target), "-o", f"refresh={value}"]) == 0
        raw = target.read_bytes()
        if expected is None:
            assert b"REFRESH-INTERVAL" not in raw
        else:
            assert expected in raw and b"REFRESH-INTERVAL;VALUE=DURATION:PT1H" in raw
    capsys.readouterr()
    code = main(["convert", str(EXAMPLE), str(tmp_path / "bad.ics"), "-o", "refresh=P1M"])
    err = capsys.readouterr().err
    assert code == 2
    assert re.fullmatch(r"mitimeline convert: error: format 'ical': bad option value: "
                        r"refresh: expected a positive RFC 5545 duration .*got 'P1M'.*\n", err)
    assert not (tmp_path / "bad.ics").exists()


def test_reading_our_own_file_back_ignores_them_without_findings() -> None:
    timeline = mitimeline.load(EXAMPLE)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        back, findings = load_with_findings(io.BytesIO(export(refresh="P1D")))
    assert findings == ()
    assert back == timeline
    again = mitimeline.dumps(back, "ical", refresh="P1D").encode("utf-8")
    assert again == export(refresh="P1D")


@pytest.mark.parametrize("lines", [
    "REFRESH-INTERVAL;VALUE=DURATION:P1M\r\nX-PUBLISHED-TTL:soon\r\n",
    "REFRESH-INTERVAL:PT1H\r\nREFRESH-INTERVAL;VALUE=DURATION:P1W\r\n",
    "refresh-interval;value=duration:pt1h\r\nX-PUBLISHED-TTL;VALUE=DURATION:PT1H\r\n",
])
def test_a_foreign_calendar_with_odd_refresh_properties_imports_cleanly(lines: str) -> None:
    raw = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n" + lines +
           "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20200101T000000Z\r\n"
           "DTSTART;VALUE=DATE:20200906\r\nSUMMARY:Shoot\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    timeline, findings = load_with_findings(io.BytesIO(raw.encode("utf-8")))
    assert findings == ()
    assert [event.title for event in timeline] == ["Shoot"]


# -- any valid duration survives the trip through icalendar ---------------------------------

_number = st.integers(min_value=0, max_value=9999).map(str)


@st.composite
def durations(draw: st.DrawFn) -> str:
    """RFC 5545 ``dur-value`` text without a sign, in any case (some may be zero)."""
    hours, minutes, seconds = (draw(_number) + unit for unit in "HMS")
    time = "T" + draw(st.sampled_from([hours, hours + minutes, hours + minutes + seconds,
                                       minutes, minutes + seconds, seconds]))
    text = "P" + draw(st.one_of(
        _number.map(lambda weeks: weeks + "W"),
        _number.map(lambda days: days + "D"),
        st.tuples(_number, st.just(time)).map(lambda parts: parts[0] + "D" + parts[1]),
        st.just(time),
    ))
    return text.lower() if draw(st.booleans()) else text


@settings(max_examples=150, deadline=None)
@given(durations())
def test_any_positive_duration_round_trips_through_icalendar(text: str) -> None:
    length = parse_duration(text.upper())
    if length <= timedelta(0):
        with pytest.raises(mitimeline.OptionsError, match="which is zero"):
            export(refresh=text)
        return
    raw = export(refresh=text)
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar.refresh_interval == length
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    ttl = str(calendar["X-PUBLISHED-TTL"])
    assert ttl == text.upper() == positive_duration(text)
    assert icalendar.vDuration.from_ical(ttl) == length
