"""Timeline: container protocol, immutable edits, queries, conflicts and validation."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mitimeline import Credit, Event, InvalidEventError, Place, Source, Timeline, When

STRANDA = Place("Stranda", country="NO", latitude=62.31, longitude=6.95)
RAUMA = Place("Rauma", country="NO", latitude=62.55, longitude=7.69)
ROME = Place("Rome", country="IT", latitude=41.9, longitude=12.5)
CRUISE = Credit("Tom Cruise", "actor")


@pytest.fixture
def tl() -> Timeline:
    return Timeline(
        title="MI7",
        sources=[Source("indy", "Report"), Source("unused", "Other")],
        events=[
            Event(id="rome", title="Rome shoot", when="2020-10-12/2020-11", kind="shoot",
                  place=ROME, people=[CRUISE], sources=["indy"]),
            Event(id="ramp", title="Ramp jump", when="2020-09", kind="stunt", place=STRANDA,
                  people=[CRUISE], sources=["indy"], tags=["motorcycle"]),
            Event(id="train", title="Train roof", when="early October 2020", kind="stunt",
                  place=RAUMA, people=[CRUISE], sources=["indy"], unit="main unit"),
            Event(id="release-us", title="US release", when="2021-11-19", kind="release",
                  region="US", status="planned", sources=["indy"]),
        ],
    )


def test_container_protocol(tl: Timeline) -> None:
    assert len(tl) == 4
    assert [e.id for e in tl] == ["rome", "ramp", "train", "release-us"]
    assert tl["ramp"].title == "Ramp jump"
    assert "ramp" in tl and "nope" not in tl
    with pytest.raises(KeyError, match="no event with id 'nope'"):
        tl["nope"]
    assert tl.source("indy").title == "Report"
    with pytest.raises(KeyError, match="no source with id 'x'"):
        tl.source("x")
    assert repr(tl) == "<Timeline 'MI7': 4 events, 2 sources>"


def test_timelines_are_values(tl: Timeline) -> None:
    copy = Timeline(title=tl.title, events=list(tl.events), sources=list(tl.sources))
    tl.between("2020", "2021")  # fills the query cache; equality must ignore it
    assert copy == tl and hash(copy) == hash(tl)
    with pytest.raises(InvalidEventError, match=r"Timeline.events\[0\]"):
        Timeline(events=["not an event"])  # type: ignore[list-item]
    with pytest.raises(InvalidEventError, match=r"Timeline.sources\[0\]"):
        Timeline(sources=[1])  # type: ignore[list-item]
    with pytest.raises(InvalidEventError, match=r"Timeline\.title: expected text"):
        Timeline(title=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidEventError, match=r"Timeline\.description"):
        Timeline(description=5)  # type: ignore[arg-type]
    with pytest.raises(InvalidEventError, match=r"Timeline\.production"):
        Timeline(production="MI7")  # type: ignore[arg-type]


def test_edits_return_new_timelines(tl: Timeline) -> None:
    extra = Event(id="wrap", title="Wrap", when="2021-09", kind="wrap")
    bigger = tl.add(extra)
    assert len(bigger) == 5 and len(tl) == 4
    assert [e.id for e in bigger.remove("wrap", "ramp")] == ["rome", "train", "release-us"]
    with pytest.raises(KeyError, match="no event with id 'wrap' in "):
        tl.remove("wrap")
    renamed = tl.replace(Event(id="ramp", title="Jump", when="2020-09-06"))
    assert renamed["ramp"].title == "Jump" and tl["ramp"].title == "Ramp jump"
    with pytest.raises(KeyError, match="no event with id 'wrap' in "):
        tl.replace(extra)
    assert len(tl.add_sources(Source("b", "B")).sources) == 3


def test_add_refuses_an_id_already_present(tl: Timeline) -> None:
    again = Event(id="ramp", title="Another ramp jump", when="2020-10")
    with pytest.raises(InvalidEventError, match=r"id 'ramp' is already in .*use replace\(\)"):
        tl.add(again)
    with pytest.raises(InvalidEventError, match="id 'wrap' is already in") as caught:
        tl.add(Event(id="wrap", title="Wrap", when="2021-09"),
               Event(id="wrap", title="Wrap again", when="2021-10"))
    assert caught.value.field == "id"
    assert tl.replace(again)["ramp"].title == "Another ramp jump"


def test_sorted(tl: Timeline) -> None:
    assert [e.id for e in tl.sorted()] == ["ramp", "train", "rome", "release-us"]


def ids(timeline: Timeline) -> list[str]:
    return [e.id for e in timeline]


def test_between_at_overlapping(tl: Timeline) -> None:
    assert ids(tl.between("2020-09-01", "2020-09-30")) == ["ramp"]
    assert ids(tl.between("September 2020", "October 2020")) == ["rome", "ramp", "train"]
    assert ids(tl.between(date(2021, 1, 1), "2021")) == ["release-us"]
    assert ids(tl.at("2020-10-05")) == ["train"]
    assert ids(tl.at(date(2020, 10, 12))) == ["rome"]
    assert ids(tl.at("2019")) == []
    assert ids(tl.overlapping(tl["train"])) == []
    assert ids(tl.overlapping("2020-10")) == ["rome", "train"]
    assert ids(tl.overlapping(When("2020-09/.."))) == ["rome", "ramp", "train", "release-us"]


def test_filter(tl: Timeline) -> None:
    assert ids(tl.filter(kind="stunt")) == ["ramp", "train"]
    assert ids(tl.filter(kind=["stunt", "release"])) == ["ramp", "train", "release-us"]
    assert ids(tl.filter(country="it")) == ["rome"]
    assert ids(tl.filter(place="stranda")) == ["ramp"]
    assert ids(tl.filter(person="tom cruise", kind="stunt")) == ["ramp", "train"]
    assert ids(tl.filter(status="planned")) == ["release-us"]
    assert ids(tl.filter(tag="motorcycle")) == ["ramp"]
    assert ids(tl.filter(unit="Main Unit")) == ["train"]
    assert ids(tl.filter(region="US")) == ["release-us"]
    assert ids(tl.filter(lambda e: e.when.precision == "day")) == ["rome", "train", "release-us"]
    assert ids(tl.filter()) == ids(tl)


def test_conflicts(tl: Timeline) -> None:
    assert tl.conflicts() == []
    clash = Event(id="oslo", title="Press in Oslo", when="2020-09-06",
                  place=Place("Oslo", country="NO"), people=[Credit("TOM CRUISE")])
    conflicts = tl.add(clash).conflicts()
    assert [(c.first.id, c.second.id, c.certain) for c in conflicts] == [("ramp", "oslo", False)]
    assert conflicts[0].person in ("Tom Cruise", "TOM CRUISE")
    assert "may overlap" in str(conflicts[0])
    exact = Event(id="oslo2", title="Oslo", when="2020-09-06",
                  place=Place("Oslo", country="NO"), people=[CRUISE])
    same_day = Event(id="stranda2", title="Stranda", when="2020-09-06", place=STRANDA,
                     people=[CRUISE])
    found = Timeline(events=[exact, same_day]).conflicts()
    assert len(found) == 1 and found[0].certain
    assert Timeline(events=[same_day, same_day]).conflicts() == []


def test_sets_in_queries_and_conflicts() -> None:
    shoot = Event(id="shoot", title="Train shoot", when="{2020-10-03,2020-10-05,2020-10-09}",
                  place=RAUMA, people=[CRUISE])
    wrap = Event(id="wrap", title="Wrap party", when="[..2020-12-24]", place=ROME,
                 people=[CRUISE])
    press = Event(id="press", title="Press in Oslo", when="2020-10-06",
                  place=Place("Oslo", country="NO"), people=[CRUISE])
    tl = Timeline(events=[shoot, wrap, press])
    assert ids(tl.at("2020-10-05")) == ["shoot", "wrap"]
    assert ids(tl.at("2020-10-06")) == ["wrap", "press"]  # not a shoot day
    assert ids(tl.at("2020-12-25")) == []
    assert ids(tl.between("2020-10-06", "2020-10-08")) == ["wrap", "press"]
    assert ids(tl.between("2020-10-06", "2020-10-09")) == ["shoot", "wrap", "press"]
    assert ids(tl.sorted()) == ["wrap", "shoot", "press"]
    # the press day falls between two shoot days: no conflict with the shoot; the wrap
    # (one of the days up to Christmas) may collide with both, never certainly
    found = [(c.first.id, c.second.id, c.certain) for c in tl.conflicts()]
    assert found == [("wrap", "shoot", False), ("wrap", "press", False)]
    clash = Event(id="clash", title="Oslo again", when="2020-10-09",
                  place=Place("Oslo", country="NO"), people=[CRUISE])
    found = [(c.first.id, c.second.id, c.certain)
             for c in Timeline(events=[shoot, clash]).conflicts()]
    assert found == [("shoot", "clash", True)]


def test_validate(tl: Timeline) -> None:
    assert [f.code for f in tl.validate()] == ["unused-source"]
    broken = Timeline(tl.title, [
        *tl.events,
        Event(id="ramp", title="Duplicate", when="2020", sources=["nowhere"]),
        Event(id="backwards", title="Backwards", when="2020-10/2020-09", sources=["indy"]),
        Event(id="bare", title="No sources", when="2020"),
    ], [*tl.sources, Source("indy", "Again")])
    findings = broken.validate()
    codes = [f.code for f in findings]
    assert codes[:4] == sorted(codes[:4], key=codes[:4].index)
    assert set(codes) == {"duplicate-event-id", "duplicate-source-id", "unknown-source",
                          "end-before-start", "unsourced-event", "unused-source"}
    assert [f.severity for f in findings][:4] == ["error"] * 4
    backwards = next(f for f in findings if f.code == "end-before-start")
    assert backwards.event == "backwards" and backwards.field == "when"
    assert str(backwards).startswith("error: backwards: ends (2020-09) before it starts")



def test_validate_finds_an_interval_that_ends_an_hour_before_it_starts() -> None:
    timeline = Timeline("T", [Event("night", "Night shoot",
                                    "2020-10-05T23:00:00Z/2020-10-05T22:00:00Z", sources=["s"])],
                        [Source("s", "Report")])
    (finding,) = timeline.validate()
    assert (finding.code, finding.event, finding.field) == ("end-before-start", "night", "when")
    assert "ends (2020-10-05T22:00:00Z) before it starts (2020-10-05T23:00:00Z)" in str(finding)


# -- the index agrees with a naive scan ------------------------------------------------

ordinal_days = st.integers(date(2019, 1, 1).toordinal(), date(2022, 12, 31).toordinal())


@st.composite
def whens(draw: st.DrawFn) -> When:
    start = date.fromordinal(draw(ordinal_days))
    form = draw(st.sampled_from(["day", "month", "year", "span", "open", "one-of", "multiple"]))
    if form in ("one-of", "multiple"):  # level-2 sets: the index sees their hull only
        days = [date.fromordinal(start.toordinal() + draw(st.integers(0, 60)))
                for _ in range(draw(st.integers(1, 4)))]
        members = [When.coerce(day) for day in days]
        if draw(st.booleans()):
            members.append(When.interval(days[0], date.fromordinal(days[0].toordinal() + 3)))
        return When.one_of(members) if form == "one-of" else When.multiple(members)
    if form == "day":
        return When.coerce(start)
    if form == "month":
        return When(f"{start:%Y-%m}")
    if form == "year":
        return When(f"{start:%Y}")
    if form == "open":
        return When(f"{start:%Y-%m}/..")
    end = date.fromordinal(start.toordinal() + draw(st.integers(0, 90)))
    return When.interval(start, end)


@settings(max_examples=60)
@given(st.lists(whens(), max_size=40), whens())
def test_queries_match_a_naive_scan(dates: list[When], query: When) -> None:
    timeline = Timeline(events=[Event(id=f"e{i}", title="E", when=w) for i, w in enumerate(dates)])
    expected = [f"e{i}" for i, w in enumerate(dates) if w.overlaps(query)]
    assert ids(timeline.overlapping(query)) == expected
    assert ids(timeline.at(query)) == expected
    hull = When.interval(query.lower, query.upper)
    assert ids(timeline.between(query, query)) == [
        f"e{i}" for i, w in enumerate(dates) if w.overlaps(hull)]
