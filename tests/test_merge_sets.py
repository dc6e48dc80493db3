"""Merging and EDTF level-2 sets: one of a set narrowed by a claim inside it, multiple dates
intersected member by member, and a claim outside a set's members as a contradiction."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mitimeline
from mitimeline import Event, Place, Source, Timeline, When
from mitimeline.claims import narrow

LEVISHAM = Place("Levisham", country="GB")


@pytest.mark.parametrize(
    ("whens", "narrowed"),
    [
        # one of a set: the members a claim falls in, narrowed
        (["[2020-10..2021-11]", "2021-04"], "2021-04"),
        (["2021-04", "[2020-10..2021-11]"], "2021-04"),
        (["[2020-10..2021-11]", "2021-04~"], "2021-04~"),
        (["[2021..]", "2021-33"], "2021-33"),
        (["[2020-06,2020-08]", "2020"], "[2020-06,2020-08]"),
        (["[2020-06,2020-08]", "2020-08-05"], "2020-08-05"),
        (["[..2020-12-24]", "2020-12"], "[2020-12-01..2020-12-24]"),
        (["[..2020-12-24]", "[2020-12-01..]"], "[2020-12-01..2020-12-24]"),
        (["[2020-06,2020-08]", "2020-06-10/2020-08-05"],
         "[2020-06-10..2020-06-30,2020-08-01..2020-08-05]"),
        # the interval a claim says the event lasted, inside the window
        (["[2020-10..2021-11]", "2021-03/2021-05"], "2021-03/2021-05"),
        # multiple dates: member by member
        (["{2020-10-03,2020-10-05,2020-10-09}", "{2020-10-01..2020-10-05,2020-10-09}"],
         "{2020-10-03,2020-10-05,2020-10-09}"),
        (["{2020-10-03,2020-10-05,2020-10-09}", "2020-10"],
         "{2020-10-03,2020-10-05,2020-10-09}"),
        (["2020-10", "{2020-10-03,2020-10-05,2020-10-09}"],
         "{2020-10-03,2020-10-05,2020-10-09}"),
        (["{2020-10,2020-12}", "[2020-10-05,2020-12-05]"], "{2020-10-05,2020-12-05}"),
        # a claim outside a set's members: a contradiction
        (["[2020-06,2020-08]", "2020-07"], None),
        (["[..2020-12-24]", "2021"], None),
        (["{2020-10-03,2020-10-05,2020-10-09}", "2020-10-05"], None),
        (["{2020-10-03,2020-10-05}", "{2020-10-03,2020-10-05,2020-10-09}"], None),
        (["{2020-10-03,2020-10-05}", "[2020-10-01..2020-10-04]"], None),
    ],
)
def test_narrow_sets(whens: list[str], narrowed: str | None) -> None:
    result = narrow([When(w) for w in whens])
    assert result == (None if narrowed is None else When(narrowed))


@given(st.lists(st.dates().filter(lambda d: 1900 <= d.year <= 2100), min_size=1, max_size=5),
       st.data())
def test_a_claim_inside_one_of_a_set_stays_inside_it(days: list, data: st.DataObject) -> None:
    one_of = When.one_of(days)
    chosen = data.draw(st.sampled_from(days))
    narrowed = narrow([one_of, When.coerce(chosen)])
    assert narrowed == When.coerce(chosen)
    assert one_of.contains(narrowed)


def report(source: str, published: str, when: str, event_id: str = "levisham") -> Timeline:
    return Timeline(f"report {source}", [Event(
        event_id, "Train crash on the moor", when, kind="stunt", place=LEVISHAM,
        sources=[source])], [Source(source, source, published=published)])


def codes(timeline: Timeline) -> list[str]:
    return [finding.code for finding in timeline.validate()]


def test_some_time_in_a_window_and_april_give_april() -> None:
    window = report("undated", "2021-12-01", "[2020-10..2021-11]")
    april = report("dated", "2021-05-01", "April 2021", "crash")
    merged = mitimeline.merge(window, april)
    (event,) = merged.events
    assert event.when == When("2021-04")
    assert [c.when for c in event.claims] == [When("[2020-10..2021-11]"), When("2021-04")]
    assert "contradiction" not in codes(merged) and "outside-claim" not in codes(merged)


def test_a_claim_between_the_members_of_one_of_a_set_is_a_contradiction() -> None:
    june_or_august = report("one", "2020-09-01", "[2020-06,2020-08]")
    july = report("two", "2020-09-02", "2020-07", "crash")
    merged = mitimeline.merge(june_or_august, july)
    (event,) = merged.events
    assert event.when == When("2020-07")  # the value rule: the later-published source
    (finding,) = [f for f in merged.validate() if f.code == "contradiction"]
    assert "[2020-06,2020-08]" in finding.message and "2020-07" in finding.message


def test_shoot_days_intersect_member_by_member() -> None:
    days = report("one", "2020-10-20", "{2020-10-03,2020-10-05,2020-10-09}")
    runs = report("two", "2020-10-21", "{2020-10-01..2020-10-05,2020-10-09}", "crash")
    merged = mitimeline.merge(days, runs)
    (event,) = merged.events
    assert event.when == When("{2020-10-03,2020-10-05,2020-10-09}")
    assert codes(merged) == []
