"""Tests for mitimeline-markwhen without Node: discovery, the exporter's text, the reader
of hand-written Markwhen, its errors, and lossless round trips of our own exports.

test_markwhen_parser.py checks the same exports with the real Markwhen parser.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import mitimeline
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mitimeline import When
from mitimeline.testing import (
    assert_roundtrip,
    check_exporter,
    check_parser,
    claimed_timeline,
    sample_timeline,
    timelines,
)

from mitimeline_markwhen import GROUPS, MarkwhenExporter, MarkwhenParser, date_part, day_bounds
from mitimeline_markwhen.lines import is_plain_description, read_title_line, slug

ROOT = Path(__file__).resolve().parents[3]
DATASET = ROOT / "seeds" / "mi7.json"
EXAMPLE = ROOT / "seeds" / "mi7-example.json"


def dumps(timeline: mitimeline.Timeline, **options: Any) -> str:
    text = timeline.dumps("markwhen", **options)
    assert isinstance(text, str)
    return text


def loads(text: str) -> mitimeline.Timeline:
    return mitimeline.loads(text, "markwhen")


def by_id(timeline: mitimeline.Timeline) -> list[mitimeline.Event]:
    """The events in id order (then by every field, for repeated ids): sections
    (``group_by``) change the order, nothing else."""
    return sorted(timeline, key=lambda event: (event.id, repr(attrs.astuple(
        event, recurse=False))))


def whole(timeline: mitimeline.Timeline) -> tuple[Any, ...]:
    return (timeline.title, timeline.description, timeline.production, timeline.sources,
            by_id(timeline))


# -- installation and discovery ---------------------------------------------------------


def test_plugin_is_installed_and_listed() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert not plugins["mitimeline-markwhen"].error
    assert plugins["mitimeline-markwhen"].formats == ("markwhen",)
    info = {f.name: f for f in mitimeline.list_formats()}["markwhen"]
    assert info.can_parse and info.can_export and info.extensions == (".mw",)
    assert set(info.export_options) == {"group_by", "timezone"}


def test_cli_converts_both_ways(tmp_path: Path) -> None:
    target = tmp_path / "mi7.mw"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(DATASET), str(target),
                    "-o", "group_by=unit"], check=True, capture_output=True)
    back = tmp_path / "back.json"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(target), str(back)],
                   check=True, capture_output=True)
    assert whole(mitimeline.load(back)) == whole(mitimeline.load(DATASET))


# -- contract and round trips -----------------------------------------------------------


def test_parser_and_exporter_keep_the_contract() -> None:
    written = [check_exporter(MarkwhenExporter(), timeline) for timeline in (
        mitimeline.load(EXAMPLE), sample_timeline(), claimed_timeline())]
    check_parser(MarkwhenParser(), samples=written)


@pytest.mark.parametrize("group_by", [None, *GROUPS])
@pytest.mark.parametrize("seed", [DATASET, EXAMPLE], ids=["dataset", "example"])
def test_bundled_timelines_round_trip(seed: Path, group_by: str | None) -> None:
    timeline = mitimeline.load(seed)
    assert whole(loads(dumps(timeline, group_by=group_by))) == whole(timeline)


@given(timelines() | timelines(with_claims=True), st.sampled_from([None, *GROUPS]))
def test_round_trip_of_generated_timelines(timeline: mitimeline.Timeline,
                                           group_by: str | None) -> None:
    try:
        text = dumps(timeline, group_by=group_by)
    except mitimeline.ExportError as exc:  # a lone surrogate, which UTF-8 cannot hold
        assert "as UTF-8" in str(exc)
        return
    assert whole(loads(text)) == whole(timeline)
    if group_by is None:
        assert_roundtrip(MarkwhenExporter(), MarkwhenParser(), timeline, carried=whole)


# -- the exporter's text ----------------------------------------------------------------


def test_header_values_are_quoted() -> None:
    """Unquoted, ``title: Mission: Impossible 7`` empties Markwhen's whole header."""
    text = dumps(mitimeline.Timeline("Mission: Impossible 7 #1", description="a\nb"),
                 timezone="Europe/Oslo")
    assert text.splitlines()[:3] == ['title: "Mission: Impossible 7 \\u00231"',
                                     'description: "a\\nb"', 'timezone: "Europe/Oslo"']


