"""Tests for mitimeline-timelinejs (without a browser: see test_timelinejs_render.py).

Run with the plugin installed (`pip install -e .[test]`). They go through mitimeline's public
API, so they also check that the plugin is installed and wired up.
"""

from __future__ import annotations

import calendar
import html
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import mitimeline
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mitimeline.testing import (
    check_exporter,
    claimed_timeline,
    sample_timeline,
    timelines,
    update_golden,
    whens,
)

from mitimeline_timelinejs import TimelineJSExporter, describe, slide_dates

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "seeds" / "mi7-example.json"
DATASET = ROOT / "seeds" / "mi7.json"
GOLDEN = Path(__file__).with_name("golden")
UPDATE = update_golden()


def dumps(timeline: mitimeline.Timeline, **options: Any) -> str:
    text = timeline.dumps("timelinejs", **options)
    assert isinstance(text, str)
    return text


def export(timeline: mitimeline.Timeline, **options: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(dumps(timeline, **options))
    return document


def event(**fields: Any) -> mitimeline.Event:
    values: dict[str, Any] = {"id": "e", "title": "E", "when": "2020-09-06", **fields}
    return mitimeline.Event(**values)


def timeline_of(*events: mitimeline.Event, **fields: Any) -> mitimeline.Timeline:
    return mitimeline.Timeline(title=fields.pop("title", "T"), events=events, **fields)


# -- installation and discovery ----------------------------------------------------------


def test_plugin_is_installed() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert "mitimeline-timelinejs" in plugins
    assert not plugins["mitimeline-timelinejs"].error
    assert plugins["mitimeline-timelinejs"].formats == ("timelinejs",)


def test_format_is_listed() -> None:
    formats = {f.name: f for f in mitimeline.list_formats()}
    timelinejs = formats["timelinejs"]
    assert timelinejs.can_export
    assert not timelinejs.can_parse
    assert timelinejs.extensions == (".timelinejs.json",)
    assert timelinejs.plugin == "mitimeline-timelinejs"
    assert set(timelinejs.export_options) == {"group_by", "eras", "indent"}


def test_cli_lists_the_format() -> None:
    result = subprocess.run([sys.executable, "-m", "mitimeline", "formats"],
                            capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["timelinejs", "write", ".timelinejs.json", "mitimeline-timelinejs"] in rows


def test_cli_convert_with_options(tmp_path: Path) -> None:
    target = tmp_path / "mi7.timelinejs.json"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(DATASET), str(target),
                    "-o", "group_by=unit", "-o", "eras=none"], check=True, capture_output=True)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert "eras" not in document
    assert {slide.get("group") for slide in document["events"]} == {"main unit", None}


# -- contract and golden files -----------------------------------------------------------


def test_exporter_keeps_the_contract() -> None:
    check_exporter(TimelineJSExporter(), mitimeline.load(EXAMPLE))
    check_exporter(TimelineJSExporter(), sample_timeline())


@pytest.mark.parametrize(
    ("seed", "options", "golden"),
    [
        (EXAMPLE, {}, "mi7-example.timelinejs.json"),
        (DATASET, {"group_by": "place", "eras": "units"}, "mi7-by-place.timelinejs.json"),
    ],
)
def test_golden_files(seed: Path, options: dict[str, Any], golden: str, tmp_path: Path) -> None:
    """The exact bytes for the bundled timelines (MITIMELINE_UPDATE_GOLDEN=1 rewrites them)."""
    target = tmp_path / "out.timelinejs.json"
    mitimeline.load(seed).export(target, **options)
    written = target.read_bytes()
    if UPDATE:
        (GOLDEN / golden).write_bytes(written)
    assert written == (GOLDEN / golden).read_bytes()


def test_extension_picks_this_exporter_and_plain_json_stays_json(tmp_path: Path) -> None:
    timeline = mitimeline.load(EXAMPLE)
    timeline.export(tmp_path / "a.timelinejs.json")
    timeline.export(tmp_path / "b.json")
    assert "events" in json.loads((tmp_path / "a.timelinejs.json").read_text(encoding="utf-8"))
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["mitimeline"] == 1


def test_example_slides_follow_the_events() -> None:
    timeline = mitimeline.load(EXAMPLE)
    document = export(timeline)
    assert [slide["unique_id"] for slide in document["events"]] == [e.id for e in timeline]
    assert html.unescape(document["title"]["text"]["headline"]) == timeline.title
    ramp = document["events"][2]
    assert ramp["start_date"] == {"year": 2020, "month": 9}  # a month, no invented day
    assert "end_date" not in ramp and "display_date" not in ramp


