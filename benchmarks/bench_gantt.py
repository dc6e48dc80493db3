"""Benchmark the Gantt exporters: layout + SVG and layout + Mermaid at growing sizes.

Builds realistic timelines (fuzzy dates, places, people, sources) of 100, 1,000 and 10,000
events and times, best of 3, the whole export as ``Timeline.dumps`` runs it, printing
seconds, bytes, and microseconds and bytes per event. Both should be about constant per
event: time and size grow linearly.

Run: python benchmarks/bench_gantt.py [--sizes 100 1000 10000] [--group-by place] [--smoke]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

try:  # run from a checkout without installing: use ../src
    import mitimeline  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _common import best_of, print_table
from bench_json import build_timeline

from mitimeline import Timeline

REPEATS = 3
FORMATS = ("svg", "mermaid")


def measure(timeline: Timeline, fmt: str, group_by: str) -> tuple[float, int]:
    """(best seconds, bytes) of ``timeline.dumps(fmt)``."""
    output = timeline.dumps(fmt, group_by=group_by)
    size = len(output.encode("utf-8") if isinstance(output, str) else output)
    return best_of(REPEATS, lambda: timeline.dumps(fmt, group_by=group_by)), size


def run(sizes: list[int], group_by: str) -> None:
    rows = []
    per_event: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    for size in sizes:
        timeline = build_timeline(size)
        for fmt in FORMATS:
            seconds, length = measure(timeline, fmt, group_by)
            per_event[fmt].append(seconds / size)
            rows.append([f"{fmt}, {size:,} events", f"{seconds:.3f}", length,
                         f"{seconds / size * 1e6:.0f}", f"{length / size:.0f}"])
    print(f"Gantt exports grouped by {group_by}, Python {sys.version.split()[0]}, "
          f"best of {REPEATS}")
    print_table(["export", "seconds", "bytes", "µs/event", "bytes/event"], rows)
    for fmt, costs in per_event.items():
        if len(costs) > 1:
            print(f"{fmt}: time per event at {sizes[-1]:,} events is "
                  f"{costs[-1] / costs[0]:.2f}x that at {sizes[0]:,} (1.0 = linear)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000],
                        help="timeline sizes (default: 100 1000 10000)")
    parser.add_argument("--group-by", default="place", help="group_by option (default place)")
    parser.add_argument("--smoke", action="store_true", help="20 and 200 events, to check it runs")
    args = parser.parse_args(argv)
    run([20, 200] if args.smoke else args.sizes, args.group_by)
    return 0  # figures to read, not a pass/fail goal


if __name__ == "__main__":
    sys.exit(main())