@pytest.mark.parametrize(("edtf", "part"), [
    ("2020", "2020"), ("2020-09", "2020-09"), ("2020-09-06", "2020-09-06"),
    ("2020-09/2020-10-05", "2020-09/2020-10-05"),
    ("2020~", "2020-01-01/2020-12-31"), ("2020-09?", "2020-09-01/2020-09-30"),
    ("2020-23", "2020-09-01/2020-11-30"), ("2020-24", "2020-12-01/2021-02-28"),
    ("201X", "2010-01-01/2019-12-31"), ("2020-09-06T09:14:00Z", "2020-09-06"),
    ("2020-09/..", "2020-09-01/2020-09-30"), ("../2018", "2018-01-01/2018-12-31"),
    ("2020-10~/", "2020-10-01/2020-10-31"), ("/2020-09-06", "2020-09-06"),
    ("2020-10?/2021-11?", "2020-10-01/2021-11-30"), ("0001/..", "0001-01-01/0001-12-31"),
    ("2000/1998", "1998-12-31/2000-01-01"),
])
def test_date_part(edtf: str, part: str) -> None:
    assert date_part(When(edtf)) == part


def test_day_bounds_are_the_bounds_of_a_closed_date() -> None:
    assert day_bounds(When("2020-23")) == (date(2020, 9, 1), date(2020, 11, 30))
    assert day_bounds(When("9999")) == (date(9999, 1, 1), date.max)


def test_event_lines_properties_and_sections() -> None:
    timeline = mitimeline.Timeline("MI7", events=[
        mitimeline.Event("ramp", "Ramp jump", "2020-09~", kind="stunt", unit="second unit",
                         place=mitimeline.Place("Stranda"), tags=["stunts", "Møre og Romsdal"],
                         people=["Tom Cruise", ("Wade Eastwood", "stunt coordinator")],
                         sources=["a", "b"], status="done", description="Shot at dawn"),
        mitimeline.Event("pause", "Pause", "2020-03", kind="hiatus"),
    ])
    text = dumps(timeline, group_by="unit")
    assert text == (
        'title: "MI7"\ntimezone: "UTC"\n\n'
        '2020-03: Pause\nid: "pause"\nedtf: "2020-03"\nkind: "hiatus"\n\n'
        "# second unit\n\n"
        '2020-09-01/2020-09-30: Ramp jump #stunts #M_re_og_Romsdal [Stranda](location)\n'
        'id: "ramp"\nedtf: "2020-09~"\nkind: "stunt"\nstatus: "done"\n'
        'people: ["Tom Cruise", "Wade Eastwood (stunt coordinator)"]\nunit: "second unit"\n'
        'sources: ["a", "b"]\ntags: ["stunts", "Møre og Romsdal"]\nShot at dawn\n'
    )


def test_what_the_line_cannot_hold_goes_into_properties() -> None:
    event = mitimeline.Event(
        "x", "Scene #5: [a](location)\nnext", "2020", tags=["2020"],
        place=mitimeline.Place("Rome", country="IT"), description="Note: 3 takes",
        people=[mitimeline.Credit("A (b)"), mitimeline.Credit("C", "d (e)")])
    text = dumps(mitimeline.Timeline(events=[event]))
    assert "\n2020: Scene \\u00235: [a](location) next #_2020 [Rome](location)\n" not in text
    assert '2020: Scene #5: [a](location) next #_2020 [Rome](location)\n' in text
    for line in ('title: "Scene \\u00235: [a](location)\\nnext"', 'tags: ["2020"]',
                 'place: {"name": "Rome", "country": "IT"}', 'description: "Note: 3 takes"',
                 'people: [{"name": "A (b)"}, {"name": "C", "role": "d (e)"}]'):
        assert line in text.splitlines()
    assert list(loads(text)) == [event]


@pytest.mark.parametrize(("tag", "expected"), [
    ("stunts", "stunts"), ("second unit", "second_unit"), ("Møre", "M_re"), ("Émile", "Emile"),
    ("2020", "_2020"), ("!!!", "tag"), ("a--b", "a_b"), ("東京", "tag")])
def test_tags_are_slugified(tag: str, expected: str) -> None:
    assert slug(tag) == expected