# -- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edtf", "start", "end", "display"),
    [
        ("2020", {"year": 2020}, None, None),
        ("2020-09", {"year": 2020, "month": 9}, None, None),
        ("2020-09-06", {"year": 2020, "month": 9, "day": 6}, None, None),
        ("2020-09~", {"year": 2020, "month": 9}, None, "c. September 2020"),
        ("2020-09?", {"year": 2020, "month": 9}, None, "September 2020?"),
        ("2020-09%", {"year": 2020, "month": 9}, None, "c. September 2020?"),
        ("2019~", {"year": 2019}, None, "c. 2019"),
        ("2020-09-06?", {"year": 2020, "month": 9, "day": 6}, None, "September 6, 2020?"),
        ("2020-23", {"year": 2020, "month": 9}, {"year": 2020, "month": 11}, "autumn 2020"),
        ("2020-24~", {"year": 2020, "month": 12}, {"year": 2021, "month": 2},
         "c. winter 2020–21"),
        ("201X", {"year": 2010}, {"year": 2019}, "between 2010 and 2019"),
        ("2020-1X", {"year": 2020, "month": 10}, {"year": 2020, "month": 12},
         "between October 2020 and December 2020"),
        ("2020-XX", {"year": 2020}, None, None),
        ("2020-09-XX", {"year": 2020, "month": 9}, None, None),
        ("2020-02-2X", {"year": 2020, "month": 2, "day": 20},
         {"year": 2020, "month": 2, "day": 29},
         "between February 20, 2020 and February 29, 2020"),
        ("2020-09-06T09:14:00",
         {"year": 2020, "month": 9, "day": 6, "hour": 9, "minute": 14, "second": 0}, None, None),
        ("2020-09-06T09:14:00Z",
         {"year": 2020, "month": 9, "day": 6, "hour": 9, "minute": 14, "second": 0}, None,
         "September 6, 2020, 09:14 UTC"),
        ("2020-09-06T09:14:30-07:00",
         {"year": 2020, "month": 9, "day": 6, "hour": 9, "minute": 14, "second": 30}, None,
         "September 6, 2020, 09:14:30 UTC-07:00"),
        ("2020-09/2020-10-06~", {"year": 2020, "month": 9},
         {"year": 2020, "month": 10, "day": 6}, "September 2020 – c. October 6, 2020"),
        ("2020-09-06/2020-10-05", {"year": 2020, "month": 9, "day": 6},
         {"year": 2020, "month": 10, "day": 5}, None),
        ("2020-09/2020-09", {"year": 2020, "month": 9}, None, None),
        ("2020-23/2021", {"year": 2020, "month": 9}, {"year": 2021}, "autumn 2020 – 2021"),
        ("../2018", {"year": 2018}, None, "until 2018"),
        ("/2020-09-06", {"year": 2020, "month": 9, "day": 6}, None,
         "unknown – September 6, 2020"),
        ("2020-10~/", {"year": 2020, "month": 10}, None, "c. October 2020 – unknown"),
        ("2020-10/..", {"year": 2020, "month": 10}, None, "from October 2020"),
        ("../2020-23", {"year": 2020, "month": 9}, {"year": 2020, "month": 11},
         "until autumn 2020"),
        ("2021-33", {"year": 2021, "month": 1}, {"year": 2021, "month": 3},
         "first quarter of 2021"),
        ("2020-29", {"year": 2020, "month": 9}, {"year": 2020, "month": 11},
         "southern spring 2020"),
        ("{2020-10-01..2020-10-03,2020-10-09}", {"year": 2020, "month": 10, "day": 1},
         {"year": 2020, "month": 10, "day": 9},
         "October 1, 2020 – October 3, 2020 and October 9, 2020"),
        ("{2020-10,2020-12-01}", {"year": 2020, "month": 10},
         {"year": 2020, "month": 12, "day": 1}, "October 2020 and December 1, 2020"),
        ("{2020-10-01..2020-10-05}", {"year": 2020, "month": 10, "day": 1},
         {"year": 2020, "month": 10, "day": 5},
         "every day of October 1, 2020 – October 5, 2020"),
        ("[2020-06,2020-08]", {"year": 2020, "month": 6}, {"year": 2020, "month": 8},
         "some time in June 2020 or August 2020"),
        ("[2020-10..2021-11]", {"year": 2020, "month": 10}, {"year": 2021, "month": 11},
         "some time in October 2020 – November 2021"),
        ("[..2020-12-24]", {"year": 2020, "month": 12, "day": 24}, None,
         "on or before December 24, 2020"),
        ("[2021..]", {"year": 2021}, None, "on or after 2021"),
        ("[..2020-06,2020-08]", {"year": 2020, "month": 6}, {"year": 2020, "month": 8},
         "some time in June 2020 or before or August 2020"),
    ],
)
def test_slide_dates(edtf: str, start: dict[str, int], end: dict[str, int] | None,
                     display: str | None) -> None:
    dates = slide_dates(mitimeline.When(edtf))
    assert (dates.start, dates.end, dates.display) == (start, end, display)


