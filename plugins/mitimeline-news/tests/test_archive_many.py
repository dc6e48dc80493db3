"""parse_many: each record parsed, skipped or failed with its reason; a report about
several productions split by sentence; executors give the serial results; merge_group."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import mitimeline
import pytest

import mitimeline_news
from mitimeline_news.archive import (
    ALL,
    Record,
    load_productions,
    merge_group,
    parse_many,
    read_records,
)


@pytest.fixture
def records(archive: Path) -> list[Record]:
    return list(read_records([str(archive)]))


def kinds(timeline: mitimeline.Timeline) -> list[tuple[str, str]]:
    return [(event.kind, event.when.edtf) for event in timeline]


def test_each_record_is_parsed_skipped_or_failed(records: list[Record],
                                                 productions_file: Path) -> None:
    results = parse_many(records, productions=load_productions(str(productions_file)))
    assert [(o.id, o.status) for o in results.outcomes] == [
        ("r1", "parsed"), ("r2", "parsed"), ("r3", "skipped"), ("r4", "parsed"),
        ("r5", "failed"), ("r6", "parsed"), ("r7", "failed")]
    assert results.counts() == {"parsed": 4, "skipped": 1, "failed": 2}
    reasons = {o.id: o.reason for o in results.outcomes}
    assert reasons["r3"] == "names no production of the productions file"
    assert reasons["r5"] is not None
    assert reasons["r5"].startswith("option published: expected a publication date")
    assert reasons["r7"] == "field 'text': expected the report's text, got no text"


def test_a_report_about_two_productions_gives_each_the_events_of_its_sentences(
        records: list[Record], productions_file: Path) -> None:
    results = parse_many(records[1:2], productions=load_productions(str(productions_file)))
    [outcome] = results.outcomes
    split = dict(outcome.timelines)
    assert set(split) == {"dune-2021", "mi7"}  # the 2020 report's "Dune" is the 2021 film
    assert kinds(split["dune-2021"]) == [("wrap", "2020-09")]
    assert kinds(split["mi7"]) == [("shoot", "2020-10-05")]
    assert "MI7" in split["mi7"].events[0].extra["evidence"]


def test_the_source_is_named_after_the_record(records: list[Record],
                                              productions_file: Path) -> None:
    results = parse_many(records[:1], productions=load_productions(str(productions_file)))
    [(production, timeline)] = results.outcomes[0].timelines
    assert production == "mi7"
    [source] = timeline.sources
    assert (source.id, source.publisher, source.url) == ("r1", "Daily Reel",
                                                         "https://reel.example/r1")
    assert all(event.sources == ("r1",) for event in timeline)


def test_without_productions_every_report_joins_one_group(records: list[Record]) -> None:
    results = parse_many(records)
    assert results.counts() == {"parsed": 5, "skipped": 0, "failed": 2}
    assert list(results.timelines()) == [ALL]
    assert len(results.candidates()) == sum(
        len(t) for o in results.outcomes for _, t in o.timelines)
    assert results.merged()[ALL].title == "News archive"


def test_parse_many_reads_mappings_like_json_lines(records: list[Record],
                                                   raw_records: list[dict[str, Any]]) -> None:
    assert parse_many(raw_records).counts() == parse_many(records).counts()
    outcome = parse_many([{"id": "x", "text": "A report"}]).outcomes[0]
    assert (outcome.where, outcome.status) == ("record 1", "failed")
    assert outcome.reason == "field 'published': expected a date such as '2020-10-05', got None"
    with pytest.raises(TypeError, match="expected Record values or mappings, got str at record 1"):
        parse_many(["text"])  # type: ignore[list-item]


def test_parse_many_is_exported_by_the_plugin() -> None:
    assert mitimeline_news.parse_many is parse_many


@pytest.mark.parametrize("make", [lambda: ThreadPoolExecutor(2),
                                  lambda: ProcessPoolExecutor(2)], ids=["threads", "processes"])
def test_an_executor_gives_the_serial_results(records: list[Record], productions_file: Path,
                                              make: object) -> None:
    productions = load_productions(str(productions_file))
    serial = parse_many(records * 3, productions=productions)
    with make() as executor:  # type: ignore[operator]
        parallel = parse_many(records * 3, productions=productions, executor=executor,
                              chunk_size=2)
    assert parallel == serial
    assert parallel.merged() == serial.merged()


def test_merged_timelines_are_titled_after_the_production(records: list[Record],
                                                          productions_file: Path) -> None:
    merged = parse_many(records, productions=load_productions(str(productions_file))).merged()
    assert list(merged) == ["dune-2021", "harbour", "mi7"]
    mi7 = merged["mi7"]
    assert mi7.title == "Mission: Impossible – Dead Reckoning"
    assert mi7.production == mitimeline.Production("Mission: Impossible – Dead Reckoning")
    assert [source.id for source in mi7.sources] == ["r1", "r2", "r4"]


def test_a_source_id_met_twice_in_a_group_is_numbered(records: list[Record]) -> None:
    twice = parse_many([records[0], attrs.evolve(records[0], id="R1")])  # both slug to r1
    items = twice.timelines()[ALL]
    merged = merge_group(ALL, reversed(items))  # the order given does not matter
    assert [source.id for source in merged.sources] == ["r1", "r1-2"]


def test_a_repeated_record_id_fails_every_record_after_the_first(
        records: list[Record]) -> None:
    bad = attrs.evolve(records[4], id="r1")  # r5 (an unreadable date), now with r1's id
    results = parse_many([records[0], records[1], records[0], bad])
    assert [outcome.status for outcome in results.outcomes] == [
        "parsed", "parsed", "failed", "failed"]
    assert results.outcomes[2].reason == (
        "duplicate id 'r1': the record at archive.jsonl line 1 has it already")
    assert results.outcomes[2].timelines == ()
    assert results.outcomes[3].reason is not None
    assert results.outcomes[3].reason.startswith("option published: expected a publication")
    assert results.outcomes[3].reason.endswith("; duplicate id 'r1': the record at "
                                               "archive.jsonl line 1 has it already")
    assert [s.id for s in results.merged()[ALL].sources] == ["r1", "r2"]


def test_a_moved_date_keeps_its_claims_under_the_record_id() -> None:
    record = {"id": "rec-9", "language": "en", "published": "2021-01-20",
              "text": "The studio has postponed the release of MI7 from 19 November 2021 "
                      "to 27 May 2022."}
    results = parse_many([record])
    [outcome] = results.outcomes
    assert outcome.status == "parsed", outcome.reason
    [(_, timeline)] = outcome.timelines
    assert {source.id for source in timeline.sources} == {"rec-9", "rec-9-earlier-plan"}
    [event] = timeline
    assert set(event.sources) == {"rec-9", "rec-9-earlier-plan"}
    assert {claim.when.edtf for claim in event.claims if claim.when} == {
        "2021-11-19", "2022-05-27"}
