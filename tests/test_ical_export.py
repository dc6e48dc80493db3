"""The ``ical`` exporter: exact bytes, the mapping of each field, options, determinism, and
icalendar as the reference for escaping and folding."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import Event, ExportError, OptionsError, Place, Source, Timeline
from mitimeline.default_plugins.ical import ExportOptions, ICalExporter
from mitimeline.default_plugins.ical.rfc5545.text import escape_text, fold, visible_text
from mitimeline.default_plugins.ical.write.calendar import UID_NAMESPACE, calendar_lines, uuid5
from mitimeline.testing import (
    check_exporter,
    claimed_timeline,
    sample_timeline,
    timelines,
    update_golden,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "ical"
UPDATE = update_golden()


def export(tl: Timeline, **options: Any) -> bytes:
    buffer = io.BytesIO()
    ICalExporter().export(tl, buffer, ExportOptions(**options))
    return buffer.getvalue()


def unfolded(raw: bytes) -> list[str]:
    return raw.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def vevents(raw: bytes) -> list[dict[str, list[str]]]:
    """Each VEVENT as property name (with parameters) → values, in order."""
    events: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in unfolded(raw):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, _colon, value = line.partition(":")
            current.setdefault(name, []).append(value)
    return events


def one(when: str, **fields: Any) -> dict[str, list[str]]:
    (event,) = vevents(export(Timeline("T", [Event(id="e", title="E", when=when, **fields)])))
    return event


def lint(raw: bytes) -> None:
    """Our own checks no peer makes: CRLF only, lines of at most 75 octets, UTF-8."""
    raw.decode("utf-8")
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "a bare LF"
    assert b"\r" not in raw.replace(b"\r\n", b""), "a bare CR"
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, f"line of {len(line)} octets: {line[:40]!r}"


# -- the bundled example: exact bytes ---------------------------------------------------


def test_example_matches_the_golden_file() -> None:
    raw = export(mitimeline.load(ROOT / "seeds" / "mi7-example.json"))
    golden = GOLDEN / "mi7-example.ics"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(raw)
    assert raw == golden.read_bytes(), "rerun with MITIMELINE_UPDATE_GOLDEN=1 after review"
    lint(raw)


def test_convert_command_writes_the_same_bytes(tmp_path: Path) -> None:
    from mitimeline.cli import main

    target = tmp_path / "mi7.ics"
    assert main(["convert", str(ROOT / "seeds" / "mi7-example.json"), str(target)]) == 0
    assert target.read_bytes() == (GOLDEN / "mi7-example.ics").read_bytes()


def test_timeline_export_chooses_ical_from_the_extension(tmp_path: Path) -> None:
    tl = sample_timeline()
    tl.export(tmp_path / "out.ics")
    assert (tmp_path / "out.ics").read_bytes() == export(tl)
    assert tl.dumps("ical") == export(tl).decode("utf-8")


def test_contract() -> None:
    raw = check_exporter(ICalExporter())
    lint(raw)


# -- calendar properties ----------------------------------------------------------------


def test_calendar_header() -> None:
    tl = Timeline("MI7, the restart; part 1", description="Line one\nline two")
    lines = unfolded(export(tl))
    assert lines[:4] == ["BEGIN:VCALENDAR", "VERSION:2.0",
                         "PRODID:-//mitimeline//mitimeline iCalendar export 1//EN",
                         "CALSCALE:GREGORIAN"]
    assert "NAME:MI7\\, the restart\\; part 1" in lines
    assert "X-WR-CALNAME:MI7\\, the restart\\; part 1" in lines
    assert "DESCRIPTION:Line one\\nline two" in lines
    assert "X-WR-CALDESC:Line one\\nline two" in lines
    assert not any(line.startswith("METHOD") for line in lines)
    assert lines[-1] == "END:VCALENDAR"


def test_calendar_name_option_keeps_the_title_losslessly() -> None:
    lines = unfolded(export(Timeline("Internal title"), calendar_name="Public name"))
    assert "NAME:Public name" in lines
    assert 'X-MITIMELINE-TITLE:"Internal title"' in lines


def test_an_empty_title_writes_no_name() -> None:
    lines = unfolded(export(Timeline("")))
    assert not any(line.startswith(("NAME", "X-WR-CALNAME")) for line in lines)
    assert 'X-MITIMELINE-TITLE:""' in lines


def test_production_and_sources_are_kept_losslessly() -> None:
    lines = unfolded(export(sample_timeline()))
    sources = [line for line in lines if line.startswith("X-MITIMELINE-SOURCE:")]
    assert len(sources) == 1
    assert '"url":"https://example.org/a?b=1&c=2"' in sources[0]


# -- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(("when", "start", "end"), [
    ("2020-09", "20200901", "20201001"),
    ("September 2020", "20200901", "20201001"),
    ("early October 2020", "20201001", "20201011"),
    ("2020-09-06", "20200906", "20200907"),
    ("2020", "20200101", "20210101"),
    ("2020-23", "20200901", "20201201"),
    ("2020-12-31", "20201231", "20210101"),
    ("2020-09~", "20200901", "20201001"),
    ("201X", "20100101", "20200101"),
    ("2020-09-06/2020-09-08", "20200906", "20200909"),
    ("2020-09-08/2020-09-06", "20200906", "20200909"),  # reversed: the span both cover
    ("/2020-09-06", "20200906", "20200907"),  # unknown start: the known end
    ("2020-09/..", "20200901", "20201001"),  # open end: the known start
    ("2020-10-05T10:00:00Z/2020-10-07", "20201005", "20201008"),  # only one end timed
    ("2021-33", "20210101", "20210401"),  # first quarter
    ("2020-29", "20200901", "20201201"),  # southern spring
    ("[2020-06,2020-08]", "20200601", "20200901"),  # one of a set: its hull
    ("[2020-10..2021-11]", "20201001", "20211201"),
    ("[..2020-12-24]", "20201224", "20201225"),  # on or before: the known end
    ("[2021..]", "20210101", "20220101"),  # on or after: the known start
    ("[0001,2000]", "00010101", "20010101"),  # year 1 is not an open start
])
def test_dates_become_all_day_spans_with_exclusive_end(when: str, start: str, end: str) -> None:
    event = one(when)
    assert event["DTSTART;VALUE=DATE"] == [start]
    assert event["DTEND;VALUE=DATE"] == [end]


def test_multiple_dates_are_one_vevent_per_run_of_days() -> None:
    """Each run of days is a VEVENT of its own (peers read RDATE and a shared UID wrongly:
    tests/test_ical_peers.py), with the event's lines; the later ones have their own UID,
    RELATED-TO the first and X-MITIMELINE-RUN. Adjacent members make one run."""
    when = "{2020-10-01..2020-10-03,2020-10-04,2020-10-09,2020-11}"
    tl = Timeline("T", [Event(id="e", title="Shoot", when=when, kind="shoot")])
    first, second, third = vevents(export(tl))
    uid = uuid5("T\ne")
    assert [(e["UID"], e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"])
            for e in (first, second, third)] == [
        ([uid], ["20201001"], ["20201005"]), ([f"{uid}-run-2"], ["20201009"], ["20201010"]),
        ([f"{uid}-run-3"], ["20201101"], ["20201201"])]
    assert "RELATED-TO;RELTYPE=SIBLING" not in first and "X-MITIMELINE-RUN" not in first
    assert [e["RELATED-TO;RELTYPE=SIBLING"] for e in (second, third)] == [[uid], [uid]]
    assert [e["X-MITIMELINE-RUN"] for e in (second, third)] == [["2"], ["3"]]
    for event in (first, second, third):
        assert event["SUMMARY"] == ["Shoot"]
        assert event["X-MITIMELINE-EDTF"] == [escape_text(when)]
        assert event["X-MITIMELINE-ID"] == ["e"]
    standard = vevents(export(tl, lossless=False))
    assert len(standard) == 3 and not any("X-MITIMELINE-RUN" in e for e in standard)


def test_run_uids_stay_unique() -> None:
    """An event whose id makes the UID of another's run still gets a UID of its own."""
    tl = Timeline("T", [Event(id="a", title="A", when="{2020-10-01,2020-10-09}"),
                        Event(id="b", title="B", when="2020", extra={"ical": {
                            "uid": f"{uuid5('T' + chr(10) + 'a')}-run-2"}})])
    uids = [e["UID"][0] for e in vevents(export(tl))]
    assert len(set(uids)) == 3