def test_describe_is_english_whatever_the_locale() -> None:
    assert describe(mitimeline.When("2020-09-06~")) == "c. September 6, 2020"
    assert describe(mitimeline.When("2020-09-06/2020-10-05")) == (
        "September 6, 2020 – October 5, 2020")


def _first_day(parts: dict[str, int]) -> date:
    return date(parts["year"], parts.get("month", 1), parts.get("day", 1))


def _last_day(parts: dict[str, int]) -> date:
    month = parts.get("month", 12)
    return date(parts["year"], month,
                parts.get("day", calendar.monthrange(parts["year"], month)[1]))


@given(whens())
def test_dates_carry_exactly_the_known_bounds(when: mitimeline.When) -> None:
    """The parts name the When's own bounds at their precision: nothing invented, nothing lost.

    The first parts start on ``lower`` and the last parts end on ``upper`` (for the known
    end of an open interval: that end's own bounds). A date with no day never gets one.
    """
    dates = slide_dates(when)
    parts = [dates.start] + ([dates.end] if dates.end else [])
    keys = ("year", "month", "day", "hour", "minute", "second")
    for item in parts:
        assert list(item) == list(keys[:len(item)])
    first, last = when.start, when.end
    if when.is_set:  # the hull: the first member's first known day to the last's last
        head, tail = when.members[0], when.members[-1]
        first, last = head.start or head.end, tail.end or tail.start
    known = when if first is not None and last is not None else first or last
    assert known is not None
    lower = (first or known).lower
    upper = (last or known).upper
    assert _first_day(dates.start) == lower
    assert _last_day(dates.end or dates.start) == upper
    if when.precision in ("year", "season", "month"):
        assert all("day" not in item for item in parts)
    if when.approximate or when.uncertain or when.open_start or when.open_end or when.is_set:
        assert dates.display is not None
        if when.approximate:
            assert "c. " in dates.display
        if when.uncertain:
            assert "?" in dates.display


# -- text: escaped so TimelineJS shows it as written --------------------------------------

HOSTILE = "<b>bold</b> & <script>alert(1)</script> \"q\" 'a' &amp; <!-- x -->"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_text_fields_are_escaped() -> None:
    timeline = timeline_of(
        event(title=HOSTILE, description=HOSTILE, unit=HOSTILE, kind="shoot",
              when="2020-09/2020-10", place=mitimeline.Place(HOSTILE, country="NO"),
              people=[mitimeline.Credit(HOSTILE, HOSTILE)]),
        title=HOSTILE, description=HOSTILE,
    )
    document = export(timeline, group_by="place")
    slide = document["events"][0]
    assert html.unescape(slide["text"]["headline"]) == HOSTILE
    assert html.unescape(document["title"]["text"]["headline"]) == HOSTILE
    assert html.unescape(document["eras"][0]["text"]["headline"]) == HOSTILE
    # group goes through TimelineJS's stripMarkup and then innerHTML: escaped twice
    assert html.unescape(html.unescape(slide["group"])) == HOSTILE
    assert "<script" not in json.dumps(document)
    assert all("<b>" not in s and "<!--" not in s for s in _strings(document))


def test_nul_characters_are_dropped() -> None:
    """A browser's HTML parser drops NUL; dropping it first keeps headlines exactly as shown."""
    document = export(timeline_of(event(title="a\0b")))
    assert document["events"][0]["text"]["headline"] == "ab"


def test_description_paragraphs_and_line_breaks() -> None:
    document = export(timeline_of(event(description="one\r\ntwo\n\n\nthree & <four>\n")))
    text = document["events"][0]["text"]["text"]
    assert text.startswith("<p>one<br>two</p><p>three &amp; &lt;four&gt;</p>")


