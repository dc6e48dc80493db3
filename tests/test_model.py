"""Model value classes: construction, conversion and every validation error."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from mitimeline import Claim, Credit, Event, InvalidEventError, Place, Production, Source, When


def event(**changes: Any) -> Event:
    fields: dict[str, Any] = {"id": "ramp-jump", "title": "Ramp jump", "when": "2020-09"}
    fields.update(changes)
    return Event(**fields)


def test_event_defaults_and_conversions() -> None:
    e = event(people=["Tom Cruise", ("Christopher McQuarrie", "director")],
              sources="independent", tags=["stunt"], extra={"n": (1, 2)})
    assert e.when == When("2020-09")
    assert e.kind == "other" and e.status == "confirmed"
    assert e.people == (Credit("Tom Cruise"), Credit("Christopher McQuarrie", "director"))
    assert e.sources == ("independent",)
    assert e.tags == ("stunt",)
    assert e.extra == {"n": [1, 2]}
    assert hash(e) == hash(event(people=["Tom Cruise", ("Christopher McQuarrie", "director")],
                                 sources="independent", tags=["stunt"], extra={"n": [1, 2]}))


def test_event_when_accepts_english() -> None:
    assert event(when="early October 2020").when == When("2020-10-01~/2020-10-10~")


def test_event_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError, match="can't set attribute"):
        event().title = "x"  # type: ignore[misc]
    assert attrs.evolve(event(), title="Jump").title == "Jump"


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"id": "Ramp Jump"}, "Event.id", "slug"),
        ({"id": ""}, "Event.id", "slug"),
        ({"title": "  "}, "Event.title", "non-empty text"),
        ({"title": None}, "Event.title", "non-empty text"),
        ({"when": "someday"}, "when", "could not read 'someday'"),
        ({"kind": "party"}, "Event.kind", "one of shoot, stunt"),
        ({"status": "maybe"}, "Event.status", "one of planned"),
        ({"region": "usa"}, "Event.region", "ISO 3166"),
        ({"place": "Norway"}, "Event.place", "a Place or None"),
        ({"people": [3]}, "Event.people[0]", "a Credit"),
        ({"people": [("Tom Cruise", 3)]}, "Credit.role", "text or None"),
        ({"sources": ["ok", ""]}, "Event.sources[1]", "non-empty text"),
        ({"tags": [None]}, "Event.tags[0]", "non-empty text"),
        ({"unit": 2}, "Event.unit", "text or None"),
        ({"extra": {"x": float("nan")}}, "Event.extra.x", "finite"),
        ({"extra": {"x": {1, 2}}}, "Event.extra.x", "JSON data"),
        ({"extra": {"x": {"y": object()}}}, "Event.extra.x.y", "JSON data"),
        ({"extra": {1: "a"}}, "Event.extra.1", "text keys"),
        ({"extra": ["a"]}, "Event.extra", "a mapping"),
    ],
)
def test_event_validation_names_the_field(changes: dict[str, Any], field: str,
                                          fragment: str) -> None:
    with pytest.raises(InvalidEventError) as caught:
        event(**changes)
    assert caught.value.field == field
    assert fragment in str(caught.value)


def test_place() -> None:
    stranda = Place("Stranda", region="Møre og Romsdal", country="NO", latitude=62,
                    longitude=6.95, timezone="Europe/Oslo")
    assert stranda.latitude == 62.0 and isinstance(stranda.latitude, float)
    assert str(stranda) == "Stranda, Møre og Romsdal, NO"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": ""}, "Place.name"),
        ({"name": "X", "country": "Norway"}, "Place.country"),
        ({"name": "X", "country": "no"}, "Place.country"),
        ({"name": "X", "latitude": 91, "longitude": 0}, "Place.latitude"),
        ({"name": "X", "latitude": 0, "longitude": -181}, "Place.longitude"),
        ({"name": "X", "latitude": True, "longitude": 0}, "Place.latitude"),
        ({"name": "X", "latitude": float("inf"), "longitude": 0}, "Place.latitude"),
        ({"name": "X", "latitude": 10}, "Place.latitude/longitude"),
        ({"name": "X", "timezone": "Mars/Olympus"}, "Place.timezone"),
        ({"name": "X", "timezone": 5}, "Place.timezone"),
        ({"name": "X", "timezone": "Europe"}, "Place.timezone"),  # a tzdata folder
        ({"name": "X", "timezone": "x" * 300}, "Place.timezone"),  # too long for a file
        ({"name": "X", "timezone": "a\x00b"}, "Place.timezone"),
    ],
)
def test_place_validation(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidEventError) as caught:
        Place(**kwargs)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: expected ")  # the field, then what it takes


def test_source_and_production() -> None:
    source = Source("independent-2020-10-05", "Cruise's ramp jump", publisher="The Independent",
                    published="Oct 5, 2020", language="en-GB")
    assert source.published == When("2020-10-05")
    with pytest.raises(InvalidEventError, match=r"Source\.language"):
        Source("s", "t", language="English")
    with pytest.raises(InvalidEventError, match="could not read"):
        Source("s", "t", published="the other day")
    production = Production("Mission: Impossible – Dead Reckoning Part One",
                            working_title="Mission: Impossible 7", studios="Paramount Pictures",
                            wikidata="Q61977224")
    assert production.studios == ("Paramount Pictures",)
    with pytest.raises(InvalidEventError, match=r"Production\.wikidata"):
        Production("x", wikidata="61977224")


# -- claims ------------------------------------------------------------------------------


def test_a_claim_says_what_its_sources_state_and_nothing_else() -> None:
    claim = Claim("independent", when="September 2020", place=Place("Stranda"),
                  people=["Tom Cruise"], note="'last month'")
    assert claim.sources == ("independent",)
    assert claim.when == When("2020-09")
    assert claim.people == (Credit("Tom Cruise"),)
    assert (claim.status, claim.title) == (None, None)
    assert hash(claim) == hash(Claim(["independent"], when="2020-09", place=Place("Stranda"),
                                     people=[Credit("Tom Cruise")], note="'last month'"))


@pytest.mark.parametrize(("arguments", "field", "expected"), [
    ({"sources": []}, "Claim.sources", "at least one source id"),
    ({"sources": ["Not A Slug"]}, "Claim.sources[0]", "a source id"),
    ({"sources": ["a"], "status": "maybe"}, "Claim.status", "one of planned"),
    ({"sources": ["a"], "place": "Rome"}, "Claim.place", "a Place or None"),
    ({"sources": ["a"], "people": [3]}, "Claim.people[0]", "a Credit, a name"),
    ({"sources": ["a"], "title": 5}, "Claim.title", "text or None"),
    ({"sources": ["a"], "when": "someday"}, "when", "someday"),
])
def test_a_bad_claim_names_the_field(arguments: dict[str, object], field: str,
                                     expected: str) -> None:
    with pytest.raises(InvalidEventError) as info:
        Claim(**arguments)  # type: ignore[arg-type]
    assert info.value.field == field
    assert expected in str(info.value)


def test_an_event_with_claims_cites_their_sources() -> None:
    event = Event(id="ramp", title="Ramp jump", when="2020-09-06/2020-09-30", claims=[
        Claim("independent", when="2020-09"), Claim(["aceshowbiz", "independent"])])
    assert event.sources == ("independent", "aceshowbiz")
    same = Event(id="ramp", title="Ramp jump", when="2020-09-06/2020-09-30",
                 sources=["aceshowbiz", "independent"], claims=event.claims)
    assert same.claims == event.claims and set(same.sources) == set(event.sources)


def test_an_event_whose_sources_differ_from_its_claims_is_refused() -> None:
    with pytest.raises(InvalidEventError) as info:
        Event(id="ramp", title="Ramp jump", when="2020-09", sources=["other"],
              claims=[Claim("independent")])
    assert info.value.field == "Event.sources"
    assert "the union of the claims' sources ['independent']" in str(info.value)


def test_claims_must_be_claims() -> None:
    with pytest.raises(InvalidEventError) as info:
        Event(id="ramp", title="Ramp jump", when="2020-09", claims=["independent"])  # type: ignore[list-item]
    assert info.value.field == "Event.claims[0]"
    assert str(info.value) == "Event.claims[0]: expected a Claim, got 'independent'"
