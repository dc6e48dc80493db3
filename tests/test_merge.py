"""mitimeline.merge: joining the same happening, claims, narrowing, rescheduling,
contradictions, place variants, the report, errors and the laws."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import (
    Claim,
    Event,
    MergeError,
    MergeReport,
    MitimelineError,
    OptionsError,
    Place,
    Source,
    Timeline,
    When,
)
from mitimeline.claims import narrow, place_relation
from mitimeline.merging.matching import Entry, candidates
from mitimeline.testing import timelines

LAWS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def report(source: str, published: str, *events: Event) -> Timeline:
    return Timeline(f"report {source}", events, [Source(source, source, published=published)])


def codes(timeline: Timeline) -> list[str]:
    return [finding.code for finding in timeline.validate()]


def test_september_and_an_interval_narrow_to_one_event() -> None:
    independent = report("independent-2020-10-05", "2020-10-05", Event(
        "ramp-jump", "Motorcycle ramp jump", "September 2020", kind="stunt",
        place=Place("Stranda", country="NO"), sources=["independent-2020-10-05"]))
    other = report("aceshowbiz-2020-10", "2020-10-06", Event(
        "norway-jump", "Motorbike ramp jump", "2020-09-06/2020-10-05", kind="stunt",
        place=Place("Stranda", country="NO"), sources=["aceshowbiz-2020-10"]))
    merged = mitimeline.merge(independent, other)
    (event,) = merged.events
    assert event.id == "ramp-jump"
    assert event.when == When("2020-09-06/2020-09-30")
    assert When("2020-09").contains(event.when)
    assert When("2020-09-06/2020-10-05").contains(event.when)
    assert len(event.claims) == 2
    assert "contradiction" not in codes(merged)
    assert codes(merged) == []


def test_releases_in_two_regions_stay_two_events() -> None:
    us = report("a", "2021-05", Event("release-us", "Release", "2021-11-19", kind="release",
                                      region="US", sources=["a"]))
    de = report("b", "2021-05", Event("release-de", "Release", "2021-11-18", kind="release",
                                      region="DE", sources=["b"]))
    merged = mitimeline.merge(us, de)
    assert [e.id for e in merged] == ["release-us", "release-de"]
    assert "contradiction" not in codes(merged)


def test_a_planned_release_moved_by_a_later_source_is_rescheduled() -> None:
    early = report("deadline-2020", "2020-05-18", Event(
        "release-us", "US release", "2021-11-19", kind="release", region="US",
        status="planned", sources=["deadline-2020"]))
    later = report("variety-2021", "2021-04-10", Event(
        "us-release", "US release", "2022-05-27", kind="release", region="US",
        status="planned", sources=["variety-2021"]))
    merged = mitimeline.merge(early, later)
    (event,) = merged.events
    assert event.when == When("2022-05-27")
    assert [c.when for c in event.claims] == [When("2021-11-19"), When("2022-05-27")]
    (finding,) = merged.validate()
    assert (finding.code, finding.severity, finding.field) == ("rescheduled", "info", "when")
    for text in ("2021-11-19", "2022-05-27", "deadline-2020", "variety-2021"):
        assert text in finding.message


def test_the_same_stunt_in_two_months_is_a_contradiction() -> None:
    one = report("one", "2020-10-05", Event("train-stunt", "Train roof stunt", "2020-09",
                                            kind="stunt", place=Place("Levanger", country="NO"),
                                            sources=["one"]))
    two = report("two", "2020-10-08", Event("roof-stunt", "Train roof stunt", "2020-08",
                                            kind="stunt", place=Place("Levanger", country="NO"),
                                            sources=["two"]))
    merged = mitimeline.merge(one, two)
    (event,) = merged.events
    assert len(event.claims) == 2
    (finding,) = [f for f in merged.validate() if f.code == "contradiction"]
    assert (finding.severity, finding.field, finding.event) == ("warning", "when", "train-stunt")
    for text in ("one", "two", "2020-09", "2020-08"):
        assert text in finding.message
    # the value rule: equal support, so the more recently published source wins
    assert event.when == When("2020-08")
    assert "outside-claim" not in codes(merged)


def test_far_apart_dates_at_the_same_place_with_the_same_title_still_join() -> None:
    one = report("one", "2020-10", Event("a", "Helicopter chase", "2019-05", kind="stunt",
                                         place=Place("Queenstown", country="NZ"), sources=["one"]))
    two = report("two", "2020-11", Event("b", "Helicopter chase", "2020-09", kind="stunt",
                                         place=Place("Queenstown"), sources=["two"]))
    (event,) = mitimeline.merge(one, two).events
    assert len(event.claims) == 2


def test_strand_and_stranda_are_one_place_with_a_variant_finding() -> None:
    one = report("one", "2020-10-05", Event("jump", "Ramp jump", "2020-09", kind="stunt",
                                            place=Place("Strand"), sources=["one"]))
    two = report("two", "2020-10-06", Event("jump", "Ramp jump", "2020-09", kind="stunt",
                                            place=Place("Stranda", country="NO"),
                                            sources=["two"]))
    merged = mitimeline.merge(one, two)
    (event,) = merged.events
    assert event.place == Place("Stranda", country="NO")
    assert [c.place for c in event.claims] == [Place("Strand"), Place("Stranda", country="NO")]
    (finding,) = merged.validate()
    assert (finding.code, finding.severity) == ("place-variant", "info")
    assert "Strand" in finding.message and "Stranda" in finding.message


def test_place_relations() -> None:
    stranda = Place("Stranda", country="NO")
    assert place_relation(Place("Norway", country="NO"), stranda) == "contains"
    assert place_relation(stranda, Place("Norway")) == "within"
    assert place_relation(Place("Strand"), stranda) == "variant"
    assert place_relation(Place("Rome", country="IT"), stranda) == "different"
    assert place_relation(Place("Levanger", country="NO"), stranda) == "different"


def test_narrowing_keeps_qualifiers_honest() -> None:
    assert narrow([When("2020-09"), When("2020-09-06/2020-10-05")]) == When(
        "2020-09-06/2020-09-30")
    assert narrow([When("2020-09-06~/2020-12"), When("2020-09")]) == When(
        "2020-09-06~/2020-09-30")
    assert narrow([When("2020"), When("2020-09")]) == When("2020-09")
    assert narrow([When("2020-08"), When("2020-09")]) is None


def test_a_later_cancellation_wins() -> None:
    one = report("one", "2020-01", Event("premiere", "Premiere", "2021-05", kind="release",
                                         region="US", status="planned", sources=["one"]))
    two = report("two", "2020-06", Event("premiere", "Premiere", "2021-05", kind="release",
                                         region="US", status="cancelled", sources=["two"]))
    (event,) = mitimeline.merge(one, two).events
    assert event.status == "cancelled"


def test_events_of_one_input_never_join_and_sources_are_the_union() -> None:
    tl = Timeline("one", [Event("a", "Jump", "2020-09", kind="stunt", sources=["s"]),
                          Event("b", "Jump", "2020-09", kind="stunt", sources=["s"])],
                  [Source("s", "S")])
    other = Timeline("two", [], [Source("t", "T")])
    merged = mitimeline.merge(tl, other)
    assert [e.id for e in merged] == ["a", "b"]
    assert [s.id for s in merged.sources] == ["s", "t"]


def test_an_input_event_with_claims_contributes_its_claims() -> None:
    claimed = Event("jump", "Jump", "2020-09-06/2020-09-30", kind="stunt", claims=[
        Claim("a", when="2020-09"), Claim("b", when="2020-09-06/2020-10-05")])
    third = Event("jump", "Jump", "2020-09-10/2020-12", kind="stunt", sources=["c"])
    sources = [Source(x, x) for x in "abc"]
    merged = mitimeline.merge(Timeline("1", [claimed], sources[:2]),
                              Timeline("2", [third], sources[2:]))
    (event,) = merged.events
    assert [c.sources for c in event.claims] == [("a",), ("b",), ("c",)]
    assert event.when == When("2020-09-10/2020-09-30")


def test_validate_reports_an_event_outside_its_claims() -> None:
    event = Event("jump", "Jump", "2020-11", kind="stunt", claims=[Claim("a", when="2020-09")])
    tl = Timeline("t", [event], [Source("a", "A")])
    assert codes(tl) == ["outside-claim"]


def test_the_report_explains_joins_and_loners() -> None:
    one = report("one", "2020", Event("jump", "Ramp jump", "2020-09", kind="stunt",
                                      sources=["one"]),
                 Event("wrap", "Wrap", "2021-09", kind="wrap", sources=["one"]))
    two = report("two", "2020", Event("jump-2", "Ramp jump", "2020-09", kind="stunt",
                                      sources=["two"]),
                 Event("wrap-2", "Filming wraps", "2020-01", kind="wrap", sources=["two"]))
    merged, explained = mitimeline.merge(one, two, report=True)
    assert isinstance(explained, MergeReport)
    (join,) = explained.joins
    assert join.event == "jump"
    assert [(m.input, m.event) for m in join.members] == [(0, "jump"), (1, "jump-2")]
    assert join.members[1].rule == "dates-place-title" and join.members[1].score >= 0.75
    assert [(a.input, a.event) for a in explained.alone] == [(0, "wrap"), (1, "wrap-2")]
    assert explained.summary() == ("4 events in, 3 events out, 1 joins, 0 contradictions, "
                                   "0 reschedules")
    assert "alone" in str(explained)
    assert len(merged) == 3


def test_a_custom_match_and_threshold() -> None:
    one = report("one", "2020", Event("a", "X", "2020-09", kind="stunt", sources=["one"]))
    two = report("two", "2020", Event("b", "Y", "2020-09", kind="stunt", sources=["two"]))
    assert len(mitimeline.merge(one, two)) == 2
    assert len(mitimeline.merge(one, two, match=lambda a, b: 0.5, threshold=0.5)) == 1
    assert len(one.merge(two, match=lambda a, b: 0.4, threshold=0.5)) == 2


def test_one_source_id_with_two_records_is_a_merge_error() -> None:
    one = Timeline("1", [], [Source("s", "One title")])
    two = Timeline("2", [], [Source("s", "Another title")])
    with pytest.raises(MergeError, match=r"'s'.*One title.*Another title") as caught:
        mitimeline.merge(one, two)
    assert caught.value.source_id == "s"
    assert isinstance(caught.value, MitimelineError)


def boom(a: Event, b: Event) -> float:
    raise RuntimeError("no")


@pytest.mark.parametrize("match, message", [
    (boom, "match=boom failed on 'a' and 'b': RuntimeError: no"),
    (lambda a, b: "high", "returned 'high'"),
    (lambda a, b: 1.5, "returned 1.5"),
    (lambda a, b: float("nan"), "returned nan"),
])
def test_a_broken_match_is_named(match: Any, message: str) -> None:
    one = report("one", "2020", Event("a", "X", "2020-09", kind="stunt", sources=["one"]))
    two = report("two", "2020", Event("b", "Y", "2020-09", kind="stunt", sources=["two"]))
    with pytest.raises(MitimelineError, match=message.replace("(", r"\(")):
        mitimeline.merge(one, two, match=match)


@pytest.mark.parametrize("options, message", [
    ({"treshold": 0.5}, "unknown option 'treshold'"),
    ({"threshold": 1.5}, "threshold must be a number from 0 to 1"),
    ({"threshold": "high"}, "threshold must be a number from 0 to 1"),
    ({"match": 3}, "match must be a callable"),
])
def test_bad_options(options: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        mitimeline.merge(Timeline(), Timeline(), **options)


def test_not_a_timeline() -> None:
    with pytest.raises(OptionsError, match="argument 1 is not a Timeline"):
        mitimeline.merge(Timeline(), "mi7.json")  # type: ignore[arg-type]


# -- laws -----------------------------------------------------------------------------------

@LAWS
@given(timelines(with_claims=True))
def test_merging_a_timeline_with_itself_changes_nothing(tl: Timeline) -> None:
    sources = {s.id: s for s in tl.sources}
    if len(sources) != len(tl.sources):
        return  # one id, two records: a MergeError, tested above
    merged = mitimeline.merge(tl, tl)
    assert merged.events == mitimeline.merge(tl).events
    assert merged.events == tl.events


TITLES = ["Ramp jump", "Venice chase", "Train roof fight", "Abu Dhabi arrival"]
PLACES = [None, Place("Stranda", country="NO"), Place("Rome", country="IT")]


@st.composite
def reports(draw: st.DrawFn) -> list[Timeline]:
    """Three reports of a few happenings (one id each), each stating some of them with its
    own dates inside the happening's month; shared ids and months apart make matching
    unambiguous."""
    happenings = draw(st.lists(st.tuples(st.sampled_from(["stunt", "shoot", "release"]),
                                         st.sampled_from([1, 4, 7, 10]),
                                         st.sampled_from(PLACES)),
                               min_size=1, max_size=4, unique_by=lambda h: h[1]))
    result = []
    for number in range(3):
        source = f"report-{number}"
        events = []
        for index, (kind, month, place) in enumerate(happenings):
            if not draw(st.booleans()):
                continue
            day = draw(st.sampled_from(["", "-05", "-20"]))
            events.append(Event(f"happening-{index}", TITLES[index], f"2020-{month:02}{day}",
                                kind=kind, place=place,
                                region="US" if kind == "release" else None, sources=[source]))
        result.append(Timeline(f"report {number}", events,
                               [Source(source, source, published=f"202{number + 1}")]))
    return result


def claim_sets(tl: Timeline) -> dict[str, frozenset[Claim]]:
    return {event.id: frozenset(event.claims) for event in tl}


def shape(tl: Timeline) -> dict[str, tuple[Any, ...]]:
    return {e.id: (e.when, e.place, e.status, frozenset(e.claims)) for e in tl}


@LAWS
@given(reports(), st.permutations(range(3)))
def test_input_order_decides_only_ids_titles_and_ties(inputs: list[Timeline],
                                                      order: list[int]) -> None:
    forward = mitimeline.merge(*inputs)
    shuffled = mitimeline.merge(*(inputs[i] for i in order))
    assert shape(forward) == shape(shuffled)


@LAWS
@given(reports())
def test_merging_is_associative(inputs: list[Timeline]) -> None:
    a, b, c = inputs
    assert shape(mitimeline.merge(mitimeline.merge(a, b), c)) == shape(mitimeline.merge(a, b, c))


@LAWS
@given(reports())
def test_a_merged_timeline_survives_a_json_round_trip(inputs: list[Timeline]) -> None:
    merged = mitimeline.merge(*inputs)
    assert mitimeline.loads(merged.dumps("json"), "json") == merged


@LAWS
@given(timelines(with_claims=True), timelines(with_claims=True))
def test_any_merge_survives_a_json_round_trip(a: Timeline, b: Timeline) -> None:
    try:
        merged = mitimeline.merge(a, b)
    except MergeError:
        return
    assert mitimeline.loads(merged.dumps("json"), "json") == merged


def test_a_loner_names_its_best_rejected_candidate() -> None:
    one = report("one", "2020", Event("chase", "Car chase", "2020-09", kind="stunt",
                                      place=Place("Rome", country="IT"), sources=["one"]))
    two = report("two", "2020", Event("jump", "Ramp jump", "2020-09", kind="stunt",
                                      place=Place("Stranda", country="NO"), sources=["two"]))
    _, explained = mitimeline.merge(one, two, report=True)
    assert explained.joins == ()
    first = explained.alone[0]
    assert first.best is not None and first.best.event == "jump"
    assert first.best.score < 0.75


def test_candidates_come_from_a_sweep_not_all_pairs() -> None:
    events = [Event(f"e{i}", f"Title {i * 7919}",
                    f"20{10 + i % 20}-{1 + i % 12:02}-{1 + i % 28:02}", kind="shoot",
                    sources=["s"]) for i in range(400)]
    entries = [Entry(i % 2, i, event) for i, event in enumerate(events)]
    pairs = list(candidates(entries))
    assert len(pairs) == len(set(pairs))
    assert len(pairs) < 400 * 399 // 2 // 20
    assert all(entries[a].input != entries[b].input for a, b in pairs)


def test_ids_repeated_within_an_input_stay_repeated() -> None:
    # found by Hypothesis: merging kept such a timeline unchanged only once ids were left alone
    tl = Timeline("t", [Event("x", "X", "2000", status="planned"),
                        Event("x", "X", "2000/2000", status="planned")])
    assert mitimeline.merge(tl, tl).events == tl.events


def test_titles_whose_numbers_differ_are_different_happenings() -> None:
    """The German releases of the seventh and eighth films, reported by two sources, stay two
    events: neither a join nor a reschedule."""
    first = Timeline(title="A", sources=[Source("a", "A", published="2020-09")], events=[
        Event(id="de-7", title="Planned German release of Mission: Impossible 7",
              when="2021-11-18", kind="release", region="DE", status="planned",
              sources=["a"])])
    second = Timeline(title="B", sources=[Source("b", "B", published="2020-10")], events=[
        Event(id="de-8", title="Planned German release of Mission: Impossible 8",
              when="2022-11-03", kind="release", region="DE", status="planned",
              sources=["b"])])
    merged = mitimeline.merge(first, second)
    assert sorted(event.id for event in merged) == ["de-7", "de-8"]
    assert not [f for f in merged.validate() if f.code == "rescheduled"]