def test_sources_are_cited_with_links() -> None:
    sources = [
        mitimeline.Source("good", "A <report>", publisher="The Paper", url="https://e.org/?a=1&b=2",
                          published="2020-10~"),
        mitimeline.Source("bad", "Not a link", url="javascript:alert(1)"),
    ]
    timeline = timeline_of(event(sources=["good", "bad", "missing <id>"]), sources=sources)
    text = export(timeline)["events"][0]["text"]["text"]
    assert ('<p>Sources: <a href="https://e.org/?a=1&amp;b=2">A &lt;report&gt;</a> '
            "(The Paper, c. October 2020); Not a link; missing &lt;id&gt;</p>") in text
    assert "javascript" not in text


def test_event_facts_in_the_slide_text() -> None:
    timeline = timeline_of(event(
        place=mitimeline.Place("Stranda", region="Møre og Romsdal", country="NO"),
        people=[("Tom Cruise", "actor"), "Hayley Atwell"], unit="main unit", region="NO",
        status="rumoured", sources=["x"],
    ))
    text = export(timeline)["events"][0]["text"]["text"]
    assert text == ("<p>Place: Stranda, Møre og Romsdal, NO</p>"
                    "<p>People: Tom Cruise (actor), Hayley Atwell</p><p>Unit: main unit</p>"
                    "<p>Region: NO</p><p>Status: rumoured</p><p>Source: x</p>")


def test_claims_say_who_says_what() -> None:
    jump, release = export(claimed_timeline())["events"]
    assert ("<p>Sources differ:<br>The Independent, 5 October 2020: September 2020, at "
            "Stranda, NO (&#x27;last month&#x27; in a report of 5 October 2020)<br>AceShowbiz, "
            "October 2020: early October 2020, with Tom Cruise (actor)</p><p>Sources: ") in (
        jump["text"]["text"])
    assert ("<p>Sources agree:<br>The Independent, 5 October 2020 and AceShowbiz, October "
            "2020: 19 November 2021, planned</p>") in release["text"]["text"]


def test_claims_are_escaped() -> None:
    claim = mitimeline.Claim("a", title=HOSTILE, note=HOSTILE)
    source = mitimeline.Source("a", "T", publisher=HOSTILE)
    text = export(timeline_of(event(claims=[claim]), sources=[source]))["events"][0]["text"][
        "text"]
    assert f"{HOSTILE}: “{HOSTILE}” ({HOSTILE})" in html.unescape(text)
    assert "<b>" not in text and "<script" not in text and "<!--" not in text


def test_title_slide_is_left_out_when_there_is_nothing_to_show() -> None:
    assert "title" not in export(timeline_of(event(), title="  "))
    with_description = export(timeline_of(event(), title="", description="About"))
    assert with_description["title"]["text"] == {"headline": "", "text": "<p>About</p>"}


# -- options -----------------------------------------------------------------------------

PLACES = timeline_of(
    event(id="a", place=mitimeline.Place(" Rome\u3000", country="IT"), unit="main unit"),
    event(id="b", place=mitimeline.Place("Oslo", country="NO"), unit="  "),
    event(id="c", kind="release"),
)


@pytest.mark.parametrize(
    ("group_by", "groups"),
    [
        (None, [None, None, None]),
        ("place", ["Rome", "Oslo", None]),
        ("country", ["IT", "NO", None]),
        ("unit", ["main unit", None, None]),
        ("kind", ["other", "other", "release"]),
    ],
)
def test_group_by(group_by: str | None, groups: list[str | None]) -> None:
    document = export(PLACES, group_by=group_by)
    assert [slide.get("group") for slide in document["events"]] == groups


SHOOTS = timeline_of(
    event(id="block", kind="shoot", unit="main unit", when="2020-09/2020-10-06~",
          title="Norway block"),
    event(id="day", kind="shoot", unit="main unit", when="2020-10-07"),
    event(id="month", kind="shoot", unit="second unit", when="2020-11"),
    event(id="open", kind="shoot", unit="second unit", when="2020-12/.."),
    event(id="hours", kind="shoot", when="2020-09-06T08:00:00/2020-09-06T18:00:00"),
    event(id="stunt", kind="stunt", when="2020-09/2020-10", unit="second unit"),
)


def test_eras_for_shoots_spanning_more_than_a_day() -> None:
    assert export(SHOOTS)["eras"] == [{
        "start_date": {"year": 2020, "month": 9},
        "end_date": {"year": 2020, "month": 10, "day": 6},
        "text": {"headline": "Norway block"},
    }]


