"""Benchmark publishing to CalDAV (mitimeline-caldav) against a local Radicale.

Conditions: Radicale runs on 127.0.0.1 in its own process (``--auth-type none``, storage in
a temporary folder, plain HTTP), on the same machine as the publisher (this process), so
the figures are the publisher's work plus Radicale's, without network latency: a remote
server adds one round trip per request sent. ``--events`` generated events (a shoot a day,
each with a place and a source) are published to an empty calendar (first publish), then
again unchanged (no-change re-publish: the figure to watch is the requests sent, which must
not grow with the events), then with ``--changes`` of them retitled.

Run: python benchmarks/bench_caldav.py [--events 1000] [--changes 10] [--smoke]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _common import Row, print_rows

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "plugins" / "mitimeline-caldav"
for _folder in (PLUGIN / "src", PLUGIN / "tests"):  # run from a checkout without installing
    if str(_folder) not in sys.path:
        sys.path.append(str(_folder))


def timeline(count: int) -> object:
    """``count`` shoots, one a day from 2020-01-01, each citing one of ten sources."""
    import mitimeline

    sources = [mitimeline.Source(id=f"report-{n}", title=f"Report {n}",
                                 published=f"2020-0{1 + n % 9}-01") for n in range(10)]
    start = date(2020, 1, 1)
    events = [mitimeline.Event(id=f"shoot-{n:05d}", title=f"Shoot day {n}",
                               when=(start + timedelta(days=n)).isoformat(), kind="shoot",
                               place=mitimeline.Place("Rome", country="IT"),
                               sources=[f"report-{n % 10}"]) for n in range(count)]
    return mitimeline.Timeline("Benchmark production", events, sources)


def measure(count: int, changes: int) -> list[Row]:
    """Rows: first publish, no-change re-publish, ``changes`` changes; seconds and requests.
    Raises ImportError when mitimeline-caldav or Radicale is missing."""
    import attrs
    from caldav_servers import radicale
    from mitimeline_caldav import publish

    tl = timeline(count)
    rows = []
    with tempfile.TemporaryDirectory() as folder, radicale(Path(folder)) as server:
        def timed(label: str, data: object, goal: str = "", check: object = None) -> None:
            began = time.perf_counter()
            report = publish(data, server.calendar, auth=server.auth)  # type: ignore[arg-type]
            elapsed = time.perf_counter() - began
            met = None if check is None else bool(check(report))  # type: ignore[operator]
            rows.append(Row(f"CalDAV {label}", elapsed, goal=goal, met=met,
                            note=f"{report.requests} requests; {report.summary().split(' (')[0]}"))

        timed(f"first publish, {count:,} events", tl,
              goal=f"{count + 2} requests", check=lambda r: r.requests == count + 2)
        timed(f"re-publish unchanged, {count:,} events", tl,
              goal="2 requests, no PUT", check=lambda r: r.requests == 2 and not r.updated)
        changed = tl
        for event in list(tl.events)[:changes]:  # type: ignore[attr-defined]
            changed = changed.replace(attrs.evolve(event, title=event.title + " (moved)"))
        timed(f"re-publish with {changes} changes, {count:,} events", changed,
              goal=f"{changes + 2} requests", check=lambda r: r.requests == changes + 2)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000, help="events (default 1000)")
    parser.add_argument("--changes", type=int, default=10, help="events changed (default 10)")
    parser.add_argument("--smoke", action="store_true", help="30 events, to check it runs")
    args = parser.parse_args(argv)
    count, changes = (30, 3) if args.smoke else (args.events, args.changes)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; Radicale on 127.0.0.1 "
          f"in another process of this machine, the publisher in this one; one timing each")
    print_rows(measure(count, changes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
