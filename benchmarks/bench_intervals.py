"""Benchmark ``mitimeline._intervals.IntervalIndex`` against a naive full scan.

Builds N realistic event intervals (day ordinals over ~30 years: mostly 1-60 day spans, a few
percent month- or year-long, a few open-ended), times the build, then times random point queries
(``Timeline.at``), 30-day windows (``Timeline.between``) and 1-year windows with the index and
with the naive scan, checking that both give the same answers. Finally it times point queries at
n = 10k, 100k and 1M: at a fixed density (1-60 day intervals over n days, so k stays about 30
and the time should grow like log n), and over the fixed 30-year span (k grows with n).

    python benchmarks/bench_intervals.py [--events N] [--queries Q] [--seed S] [--smoke]
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import time
from collections.abc import Callable, Sequence
from datetime import date

import _common

from mitimeline._intervals import IntervalIndex

DAY_MIN = date.min.toordinal()
DAY_MAX = date.max.toordinal()
FIRST_DAY = date(1995, 1, 1).toordinal()
THIRTY_YEARS = date(2025, 1, 1).toordinal() - FIRST_DAY
NAIVE_BUDGET = 20_000_000  # naive queries per operation: about this many interval tests in all

Query = tuple[int, int]
Comparison = tuple[str, int, float, float, float, float]  # operation, n, k, index µs, naive µs, x


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
    with _common.timing_conditions():
        started = time.perf_counter()
        for lower, upper in queries:
            found = answer(lower, upper)
            counts.append(len(found))
            if keep:
                kept.append(found)
        took = time.perf_counter() - started
    return took / len(queries) * 1e6, counts, kept


def build(lowers: list[int], uppers: list[int]) -> tuple[IntervalIndex, float]:
    with _common.timing_conditions():
        started = time.perf_counter()
        index = IntervalIndex(lowers, uppers)
        took = time.perf_counter() - started
    return index, took


def compare(
    operation: str,
    index: IntervalIndex,
    lowers: list[int],
    uppers: list[int],
    queries: list[Query],
) -> Comparison:
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


GROWTH = 2.0
"""Goal: a point query (k about 30) over more events costs at most this many times the
growth of log n more (from 10k to 1M events: log n grows 1.5x, so 3x; a scan grows 100x)."""


def point_query(
    size: int, span: int, short_only: bool, count: int, rng: random.Random
) -> Comparison:
    """``at`` on ``size`` fresh intervals over ``span`` days, index against naive scan."""
    lowers, uppers = make_intervals(size, span, rng, short_only=short_only)
    index = build(lowers, uppers)[0]
    return compare("at (point)", index, lowers, uppers, make_queries(count, 1, span, rng))


def result(row: Comparison) -> _common.Row:
    """A table row of ``compare``'s figures (per-query seconds)."""
    operation, n, mean_k, index_us, naive_us, _ = row
    return _common.against(f"{operation}, {n:,} events", index_us / 1e6,
                           "naive scan", naive_us / 1e6, note=f"mean k {mean_k:,.0f}")


def measure(n: int, count: int = 1000, seed: int = 2024,
            sizes: Sequence[int] = (10_000, 100_000, 1_000_000)) -> list[_common.Row]:
    """Build time and per-query times over ``n`` intervals against a naive scan, then point
    queries at a fixed density (k about 30) at each of ``sizes``: the growth goal."""
    rng = random.Random(seed)
    lowers, uppers = make_intervals(n, THIRTY_YEARS, rng)
    index, seconds = build(lowers, uppers)
    rows = [_common.Row(f"interval index build, {n:,} events", seconds,
                        note=f"{seconds / n * 1e6:.2f} µs per event, once, on first query")]
    for name, width in [("at (point)", 1), ("between (30 days)", 30), ("1-year window", 365)]:
        queries = make_queries(count, width, THIRTY_YEARS, rng)
        rows.append(result(compare(name, index, lowers, uppers, queries)))
    # 1-60 day intervals over n days: about 30 results per point query whatever n is.
    scaled = [point_query(size, size, True, count, rng) for size in sorted(sizes)]
    rows.extend(result(row) for row in scaled)
    (_, small, _, first, _, _), (_, large, _, last, _, _) = scaled[0], scaled[-1]
    limit = GROWTH * math.log(large) / math.log(small)
    rows.append(_common.against(
        f"at (point), k ≈ 30: {large:,} events", last / 1e6, f"same at {small:,} events",
        first / 1e6, at_most=limit, goal=f"O(log n + k): ≤ {limit:.1f}× for {large // small}× n"))
    return rows


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
    sizes = (500, 1_000, 2_000) if args.smoke else (10_000, 100_000, 1_000_000)
    print(f"Python {platform.python_version()} on {platform.machine()}, seed {args.seed}, "
          f"{count:,} random queries per operation; times are per query")
    _common.print_rows(measure(n, count, args.seed, sizes))
    rng = random.Random(args.seed)
    print("\npoint queries over the fixed 30-year span (k grows with n)")
    _common.print_rows([result(point_query(size, THIRTY_YEARS, False, count, rng))
                        for size in sizes])


if __name__ == "__main__":
    main()
