"""Benchmark: ``When.parse`` on many EDTF strings, against the ``edtf`` package and a floor.

Run: python benchmarks/bench_when.py [--count 1000000] [--smoke]
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date

from _common import best_of, print_table

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args()
    count = 2_000 if args.smoke else args.count
    texts = edtf_strings(count)
    distinct = len(set(texts))

    def parse_all_uncached() -> None:
        when_module._parse_cached.cache_clear()
        when_module._parse_edtf_cached.cache_clear()
        for text in texts:
            When.parse(text)

    def parse_all_cached() -> None:
        for text in texts:
            When.parse(text)

    pattern = re.compile(r"[0-9X]{4}(?:-[0-9X]{2}(?:-[0-9X]{2})?)?[?~%]?")

    def floor() -> None:  # recognising the text at all: one regex match per string
        for text in texts:
            pattern.fullmatch(text)

    repeat = 1 if count >= 500_000 else 3
    uncached = best_of(repeat, parse_all_uncached)
    cached = best_of(repeat, parse_all_cached)
    floor_s = best_of(repeat, floor)
    rows = [
        ["When.parse, cold caches", count, uncached, uncached / count * 1e6],
        ["When.parse, warm caches", count, cached, cached / count * 1e6],
        ["floor: one re.fullmatch", count, floor_s, floor_s / count * 1e6],
    ]
    try:
        import edtf  # optional oracle, slow: sample only

        sample = texts[: 20 if args.smoke else 300]
        seconds = best_of(1, lambda: [edtf.parse_edtf(t) for t in sample if "T" not in t])
        rows.append(["edtf.parse_edtf (sample)", len(sample), seconds,
                     seconds / len(sample) * 1e6])
    except ImportError:
        print("(edtf not installed: skipping the comparison with the edtf package)")
    print(f"{count:,} EDTF strings, {distinct:,} distinct")
    print_table(["operation", "strings", "seconds", "µs/string"], rows)


if __name__ == "__main__":
    main()
