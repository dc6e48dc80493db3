"""Run every benchmark and print one table: our time, the peer's or floor's, ratio, goal.

Each figure is measured by the ``measure`` function of its ``bench_*.py`` script (the same
code the script's own ``main()`` prints), one after another in this process, each starting
from a collected heap; import time and the news parser's first call run in fresh
subprocesses. Peers: icalendar, stdlib json,
a naive scan, the pairwise check, a bare interpreter, the plain string-join floor, serial
parsing of a news archive; CalDAV publishing has goals in requests sent, not a peer.

A missed goal is flagged in the table and listed at the end; the exit status is 1 only
when a benchmark fails to run (its traceback goes to stderr and the others still run).
Progress goes to stderr, so ``--markdown`` output on stdout is ready to paste.

Run: python benchmarks/run.py [--smoke] [--markdown] [--only json,ical] [--scale 0.1]
     [--events 100000] [--ics-events 10000] [--query-events 1000000] [--when 1000000]
     [--gantt 100,1000,10000] [--repeat 3] [--merge-reports 800] [--archive-reports 2000]
     [--caldav-events 1000]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable

import bench_archive
import bench_caldav
import bench_conflicts
import bench_gantt
import bench_ical
import bench_import
import bench_intervals
import bench_json
import bench_merge
import bench_news
import bench_recurrence
import bench_when
from _common import Row, missed, print_rows, ratio_text, seconds

Benchmark = Callable[[argparse.Namespace], list[Row]]


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected sizes like 100,1000,10000, got {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"expected positive sizes, got {text!r}")
    return sizes


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def convert(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
        return value
    return convert


def _scaled(args: argparse.Namespace, value: int) -> int:
    scale: float = args.scale
    return max(1, round(value * scale))


def _interval_sizes(n: int) -> list[int]:
    """Sizes for the point-query growth figure: n/100, n/10 and n (at least 100)."""
    return sorted({max(100, n // 100), max(100, n // 10), max(100, n)})


BENCHMARKS: dict[str, tuple[str, Benchmark]] = {
    "import": ("import mitimeline vs a bare interpreter (subprocesses)",
               lambda a: bench_import.measure(a.import_runs)),
    "json": ("JSON load/dump vs stdlib json",
             lambda a: [row for size in sorted({max(1, _scaled(a, a.events) // 10),
                                                _scaled(a, a.events)})
                        for row in bench_json.measure(size, a.repeat)]),
    "ical": (".ics export vs icalendar and the floors, import vs icalendar",
             lambda a: bench_ical.measure(_scaled(a, a.ics_events), a.repeat)),
    "recurrence": ("recurring .ics calendars (issue 16) vs icalendar + recurring-ical-events; "
                   "the slowest calendar of ../shared/corpora/ics",
                   lambda a: bench_recurrence.measure(a.repeat, a.smoke)),
    "intervals": ("queries vs a naive scan",
                  lambda a: bench_intervals.measure(
                      _scaled(a, a.query_events), a.queries,
                      sizes=_interval_sizes(_scaled(a, a.query_events)))),
    "conflicts": ("conflicts() vs the pairwise check",
                  lambda a: bench_conflicts.measure(
                      sorted({min(1_000, _scaled(a, a.events)), _scaled(a, a.events)}),
                      max(10, _scaled(a, a.events) // 50), a.repeat)),
    "merge": ("merge() vs loading the reports, and vs pairwise scoring; one production's",
              lambda a: bench_merge.measure(max(2, _scaled(a, a.events) // 10), 10,
                                            min(2_000, _scaled(a, a.events) // 5), a.repeat)
              + bench_merge.production_merges(
                  [max(1, _scaled(a, a.merge_reports) // d) for d in (8, 4, 2, 1)],
                  a.repeat)),
    "when": ("When.parse vs a regex floor and edtf",
             lambda a: bench_when.measure(_scaled(a, a.when), sample=a.edtf_sample)),
    "gantt": ("SVG and Mermaid Gantt at growing sizes",
              lambda a: bench_gantt.measure([_scaled(a, s) for s in a.gantt],
                                            repeat=max(a.repeat, bench_gantt.REPEATS))),
    "news": ("mitimeline-news: F1 on the shared corpora, reports/s warm, first call",
             lambda a: bench_news.measure(a.news_rounds, a.news_runs)),
    "caldav": ("mitimeline-caldav: publishing to a local Radicale (first, unchanged, changes)",
               lambda a: bench_caldav.measure(a.caldav_events, max(1, a.caldav_events // 100))),
    "archive": ("mitimeline-news archives: serial vs Dask processes vs a LocalCluster",
                lambda a: bench_archive.measure([a.archive_reports], os.cpu_count() or 1,
                                                max(10, a.archive_reports // 8))),
}

COUNTS = [
    ("--events", 100_000, "events for JSON (and a tenth of it), conflicts and merge"),
    ("--ics-events", 10_000, "events for .ics export/import"),
    ("--query-events", 1_000_000, "intervals for the query benchmark"),
    ("--queries", 1_000, "random queries per query figure"),
    ("--when", 1_000_000, "EDTF strings for When.parse"),
    ("--edtf-sample", bench_when.EDTF_SAMPLE, "strings also parsed by the slow edtf package"),
    ("--repeat", 3, "best of N timings"),
    ("--import-runs", 15, "fresh interpreters per import figure, median"),
    ("--news-rounds", 20, "timed passes over the news corpus"),
    ("--news-runs", 5, "fresh processes for the news first call, median"),
    ("--merge-reports", 800, "news reports about one production to merge (and 1/2, 1/4, "
                             "1/8 of them)"),
    ("--caldav-events", 1_000, "events published to a local Radicale"),
    ("--archive-reports", 2_000, "reports in the synthetic news archive (bench_archive.py "
                                 "runs 20,000 and 80,000)"),
]
"""Whole-number options: (option, default, meaning)."""

SMOKE = dict(events=1_000, ics_events=300, query_events=2_000, when=2_000, edtf_sample=20,
             gantt=[20, 200], repeat=1, queries=20, import_runs=2, news_rounds=1, news_runs=1,
             archive_reports=60, merge_reports=40, caldav_events=30, scale=1.0)
"""Sizes of a ``--smoke`` run: seconds, to check that everything runs."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    for option, default, meaning in COUNTS:
        parser.add_argument(option, type=_positive(int), default=default,
                            help=f"{meaning} (default {default})")
    parser.add_argument("--gantt", type=_sizes, default=[100, 1_000, 10_000],
                        help="Gantt sizes, comma-separated (default 100,1000,10000)")
    parser.add_argument("--scale", type=_positive(float), default=1.0,
                        help="multiply the sizes (--events, --ics-events, --query-events, "
                             "--when, --gantt) by this; e.g. 0.1 for a quick run")
    parser.add_argument("--only", type=lambda text: text.split(","), default=list(BENCHMARKS),
                        help=f"comma-separated subset of: {','.join(BENCHMARKS)}")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny fixed sizes, one timing each: seconds, to check it works")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = parser.parse_args(argv)
    unknown = [name for name in args.only if name not in BENCHMARKS]
    if unknown:
        parser.error(f"--only: unknown benchmark {', '.join(unknown)}; "
                     f"expected some of {', '.join(BENCHMARKS)}")
    if args.smoke:
        vars(args).update(SMOKE)
    return args


