"""Benchmark the Gantt exporters: layout + SVG and layout + Mermaid at growing sizes.

Builds realistic timelines (fuzzy dates, places, people, sources) of 100, 1,000 and 10,000
events and times, best of 5, the whole export as ``Timeline.dumps`` runs it, printing
seconds, bytes, and microseconds and bytes per event. Both should be about constant per
event: time and size grow linearly (the peer of each size is the previous size's time
scaled up linearly).

Run: python benchmarks/bench_gantt.py [--sizes 100 1000 10000] [--group-by place] [--smoke]
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

try:  # run from a checkout without installing: use ../src
    import mitimeline  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _common import Row, against, best_of, print_rows
from bench_json import build_timeline

from mitimeline import Timeline
from mitimeline.gantt.text import printable_line

REPEATS = 5
FORMATS = ("svg", "mermaid")
NAMES = {"svg": "SVG", "mermaid": "Mermaid"}
LINEAR = 1.5
"""Goal: time per event at most this many times that at the previous size."""


def size_of(timeline: Timeline, fmt: str, group_by: str) -> int:
    """Bytes of ``timeline.dumps(fmt)``."""
    output = timeline.dumps(fmt, group_by=group_by)
    return len(output.encode("utf-8") if isinstance(output, str) else output)


def export(timeline: Timeline, fmt: str, group_by: str) -> str | bytes:
    """``timeline.dumps(fmt)`` as a first export would run it: with ``printable_line``'s cache
    cleared (a repeat would find every title in it, up to its 16,384 entries, so small
    charts would look cheaper than large ones)."""
    printable_line.cache_clear()
    return timeline.dumps(fmt, group_by=group_by)


def measure(sizes: list[int], group_by: str = "place", repeat: int = REPEATS) -> list[Row]:
    """SVG and Mermaid export at each size; the peer of a size is the previous size's time
    scaled up linearly."""
    rows = []
    previous: dict[str, tuple[int, float]] = {}
    for size in sorted(sizes):
        timeline = build_timeline(size)
        for fmt in FORMATS:
            length = size_of(timeline, fmt, group_by)
            took = best_of(repeat, functools.partial(export, timeline, fmt, group_by))
            note = f"{length / 1e3:,.0f} KB, {took / size * 1e6:.0f} µs and " \
                   f"{length / size:,.0f} bytes per event"
            figure = f"{NAMES[fmt]} Gantt, {size:,} events"
            if fmt not in previous:
                rows.append(Row(figure, took, note=note))
            else:
                base_size, base = previous[fmt]
                rows.append(against(
                    figure, took, f"{base_size:,} events × {size / base_size:,.3g}",
                    base * size / base_size, at_most=LINEAR, goal=f"linear (≤ {LINEAR:g}×)",
                    note=note))
            previous[fmt] = size, took
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000],
                        help="timeline sizes (default: 100 1000 10000)")
    parser.add_argument("--group-by", default="place", help="group_by option (default place)")
    parser.add_argument("--smoke", action="store_true", help="20 and 200 events, to check it runs")
    args = parser.parse_args(argv)
    print(f"Gantt exports grouped by {args.group_by}, Python {sys.version.split()[0]}, "
          f"best of {REPEATS}")
    print_rows(measure([20, 200] if args.smoke else args.sizes, args.group_by))
    return 0  # figures to read, not a pass/fail goal


if __name__ == "__main__":
    sys.exit(main())
