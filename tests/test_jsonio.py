"""jsonio: Timeline ⇄ JSON data round trips, the shape of the data, the schema, and every
error path (each located by its JSON path)."""

from __future__ import annotations

import copy
import io
import json
import math
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import mitimeline
from mitimeline import (
    Claim,
    Credit,
    DateParseError,
    Event,
    InvalidEventError,
    OptionsError,
    ParseError,
    Place,
    Production,
    Source,
    Timeline,
)
from mitimeline.jsonio import (
    CLAIMLESS_VERSION,
    FORMAT_VERSION,
    SUPPORTED_VERSIONS,
    schema,
    timeline_from_data,
    timeline_to_data,
)
from mitimeline.testing import timelines

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = jsonschema.Draft202012Validator(schema())

FULL = Timeline(
    title="Mission: Impossible 7 — «Dead Reckoning»",
    description="Filming, 2020–2021",
    production=Production("Mission: Impossible – Dead Reckoning Part One", "Libra",
                          ["Paramount", "Skydance"], "Q61740820"),
    sources=[
        Source("indy-2020-09", "Cruise jumps off a cliff", "The Independent",
               "https://example.org/indy", "2020-09-14", "en"),
        Source("nrk", "Innspilling i Stryn"),
    ],
    events=[
        Event(
            id="ramp-jump", title="Motorbike ramp jump", when="2020-09-06T09:14:00+02:00",
            kind="stunt", status="done",
            place=Place("Helsetkopen", "Stryn", "Vestland", "NO", 61.9036, 6.7202,
                        "Europe/Oslo"),
            people=[Credit("Tom Cruise", "actor"), Credit("Wade Eastwood")],
            unit="main", region="NO", sources=["indy-2020-09", "nrk"],
            description="", tags=["bike", "cliff"], extra={"takes": 6, "notes": {"a": [1.5]}},
        ),
        Event(id="rome", title="Rome car chase", when="2020-10~/2021-XX"),
    ],
)


# -- round trips ------------------------------------------------------------------------


@settings(max_examples=200)
@given(timelines(with_claims=True))
def test_round_trip_is_lossless(tl: Timeline) -> None:
    data = timeline_to_data(tl)
    assert timeline_from_data(data) == tl
    # Pure JSON data: a tuple or a non-JSON value would not survive text and compare equal.
    through_text = json.loads(json.dumps(data, ensure_ascii=False))
    assert through_text == data
    assert timeline_from_data(through_text) == tl


@settings(max_examples=100)
@given(timelines(with_claims=True))
def test_output_validates_against_the_schema(tl: Timeline) -> None:
    VALIDATOR.validate(timeline_to_data(tl))


@settings(max_examples=50)
@given(timelines(with_claims=True))
def test_output_is_deterministic(tl: Timeline) -> None:
    rebuilt = timeline_from_data(json.loads(json.dumps(timeline_to_data(tl))))
    first, second = timeline_to_data(tl), timeline_to_data(rebuilt)
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def test_full_timeline_round_trips_with_every_field() -> None:
    assert timeline_from_data(timeline_to_data(FULL)) == FULL
    assert timeline_from_data(timeline_to_data(Timeline())) == Timeline()


# -- the shape of the data --------------------------------------------------------------


def test_full_timeline_data_in_key_order() -> None:
    data = timeline_to_data(FULL)
    assert list(data) == ["mitimeline", "title", "description", "production", "sources",
                          "events"]
    assert data["mitimeline"] == CLAIMLESS_VERSION == 1  # FULL has no claims
    assert list(data["production"]) == ["title", "working_title", "studios", "wikidata"]
    assert list(data["sources"][0]) == ["id", "title", "publisher", "url", "published",
                                        "language"]
    assert data["events"][0] == {
        "id": "ramp-jump",
        "title": "Motorbike ramp jump",
        "when": "2020-09-06T09:14:00+02:00",
        "kind": "stunt",
        "status": "done",
        "place": {"name": "Helsetkopen", "locality": "Stryn", "region": "Vestland",
                  "country": "NO", "latitude": 61.9036, "longitude": 6.7202,
                  "timezone": "Europe/Oslo"},
        "people": [{"name": "Tom Cruise", "role": "actor"}, {"name": "Wade Eastwood"}],
        "unit": "main",
        "region": "NO",
        "sources": ["indy-2020-09", "nrk"],
        "tags": ["bike", "cliff"],
        "description": "",
        "extra": {"takes": 6, "notes": {"a": [1.5]}},
    }
    assert list(data["events"][0]) == ["id", "title", "when", "kind", "status", "place",
                                       "people", "unit", "region", "sources", "tags",
                                       "description", "extra"]
    assert list(data["events"][0]["place"]) == ["name", "locality", "region", "country",
                                                "latitude", "longitude", "timezone"]