def context(args: argparse.Namespace) -> str:
    """One line saying where and how the figures were measured."""
    load = f", load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (f"Python {platform.python_version()} on {platform.machine()}, "
            f"{os.cpu_count()} CPUs{load}, {datetime.date.today().isoformat()}; "
            f"best of {args.repeat} timings{' (smoke sizes)' if args.smoke else ''}.")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    header = context(args)
    rows: list[Row] = []
    failed: list[str] = []
    started = time.perf_counter()
    for name in args.only:
        title, benchmark = BENCHMARKS[name]
        print(f"[{name}] {title} ...", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            rows.extend(benchmark(args))
        except Exception:
            traceback.print_exc()
            failed.append(name)
        bench_json.build_timeline.cache_clear()  # each benchmark starts with a small heap
        gc.collect()
        print(f"[{name}] {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    print(header)
    print()
    print_rows(rows, markdown=args.markdown)
    print()
    misses = missed(rows)
    goals = sum(row.met is not None for row in rows)
    print(f"{len(rows)} figures in {time.perf_counter() - started:.0f} s; "
          f"{goals - len(misses)} of {goals} goals met.")
    if args.smoke:
        print("(smoke sizes: timings of tiny inputs are noise; judge goals at the defaults)")
    for row in misses:
        versus = f" = {ratio_text(row.ratio)} {row.peer}" if row.ratio is not None else ""
        print(f"GOAL MISSED: {row.figure}: {row.shown or seconds(row.ours)}{versus}; "
              f"goal {row.goal}{'; ' + row.note if row.note else ''}")
    if failed:
        print(f"ERROR: benchmarks that did not run: {', '.join(failed)} (tracebacks above, "
              "on stderr)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
