"""Benchmark: ``Timeline.conflicts()`` (a sweep per person) against a pairwise check.

Run: python benchmarks/bench_conflicts.py [--events 100000] [--smoke]
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta

from _common import Row, against, best_of, print_rows

from mitimeline import Credit, Event, Place, Timeline

PLACES = [Place(f"Location {i}", country=c) for i, c in enumerate(["NO", "IT", "GB", "US"] * 5)]


def make_timeline(count: int, people: int, seed: int = 3) -> Timeline:
    """``count`` events over ten years, each with 1-3 of ``people`` people at one of 20 places."""
    rng = random.Random(seed)
    start = date(2015, 1, 1)
    crew = [Credit(f"Person {i}", "actor") for i in range(people)]
    events = []
    for i in range(count):
        first = start + timedelta(days=rng.randint(0, 3650))
        last = first + timedelta(days=rng.randint(0, 20))
        events.append(Event(
            id=f"e{i}", title=f"Event {i}", when=f"{first.isoformat()}/{last.isoformat()}",
            kind="shoot", place=rng.choice(PLACES), people=rng.sample(crew, rng.randint(1, 3)),
        ))
    return Timeline(title="bench", events=events)


def pairwise(timeline: Timeline) -> int:
    """The naive O(n²) check, counting the same conflicts."""
    events = [e for e in timeline if e.place is not None]
    found = 0
    for i, a in enumerate(events):
        names_a = {c.name.casefold() for c in a.people}
        for b in events[i + 1:]:
            shared = names_a & {c.name.casefold() for c in b.people}
            if shared and a.place != b.place and a.when.overlaps(b.when):
                found += len(shared)
    return found


PAIRWISE_MAX = 5_000
"""Largest size at which the O(n²) pairwise peer is run."""


def measure(sizes: list[int], people: int = 2_000, repeat: int = 3) -> list[Row]:
    """``conflicts()`` at each size (``people`` at the largest, proportionally fewer below),
    against the pairwise check up to PAIRWISE_MAX events."""
    rows = []
    for count in sorted(sizes):
        crew = max(10, people * count // max(sizes))
        timeline = make_timeline(count, crew)
        found = len(timeline.conflicts())
        # the call above was the warm-up, of both sides
        sweep = best_of(repeat if count <= 10_000 else 1, timeline.conflicts, warm_up=False)
        figure = f"conflicts(), {count:,} events, {crew:,} people"
        note = f"{found:,} conflicts"
        if count > PAIRWISE_MAX:
            rows.append(Row(figure, sweep, note=note + "; pairwise skipped: O(n²)"))
            continue
        naive_found = pairwise(timeline)
        assert naive_found == found, (naive_found, found)
        naive = best_of(1, lambda t=timeline: pairwise(t), warm_up=False)  # type: ignore[misc]
        rows.append(against(figure, sweep, "pairwise check", naive, at_most=1.0,
                            goal="a sweep: faster than pairwise", note=note))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args()
    sizes = [200] if args.smoke else sorted({1_000, 10_000, args.events})
    print_rows(measure(sizes, 20 if args.smoke else args.people))


if __name__ == "__main__":
    main()