def test_the_last_representable_days() -> None:
    assert "DTEND;VALUE=DATE" not in one("9999-12-31")
    assert one("9999-12-31")["DTSTART;VALUE=DATE"] == ["99991231"]
    assert one("9999-12")["DTEND;VALUE=DATE"] == ["99991231"]
    assert one("0001-01-01")["DTSTART;VALUE=DATE"] == ["00010101"]


@pytest.mark.parametrize(("when", "timezone_name", "start", "end"), [
    ("2020-10-05T07:30:00Z", None, "20201005T073000Z", None),
    ("2020-10-05T09:30:00+02:00", None, "20201005T073000Z", None),
    ("2020-10-05T07:30:00", "Europe/Oslo", "20201005T053000Z", None),
    ("2020-10-05T07:30:00", None, "20201005T073000", None),
    ("2020-10-05T07:30:00Z/2020-10-05T09:00:00Z", None, "20201005T073000Z",
     "20201005T090000Z"),
    ("2020-10-05T09:00:00Z/2020-10-05T07:30:00Z", None, "20201005T073000Z",
     "20201005T090000Z"),
    ("2020-01-05T07:30:00/2020-01-05T08:00:00", "Europe/Oslo", "20200105T063000Z",
     "20200105T070000Z"),
])
def test_times_are_utc_or_floating(when: str, timezone_name: str | None, start: str,
                                   end: str | None) -> None:
    place = Place("Set", timezone=timezone_name) if timezone_name else None
    event = one(when, place=place)
    assert event["DTSTART"] == [start]
    assert event.get("DTEND") == (None if end is None else [end])