def test_none_and_empty_fields_are_left_out_but_empty_text_is_kept() -> None:
    data = timeline_to_data(FULL)
    assert data["events"][1] == {"id": "rome", "title": "Rome car chase",
                                 "when": "2020-10~/2021-XX", "kind": "other",
                                 "status": "confirmed"}
    assert data["sources"][1] == {"id": "nrk", "title": "Innspilling i Stryn"}
    assert data["events"][0]["description"] == ""
    assert timeline_to_data(Timeline()) == {"mitimeline": 1, "title": "Untitled timeline",
                                            "sources": [], "events": []}
    assert timeline_to_data(Timeline(description=""))["description"] == ""


def test_dates_are_written_as_canonical_edtf() -> None:
    tl = Timeline(events=[Event(id="a", title="A", when="2020-09-06T09:14:00+0000"),
                          Event(id="b", title="B", when="early October 2020")],
                  sources=[Source("s", "S", published="September 2020")])
    data = timeline_to_data(tl)
    assert [e["when"] for e in data["events"]] == ["2020-09-06T09:14:00Z",
                                                   "2020-10-01~/2020-10-10~"]
    assert data["sources"][0]["published"] == "2020-09"


def test_data_is_fresh_and_shares_nothing_with_the_timeline() -> None:
    data = timeline_to_data(FULL)
    data["events"][0]["extra"]["notes"]["a"].append(2)
    data["events"][0]["tags"].append("x")
    assert FULL.events[0].extra == {"takes": 6, "notes": {"a": [1.5]}}
    assert timeline_to_data(FULL)["events"][0]["tags"] == ["bike", "cliff"]


def test_reading_does_not_change_the_input() -> None:
    data = timeline_to_data(FULL)
    before = copy.deepcopy(data)
    timeline_from_data(data)
    assert data == before


def test_reading_accepts_defaults_and_non_canonical_edtf() -> None:
    tl = timeline_from_data({"mitimeline": 1, "title": "T", "events": [
        {"id": "a", "title": "A", "when": "2020-09-06T09:14:00+0200"}]})
    assert tl.events[0].kind == "other" and tl.events[0].status == "confirmed"
    assert str(tl.events[0].when) == "2020-09-06T09:14:00+02:00"
    assert tl.sources == () and tl.production is None and tl.description is None
    assert timeline_from_data({"mitimeline": 1.0, "title": ""}) == Timeline(title="")


def test_integer_coordinates_become_floats() -> None:
    doc = base_document()
    doc["events"][0]["place"].update(latitude=62, longitude=-7)
    place = timeline_from_data(doc).events[0].place
    assert place is not None and (place.latitude, place.longitude) == (62.0, -7.0)


def test_repeated_places_and_people_are_read_correctly() -> None:
    """Places and credits are memoized per read; equal JSON must give equal values and a
    value that merely compares equal in Python (true == 1) must still be rejected."""
    doc = base_document()
    place = {"name": "Stryn", "latitude": 1, "longitude": 0}
    doc["events"] = [dict(doc["events"][0], id=f"e{i}", place=dict(place)) for i in range(3)]
    tl = timeline_from_data(doc)
    assert [e.place for e in tl.events] == [Place("Stryn", latitude=1.0, longitude=0.0)] * 3
    doc["events"][2]["place"] = {"name": "Stryn", "latitude": True, "longitude": 0}
    with pytest.raises(ParseError) as caught:
        timeline_from_data(doc)
    assert caught.value.location == "$.events[2].place.latitude"
    assert "$.events[2].place.latitude: expected a number" in str(caught.value)
    doc = base_document()
    doc["events"][1]["people"] = [{"name": "Tom Cruise", "role": None}]
    with pytest.raises(ParseError) as caught:
        timeline_from_data(doc)
    assert caught.value.location == "$.events[1].people[0].role"
    assert "$.events[1].people[0].role: null is not allowed for 'role'" in str(caught.value)


