"""Benchmark: ``mitimeline.merge()`` of many single-report timelines, against loading those
timelines (goal: within 10×), and against scoring every pair; and its peak memory (traced by
tracemalloc) at full size and at a tenth of it (linear: about 10×).

Then the merge of one production's news reports at growing sizes (``merge_group``, as
bench_archive.py times it, on its archive's reports about one production: labelled news
reports re-dated and re-titled, parsed by mitimeline-news; many reports state each
happening, so candidates pair with many others), and how its time grows (goal: no faster
than the reports).

Run: python benchmarks/bench_merge.py [--reports 10000] [--per-report 10]
     [--production-reports 100,200,400,800] [--smoke]
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import json
import random
import tempfile
import tracemalloc
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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


def production_reports(count: int) -> tuple[list[tuple[Any, Timeline]], Any]:
    """The report timelines about one production (``film-000``) of bench_archive's archive,
    from its first ``count`` reports about it (reports 0, 200, 400, ...), in archive order;
    and the productions."""
    import bench_archive
    from mitimeline_news.archive import load_productions, parse_many

    bases, films = bench_archive.base_reports(), bench_archive.productions()
    records = [bench_archive.record(i, bases, films)
               for i in range(0, count * bench_archive.PRODUCTIONS, bench_archive.PRODUCTIONS)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "productions.json"
        path.write_text(json.dumps(films), encoding="utf-8")
        known = load_productions(str(path))
    items = parse_many(records, productions=known).timelines().get("film-000", [])
    return sorted(items, key=lambda item: item[0]), known


def production_merges(sizes: Sequence[int], repeat: int = 3) -> list[Row]:
    """The merge of one production's first ``sizes`` reports, and its growth over them."""
    from mitimeline_news.archive import merge_group

    items, known = production_reports(max(sizes))
    rows, times = [], []
    for size in sizes:
        part = items[:size]
        times.append(best_of(repeat, functools.partial(merge_group, "film-000", part, known)))
        merged = merge_group("film-000", part, known)
        candidates = sum(len(timeline) for _, timeline in part)
        rows.append(Row(f"merge of one production, {size:,} news reports", times[-1],
                        note=f"{candidates:,} candidate events, {len(merged):,} events out; "
                             f"merge_group, best of {repeat}"))
    if len(sizes) > 1:
        growth, reports = times[-1] / times[0], sizes[-1] / sizes[0]
        steps = ", ".join(f"{later / earlier:.1f}×" for earlier, later in itertools.pairwise(times))
        rows.append(Row(f"merge of one production, {sizes[-1]:,} vs {sizes[0]:,} reports",
                        growth, shown=f"{growth:.1f}×", goal=f"≤ {reports:.0f}× (linear)",
                        met=growth <= reports, note=f"time ratio from size to size: {steps}"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--per-report", type=int, default=10)
    parser.add_argument("--pairwise", type=int, default=2_000, help="events for the O(n²) peer")
    parser.add_argument("--production-reports", default="100,200,400,800",
                        help="sizes for the merge of one production's news reports")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args()
    if args.smoke:
        print_rows(measure(50, 10, 200) + production_merges([10, 20], repeat=1))
    else:
        sizes = [int(size) for size in args.production_reports.split(",")]
        print_rows(measure(args.reports, args.per_report, args.pairwise)
                   + production_merges(sizes))


if __name__ == "__main__":
    main()