def test_a_floating_end_with_a_zoned_start_falls_back_to_days() -> None:
    event = one("2020-10-05T07:30:00Z/2020-10-06T08:00:00")
    assert event["DTSTART;VALUE=DATE"] == ["20201005"]
    assert event["DTEND;VALUE=DATE"] == ["20201007"]


def test_a_time_beyond_utc_range_falls_back_to_days() -> None:
    event = one("0001-01-01T01:00:00+05:00")
    assert event["DTSTART;VALUE=DATE"] == ["00010101"]


# -- the other properties -----------------------------------------------------------------


def test_full_event_mapping() -> None:
    (event,) = vevents(export(attrs.evolve(sample_timeline(),
                                            events=sample_timeline().events[:1])))
    assert event["SUMMARY"] == ["Ramp jump\\, Norway"]
    assert event["LOCATION"] == ["Stranda\\, Møre og Romsdal\\, NO"]
    assert event["GEO"] == ["62.310000;6.950000"]
    assert event["URL"] == ["https://example.org/a?b=1&c=2"]
    assert event["CATEGORIES"] == ["stunt,motorcycle,norway"]
    assert event["STATUS"] == ["CONFIRMED"]
    assert event["TRANSP"] == ["TRANSPARENT"]
    assert event["SEQUENCE"] == ["0"]
    assert event["DTSTAMP"] == event["LAST-MODIFIED"] == ["20201005T000000Z"]
    description = event["DESCRIPTION"][0]
    for part in ("Line one\\nline two\\; with a comma\\, too", "Date: September 2020",
                 "Kind: stunt", "Status: confirmed", "People: Tom Cruise (actor)",
                 "Unit: main unit", "Sources:\\n- Outlet\\, 5 October 2020: A report: on the "
                 "stunt\\; \"quoted\"\\n  https://example.org/a?b=1&c=2"):
        assert part in description
    assert event["X-MITIMELINE-ID"] == ["ramp-jump"]
    assert event["X-MITIMELINE-EDTF"] == ["2020-09"]
    assert event["X-MITIMELINE-KIND"] == ["stunt"]
    assert event["X-MITIMELINE-STATUS"] == ["confirmed"]
    assert event["X-MITIMELINE-EXTRA"] == ['{"note":"kept"}']
    assert event["X-MITIMELINE-SOURCES"] == ['["report-2020-10-05"]']
    assert "X-MITIMELINE-TITLE" not in event  # SUMMARY is the title as it is


@pytest.mark.parametrize(("status", "when", "expected"), [
    ("confirmed", "2020-09", "CONFIRMED"),
    ("done", "2020-09", "CONFIRMED"),
    ("planned", "2020-09", "TENTATIVE"),
    ("rumoured", "2020-09", "TENTATIVE"),
    ("confirmed", "2020-09?", "TENTATIVE"),
    ("cancelled", "2020-09?", "CANCELLED"),
])
def test_status(status: str, when: str, expected: str) -> None:
    assert one(when, status=status)["STATUS"] == [expected]


