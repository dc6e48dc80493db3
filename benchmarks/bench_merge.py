"""Benchmark: ``mitimeline.merge()`` of many single-report timelines, against loading those
timelines (goal: within 10×), and against scoring every pair; and its peak memory (traced by
tracemalloc) at full size and at a tenth of it (linear: about 10×).

Run: python benchmarks/bench_merge.py [--reports 10000] [--per-report 10] [--smoke]
"""

from __future__ import annotations

import argparse
import gc
import random
import tracemalloc
from datetime import date, timedelta

from _common import Row, against, best_of, print_rows

import mitimeline
from mitimeline import Event, Place, Source, Timeline
from mitimeline.merging.matching import score

KINDS = ["shoot", "stunt", "move", "announcement", "release"]
PLACES = [Place(f"Location {i}", country=c) for i, c in enumerate(["NO", "IT", "GB", "US"] * 5)]


def make_reports(reports: int, per_report: int, seed: int = 7) -> list[Timeline]:
    """``reports`` timelines of one source each, each stating ``per_report`` of
    ``reports * per_report / 5`` happenings (so about five reports state each), under its own
    ids, with its own day inside the happening's week. Happenings are spread over a span of
    days that grows with their number (20,000 over 30 years), so the density of events per
    day, and so the candidates per event, is the same at every size."""
    rng = random.Random(seed)
    happenings = max(1, reports * per_report // 5)
    span = max(365, happenings * 11_000 // 20_000)
    start = date(1995, 1, 1)
    facts = [(KINDS[i % len(KINDS)], start + timedelta(days=rng.randint(0, span)),
              PLACES[i % len(PLACES)]) for i in range(happenings)]
    result = []
    for number in range(reports):
        source = f"report-{number}"
        events = []
        for index in rng.sample(range(happenings), min(per_report, happenings)):
            kind, day, place = facts[index]
            when = day + timedelta(days=rng.randint(0, 6))
            events.append(Event(f"r{number}-h{index}", f"Happening {index}", when.isoformat(),
                                kind=kind, place=place, region="US" if kind == "release" else None,
                                sources=[source]))
        result.append(Timeline(f"report {number}", events,
                               [Source(source, f"Report {number}", published="2021")]))
    return result


def pairwise(timelines: list[Timeline]) -> int:
    """The naive O(n²) peer: score every pair of events from different inputs."""
    events = [(number, event) for number, tl in enumerate(timelines) for event in tl]
    joined = 0
    for i, (input_a, a) in enumerate(events):
        for input_b, b in events[i + 1:]:
            if input_a != input_b and score(a, b).score >= 0.75:
                joined += 1
    return joined


def peak_memory(timelines: list[Timeline]) -> int:
    """The peak of memory allocated while merging ``timelines`` (tracemalloc), in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        mitimeline.merge(*timelines)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def memory_note(reports: int, per_report: int) -> str:
    """Peak memory of a merge at full size and at a tenth of it: linear means about 10×."""
    full = peak_memory(make_reports(reports, per_report))
    tenth = peak_memory(make_reports(max(2, reports // 10), per_report))
    count = reports * per_report
    return (f"peak memory {full / 1e6:.1f} MB ({full / count:,.0f} bytes per event); "
            f"{full / tenth:.1f}× the peak at a tenth of the events")


def measure(reports: int, per_report: int, pairwise_events: int, repeat: int = 1) -> list[Row]:
    """merge() against loading the same timelines from JSON; merge() against pairwise."""
    timelines = make_reports(reports, per_report)
    texts = [tl.dumps("json") for tl in timelines]
    count = reports * per_report
    loading = best_of(repeat, lambda: [mitimeline.loads(t, "json") for t in texts])
    merged = mitimeline.merge(*timelines)
    merging = best_of(repeat, lambda: mitimeline.merge(*timelines), warm_up=False)  # warm: above
    happenings = max(1, count // 5)
    rows = [against(f"merge(), {count:,} events from {reports:,} reports", merging,
                    "loading those reports (JSON)", loading, at_most=10.0,
                    goal="within 10× of loading",
                    note=f"{len(merged):,} events out for {happenings:,} happenings; "
                         f"{memory_note(reports, per_report)}")]
    small = make_reports(max(2, pairwise_events // per_report), per_report)
    size = sum(len(tl) for tl in small)
    ours = best_of(repeat, lambda: mitimeline.merge(*small))
    naive = best_of(1, lambda: pairwise(small), warm_up=False)  # seconds of Python: no warm-up
    rows.append(against(f"merge(), {size:,} events", ours, "pairwise scoring", naive,
                        at_most=1.0, goal="a sweep: faster than pairwise"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--per-report", type=int, default=10)
    parser.add_argument("--pairwise", type=int, default=2_000, help="events for the O(n²) peer")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args()
    if args.smoke:
        print_rows(measure(50, 10, 200))
    else:
        print_rows(measure(args.reports, args.per_report, args.pairwise))


if __name__ == "__main__":
    main()