@pytest.mark.parametrize(("description", "plain"), [
    ("Shot at dawn", True), ("One\n\nTwo", True), ("Note: x", False), ("#tag", False),
    ("2020 was hard", False), (" lead", False), ("end", False), ("a [b](location)", False),
    ("trail\n", False), ("tab\there", False)])
def test_plain_descriptions(description: str, plain: bool) -> None:
    assert is_plain_description(description) is plain


def test_unwritable_text_is_an_export_error() -> None:
    timeline = mitimeline.Timeline(events=[mitimeline.Event("x", "bad \ud800", "2020")])
    with pytest.raises(mitimeline.ExportError, match=r"cannot write '\\ud800' as UTF-8, at line 4"):
        dumps(timeline)


@pytest.mark.parametrize(("options", "message"), [
    ({"group_by": "person"}, "group_by must be one of 'place', 'country', 'unit', 'kind', None"),
    ({"timezone": "Mars/Olympus"}, "timezone must be an IANA time zone"),
    ({"timezone": 2}, "timezone must be an IANA time zone"),
])
def test_bad_export_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(mitimeline.OptionsError, match=message):
        dumps(mitimeline.Timeline(), **options)


# -- reading what people write ----------------------------------------------------------

HAND_WRITTEN = """\
title: MI7 notes
description: What I saw

// a comment
2020-09-06: Ramp jump #stunt [Stranda](location)
people: [Tom Cruise (actor), Wade Eastwood]
region: NO
The bike left the ramp at dawn.

Second paragraph.

# Norway #location
Sep 2020 - Oct 5, 2020: Filming in Norway
edtf: 2020-09/2020-10-05~
color: blue

early October 2020: Train roof fight
kind: stunt

## Levanger
2020-10-05: Wrap

group Rome
2020-10 / 2020-11: Filming in Rome
endGroup
2021: Afterwards
id: 2021
"""


def test_hand_written_markwhen() -> None:
    timeline = loads(HAND_WRITTEN)
    assert (timeline.title, timeline.description) == ("MI7 notes", "What I saw")
    jump, norway, train, wrap, rome, after = timeline
    assert jump.id == "ramp-jump" and str(jump.when) == "2020-09-06"
    assert jump.tags == ("stunt",) and jump.place == mitimeline.Place("Stranda")
    assert [str(c) for c in jump.people] == ["Tom Cruise (actor)", "Wade Eastwood"]
    assert jump.region == "NO"  # YAML 1.1 would read Norway as false
    assert jump.description == "The bike left the ramp at dawn.\n\nSecond paragraph."
    assert str(norway.when) == "2020-09/2020-10-05~"  # the edtf property wins
    assert norway.tags == ("Norway", "location") and norway.extra == {"color": "blue"}
    assert str(train.when) == "2020-10-01~/2020-10-10~" and train.kind == "stunt"
    assert wrap.tags == ("Norway", "location", "Levanger")
    # a "#" section lasts until the next heading of its level or above; groups nest in it
    assert rome.tags == ("Norway", "location", "Levanger", "Rome")
    assert str(rome.when) == "2020-10/2020-11"
    assert after.id == "2021" and after.tags == ("Norway", "location", "Levanger")


def test_numbers_are_text_as_written_and_heading_properties_are_skipped() -> None:
    timeline = loads("# Norway\ncolor: blue\n2020: Shoot\nid: 007\npercent: 1e5\n"
                     "2021: Wrap\nid: 1.50\nextra: {\"cost\": 1.5}\n")
    shoot, wrap = timeline
    assert (shoot.id, shoot.extra, shoot.tags) == ("007", {"percent": "1e5"}, ("Norway",))
    assert (wrap.id, wrap.extra) == ("1.50", {"cost": 1.5})


def test_generated_ids_are_unique() -> None:
    timeline = loads("2020: Wrap\n2021: Wrap\nid: wrap-2\n2022: Wrap\n")
    assert [event.id for event in timeline] == ["wrap", "wrap-2", "wrap-3"]


def test_a_line_splits_as_markwhen_splits_it() -> None:
    seen = read_title_line(" Ramp  #stunt jump [Stranda](location) #2020 #a_b")
    assert (seen.title, seen.tags, seen.locations) == ("Ramp jump #2020", ("stunt", "a_b"),
                                                       ("Stranda",))