def test_approximate_dates_are_marked_in_the_summary() -> None:
    event = one("2020-09~")
    assert event["SUMMARY"] == ["c. E"]
    assert event["X-MITIMELINE-TITLE"] == ['"E"']
    assert "Date: September 2020 (approximate)" in event["DESCRIPTION"][0]
    tl = Timeline("T", [Event(id="e", title="E", when="2020-09~")])
    (plain,) = vevents(export(tl, mark_approximate=False))
    assert plain["SUMMARY"] == ["E"] and "X-MITIMELINE-TITLE" not in plain


def test_control_characters_never_reach_text_properties() -> None:
    event = one("2020", description="a\x00b\r\nc\x85d\u2028e")
    assert event["DESCRIPTION"][0].startswith("ab\\nc\\nd\\ne")
    assert event["X-MITIMELINE-DESCRIPTION"] == ['"a\\\\u0000b\\\\r\\\\nc\\\\u0085d\\\\u2028e"']


def test_tags_that_are_not_visible_are_kept_losslessly() -> None:
    event = one("2020", tags=["\x01\x02 ", "ok"])
    assert event["CATEGORIES"] == ["other, ,ok"]
    assert event["X-MITIMELINE-TAGS"] == ['["\\\\u0001\\\\u0002 "\\,"ok"]']


def test_url_is_the_first_usable_source_url() -> None:
    tl = Timeline("T", [Event(id="e", title="E", when="2020", sources=["a", "b", "c"])],
                  sources=[Source("a", "A"), Source("b", "B", url="not a url"),
                           Source("c", "C", url="https://c.example/x")])
    (event,) = vevents(export(tl))
    assert event["URL"] == ["https://c.example/x"]
    assert "  not a url" in event["DESCRIPTION"][0].replace("\\n", "\n")


# -- UID, DTSTAMP, SEQUENCE ---------------------------------------------------------------


def test_uid_is_uuid5_of_the_scope_and_the_id() -> None:
    assert one("2020")["UID"] == [str(uuid.uuid5(UID_NAMESPACE, "T\ne"))]
    tl = Timeline("T", [Event(id="e", title="E", when="2020")])
    (event,) = vevents(export(tl, uid_scope="mi7"))
    assert event["UID"] == [str(uuid.uuid5(UID_NAMESPACE, "mi7\ne"))]


@given(st.text(max_size=50))
def test_fast_uuid5_equals_the_standard_one(name: str) -> None:
    assert uuid5(name) == str(uuid.uuid5(UID_NAMESPACE, name))


def test_uids_stay_unique_for_repeated_ids() -> None:
    event = Event(id="e", title="E", when="2020")
    uids = [e["UID"][0] for e in vevents(export(Timeline("T", [event, event, event])))]
    assert len(set(uids)) == 3
    assert uids[0] == str(uuid.uuid5(UID_NAMESPACE, "T\ne"))


def test_an_imported_uid_and_sequence_are_written_back() -> None:
    event = one("2020", extra={"ical": {"uid": "abc@google.com", "sequence": 4}})
    assert event["UID"] == ["abc@google.com"]
    assert event["SEQUENCE"] == ["4"]
    occurrence = one("2020", extra={"ical": {"uid": "abc", "recurrence_id": "20200101"}})
    assert occurrence["UID"] == [str(uuid.uuid5(UID_NAMESPACE, "T\ne"))]
    for bad in ({"uid": "a\nb"}, {"uid": 3}, {"sequence": -1}, {"sequence": True},
                {"sequence": 2**31}, "not a mapping"):
        event = one("2020", extra={"ical": bad})
        assert event["UID"] == [str(uuid.uuid5(UID_NAMESPACE, "T\ne"))]
        assert event["SEQUENCE"] == ["0"]


def test_stamp_is_the_latest_publication_of_the_sources() -> None:
    sources = [Source("a", "A", published="2020-10-05"), Source("b", "B", published="2021-03"),
               Source("c", "C", published="../2019"), Source("d", "D")]
    events = [Event(id="one", title="E", when="2020", sources=["a"]),
              Event(id="two", title="E", when="2020", sources=["a", "b", "d"]),
              Event(id="three", title="E", when="2020", sources=["c"]),
              Event(id="four", title="E", when="2020")]
    stamps = [e["DTSTAMP"][0] for e in vevents(export(Timeline("T", events, sources)))]
    assert stamps == ["20201005T000000Z", "20210301T000000Z", "20191231T000000Z",
                      "20210301T000000Z"]
    assert one("2020")["DTSTAMP"] == ["19700101T000000Z"]


