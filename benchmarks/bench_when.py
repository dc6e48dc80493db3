"""Benchmark: ``When.parse`` on many EDTF strings, against the ``edtf`` package and a floor.

Run: python benchmarks/bench_when.py [--count 1000000] [--smoke]
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date

from _common import Row, against, best_pair, print_rows

from mitimeline import When
from mitimeline import when as when_module


def edtf_strings(count: int, seed: int = 7) -> list[str]:
    """A realistic mix of EDTF forms over 1900-2100 (many distinct strings)."""
    rng = random.Random(seed)
    first, last = date(1900, 1, 1).toordinal(), date(2100, 12, 31).toordinal()
    texts = []
    for _ in range(count):
        day = date.fromordinal(rng.randint(first, last))
        form = rng.random()
        if form < 0.4:
            text = day.isoformat()
        elif form < 0.6:
            text = f"{day:%Y-%m}"
        elif form < 0.7:
            text = f"{day:%Y}{rng.choice('?~%')}"
        elif form < 0.75:
            text = f"{day.year}-{rng.randint(21, 24)}"
        elif form < 0.8:
            text = f"{day.year // 10}X"
        elif form < 0.9:
            text = f"{day:%Y-%m}/{date.fromordinal(day.toordinal() + rng.randint(0, 60))}"
        else:
            text = f"{day.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        texts.append(text)
    return texts


FLOOR_GOAL = 8.0
"""Issue 16: ``When.parse`` at most 8x one regex match per string, cold caches."""
MICROS_GOAL = 1.5
"""Issue 16: at most 1.5 µs per string on a quiet machine (the ratio is the figure to trust
on a busy one)."""

EDTF_SAMPLE = 300
"""Strings parsed by the (slow) ``edtf`` package, and by us for the comparison."""


def clear_caches() -> None:
    when_module.clear_caches()


def measure(count: int, repeat: int | None = None, sample: int = EDTF_SAMPLE) -> list[Row]:
    """``When.parse`` of ``count`` strings (cold caches) against one regex match
    each, and against ``edtf.parse_edtf`` on the first ``sample`` (if edtf is installed)."""
    texts = edtf_strings(count)
    distinct = len(set(texts))
    repeat = repeat or (1 if count >= 500_000 else 3)

    def parse_all(strings: list[str]) -> None:
        clear_caches()
        for text in strings:
            When.parse(text)

    pattern = re.compile(r"[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?[?~%]?")

    def floor() -> None:  # recognising the text at all: one regex match per string
        for text in texts:
            pattern.fullmatch(text)

    cold, floor_s = best_pair(repeat, lambda: parse_all(texts), floor)
    rows = [against(f"When.parse, {count:,} EDTF strings ({distinct:,} distinct), cold caches",
                    cold, "one re.fullmatch each", floor_s, at_most=FLOOR_GOAL,
                    goal=f"≤ {FLOOR_GOAL:g}× the floor (≤ {MICROS_GOAL:g} µs each)",
                    note=f"{cold / count * 1e6:.2g} µs each; own parser, no edtf at run time")]
    try:
        import edtf  # optional oracle, slow: sample only
    except ImportError:
        return rows
    some = [t for t in texts[:sample] if "T" not in t]  # edtf reads no times of day
    ours, theirs = best_pair(1, lambda: parse_all(some), lambda: [edtf.parse_edtf(t) for t in some])
    rows.append(against(f"When.parse, {len(some)} EDTF strings, cold caches", ours,
                        "edtf.parse_edtf", theirs))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args()
    print_rows(measure(2_000, sample=20) if args.smoke else measure(args.count))


if __name__ == "__main__":
    main()