def test_no_shoot_era_for_one_of_a_set() -> None:
    """"Some time in October 2020 – November 2021" did not last that long: no era."""
    tl = mitimeline.Timeline("T", [
        mitimeline.Event("a", "Either", "[2020-10..2021-11]", kind="shoot"),
        mitimeline.Event("b", "Days", "{2020-10-01..2020-10-03,2020-10-09}", kind="shoot")])
    document = export(tl, eras="shoots")
    assert [era["text"]["headline"] for era in document["eras"]] == ["Days"]


def test_eras_for_units() -> None:
    assert export(SHOOTS, eras="units")["eras"] == [
        {"start_date": {"year": 2020, "month": 9},
         "end_date": {"year": 2020, "month": 10, "day": 7},
         "text": {"headline": "main unit"}},
        {"start_date": {"year": 2020, "month": 9}, "end_date": {"year": 2020, "month": 11},
         "text": {"headline": "second unit"}},
    ]


def test_no_eras() -> None:
    assert "eras" not in export(SHOOTS, eras="none")
    assert "eras" not in export(timeline_of(event(kind="shoot", unit="u", when="2020-09")),
                                eras="units")  # one date: no span to show


def test_indent() -> None:
    timeline = timeline_of(event())
    assert dumps(timeline, indent=None).count("\n") == 1  # one line, then the final newline
    assert dumps(timeline, indent=0).startswith('{\n"title": {\n"text"')
    assert dumps(timeline).startswith('{\n  "title": {\n    "text"')


_GROUPS = (": bad option value: group_by must be one of 'place', 'country', 'unit', 'kind', "
           "None, got ")
_ERAS = ": bad option value: eras must be one of 'shoots', 'units', 'none', got "
_INDENT = ": bad option value: indent must be a number of spaces (0 or more) or None, got "


@pytest.mark.parametrize(
    ("options", "message"),
    [({"group_by": "venue"}, _GROUPS + "'venue'"), ({"group_by": ""}, _GROUPS + "''"),
     ({"eras": "all"}, _ERAS + "'all'"), ({"eras": None}, _ERAS + "None"),
     ({"indent": -1}, _INDENT + "-1"), ({"indent": "2"}, _INDENT + "'2'"),
     ({"indent": True}, _INDENT + "True"),
     ({"sort": True}, " does not take option(s) sort; valid options: group_by, eras, indent")],
)
def test_bad_options_are_rejected(options: dict[str, Any], message: str,
                                  tmp_path: Path) -> None:
    timeline = timeline_of(event())
    expected = "^format 'timelinejs'" + re.escape(message) + "$"
    with pytest.raises(mitimeline.OptionsError, match=expected):
        timeline.dumps("timelinejs", **options)
    with pytest.raises(mitimeline.OptionsError, match=expected):
        timeline.export(tmp_path / "x.timelinejs.json", **options)
    assert not (tmp_path / "x.timelinejs.json").exists()


# -- errors ------------------------------------------------------------------------------


def test_timeline_without_events_raises_export_error(tmp_path: Path) -> None:
    with pytest.raises(mitimeline.ExportError, match="at least one event") as caught:
        mitimeline.Timeline(title="Empty").export(tmp_path / "x.timelinejs.json")
    assert caught.value.plugin == "mitimeline-timelinejs"
    assert not (tmp_path / "x.timelinejs.json").exists()


def test_unwritable_text_raises_export_error_naming_where_it_is() -> None:
    with pytest.raises(mitimeline.ExportError) as info:
        timeline_of(event(title="lone surrogate \ud800")).dumps("timelinejs")
    assert str(info.value) == (
        "cannot write '\\ud800' at $.events[0].text.headline of the TimelineJS document as "
        "UTF-8 (a lone surrogate)")


# -- generated timelines -----------------------------------------------------------------


@given((timelines() | timelines(with_claims=True)).filter(len),
       st.sampled_from([None, "place", "country", "unit", "kind"]),
       st.sampled_from(["shoots", "units", "none"]))
def test_any_timeline_exports(timeline: mitimeline.Timeline, group_by: str | None,
                              eras: str) -> None:
    document = export(timeline, group_by=group_by, eras=eras)
    slides = document["events"]
    assert [slide["unique_id"] for slide in slides] == [e.id for e in timeline]
    for slide, item in zip(slides, timeline, strict=True):
        assert html.unescape(slide["text"]["headline"]) == item.title.replace("\0", "")
        assert isinstance(slide["start_date"]["year"], int)
    for era in document.get("eras", []):
        assert era["start_date"] != era["end_date"]