def test_stamp_option() -> None:
    moment = datetime(2024, 5, 6, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    tl = Timeline("T", [Event(id="e", title="E", when="2020")])
    (event,) = vevents(export(tl, stamp=moment))
    assert event["DTSTAMP"] == event["LAST-MODIFIED"] == ["20240506T073000Z"]


@settings(max_examples=30)
@given(timelines())
def test_same_timeline_same_bytes(tl: Timeline) -> None:
    assert export(tl) == export(tl)


# -- options ------------------------------------------------------------------------------


def test_kinds_option() -> None:
    tl = sample_timeline()
    kept = vevents(export(tl, kinds=["stunt"]))
    assert [e["X-MITIMELINE-ID"] for e in kept] == [["ramp-jump"], ["train-roof"]]
    assert len(vevents(export(tl, kinds="release"))) == 1


def test_include_sources_option() -> None:
    (event,) = vevents(export(attrs.evolve(sample_timeline(),
                                            events=sample_timeline().events[:1]),
                              include_sources=False))
    assert "URL" not in event and "Sources:" not in event["DESCRIPTION"][0]
    assert event["X-MITIMELINE-SOURCES"] == ['["report-2020-10-05"]']


def test_description_template_option() -> None:
    tl = Timeline("T", [Event(id="e", title="E", when="2020-09", unit="second unit",
                              description="Own text")])
    (event,) = vevents(export(tl, description_template="{title} ({id})\n{unit}\n{people}\n"
                                                      "{{literal}}"))
    assert event["DESCRIPTION"] == ["E (e)\\nUnit: second unit\\n{literal}"]
    (event,) = vevents(export(tl, description_template=None))
    assert event["DESCRIPTION"] == ["Own text"]
    (event,) = vevents(export(tl, description_template="{people}"))
    assert "DESCRIPTION" not in event


def test_lossless_false_writes_only_standard_properties() -> None:
    raw = export(sample_timeline(), lossless=False)
    assert b"X-MITIMELINE" not in raw
    lint(raw)


@pytest.mark.parametrize(("options", "message"), [
    ({"kinds": ["stunts"]}, "unknown kind"),
    ({"kinds": 3}, "kinds must be"),
    ({"description_template": "{nope}"}, "unknown field {nope}"),
    ({"description_template": "{date:>10}"}, "unknown field {date:>10}"),
    ({"description_template": "{"}, "not a valid template"),
    ({"description_template": 3}, "must be text or None"),
    ({"include_sources": "yes"}, "must be True or False"),
    ({"stamp": datetime(2020, 1, 1)}, "time-zone aware datetime"),
    ({"calendar_name": 1}, "must be text or None"),
    ({"colour": "red"}, "does not take option"),
])
def test_bad_options_are_options_errors(options: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionsError, match=re.escape(message)):
        mitimeline.dumps(sample_timeline(), "ical", **options)


def test_a_lone_surrogate_is_an_export_error() -> None:
    tl = Timeline("T", [Event(id="e", title="broken \ud800", when="2020")])
    with pytest.raises(ExportError, match=r"SUMMARY.*lone surrogate") as caught:
        export(tl)
    assert caught.value.format == "ical"


# -- icalendar as the reference ------------------------------------------------------------


def icalendar_bytes(tl: Timeline) -> bytes:
    """The same content lines, built and serialised by icalendar (insertion order)."""
    from icalendar.prop import vInline

    calendar: Any = None
    event: Any = None
    for group in calendar_lines(tl, ExportOptions()):
        for line in group:
            head, _colon, value = line.partition(":")
            name, _semicolon, params = head.partition(";")
            if name == "BEGIN":
                if value == "VCALENDAR":
                    calendar = icalendar.Calendar()
                else:
                    event = icalendar.Event()
            elif name == "END":
                if value == "VEVENT":
                    calendar.add_component(event)
                    event = None
            else:
                target = event if event is not None else calendar
                if params == "VALUE=DURATION":  # REFRESH-INTERVAL: icalendar omits VALUE
                    target.add(name, icalendar.vDuration.from_ical(value),
                               parameters={"VALUE": "DURATION"})
                    continue
                if name == "RELATED-TO":  # a later run of multiple dates
                    relation = dict([params.split("=")])
                    target.add(name, vInline(value), parameters=relation)
                    continue
                target.add(name, _reference_value(name, params, value, vInline))
    result: bytes = calendar.to_ical(sorted=False)
    return result


def _reference_value(name: str, params: str, value: str, raw: Any) -> Any:
    if params == "VALUE=DATE":
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    if name in ("DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED"):
        moment = datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
        return moment.replace(tzinfo=timezone.utc) if value.endswith("Z") else moment
    if name == "CATEGORIES":
        return [_unescape(item) for item in _split_list(value)]
    if name in ("GEO", "URL", "VERSION", "PRODID", "CALSCALE", "STATUS", "TRANSP",
                "SEQUENCE", "UID", "X-PUBLISHED-TTL") or (
                    name.startswith("X-MITIMELINE-") and not value.startswith(('"', "[", "{"))):
        return raw(value)
    return icalendar.vText(_unescape(value))


def _split_list(value: str) -> list[str]:
    """A TEXT list split at its unescaped commas (escapes kept)."""
    items, current, escaped = [], "", False
    for char in value:
        if char == "," and not escaped:
            items.append(current)
            current = ""
            continue
        current += char
        escaped = char == "\\" and not escaped
    return [*items, current]


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@settings(max_examples=60, deadline=None)
@given(timelines(max_events=3))
@example(Timeline("Sets", [Event(id="e", title="E", when="{2020-10-01,2020-10-09}"),
                           Event(id="f", title="F", when="[..2020-12-24]")]))
def test_bytes_equal_icalendars_serialisation(tl: Timeline) -> None:
    """icalendar escapes and folds the same content lines to the same bytes. Texts holding
    a backslash followed by N are left out: icalendar turns that pair into a line break."""
    raw = export(tl)
    if "\\N" in raw.decode("utf-8").replace("\\\\", ""):
        return
    assert icalendar_bytes(tl) == raw


def test_backslash_n_is_kept_where_icalendar_would_break_the_line() -> None:
    assert escape_text("C:\\New") == "C:\\\\New"
    assert icalendar.vText("C:\\New").to_ical() != escape_text("C:\\New").encode()
    tl = Timeline("T", [Event(id="e", title="C:\\New", when="2020")])
    assert one("2020", description="C:\\New")["DESCRIPTION"][0].startswith("C:\\\\New")
    assert mitimeline.loads(export(tl), "ical")["e"].title == "C:\\New"


@given(st.text(max_size=300))
def test_fold_matches_icalendar(text: str) -> None:
    from icalendar.parser.string import _foldline

    line = "X-TEST:" + escape_text(visible_text(text))
    assert fold(line) == _foldline(line).encode("utf-8")


# -- claims ------------------------------------------------------------------------------


def test_claims_are_kept_losslessly_and_described() -> None:
    jump, release = vevents(export(claimed_timeline()))
    (claims,) = jump["X-MITIMELINE-CLAIMS"]
    assert claims.startswith('[{"sources":["independent-2020-10-05"]\\,"when":"2020-09"')
    assert ("\\n\\nSources differ — The Independent\\, 5 October 2020: September 2020\\, at "
            "Stranda\\, NO ('last month' in a report of 5 October 2020)\\; AceShowbiz\\, "
            "October 2020: early October 2020\\, with Tom Cruise (actor)\\n\\nSources:\\n"
            ) in jump["DESCRIPTION"][0]
    assert ("Sources agree — The Independent\\, 5 October 2020 and AceShowbiz\\, October 2020: "
            "19 November 2021\\, planned") in release["DESCRIPTION"][0]


def test_claims_follow_the_include_sources_and_lossless_options() -> None:
    (jump, _release) = vevents(export(claimed_timeline(), include_sources=False,
                                      lossless=False))
    assert "Sources" not in jump["DESCRIPTION"][0] and "X-MITIMELINE-CLAIMS" not in jump
    (jump, _release) = vevents(export(claimed_timeline(), description_template="{claims}"))
    assert jump["DESCRIPTION"][0].startswith("Sources differ — ")


@pytest.mark.parametrize(("value", "rewrite"), [("1", True), ("0", False), ("", False),
                                                 ("false", False), ("yes", False), (None, False)])
def test_one_rule_says_when_golden_files_are_rewritten(
        monkeypatch: pytest.MonkeyPatch, value: str | None, rewrite: bool) -> None:
    if value is None:
        monkeypatch.delenv("MITIMELINE_UPDATE_GOLDEN", raising=False)
    else:
        monkeypatch.setenv("MITIMELINE_UPDATE_GOLDEN", value)
    assert update_golden() is rewrite
