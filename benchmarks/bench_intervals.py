"""Benchmark ``mitimeline._intervals.IntervalIndex`` against a naive full scan.

Builds N realistic event intervals (day ordinals over ~30 years: mostly 1-60 day spans, a few
percent month- or year-long, a few open-ended), times the build, then times random point queries
(``Timeline.at``), 30-day windows (``Timeline.between``) and 1-year windows with the index and
with the naive scan, checking that both give the same answers. Finally it times point queries at
n = 10k, 100k and 1M: at a fixed density (1-60 day intervals over n days, so k stays about 30
and the time should grow like log n), and over the fixed 30-year span (k grows with n).

    python benchmarks/bench_intervals.py [--events N] [--queries Q] [--seed S]
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

try:
    from mitimeline._intervals import IntervalIndex
except ImportError:  # not installed: use the source tree next to this script
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from mitimeline._intervals import IntervalIndex

DAY_MIN = date.min.toordinal()
DAY_MAX = date.max.toordinal()
FIRST_DAY = date(1995, 1, 1).toordinal()
THIRTY_YEARS = date(2025, 1, 1).toordinal() - FIRST_DAY
NAIVE_BUDGET = 20_000_000  # naive queries per operation: about this many interval tests in all

Query = tuple[int, int]
Row = tuple[str, int, float, float, float, float]  # operation, n, k, index µs, naive µs, x


def make_intervals(
    n: int, span: int, rng: random.Random, *, short_only: bool = False
) -> tuple[list[int], list[int]]:
    """n intervals starting in [FIRST_DAY, FIRST_DAY + span): 96% last 1-60 days, 2.7% a month
    or so, 1% a year or so, 0.3% have an open start or end (all last 1-60 days if short_only)."""
    lowers: list[int] = []
    uppers: list[int] = []
    randrange, rand = rng.randrange, rng.random
    for _ in range(n):
        start = FIRST_DAY + randrange(span)
        roll = 0.0 if short_only else rand()
        if roll < 0.96:
            end = start + randrange(60)
        elif roll < 0.987:
            end = start + 27 + randrange(5)
        elif roll < 0.997:
            end = start + 364 + randrange(2)
        elif roll < 0.9985:
            start, end = DAY_MIN, start + randrange(60)
        else:
            end = DAY_MAX
        lowers.append(start)
        uppers.append(end)
    return lowers, uppers


def make_queries(count: int, width: int, span: int, rng: random.Random) -> list[Query]:
    """count queries [t, t + width - 1] with t uniform over the span."""
    starts = (FIRST_DAY + rng.randrange(span) for _ in range(count))
    return [(t, t + width - 1) for t in starts]


def naive_scan(lowers: Sequence[int], uppers: Sequence[int], lower: int, upper: int) -> list[int]:
    return [
        i
        for i, (lo, hi) in enumerate(zip(lowers, uppers, strict=True))
        if lo <= upper and hi >= lower
    ]


def per_query_us(
    answer: Callable[[int, int], list[int]], queries: list[Query], *, keep: bool = False
) -> tuple[float, list[int], list[list[int]]]:
    """Mean wall time per query in microseconds, the result counts, and the answers if ``keep``
    (not kept by default: thousands of big live lists would slow the garbage collector down)."""
    counts: list[int] = []
    kept: list[list[int]] = []
    started = time.perf_counter()
    for lower, upper in queries:
        found = answer(lower, upper)
        counts.append(len(found))
        if keep:
            kept.append(found)
    return (time.perf_counter() - started) / len(queries) * 1e6, counts, kept


def build(lowers: list[int], uppers: list[int]) -> tuple[IntervalIndex, float]:
    started = time.perf_counter()
    index = IntervalIndex(lowers, uppers)
    return index, time.perf_counter() - started


def compare(
    operation: str,
    index: IntervalIndex,
    lowers: list[int],
    uppers: list[int],
    queries: list[Query],
) -> Row:
    """One table row: operation, n, mean k, index us/query, naive us/query, speed-up."""
    n = len(lowers)
    index_us, counts, _ = per_query_us(index.overlapping, queries)
    checked = queries[: min(len(queries), max(3, NAIVE_BUDGET // max(n, 1)))]
    naive_us, _, expected = per_query_us(
        lambda lo, hi: naive_scan(lowers, uppers, lo, hi), checked, keep=True
    )
    if [index.overlapping(lo, hi) for lo, hi in checked] != expected:
        raise AssertionError(f"{operation}: the index disagrees with the naive scan")
    mean_k = sum(counts) / len(counts)
    return operation, n, mean_k, index_us, naive_us, naive_us / index_us


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    header = f"{'operation':<22} {'n':>9} {'mean k':>9} {'index µs/q':>11} {'naive µs/q':>11}"
    print(header + f" {'speed-up':>9}")
    print("-" * (len(header) + 10))
    for operation, n, mean_k, index_us, naive_us, speedup in rows:
        print(
            f"{operation:<22} {n:>9,} {mean_k:>9,.1f} {index_us:>11,.1f} {naive_us:>11,.0f}"
            f" {speedup:>8,.0f}x"
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="intervals (default 1M)")
    parser.add_argument("--queries", type=int, default=1000, help="queries per operation")
    parser.add_argument("--seed", type=int, default=2024, help="random seed")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args(argv)
    n, count = (2_000, 20) if args.smoke else (args.events, args.queries)
    if n < 1 or count < 1:
        parser.error("--events and --queries must be at least 1")
    rng = random.Random(args.seed)
    print(f"Python {platform.python_version()} on {platform.machine()}, seed {args.seed}")

    lowers, uppers = make_intervals(n, THIRTY_YEARS, rng)
    index, seconds = build(lowers, uppers)
    print(f"build: {n:,} intervals in {seconds:.2f} s ({seconds / max(n, 1) * 1e6:.2f} µs each)")
    rows = [
        compare(name, index, lowers, uppers, make_queries(count, width, THIRTY_YEARS, rng))
        for name, width in [("at (point)", 1), ("between (30 days)", 30), ("1-year window", 365)]
    ]
    print_table(f"{count:,} random queries per operation over 30 years", rows)

    datasets = {(n, THIRTY_YEARS, False): (index, lowers, uppers)}

    def point_row(size: int, span: int, short_only: bool) -> Row:
        key = size, span, short_only
        if key not in datasets:
            sized_lowers, sized_uppers = make_intervals(size, span, rng, short_only=short_only)
            datasets[key] = build(sized_lowers, sized_uppers)[0], sized_lowers, sized_uppers
        sized, sized_lowers, sized_uppers = datasets[key]
        queries = make_queries(count, 1, span, rng)
        return compare("at (point)", sized, sized_lowers, sized_uppers, queries)

    sizes = (500, 1_000, 2_000) if args.smoke else (10_000, 100_000, 1_000_000)
    # 1-60 day intervals over n days: about 30 results per point query whatever n is.
    rows = [point_row(size, size, True) for size in sizes]
    print_table("point queries at a fixed density (1-60 day intervals over n days)", rows)
    rows = [point_row(size, THIRTY_YEARS, False) for size in sizes]
    print_table("point queries over the fixed 30-year span (k grows with n)", rows)


if __name__ == "__main__":
    main()
