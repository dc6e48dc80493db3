"""mitimeline.merge joins by profiles (merging/joining.py): the same result as scoring every
candidate pair and joining them best first, the way merge() did before."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import Credit, Event, Place, Source, Timeline
from mitimeline.merging.joining import Joined, join_pairs, join_profiles
from mitimeline.merging.matching import Entry, candidates, score
from mitimeline.testing.strategies import whens

SAME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

IDS = ["a", "b", "c", "release-2020", "shoot-2020-03"]
TITLES = ["Filming in Rome", "filming in  Rome!", "Filming in Rom", "Ramp jump", "Ramp jumps",
          "Happening 12", "Happening 13", "Release", "Filming", "Leipziger Dreh"]
PLACES = [None, Place("Rome", country="IT"), Place("Roma", country="IT"),
          Place("Italy", country="IT"), Place("Stranda", country="NO"),
          Place("Stranda", locality="Stranda", region="Møre og Romsdal", country="NO")]
DATES = ["2020", "2020-03", "2020-03-01", "2020-03-02", "2020-03-04", "2020-03/..",
         "../2020-01", "2020-03-01T10:00:00Z", "2020-03-01T23:30:00Z", "2021-06-01/2021-06-30"]
PEOPLE = [Credit("Tom Cruise"), Credit("tom cruise", "actor"), Credit("Hayley Atwell")]


def few(pool: list[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)


@st.composite
def crowded(draw: st.DrawFn) -> list[Timeline]:
    """Two to seven reports drawing ids, kinds, titles, places, dates and people from a few
    of the pools' (a report may state one happening twice), so that most events are
    candidates of many others, with equal, nearly equal and unequal scores."""
    ids, titles, places, dates = draw(few(IDS)), draw(few(TITLES)), draw(few(PLACES)), draw(
        few([*DATES, *draw(st.lists(whens(), max_size=2))]))
    result = []
    for number in range(draw(st.integers(2, 7))):
        source = f"report-{number}"
        events = []
        for _ in range(draw(st.integers(0, 7))):
            kind = draw(st.sampled_from(["shoot", "stunt", "release"]))
            events.append(Event(
                draw(st.sampled_from(ids)), draw(st.sampled_from(titles)),
                draw(st.sampled_from(dates)), kind=kind, place=draw(st.sampled_from(places)),
                region=draw(st.sampled_from(["US", "DE"])) if kind == "release" else None,
                people=draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True)),
                sources=[source]))
        result.append(Timeline(f"report {number}", events,
                               [Source(source, source, published=f"202{number % 3}")]))
    return result


THRESHOLDS = st.one_of(st.sampled_from([0.0, 0.3, 0.45, 0.5, 0.75, 0.8, 0.85, 1.0]),
                       st.floats(0, 1))


def entries_of(inputs: list[Timeline]) -> list[Entry]:
    events = [(number, event) for number, tl in enumerate(inputs) for event in tl]
    return [Entry(number, position, event) for position, (number, event) in enumerate(events)]


def every_pair_joined(entries: list[Entry], threshold: float) -> Joined:
    """The reference: every candidate pair scored, then joined best first."""
    scored = {(a, b): score(entries[a].event, entries[b].event) for a, b in candidates(entries)}
    return join_pairs(entries, scored, threshold)


ROME = Place("Rome", country="IT")
UNEVEN = [  # similarity is not symmetric: the earlier event's title goes first
    Timeline("0", [Event("x", "Leipziger Dreh", "2020-03-01", kind="shoot", place=ROME)]),
    Timeline("1", [Event("y", "Filming in Rome", "2020-03-01", kind="shoot", place=ROME),
                   Event("z", "Filming", "2020-03-01", kind="shoot", place=ROME)])]


def test_the_earlier_events_title_goes_first() -> None:
    """x-y scores 0.593 (y-x would be 0.659), x-z 0.629: x joins z, then y (z's input) can't."""
    merged, explained = mitimeline.merge(*UNEVEN, threshold=0.5, report=True)
    assert [event.id for event in merged] == ["x", "y"]
    assert explained.joins[0].members[1].event == "z"


@SAME
@given(crowded(), THRESHOLDS)
@example(UNEVEN, 0.5)
def test_joining_by_profiles_is_joining_every_scored_pair(inputs: list[Timeline],
                                                          threshold: float) -> None:
    entries = entries_of(inputs)
    assert join_profiles(entries, threshold) == every_pair_joined(entries, threshold)


@SAME
@given(crowded(), THRESHOLDS)
def test_merge_and_its_report_are_those_of_every_pair_scored(inputs: list[Timeline],
                                                             threshold: float) -> None:
    fast = mitimeline.merge(*inputs, threshold=threshold, report=True)
    with mock.patch("mitimeline.merging.join_profiles", every_pair_joined), \
            mock.patch("mitimeline.merging.candidates", lambda entries, among: candidates(entries)):
        reference = mitimeline.merge(*inputs, threshold=threshold, report=True)
    assert fast == reference


@SAME
@given(crowded(), st.data())
def test_candidates_among_some_positions_come_in_the_same_order(inputs: list[Timeline],
                                                                data: st.DataObject) -> None:
    entries = entries_of(inputs)
    among = data.draw(st.sets(st.sampled_from(range(len(entries))))) if entries else set()
    every = list(candidates(entries))
    some = list(candidates(entries, among))
    assert set(some) == {pair for pair in every if among & set(pair)}
    for position in among:
        assert [p for p in some if position in p] == [p for p in every if position in p]
