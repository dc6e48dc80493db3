"""Benchmark recurring calendars (issue 16): the three generated shapes and the shared corpus.

For each calendar of :mod:`recurrence_fixtures` (built at run time, no data copied), times,
best of --repeat, our import with the default ``expand="window"`` against icalendar's
``Calendar.from_ical`` plus recurring-ical-events' expansion of each series in the same
window (from its first to its last occurrence that our import kept), as components.
Goal: each ≤ 2 s. Then imports every calendar of ``../shared/corpora/ics``
once (when present) and reports the slowest; goal: none over 5 s.

Timings come from a shared 2-core machine; the load average is printed with them.
Run: python benchmarks/bench_recurrence.py [--repeat 3] [--smoke]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import time
import warnings
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from _common import Row, best_of, missed, print_rows
from recurrence_fixtures import SHAPES

from mitimeline import ParseError
from mitimeline.default_plugins.ical import load_with_findings

IMPORT_SECONDS = 2.0
CORPUS_SECONDS = 5.0
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ics"


def ours(data: bytes) -> int:
    """Our default import; the number of events."""
    timeline, _findings = load_with_findings(io.BytesIO(data))
    return len(timeline)


def peers(data: bytes, windows: dict[str, tuple[date, date]]) -> int:
    """icalendar's parse, then recurring-ical-events' expansion of each series in the
    window our import used for it (``windows``, by UID), as components; the number of
    occurrences."""
    import icalendar
    import recurring_ical_events

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = icalendar.Calendar.from_ical(data)
        found = 0
        for series in recurring_ical_events.of(calendar).series:
            window = windows.get(str(series.uid))
            if window is not None:
                found += len([occurrence.as_component(False)
                              for occurrence in series.between(*window)])
        return found


def windows_of(data: bytes) -> dict[str, tuple[date, date]]:
    """The window of each series our import expanded, by UID: its first occurrence's day
    to the day after its last one's."""
    timeline, _findings = load_with_findings(io.BytesIO(data))
    windows: dict[str, tuple[date, date]] = {}
    for event in timeline:
        meta = event.extra.get("ical", {})
        if "recurrence_id" not in meta:
            continue
        first, last = windows.get(meta["uid"], (event.when.lower, event.when.lower))
        windows[meta["uid"]] = (min(first, event.when.lower), max(last, event.when.lower))
    return {uid: (first, last + timedelta(days=1)) for uid, (first, last) in windows.items()}


def measure(repeat: int = 3, smoke: bool = False) -> list[Row]:
    """One row per generated calendar (ours vs icalendar + recurring-ical-events), and one
    for the slowest calendar of the shared corpus."""
    from importlib.metadata import version

    rows = []
    peer = (f"icalendar {version('icalendar')} parse + recurring-ical-events "
            f"{version('recurring-ical-events')}, each series in the same window")
    for name, build in SHAPES.items():
        data = build(series=40) if smoke else build()
        windows = windows_of(data)
        events = ours(data)
        mine = best_of(repeat, partial(ours, data))
        theirs = best_of(repeat, partial(peers, data, windows))
        rows.append(Row(f".ics import, {name}, {len(data) / 1e3:,.0f} KB, expand='window'",
                        mine, peer, theirs, f"≤ {IMPORT_SECONDS:g} s",
                        mine <= IMPORT_SECONDS, f"{events:,} events from {len(windows):,} series"))
    if CORPUS.is_dir() and not smoke:
        rows.append(slowest_corpus_file())
    return rows


def slowest_corpus_file() -> Row:
    """Every calendar of the shared corpus imported once: the slowest."""
    slowest, worst = "", 0.0
    for path in sorted(CORPUS.rglob("*.ics")):
        began = time.perf_counter()
        with contextlib.suppress(ParseError):  # not a calendar: timed all the same
            load_with_findings(path)
        spent = time.perf_counter() - began
        if spent > worst:
            slowest, worst = path.relative_to(CORPUS).as_posix(), spent
    return Row(f".ics import, slowest of ../shared/corpora/ics ({slowest})", worst,
               goal=f"≤ {CORPUS_SECONDS:g} s", met=worst <= CORPUS_SECONDS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="timings per figure (best of)")
    parser.add_argument("--smoke", action="store_true", help="40 series each, to check it runs")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs shared with other jobs, "
          f"load average {load:.1f}; best of {args.repeat}")
    rows = measure(1 if args.smoke else args.repeat, args.smoke)
    print_rows(rows)
    return 0 if args.smoke or not missed(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