# -- the schema -------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12_and_shipped_in_docs() -> None:
    loaded = schema()
    jsonschema.Draft202012Validator.check_schema(loaded)
    assert loaded["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert loaded["properties"]["mitimeline"]["enum"] == list(SUPPORTED_VERSIONS)
    shipped = ROOT / "src" / "mitimeline" / "schema" / "timeline.schema.json"
    assert (ROOT / "docs" / "timeline.schema.json").read_bytes() == shipped.read_bytes()
    loaded["title"] = "changed"
    assert schema()["title"] != "changed"


def test_schema_enums_match_the_model() -> None:
    from mitimeline import KINDS, STATUSES

    event = schema()["$defs"]["event"]["properties"]
    assert tuple(event["kind"]["enum"]) == KINDS
    assert tuple(event["status"]["enum"]) == STATUSES


def test_documented_example_is_valid() -> None:
    text = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", text, re.DOTALL)
    assert example is not None
    doc = json.loads(example.group(1))
    VALIDATOR.validate(doc)
    assert timeline_to_data(timeline_from_data(doc)) == doc  # canonical as documented


# -- errors -----------------------------------------------------------------------------


def base_document() -> dict[str, Any]:
    """A valid document: two events, a source, a production."""
    return {
        "mitimeline": 1,
        "title": "MI7",
        "production": {"title": "Mission: Impossible 7", "studios": ["Paramount"]},
        "sources": [{"id": "indy", "title": "Report", "published": "2020-09"}],
        "events": [
            {"id": "ramp", "title": "Ramp jump", "when": "2020-09",
             "place": {"name": "Stryn", "country": "NO", "latitude": 61.9, "longitude": 6.7}},
            {"id": "rome", "title": "Rome", "when": "2020-10", "kind": "shoot",
             "people": [{"name": "Tom Cruise", "role": "actor"}], "sources": ["indy"],
             "tags": ["car"], "extra": {"n": 1}},
        ],
    }


DELETE = object()


def change(*path: Any, to: Any) -> Callable[[dict[str, Any]], Any]:
    """A mutation of :func:`base_document` setting (or deleting) the value at ``path``."""

    def apply(doc: dict[str, Any]) -> Any:
        if not path:
            return to
        target: Any = doc
        for step in path[:-1]:
            target = target[step]
        if to is DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = to
        return doc

    return apply


def both(*mutations: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """The mutations applied one after the other."""

    def apply(doc: dict[str, Any]) -> Any:
        for mutation in mutations:
            doc = mutation(doc)
        return doc

    return apply


E1 = ("events", 1)
P0 = ("events", 0, "place")

# (mutation, JSON path of the error, fragment of the message). The schema rejects all of them.
BAD: list[tuple[Callable[[dict[str, Any]], Any], str, str]] = [
    (change(to=[]), "$", "expected a mitimeline JSON document (an object), got an array"),
    (change(to="MI7"), "$", 'got the text "MI7"'),
    (change("mitimeline", to=DELETE), "$.mitimeline", 'expected "mitimeline": 1'),
    (change("mitimeline", to=3), "$.mitimeline",
     "unsupported format version 3; this version of mitimeline reads format version(s) 1, 2"),
    (change("mitimeline", to="1"), "$.mitimeline", 'unsupported format version "1"'),
    (change("mitimeline", to=True), "$.mitimeline", "unsupported format version true"),
    (change("colour", to="red"), "$.colour",
     "unknown key 'colour' in the document; allowed keys: mitimeline, title, description, "
     "production, sources, events"),
    (change("my key", to=1), '$["my key"]', "unknown key 'my key'"),
    (change("title", to=DELETE), "$.title", "missing required key 'title' in the document"),
    (change("title", to=5), "$.title", "expected text, got the number 5"),
    (change("description", to=None), "$.description", "null is not allowed for 'description'"),
    (change("description", to=["x"]), "$.description", "expected text, got an array"),
    (change("sources", to={}), "$.sources", "expected an array, got an object"),
    (change("events", to="x"), "$.events", 'expected an array, got the text "x"'),
    (change("production", to="MI7"), "$.production", "expected a production (an object)"),
    (change("production", "title", to=DELETE), "$.production.title",
     "missing required key 'title' in a production"),
    (change("production", "studios", to="Paramount"), "$.production.studios",
     "expected an array of text"),
    (change("production", "studios", to=[""]), "$.production.studios[0]",
     "expected non-empty text"),
    (change("production", "wikidata", to="X1"), "$.production.wikidata", "a Wikidata id"),
    (change("sources", 0, to=5), "$.sources[0]", "expected a source (an object), got the number"),
    (change("sources", 0, "id", to=DELETE), "$.sources[0].id", "missing required key 'id'"),
    (change("sources", 0, "id", to="Not A Slug"), "$.sources[0].id", "expected a slug"),
    (change("sources", 0, "published", to="yesterday"), "$.sources[0].published",
     "expected an EDTF date: 'yesterday' is not a valid EDTF date"),
    (change("sources", 0, "published", to=2020), "$.sources[0].published",
     "expected an EDTF date as text, such as '2020-09-06', got the number 2020"),
    (change("sources", 0, "language", to="English"), "$.sources[0].language", "BCP 47"),
    (change("sources", 0, "author", to="x"), "$.sources[0].author",
     "unknown key 'author' in a source; allowed keys: id, title, publisher, url, published, "
     "language"),
    (change(*E1, to=[]), "$.events[1]", "expected an event (an object), got an array"),
    (change(*E1, "when", to=DELETE), "$.events[1].when", "missing required key 'when'"),
    (change(*E1, "id", to=DELETE), "$.events[1].id", "missing required key 'id' in an event"),
    (change(*E1, "title", to=DELETE), "$.events[1].title", "missing required key 'title'"),
    (change(*E1, "when", to="2020-13"), "$.events[1].when", "month '13' is not 01-12"),
    (change(*E1, "when", to="2020-09-06T25:00:00"), "$.events[1].when", "not a valid EDTF"),
    (change(*E1, "when", to="2020-21-05"), "$.events[1].when",
     "a season or sub-year grouping (21-41) cannot have"),
    (change(*E1, "when", to="September 2020"), "$.events[1].when", "expected an EDTF date"),
    (change(*E1, "when", to=2020), "$.events[1].when", "got the number 2020"),
    (change(*E1, "when", to=["2020"]), "$.events[1].when", "got an array"),
    (change(*E1, "when", to=None), "$.events[1].when", "null is not allowed for 'when'"),
    (change(*E1, "id", to="Bad Id"), "$.events[1].id", "expected a slug such as"),
    (change(*E1, "title", to=""), "$.events[1].title", "expected non-empty text"),
    (change(*E1, "title", to="   "), "$.events[1].title", "expected non-empty text"),
    (change(*E1, "kind", to="explosion"), "$.events[1].kind",
     "expected one of shoot, stunt, move, hiatus, wrap, announcement, release, other"),
    (change(*E1, "status", to="maybe"), "$.events[1].status", "expected one of planned"),
    (change(*E1, "unit", to=5), "$.events[1].unit", "expected text"),
    (change(*E1, "unit", to=None), "$.events[1].unit", "leave the key out"),
    (change(*E1, "region", to="Norway"), "$.events[1].region", "an ISO 3166 code"),
    (change(*E1, "description", to=False), "$.events[1].description", "expected text"),
    (change(*E1, "date", to="2020"), "$.events[1].date",
     "unknown key 'date' in an event; allowed keys: id, title, when, kind, status, place, "
     "people, unit, region, sources, tags, description, extra"),
    (both(change(*E1, "aa", to=1), change(*E1, "bb", to=2)), "$.events[1].aa",
     "unknown keys 'aa', 'bb' in an event"),
    (change(*P0, to="Stryn"), "$.events[0].place", "expected a place (an object)"),
    (change(*P0, to={}), "$.events[0].place.name", "missing required key 'name' in a place"),
    (change(*P0, "country", to="Norway"), "$.events[0].place.country", "ISO 3166-1 alpha-2"),
    (change(*P0, "latitude", to=91), "$.events[0].place.latitude", "a number from -90 to 90"),
    (change(*P0, "longitude", to=-180.5), "$.events[0].place.longitude", "-180 to 180"),
    (change(*P0, "latitude", to="61.9"), "$.events[0].place.latitude", "a number"),
    (change(*P0, "latitude", to=True), "$.events[0].place.latitude", "a number"),
    (change(*P0, "longitude", to=DELETE), "$.events[0].place", "both coordinates or neither"),
    (change(*P0, "lat", to=61), "$.events[0].place.lat",
     "allowed keys: name, locality, region, country, latitude, longitude, timezone"),
    (change(*P0, "name", to=" "), "$.events[0].place.name", "expected non-empty text"),
    (change(*P0, "timezone", to=7), "$.events[0].place.timezone", "an IANA time zone"),
    (change(*E1, "people", to="Tom"), "$.events[1].people", "expected an array of credits"),
    (change(*E1, "people", to={}), "$.events[1].people", "expected an array of credits"),
    (change(*E1, "people", 0, to="Tom"), "$.events[1].people[0]", "expected a credit"),
    (change(*E1, "people", 0, "name", to=DELETE), "$.events[1].people[0].name",
     "missing required key 'name' in a credit"),
    (change(*E1, "people", 0, "name", to=""), "$.events[1].people[0].name", "non-empty text"),
    (change(*E1, "people", 0, "as", to="x"), "$.events[1].people[0].as",
     "unknown key 'as' in a credit; allowed keys: name, role"),
    (change(*E1, "people", 0, "role", to=1), "$.events[1].people[0].role", "expected text"),
    (change(*E1, "sources", to="indy"), "$.events[1].sources", "expected an array of source"),
    (change(*E1, "sources", to=["indy", ""]), "$.events[1].sources[1]", "non-empty text"),
    (change(*E1, "sources", to=[1]), "$.events[1].sources[0]", "non-empty text, got 1"),
    (change(*E1, "tags", to={}), "$.events[1].tags", "expected an array of text, got an object"),
    (change(*E1, "tags", to=0), "$.events[1].tags", "expected an array of text"),
    (change(*E1, "tags", to=[" "]), "$.events[1].tags[0]", "non-empty text"),
    (change(*E1, "extra", to=[1]), "$.events[1].extra", "a mapping of JSON values"),
]

# Rejected by the loader only: the schema checks structure, not calendars or time zones.
LOADER_ONLY: list[tuple[Callable[[dict[str, Any]], Any], str, str]] = [
    (change(*E1, "when", to="2021-02-29"), "$.events[1].when", "day '29' does not exist"),
    (change(*P0, "timezone", to="Mars/Olympus"), "$.events[0].place.timezone",
     "an IANA time zone"),
    (change(*E1, "extra", "n", to=math.nan), "$.events[1].extra.n", "a finite number"),
]


def _bad_document(mutation: Callable[[dict[str, Any]], Any]) -> Any:
    return mutation(base_document())


def test_base_document_is_valid() -> None:
    VALIDATOR.validate(base_document())
    assert len(timeline_from_data(base_document())) == 2


@pytest.mark.parametrize(("mutation", "location", "message"), BAD + LOADER_ONLY,
                         ids=[case[1] for case in BAD + LOADER_ONLY])
def test_bad_data_raises_located_parse_error(
    mutation: Callable[[dict[str, Any]], Any], location: str, message: str
) -> None:
    with pytest.raises(ParseError) as caught:
        timeline_from_data(_bad_document(mutation))
    error = caught.value
    assert error.location == location
    assert message in error.reason
    assert error.format == "json"
    assert str(error) == f"{location}: {error.reason}"


@pytest.mark.parametrize(("mutation", "location", "message"), BAD,
                         ids=[case[1] for case in BAD])
def test_schema_rejects_what_the_loader_rejects(
    mutation: Callable[[dict[str, Any]], Any], location: str, message: str
) -> None:
    assert not VALIDATOR.is_valid(_bad_document(mutation))


def test_model_and_date_errors_are_chained() -> None:
    with pytest.raises(ParseError) as caught:
        timeline_from_data(change(*E1, "when", to="2020-13")(base_document()))
    assert isinstance(caught.value.__cause__, DateParseError)
    assert "'2020-13' is not a valid EDTF date" in str(caught.value)
    with pytest.raises(ParseError) as caught:
        timeline_from_data(change(*E1, "kind", to="explosion")(base_document()))
    assert isinstance(caught.value.__cause__, InvalidEventError)
    assert "'explosion'" in str(caught.value)


def test_the_first_problem_in_document_order_is_reported() -> None:
    doc = base_document()
    doc["events"][0]["when"] = "nope"
    doc["events"][1]["when"] = "nope"
    with pytest.raises(ParseError, match=re.escape("$.events[0].when")):
        timeline_from_data(doc)


def test_supported_versions() -> None:
    assert SUPPORTED_VERSIONS == (1, 2)
    assert FORMAT_VERSION in SUPPORTED_VERSIONS and CLAIMLESS_VERSION in SUPPORTED_VERSIONS


CLAIMED = Timeline(
    title="Claims",
    sources=[Source("independent", "The Independent", published="2020-10-05"),
             Source("aceshowbiz", "AceShowbiz", published="2020-10")],
    events=[Event(id="ramp-jump", title="Ramp jump", when="2020-09-06/2020-09-30",
                  kind="stunt", claims=[
                      Claim("independent", when="2020-09", place=Place("Stranda", country="NO"),
                            note="'last month' in a report of 5 October 2020"),
                      Claim(["aceshowbiz"], when="2020-09-06/2020-10-05",
                            place=Place("Strand", country="NO"), status="done",
                            title="Motorbike ramp jump", people=[Credit("Tom Cruise", "actor")]),
                  ])],
)


def test_a_timeline_with_claims_is_written_as_version_2_in_key_order() -> None:
    data = timeline_to_data(CLAIMED)
    assert data["mitimeline"] == FORMAT_VERSION == 2
    event = data["events"][0]
    assert list(event)[-2:] == ["sources", "claims"]
    assert event["sources"] == ["independent", "aceshowbiz"]
    assert list(event["claims"][1]) == ["sources", "when", "place", "status", "title", "people"]
    assert event["claims"][0] == {
        "sources": ["independent"], "when": "2020-09",
        "place": {"name": "Stranda", "country": "NO"},
        "note": "'last month' in a report of 5 October 2020"}
    assert timeline_from_data(data) == CLAIMED
    VALIDATOR.validate(data)


def test_a_timeline_without_claims_is_still_version_1_and_loads_unchanged() -> None:
    data = timeline_to_data(FULL)
    assert data["mitimeline"] == 1
    assert timeline_from_data(data) == FULL
    assert timeline_from_data({**data, "mitimeline": 2}) == FULL


def test_claims_in_a_version_1_document_are_refused_by_reader_and_schema() -> None:
    data = timeline_to_data(CLAIMED)
    data["mitimeline"] = 1
    with pytest.raises(ParseError, match=re.escape(
            '$.events[0].claims: claims need format version 2 (this document says '
            '"mitimeline": 1)')):
        timeline_from_data(data)
    assert not VALIDATOR.is_valid(data)


def claimed_data() -> dict[str, Any]:
    return timeline_to_data(CLAIMED)


@pytest.mark.parametrize(("edit", "location", "message"), [
    (lambda d: d["events"][0].__setitem__("claims", {}), "$.events[0].claims",
     "expected an array of claims"),
    (lambda d: d["events"][0]["claims"].__setitem__(0, "independent"),
     "$.events[0].claims[0]", "expected a claim (an object with sources)"),
    (lambda d: d["events"][0]["claims"][0].pop("sources"), "$.events[0].claims[0].sources",
     "missing required key 'sources' in a claim"),
    (lambda d: d["events"][0]["claims"][0].__setitem__("sources", []),
     "$.events[0].claims[0].sources", "at least one source id"),
    (lambda d: d["events"][0]["claims"][0].__setitem__("sources", "independent"),
     "$.events[0].claims[0].sources", "expected an array of source ids"),
    (lambda d: d["events"][0]["claims"][0].__setitem__("when", "nope"),
     "$.events[0].claims[0].when", "nope"),
    (lambda d: d["events"][0]["claims"][0].__setitem__("status", "maybe"),
     "$.events[0].claims[0].status", "one of planned"),
    (lambda d: d["events"][0]["claims"][0].__setitem__("colour", "red"),
     "$.events[0].claims[0].colour", "colour"),
    (lambda d: d["events"][0].__setitem__("sources", ["independent"]), "$.events[0].sources",
     "the union of the claims' sources"),
])
def test_bad_claims_raise_located_parse_errors(edit: Any, location: str, message: str) -> None:
    data = claimed_data()
    edit(data)
    with pytest.raises(ParseError) as info:
        timeline_from_data(data)
    assert info.value.location == location, info.value
    assert message in str(info.value)


def test_unencodable_text_names_the_json_path_of_the_first_lone_surrogate() -> None:
    from mitimeline.jsonio import unencodable_text

    assert unencodable_text({"a": ["x", {"b": "fine \u00e9 \U0001f3ac"}], "c": 1.5}) is None
    assert unencodable_text({"a": ["x", {"b": "y\udc80"}], "c": "\ud800"}) == (
        "$.a[1].b", "\udc80")
    assert unencodable_text({"a": {"odd key\ud800": 1}}) == ("$.a (a key)", "\ud800")
    assert unencodable_text(["\udfff"]) == ("$[0]", "\udfff")


def test_claims_from_data_reads_what_claim_data_writes() -> None:
    from mitimeline.jsonio import claim_data, claims_from_data
    from mitimeline.testing import claimed_timeline

    claims = claimed_timeline().events[0].claims
    assert claims_from_data([claim_data(claim) for claim in claims]) == claims
    with pytest.raises(ParseError) as caught:
        claims_from_data([{"sources": ["a"], "when": 2020}], "claims")
    assert caught.value.location == "claims[0].when"
    assert str(caught.value).startswith("claims[0].when: expected an EDTF date as text")


# -- the fast paths agree with the checked ones ------------------------------------------

from hypothesis import strategies as st  # noqa: E402

from mitimeline import When, jsonio  # noqa: E402
from mitimeline.model import plain_events  # noqa: E402
from mitimeline.testing import events, json_values  # noqa: E402

_ODD = st.sampled_from([None, "", " ", "Bad Id", "ok-id", "XX", "GB-ENG", "shoot", "bogus",
                        "done", True, 1, 1.0, 0, [], {}, ["a"], ["", "b"], [" "], [1], ("t",),
                        "2020", When("2020"), Place("x"), (Credit("a"),), [Credit("a")],
                        ("name", "role"), "\ud800"])
_FIELDS = ("id", "title", "when", "kind", "place", "people", "unit", "status", "region",
           "sources", "description", "tags")


@settings(max_examples=300)
@given(st.lists(st.tuples(events(), st.dictionaries(st.sampled_from(_FIELDS), _ODD, max_size=2)),
                min_size=1, max_size=4),
       st.sampled_from([list, tuple]))
def test_plain_events_are_events_or_none(rows: list[tuple[Event, dict[str, Any]]],
                                         sequence: Callable[..., Any]) -> None:
    """``plain_events`` builds exactly what ``Event`` builds, or leaves it to ``Event``
    when any row is not plainly valid."""
    rows_fields = []
    for event, changes in rows:
        fields = {name: getattr(event, name) for name in _FIELDS}
        fields["sources"], fields["tags"] = sequence(event.sources), sequence(event.tags)
        fields.update(changes)
        rows_fields.append(fields)
    fast = plain_events(*([fields[name] for fields in rows_fields] for name in _FIELDS))
    checked = []
    for fields in rows_fields:
        try:
            checked.append(Event(**fields))
        except (InvalidEventError, TypeError):  # TypeError: people=None, as Event says it
            assert fast is None
            return
    if fast is not None:
        assert fast == checked
        for built, expected in zip(fast, checked, strict=True):
            assert repr(built) == repr(expected)
            for name in (*_FIELDS, "extra", "claims"):
                assert type(getattr(built, name)) is type(getattr(expected, name)), name
                assert getattr(built, name) == getattr(expected, name), name
        assert len({id(event.extra) for event in fast}) == len(fast)  # each its own dict


@pytest.mark.parametrize(("column", "value"), [
    ("ids", "a\nb"), ("ids", "ok\n"), ("regions", "GB\nUS"), ("regions", "GB\n")])
def test_plain_events_refuse_a_newline_hidden_in_a_joined_check(column: str, value: str) -> None:
    """Ids and regions are checked joined by newlines: one holding a newline is refused."""
    event = Event("ok", "A title", "2020")
    fields = {name: [getattr(event, name)] for name in _FIELDS}
    fields[column.removesuffix("s") if column == "ids" else "region"] = [value]
    assert plain_events(*(fields[name] for name in _FIELDS)) is None


def test_plain_events_of_no_rows_and_of_uneven_columns() -> None:
    assert plain_events(*([] for _ in _FIELDS)) == []
    columns: list[list[Any]] = [[] for _ in _FIELDS]
    columns[0] = ["a"]
    with pytest.raises(ValueError, match="the columns differ in length"):
        plain_events(*columns)


def _read_checked_only(data: Any) -> Timeline | str:
    """What the checked path alone makes of ``data``: a timeline or the error's text."""
    try:
        return jsonio.DocumentReader(fast=False).timeline(data)
    except ParseError as exc:
        return f"{exc.location}: {exc}"


def _read(data: Any) -> Timeline | str:
    try:
        return timeline_from_data(data)
    except ParseError as exc:
        return f"{exc.location}: {exc}"


_DOCUMENT_EDITS = st.sampled_from([None, True, False, 0, 1, 1.0, -0.0, "", " ", "x", [], {},
                                   ["x"], [{}], [{"name": "A"}], {"name": "A"},
                                   {"name": "A", "latitude": True, "longitude": 1.0},
                                   {"name": "A", "latitude": 1.0, "longitude": 1.0},
                                   "2020-02-30", "2020-09-06~", "not a date", "bad id"])


@st.composite
def edited_documents(draw: st.DrawFn, with_claims: bool = True) -> dict[str, Any]:
    """A document of a random timeline whose events repeat (memo hits), then edited at up to
    three places: an event's key, or a key of its place or first credit (the memos' hard
    cases)."""
    document = timeline_to_data(draw(timelines(max_events=4, with_claims=with_claims)))
    events_data = document["events"]
    if events_data:
        events_data.extend(copy.deepcopy(events_data))
        for _ in range(draw(st.integers(0, 3))):
            item = draw(st.sampled_from(events_data))
            key = draw(st.sampled_from([*_FIELDS, "extra", "claims", "nope"]))
            value = draw(st.one_of(_DOCUMENT_EDITS, json_values(max_leaves=3)))
            target = item
            if key in ("place", "people") and isinstance(item.get(key), (dict, list)) \
                    and item[key] and draw(st.booleans()):
                target = item[key] if key == "place" else item[key][0]
                key = draw(st.sampled_from(["name", "role", "latitude", "longitude"]))
            if isinstance(target, dict):
                target[key] = value
    return document


@settings(max_examples=300)
@given(edited_documents())
def test_the_fast_reader_agrees_with_the_checked_one(document: dict[str, Any]) -> None:
    """Same timeline, or the same error at the same place, with or without the fast path."""
    assert _read(copy.deepcopy(document)) == _read_checked_only(copy.deepcopy(document))


# -- the msgspec reader (the fast extra) agrees with the standard one ---------------------

from mitimeline import jsonio_msgspec  # noqa: E402
from mitimeline.default_plugins.json_format import JSONParser  # noqa: E402


def _standard(raw: bytes) -> Timeline | str:
    try:
        return JSONParser().parse(io.BytesIO(raw), JSONParser.Options(fast=False))
    except ParseError as exc:
        return f"{exc.location}: {exc}"


def _agree(raw: bytes) -> Timeline | None:
    """The msgspec reader's timeline of ``raw`` (None: it left it to the standard one),
    checked against the standard reader's: equal, and written back byte for byte alike."""
    expected = _standard(raw)
    fast = jsonio_msgspec.timeline_from_json(raw)
    if isinstance(expected, str):
        assert fast is None, expected
    elif fast is not None:
        assert fast == expected
        assert json.dumps(timeline_to_data(fast)) == json.dumps(timeline_to_data(expected))
    return fast


@settings(max_examples=300)
@given(st.booleans().flatmap(lambda claims: edited_documents(with_claims=claims)))
def test_the_msgspec_reader_agrees_with_the_standard_one(document: dict[str, Any]) -> None:
    """Same timeline (written back alike), or None where the standard one says what is
    wrong, on edited documents."""
    _agree(json.dumps(document).encode("utf-8"))


@pytest.mark.parametrize("text", [
    '{"mitimeline": 1, "title": "T", "events": [{"id": "a", "title": "A", "when": "2020",'
    ' "place": {"name": "P", "latitude": 1}}, {"id": "b", "title": "B", "when": "2020",'
    ' "place": {"name": "P", "latitude": 1.0}}]}',  # equal structs, places written apart
    '{"mitimeline": 1, "title": "T", "title": "U"}',  # a repeated key: the last wins
    '{"mitimeline": 1, "title": "T", "events": [{"id": "a", "title": "A", "when": "2020",'
    ' "extra": {"n": 123456789012345678901234567890, "f": [1E2, -0.0, 0.1]}}]}',
    '{"mitimeline": true, "title": "T"}', '{"mitimeline": 1.0, "title": "T"}',
    '{"mitimeline": 1, "title": "T", "production": null}',
    '{"mitimeline": 1, "title": "T", "events": [{"id": "a", "title": "\\ud800", "when": "2020"}]}',
    '{"mitimeline": 1, "title": "T", "events": [{"id": "a", "title": "A", "when": "2020",'
    ' "place": {"name": "P", "latitude": NaN}}]}',
    '\ufeff{"mitimeline": 1, "title": "T"}', '{"mitimeline": 1, "title": "T"} x',
    '{"mitimeline": 1, "title": "T", "events": [{"id": "a", "title": "A", "when": "2020",'
    ' "claims": [{"sources": ["s"]}]}]}',
])
def test_the_msgspec_reader_on_json_edge_cases(text: str) -> None:
    _agree(text.encode("utf-8"))


def test_the_msgspec_reader_reads_the_bundled_dataset_and_not_broken_utf8() -> None:
    raw = (Path(__file__).parent.parent / "seeds" / "mi7.json").read_bytes()
    assert _agree(raw) is not None  # claims and all: it does read real documents
    assert _agree(raw.replace(b"Norway", b"Norw\xffy")) is None


def test_without_msgspec_the_standard_reader_reads_everything() -> None:
    """The ``fast`` extra missing: the parser falls back to the standard library, silently
    and with the same result (msgspec blocked in a fresh interpreter)."""
    code = (
        "import sys; sys.modules['msgspec'] = None\n"
        "import mitimeline\n"
        "from mitimeline.default_plugins.json_format import _fast_reader\n"
        "assert _fast_reader() is None\n"
        "tl = mitimeline.load('seeds/mi7.json')\n"
        "print(len(tl.events), tl == mitimeline.load('seeds/mi7.json', fast=False))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["20", "True"]


def test_the_fast_option_must_be_true_or_false() -> None:
    with pytest.raises(OptionsError, match=r"format 'json': bad option value: .*fast"):
        mitimeline.load(Path(__file__).parent.parent / "seeds" / "mi7.json", fast="yes")