def test_description_text_and_colons() -> None:
    timeline = loads("2020: Shoot\nFrom: the second unit\nMar: not a date\n")
    assert timeline["shoot"].extra == {"From": "the second unit", "Mar": "not a date"}
    timeline = loads("2020: Shoot\nnotes\nFrom: the second unit\n")
    assert timeline["shoot"].description == "notes\nFrom: the second unit"


@pytest.mark.parametrize(("text", "location", "message"), [
    ("title: Mission: Impossible 7\n2020: x\n", "line 1",
     "quote values holding ': ' .*empty header"),
    ("2020: a\nafter !a: b\n", "line 2", r"relative dates \('after !id', '3 days'\) are not"),
    ("2020: a\n!a 3 days: b\n", "line 2", "relative dates"),
    ("every 2 days: Rushes\n", "line 1", r"recurrence \('every …'\) is not supported"),
    ("2020-09-06 every week: Rushes\n", "line 1", "recurrence"),
    ("now: Today\n", "line 1", "'now' is not supported"),
    ("2020 - now: Until now\n", "line 1", "'now' is not supported"),
    ("1/2/2020: Custom\n", "line 1", "custom date formats such as 1/2/2020 are not supported"),
    ("dateFormat: d/M/y\n1/2/2020: Custom\n", "line 1", r"custom date formats \(dateFormat\)"),
    ("2020-13: Bad month\n", "line 1", "expected a date Markwhen and mitimeline both read"),
    ("2020: x\nedtf: early 2020\n", "line 2", "edtf: expected an EDTF date"),
    ("2020: x\nid: a\nid: b\n", "line 3", r"property 'id' appears twice \(first at line 2\)"),
    ("2020: x\npeople: {a: b}\n", "line 2", "expected a person in 'people'"),
    ("2020: x\nsources: {a: b}\n", "line 2", "expected a list of text in property 'sources'"),
    ("2020: x\nkind: [a]\n", "line 2", "expected text in property 'kind', got a list"),
    ("2020: x\nkind: dance\n", "line 1", "Event.kind: expected one of shoot"),
    ("2020: x\nplace: {name: Rome, city: Rome}\n", "line 2", "expected place as a mapping"),
    ("2020: x\nplace: {name: Rome, latitude: 1}\n", "line 2", "place: .*both coordinates"),
    ("2020: x [a](location) [b](location)\n", "line 1", r"at most one \[Place\]\(location\)"),
    ("2020: #only #tags\n", "line 1", "expected a title after the date"),
    ("2020: x\nkind: [a\n", "line 2", "expected a YAML value, got '\\[a'"),
    ("2020: x\nclaims: [{when: 2020}]\n", "line 2", r"claims: \$\[0\]"),
    ("2020: x\nextra: [1]\n", "line 2", "extra: expected a mapping"),
    ("2020: x\nextra: {color: red}\ncolor: blue\n", "line 3", "'color' is also a key"),
    ("2020: x\ndescription: a\nb\n", "line 2", "as a 'description' property or as text"),
    ("# Section\nStray text\n", "line 2", "expected an event line such as"),
    ("2020: x\n---\nkind: stunt\n---\n", "line 2", "'---' property blocks are not"),
    ("2020: x\nendGroup\n", "line 2", "expected a 'group' or 'section' line before"),
    ("title: x\nsources: [{id: a}]\n", "line 2", "sources: .*Source"),
    ("title: [x]\n", "line 1", "expected text in property 'title', got a list"),
    ("- a\n- b\n2020: x\n", "line 1", "expected a header of 'key: value' lines"),
])
def test_errors_name_the_line(text: str, location: str, message: str) -> None:
    with pytest.raises(mitimeline.ParseError, match=message) as caught:
        loads(text)
    assert caught.value.location == location


def test_bytes_that_are_not_utf8() -> None:
    with pytest.raises(mitimeline.ParseError, match="expected UTF-8 text") as caught:
        mitimeline.loads(b"title: x\n2020: \xff\n", "markwhen")
    assert caught.value.location == "line 2"


@given(st.text(alphabet=st.sampled_from(list("2020-09:/ #[]()!\n\tabceynow{},'\"~?.")))
       | st.text())
def test_any_input_reads_or_raises_a_parse_error(text: str) -> None:
    try:
        loads(text)
    except mitimeline.ParseError as exc:
        assert exc.location.startswith("line ")
