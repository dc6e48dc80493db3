"""Tests for mitimeline-uss. Run them with the plugin installed (`pip install -e .[test]`).

The three fixture schedules in ``fixtures/`` are our own; each has a hand-worked
``*.expected-events.json`` beside it, which the tests compare field by field.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import mitimeline
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mitimeline.testing import check_parser

from mitimeline_uss import SCHEMA, USSFinding, USSImportWarning, USSParser, read
from mitimeline_uss.strategies import GeneratedSchedule, schedules

FIXTURES = Path(__file__).with_name("fixtures")
NAMES = ("five-day", "forty-day", "variants")
ROOT = "$.universalScheduleStandard"


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.uss").read_text(encoding="utf-8"))
    return data


def expected(name: str) -> dict[str, Any]:
    text = (FIXTURES / f"{name}.expected-events.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def loads(document: object, **options: Any) -> mitimeline.Timeline:
    """Parse ``document`` (JSON data, or text) through mitimeline's own loads, findings
    silenced."""
    text = document if isinstance(document, str) else json.dumps(document)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", USSImportWarning)
        return mitimeline.loads(text, "uss", **options)


# -- installation and discovery ----------------------------------------------------------


def test_plugin_is_installed() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert "mitimeline-uss" in plugins
    assert not plugins["mitimeline-uss"].error
    assert plugins["mitimeline-uss"].formats == ("uss",)


def test_format_is_listed() -> None:
    formats = {f.name: f for f in mitimeline.list_formats()}
    uss = formats["uss"]
    assert uss.can_parse and not uss.can_export
    assert uss.extensions == (".uss", ".uss.json")
    assert set(uss.parse_options) == {"timezone", "stripboard"}
    check_parser(USSParser())


def test_cli_lists_the_format() -> None:
    result = subprocess.run([sys.executable, "-m", "mitimeline", "formats"],
                            capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["uss", "read", ".uss", ".uss.json", "mitimeline-uss"] in rows


def test_chosen_by_extension_and_by_content(tmp_path: Path) -> None:
    data = (FIXTURES / "five-day.uss").read_bytes()
    for name in ("s.uss", "s.USS", "s.uss.json", "s.txt"):
        (tmp_path / name).write_bytes(data)
        with pytest.warns(USSImportWarning):
            timeline = mitimeline.load(tmp_path / name, timezone="America/New_York")
        assert timeline.title == "Harbour Lights", name
    with pytest.warns(USSImportWarning):
        assert len(mitimeline.load(io.BytesIO(data), timezone="America/New_York")) == 6


@pytest.mark.parametrize(("head", "found"), [
    (b'{"universalScheduleStandard": {', True),
    (b'\xef\xbb\xbf\n  {\n "universalScheduleStandard" :{}}', True),
    (b"", False),
    (b'{"title": "x", "universalScheduleStandard": {}}', False),
    (b'["universalScheduleStandard"]', False),
    (b'{"universalScheduleStandardX": {}}', False),
    (b"\x00\xff garbage", False),
])
def test_sniff(head: bytes, found: bool) -> None:
    assert USSParser().sniff(head) is found


# -- the fixtures, field by field ---------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_fixture_follows_our_schema(name: str) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(fixture(name)))
    assert errors == []


def test_schema_rejects_what_the_reader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    bad_type = fixture("five-day")
    bad_type["universalScheduleStandard"]["breakdowns"][0]["type"] = "scenery"
    both = fixture("five-day")
    board = both["universalScheduleStandard"]["stripboards"][0]["boards"][0]
    board["breakdownArrays"] = board["breakdownIds"]
    for document in ({"schedule": {}}, bad_type, both):
        assert not validator.is_valid(document)


def _shoot_days(timeline: mitimeline.Timeline) -> list[mitimeline.Event]:
    return [event for event in timeline if event.kind == "shoot"]


def _check_shoot_day(event: mitimeline.Event, want: dict[str, Any], total: int) -> None:
    number = want["day"]
    assert event.id == f"shoot-day-{number}"
    assert event.title == f"Shoot day {number} of {total}"
    assert str(event.when) == want["date"]
    assert event.status == "planned" and event.sources == ("uss-schedule",)
    assert [(c.name, c.role) for c in event.people] == [(n, "cast") for n, _ in want["cast"]]
    assert event.extra["board_numbers"] == dict(want["cast"])
    assert event.extra["shoot_day"] == number
    assert event.extra["scenes"] == want["scenes"]
    if "pages" in want:
        assert event.extra["pages"] == want["pages"]
        assert (event.place.name if event.place else None) == want["place"]
        assert event.unit == want["unit"]
    assert event.extra.get("banners") == want.get("banners")
    assert event.extra.get("places") == want.get("places")


@pytest.mark.parametrize("name", NAMES)
def test_fixture_shoot_days(name: str) -> None:
    want = expected(name)
    imported = read((FIXTURES / f"{name}.uss").read_bytes(), **want["options"])
    timeline = imported.timeline
    assert timeline.title == want["title"]
    days = _shoot_days(timeline)
    assert len(days) == len(want["shoot_days"])
    for event, day in zip(days, want["shoot_days"], strict=True):
        _check_shoot_day(event, day, len(want["shoot_days"]))
    assert [(f.code, f.path) for f in imported.findings] == [
        (f["code"], f["path"]) for f in want["findings"]]
    assert timeline.validate() == []


@pytest.mark.parametrize("name", NAMES)
def test_fixture_company_days(name: str) -> None:
    want = expected(name)
    timeline = read((FIXTURES / f"{name}.uss").read_bytes(), **want["options"]).timeline
    titles = {"day_off": "Day off", "weekly_day_off": "Day off", "holiday": "Holiday",
              "travel": "Company travel", "rehearsal": "Rehearsal", "fitting": "Fitting",
              "photo": "Photo shoot"}
    kinds = {"day_off": "hiatus", "weekly_day_off": "hiatus", "holiday": "hiatus",
             "travel": "move", "rehearsal": "other", "fitting": "other", "photo": "other"}
    marks = {"day_off": "dayOff", "weekly_day_off": "weekly"}
    tags = {"travel": ("travel",), "rehearsal": ("rehearsal",), "fitting": ("fitting",),
            "photo": ("photo",)}
    company = [event for event in timeline if event.kind != "shoot" and not event.people]
    found = sorted((str(e.when), e.kind, e.title, e.extra["uss_event"], e.tags)
                   for e in company)
    listed = sorted((day, kinds[key], titles[key], marks.get(key, key), tags.get(key, ()))
                    for key, dates in want["company_days"].items() for day in dates)
    assert found == listed
    for event in company:
        assert event.status == "planned" and event.sources == ("uss-schedule",)
        prefix = {"hiatus": ("day-off-", "holiday-"), "move": ("travel-",)}.get(
            event.kind, (event.extra["uss_event"] + "-",))
        assert event.id.startswith(prefix) and event.id.endswith(str(event.when))


@pytest.mark.parametrize("name", NAMES)
def test_fixture_person_events(name: str) -> None:
    want = expected(name)
    timeline = read((FIXTURES / f"{name}.uss").read_bytes(), **want["options"]).timeline
    people = [event for event in timeline if event.kind != "shoot" and event.people]
    kinds = {"dayOff": "hiatus"}  # a person's travel is no company move: "other", tagged
    tags = {"travel": ("travel",), "rehearsal": ("rehearsal",), "fitting": ("fitting",)}
    titles = {"dayOff": "Day off", "travel": "Travel", "fitting": "Fitting",
              "rehearsal": "Rehearsal"}
    assert [(str(e.when), e.kind, e.tags, e.title, [(c.name, c.role) for c in e.people],
             e.extra) for e in people] == [
        (p["date"], kinds.get(p["kind"], "other"), tags.get(p["kind"], ()),
         f"{titles[p['kind']]}: {p['name']}", [(p["name"], "cast")],
         {"uss_event": p["kind"], "board_numbers": {p["name"]: p["board"]}})
        for p in want["person_events"]]


def test_every_event_is_accounted_for() -> None:
    for name in NAMES:
        want = expected(name)
        timeline = read((FIXTURES / f"{name}.uss").read_bytes(), **want["options"]).timeline
        count = (len(want["shoot_days"]) + len(want["person_events"])
                 + sum(map(len, want["company_days"].values())))
        assert len(timeline) == count, name
        assert len({event.id for event in timeline}) == count, name


def test_other_stripboard_by_name_and_by_id() -> None:
    want = expected("variants")["alt"]
    data = (FIXTURES / "variants.uss").read_bytes()
    for choice in ("Alt", "sb-alt"):
        imported = read(data, **{**want["options"], "stripboard": choice})
        days = _shoot_days(imported.timeline)
        for event, day in zip(days, want["shoot_days"], strict=True):
            _check_shoot_day(event, day, len(want["shoot_days"]))
        weekly = [str(e.when) for e in imported.timeline if e.extra.get("uss_event") == "weekly"]
        assert weekly == want["weekly_day_off"]
        assert [(f.code, f.path) for f in imported.findings] == [
            ("unread-stripboard", f"{ROOT}.stripboards[0]")]


def test_load_warns_with_the_findings() -> None:
    with pytest.warns(USSImportWarning, match=r"2 strips in the boneyard 'Boneyard'") as caught:
        mitimeline.load(FIXTURES / "forty-day.uss", timezone="Europe/London")
    (warning,) = [w.message for w in caught if isinstance(w.message, USSImportWarning)]
    assert warning.findings == (USSFinding(
        "boneyard", f"{ROOT}.stripboards[0].boards[1]",
        "2 strips in the boneyard 'Boneyard': not scheduled, so no events"),)


def test_no_warning_without_findings() -> None:
    document = fixture("five-day")
    document["universalScheduleStandard"]["stripboards"][0]["boards"].pop()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(mitimeline.loads(json.dumps(document), "uss", timezone="America/New_York")) == 6


def test_file_without_stripboards_is_a_finding() -> None:
    document = fixture("five-day")
    document["universalScheduleStandard"]["stripboards"] = None
    imported = read(json.dumps(document), timezone="America/New_York")
    assert [e.id for e in imported.timeline] == ["fitting-lena-vogel-2025-05-30"]
    assert [(f.code, f.path, f.message) for f in imported.findings] == [
        ("no-schedule", f"{ROOT}.stripboards", "no stripboard: the file has no shoot days")]


# -- time zones ------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_instants_need_a_timezone(name: str) -> None:
    with pytest.raises(mitimeline.ParseError, match=r"is an instant .* pass timezone= with an "
                       r"IANA name") as raised:
        read((FIXTURES / f"{name}.uss").read_bytes())
    assert raised.value.location.startswith(ROOT) and raised.value.location.endswith(".date")


def test_the_wrong_timezone_is_a_finding_not_a_silent_shift() -> None:
    # London dates after the clocks change are 23:00Z the day before: in UTC they are not
    # midnight, and each one says so.
    imported = read((FIXTURES / "forty-day.uss").read_bytes(), timezone="UTC")
    late = [f for f in imported.findings if f.code == "not-midnight"]
    assert len(late) == 5  # travel, two holidays, Dario's travel, Esme's fitting
    assert late[0] == USSFinding(
        "not-midnight", f"{ROOT}.elements[3].events[1].date",
        "2025-03-30T23:00:00.000Z is 2025-03-30 23:00 in UTC, not midnight: read as "
        "2025-03-30; if that is the wrong day, check the timezone option")


def test_dates_without_offsets_need_no_timezone() -> None:
    document = fixture("five-day")
    for element in document["universalScheduleStandard"]["elements"]:
        for event in element["events"]:
            event["date"] = event["date"][:10]
    calendar = document["universalScheduleStandard"]["calendars"][0]
    calendar["events"][0]["date"] = "2025-06-02T00:00:00"
    timeline = loads(document)
    assert [str(e.when) for e in _shoot_days(timeline)] == [
        "2025-06-02", "2025-06-03", "2025-06-04", "2025-06-05", "2025-06-06"]


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Europe", "", 5])
def test_bad_timezone_option(zone: object) -> None:
    with pytest.raises(mitimeline.OptionsError, match="timezone must be an IANA time zone"):
        read(b"{}", timezone=zone)


def test_bad_stripboard_option() -> None:
    with pytest.raises(mitimeline.OptionsError, match="stripboard must be text or None"):
        read(b"{}", stripboard=3)
    with pytest.raises(mitimeline.ParseError, match=r"no stripboard has the id or name 'Blue' "
                       r"\(given as stripboard=\); the stripboards are 'Main', 'Alt'") as raised:
        read((FIXTURES / "variants.uss").read_bytes(), timezone="UTC", stripboard="Blue")
    assert raised.value.location == f"{ROOT}.stripboards"


# -- calendars and variants --------------------------------------------------------------


def _calendar_case(days_off: list[int], events: list[tuple[str, str, str | None]],
                   days: int) -> mitimeline.Timeline:
    document = {"universalScheduleStandard": {
        "breakdowns": [{"id": f"b{n}", "type": "scene", "scene": str(n)} for n in range(days)],
        "stripboards": [{"id": "s", "boards": [
            {"name": "Strips", "breakdownIds": [[f"b{n}"] for n in range(days)]}]}],
        "calendars": [{"id": "c", "daysOff": days_off, "events": [
            {"date": day, "type": kind, "name": name} for day, kind, name in events]}]}}
    return loads(document)


def test_start_on_a_day_off_moves_day_one_to_the_next_working_day() -> None:
    # 2025-06-07 is a Saturday; Saturday and Sunday are off.
    timeline = _calendar_case([0, 6], [("2025-06-07", "start", None)], 2)
    assert [str(e.when) for e in _shoot_days(timeline)] == ["2025-06-09", "2025-06-10"]
    assert [e.id for e in timeline if e.kind == "hiatus"] == []  # before day 1: no day off


def test_a_named_day_off_keeps_its_name_and_letter_case_does_not_matter() -> None:
    timeline = _calendar_case([], [("2025-06-02", "start", None),
                                   ("2025-06-03", "dayOff", "Crew picnic"),
                                   ("2025-06-04", "event", "HOLIDAY")], 2)
    assert [(str(e.when), e.kind, e.title) for e in timeline] == [
        ("2025-06-02", "shoot", "Shoot day 1 of 2"), ("2025-06-03", "hiatus", "Crew picnic"),
        ("2025-06-04", "hiatus", "Holiday"), ("2025-06-05", "shoot", "Shoot day 2 of 2")]


def test_cast_order_numbers_then_text_boards_then_none() -> None:
    """Only ASCII digits are a number ("\u0661" is an Arabic-Indic one: text), as a
    day-out-of-days reads board numbers; texts follow the numbers in text order."""
    document = fixture("five-day")
    root = document["universalScheduleStandard"]
    boards = {"Maya Okafor": "\u0661", "Tom Brandt": "12A", "Lena Vogel": "12"}
    for element in root["elements"]:
        if element["name"] in boards:
            element["elementId"] = boards[element["name"]]
    root["breakdowns"].append({"id": "all", "type": "scene",
                               "elements": ["el-maya", "el-tom", "el-lena", "el-loc-wharf"]})
    root["stripboards"][0]["boards"][0]["breakdownIds"][0].append("all")
    day = loads(document, timezone="America/New_York")["shoot-day-1"]
    assert [credit.name for credit in day.people] == ["Lena Vogel", "Tom Brandt", "Maya Okafor"]
    assert day.extra["board_numbers"] == {"Lena Vogel": "12", "Tom Brandt": "12A",
                                          "Maya Okafor": "\u0661"}


def test_an_empty_stripboard_has_no_days_and_needs_no_calendar() -> None:
    document = {"universalScheduleStandard": {"stripboards": [
        {"id": "s", "boards": [{"name": "Strips", "breakdownIds": []}]}]}}
    assert len(loads(document)) == 0


def test_title_and_source() -> None:
    timeline = read((FIXTURES / "variants.uss").read_bytes(), timezone="UTC").timeline
    assert timeline.title == "Desert Line: 101 Pilot"
    assert timeline.production == mitimeline.Production("Desert Line")
    assert timeline.sources == (mitimeline.Source("uss-schedule", "Variants schedule",
                                                  publisher="mitimeline test fixture"),)
    assert timeline.description == ("Schedule 'Variants schedule', stripboard 'Main', written by "
                                    "mitimeline test fixture (USS).")


# -- errors: each names its JSON path ----------------------------------------------------


def _five() -> dict[str, Any]:
    root: dict[str, Any] = fixture("five-day")["universalScheduleStandard"]
    return root


def _edit(change: Any) -> str:
    root = _five()
    change(root)
    return json.dumps({"universalScheduleStandard": root})


def _set(path: list[Any], value: Any) -> Any:
    def change(root: Any) -> None:
        target = root
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _drop(path: list[Any]) -> Any:
    def change(root: Any) -> None:
        target = root
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


BOARD = ["stripboards", 0, "boards", 0]
ERRORS = [
    ("not JSON", "{universalScheduleStandard", "$",
     r"expected JSON \(a USS file is one JSON object\): Expecting property name enclosed in "
     r"double quotes at line 1, column 2"),
    ("not UTF-8", b'{"universalScheduleStandard": "\xff"}', "$",
     "expected UTF-8 JSON, found byte 0xff at offset 31"),
    ("a list", "[]", "$", r'expected a USS 1.0 file, an object \{"universalScheduleStandard": '
     r"\{...\}\}, found a list of 0"),
    ("wrong root", '{"schedule": {}}', "$", r"found an object with the keys 'schedule'"),
    ("root not an object", '{"universalScheduleStandard": []}', ROOT,
     "expected an object, found a list of 0"),
    ("version", _edit(_set(["ussVersion"], "2.0.0")), f"{ROOT}.ussVersion",
     r"expected USS version 1.x \(1.0.0\), found '2.0.0'"),
    ("unknown breakdown id in a day", _edit(_set([*BOARD, "breakdownIds", 1, 0], "bd-99")),
     f"{ROOT}.stripboards[0].boards[0].breakdownIds[1][0]",
     r"no breakdown has the id 'bd-99' \(the ids in \$.universalScheduleStandard.breakdowns\)"),
    ("unknown breakdown id in a flat list",
     _edit(_set(["stripboards", 0, "boards", 1, "breakdownIds"], ["bd-8", "nope"])),
     f"{ROOT}.stripboards[0].boards[1].breakdownIds[1]", "no breakdown has the id 'nope'"),
    ("no start event: days without dates",
     _edit(_set(["calendars", 0, "events"], [])), f"{ROOT}.calendars[0].events",
     "expected a 'start' event giving the date of shoot day 1, found none: the shoot days "
     "have no dates"),
    ("no calendar: days without dates",
     _edit(lambda root: (root.update(calendars=None), root["stripboards"][0].pop("calendar"))),
     f"{ROOT}.calendars", "expected a calendar with a 'start' event giving the date of shoot "
     "day 1, found no calendar: the shoot days have no dates"),
    ("an event without a date", _drop(["calendars", 0, "events", 0, "date"]),
     f"{ROOT}.calendars[0].events[0].date", "expected the event's date, found none"),
    ("two start events",
     _edit(lambda root: root["calendars"][0]["events"].append(
         {"date": "2025-06-09", "type": "start"})),
     f"{ROOT}.calendars[0].events[1]",
     r"expected one 'start' event, found another \(the first at "
     r"\$.universalScheduleStandard.calendars\[0\].events\[0\]\)"),
    ("a bad date", _edit(_set(["calendars", 0, "events", 0, "date"], "June 2, 2025")),
     f"{ROOT}.calendars[0].events[0].date",
     "expected a date such as 2025-03-03, .* found the text 'June 2, 2025'"),
    ("an impossible date", _edit(_set(["calendars", 0, "events", 0, "date"], "2025-02-30")),
     f"{ROOT}.calendars[0].events[0].date", "expected a real date, found '2025-02-30'"),
    ("an offset of a day", _edit(_set(["calendars", 0, "events", 0, "date"],
                                      "2025-06-02T00:00:00+2400")),
     f"{ROOT}.calendars[0].events[0].date", "expected a date such as"),
    ("breakdown type", _edit(_set(["breakdowns", 2, "type"], "scenery")),
     f"{ROOT}.breakdowns[2].type",
     "expected a breakdown type: scene \\(or strip\\), banner or day, found the text 'scenery'"),
    ("calendar event type", _edit(_set(["calendars", 0, "events", 0, "type"], "begin")),
     f"{ROOT}.calendars[0].events[0].type",
     "expected an event type: start, dayOff or event, found the text 'begin'"),
    ("element event type start", _edit(_set(["elements", 2, "events", 0, "type"], "start")),
     f"{ROOT}.elements[2].events[0].type",
     "expected an event type: dayOff or event, found the text 'start'"),
    ("event name", _edit(_set(["elements", 2, "events", 0, "name"], "lunch")),
     f"{ROOT}.elements[2].events[0].name", "expected an event name: holiday, dayOff, travel "
     r"\(or doodTravel\), rehearsal, fitting or photo, found the text 'lunch'"),
    ("board without strips", _drop([*BOARD, "breakdownIds"]), f"{ROOT}.stripboards[0].boards[0]",
     r"expected the board's strips in breakdownIds \(or breakdownArrays\), found neither"),
    ("board with both", _edit(_set([*BOARD, "breakdownArrays"], [])),
     f"{ROOT}.stripboards[0].boards[0].breakdownArrays",
     "expected breakdownIds or breakdownArrays, found both"),
    ("mixed strips", _edit(_set([*BOARD, "breakdownIds", 2], "bd-4")),
     f"{ROOT}.stripboards[0].boards[0].breakdownIds[2]",
     r"expected a list of breakdown ids \(one per shoot day\), like the first entry, found "
     "the text 'bd-4'"),
    ("strips not text", _edit(_set([*BOARD, "breakdownIds", 2, 0], 4)),
     f"{ROOT}.stripboards[0].boards[0].breakdownIds[2][0]",
     r"expected a breakdown id \(text\), found the number 4"),
    ("two scheduled boards", _edit(_set(["stripboards", 0, "boards", 1, "name"], "Strips 2")),
     f"{ROOT}.stripboards[0].boards[1]", "expected one scheduled board"),
    ("unknown element", _edit(_set(["breakdowns", 0, "elements", 1], "el-nobody")),
     f"{ROOT}.breakdowns[0].elements[1]", "no element has the id 'el-nobody'"),
    ("unknown category", _edit(_set(["elements", 0, "category"], "cat-none")),
     f"{ROOT}.elements[0].category", "no category has the id 'cat-none'"),
    ("unknown calendar", _edit(_set(["stripboards", 0, "calendar"], "cal-x")),
     f"{ROOT}.stripboards[0].calendar", "no calendar has the id 'cal-x'"),
    ("ucid as text", _edit(_set(["categories", 0, "ucid"], "100")), f"{ROOT}.categories[0].ucid",
     "expected a whole number from 0, found the text '100'"),
    ("weekday 7", _edit(_set(["calendars", 0, "daysOff"], [0, 7])),
     f"{ROOT}.calendars[0].daysOff[1]", "expected a whole number from 0 to 6, found the number 7"),
    ("every day off", _edit(_set(["calendars", 0, "daysOff"], list(range(7)))),
     f"{ROOT}.calendars[0].daysOff", "expected at least one working weekday"),
    ("duplicate id", _edit(_set(["breakdowns", 1, "id"], "bd-1")), f"{ROOT}.breakdowns[1].id",
     r"expected a new id, found 'bd-1' again \(first at \$.universalScheduleStandard"
     r".breakdowns\[0\]\)"),
    ("missing id", _drop(["elements", 0, "id"]), f"{ROOT}.elements[0].id",
     "expected non-empty text, found null"),
    ("pages as text", _edit(_set(["breakdowns", 0, "pages"], "1 3/8")),
     f"{ROOT}.breakdowns[0].pages", "expected a number of 0 or more, found the text '1 3/8'"),
    ("pages below 0", _edit(_set(["breakdowns", 0, "pages"], -1)),
     f"{ROOT}.breakdowns[0].pages", "expected a number of 0 or more, found the number -1"),
    ("pages infinite", _edit(_set(["breakdowns", 0, "pages"], float("inf"))),
     f"{ROOT}.breakdowns[0].pages", "expected a number of 0 or more, found the number inf"),
    ("no room before 10000", _edit(_set(["calendars", 0, "events", 0, "date"], "9999-12-30")),
     f"{ROOT}.calendars[0].events[0].date", "expected a start that leaves room for 5 shoot "
     "days before the year 10000, found 9999-12-30"),
    ("an instant beyond 9999", _edit(_set(["calendars", 0, "events", 0, "date"],
                                          "9999-12-31T23:00:00-0500")),
     f"{ROOT}.calendars[0].events[0].date", "expected a date such as"),
    ("a list that is not", _edit(_set(["elements"], {"a": 1})), f"{ROOT}.elements",
     "expected a list, found an object"),
]


def _document(data: Any) -> str | bytes:
    if callable(data):  # a change to the five-day schedule
        return _edit(data)
    assert isinstance(data, (str, bytes))
    return data


@pytest.mark.parametrize(("case", "data", "location", "message"), ERRORS,
                         ids=[case for case, *_ in ERRORS])
def test_errors_name_the_json_path(case: str, data: Any, location: str, message: str,
                                   tmp_path: Path) -> None:
    path = tmp_path / "bad.uss"
    document = _document(data)
    path.write_bytes(document.encode() if isinstance(document, str) else document)
    with pytest.raises(mitimeline.ParseError, match=message) as raised, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore", USSImportWarning)
        mitimeline.load(path, timezone="America/New_York")
    assert raised.value.location == location
    assert raised.value.source == str(path) and raised.value.format == "uss"


def test_cli_error_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.uss"
    path.write_text(_edit(_set([*BOARD, "breakdownIds", 1, 0], "bd-99")), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mitimeline", "show", str(path), "-i",
                             "timezone=America/New_York"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"mitimeline show: error: {path}:{ROOT}.stripboards[0].boards[0].breakdownIds[1][0]: "
        f"no breakdown has the id 'bd-99' (the ids in {ROOT}.breakdowns)"]


def test_cli_show_and_convert(tmp_path: Path) -> None:
    source = FIXTURES / "forty-day.uss"
    result = subprocess.run([sys.executable, "-m", "mitimeline", "show", str(source), "-i",
                             "timezone=Europe/London"], capture_output=True, text=True, check=True)
    assert "Shoot day 40 of 40" in result.stdout and "1 May 2025" in result.stdout
    assert "2 strips in the boneyard" in result.stderr
    target = tmp_path / "forty.json"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(source), str(target),
                    "-i", "timezone=Europe/London"], capture_output=True, check=True)
    back = mitimeline.load(target)
    assert len(_shoot_days(back)) == 40 and str(back["shoot-day-20"].when) == "2025-04-01"


# -- properties --------------------------------------------------------------------------


def _working(schedule: GeneratedSchedule, day: date) -> bool:
    return (day.isoweekday() % 7 not in schedule.days_off
            and day not in schedule.company_off)


@settings(max_examples=60, deadline=None)
@given(schedules())
def test_random_schedules(schedule: GeneratedSchedule) -> None:
    imported = read(json.dumps(schedule.document), timezone=schedule.timezone)
    days = _shoot_days(imported.timeline)
    assert len(days) == schedule.shoot_days
    dates = [date.fromisoformat(str(event.when)) for event in days]
    assert all(_working(schedule, day) for day in dates)
    # counted over working days: none skipped from the start to the last shoot day
    day = schedule.start
    while day <= dates[-1]:
        assert (day in dates) == _working(schedule, day), day
        day += timedelta(days=1)
    for event, cast in zip(days, schedule.cast_by_day, strict=True):
        assert [(c.name, event.extra["board_numbers"][c.name]) for c in event.people] == list(cast)
    boneyard = [f for f in imported.findings if f.code == "boneyard"]
    assert len(boneyard) == (1 if schedule.boneyard else 0)
    assert not [f for f in imported.findings if f.code == "not-midnight"]


def test_read_errors_are_located_in_a_string() -> None:
    with pytest.raises(mitimeline.ParseError, match=r"^<string>:\$: expected JSON") as raised:
        read("not json")
    assert raised.value.source == "<string>" and raised.value.format == "uss"


def test_repeated_ids_are_numbered() -> None:
    document = fixture("five-day")
    lena = document["universalScheduleStandard"]["elements"][2]
    lena["events"].append({"id": "ee-1", "date": "2025-05-30", "type": "event", "name": "Fitting"})
    timeline = loads(document, timezone="America/New_York")
    fittings = [(e.id, e.title) for e in timeline if e.extra.get("uss_event") == "fitting"]
    assert fittings == [("fitting-lena-vogel-2025-05-30", "Fitting: Lena Vogel"),
                        ("fitting-lena-vogel-2025-05-30-2", "Fitting: Lena Vogel")]
    assert timeline.validate() == []


def test_a_uss_file_named_json_needs_the_format(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    path.write_bytes((FIXTURES / "five-day.uss").read_bytes())
    with pytest.warns(USSImportWarning):
        timeline = mitimeline.load(path, format="uss", timezone="America/New_York")
    assert len(timeline) == 6


@pytest.mark.parametrize(("strips", "days"), [
    (["a", "b"], [["1", "2"]]),                   # no day break: one day
    (["a", "x", "b"], [["1"], ["2"]]),            # strips after the last break: one more day
    (["a", "x", "x", "b", "x"], [["1"], [], ["2"]]),  # an empty day between two breaks
    (["x"], [[]]),
])
def test_a_flat_list_is_cut_at_day_breaks(strips: list[str], days: list[list[str]]) -> None:
    document = {"universalScheduleStandard": {
        "breakdowns": [{"id": "a", "type": "scene", "scene": "1"},
                       {"id": "b", "type": "strip", "scene": "2"},
                       {"id": "x", "type": "day"}],
        "stripboards": [{"id": "s", "boards": [{"name": "Strips", "breakdownIds": strips}]}],
        "calendars": [{"id": "c", "events": [{"type": "start", "date": "2025-06-02"}]}]}}
    assert [e.extra["scenes"] for e in _shoot_days(loads(document))] == days


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 200) | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.sampled_from([float("inf"), -1, "9999-12-31", "2025-06-02", "2025-06-02T04:00:00Z",
                       "bd-1", "scene", "day", "event", "dayOff", "start"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@settings(max_examples=150, deadline=None)
@given(st.data(), _JSON)
def test_any_change_to_a_schedule_is_read_or_a_parse_error(data: st.DataObject,
                                                            value: Any) -> None:
    root = _five()
    path = data.draw(st.sampled_from(_paths(root)[1:]))
    target = root
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    try:
        read(json.dumps({"universalScheduleStandard": root}), timezone="America/New_York")
    except mitimeline.ParseError as error:
        assert error.location.startswith("$")
