"""Benchmark the built-in iCalendar format against icalendar and a string-join floor.

Builds the realistic timeline of bench_json.py, then times, best of --repeat:

- export: Timeline -> .ics bytes through ``ICalExporter``, against
  (a) ``icalendar`` building the same VEVENTs (Calendar/Event objects from the same
      property values, already computed) and calling ``to_ical()``;
  (b) the floor: the same bytes by a plain string join: our content mapping (the text
      every writer of these bytes must produce: descriptions, JSON, dates) plus folding and
      joining its lines, with no streaming or batching;
  and, for information, the bare escape + fold + join of the finished property values.
  Goals: ours <= 1/3 of (a), ours <= 2x (b).
- import: the same bytes -> Timeline through ``ICalParser``, against
  ``icalendar.Calendar.from_ical`` of them (parsing only, no mapping). Goal: ours <= (a).
- memory: peak traced memory of our import at 1/4, 1/2 and all of the events: linear when
  the bytes per event stay flat.

The property values for (a) and (b) come from our own output (split back into name and
value), so all three write the same calendar. Exit status 1 on a missed goal, except with
--smoke (a tiny run that only checks the script works).
Run: python benchmarks/bench_ical.py [--events 10000] [--repeat 3] [--smoke]
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import tracemalloc
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

try:  # run from a checkout without installing: use ../src
    import mitimeline  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _common import Row, against, best_of, missed, print_rows, print_table, seconds
from bench_json import build_timeline

from mitimeline import Timeline
from mitimeline.default_plugins.ical import ICalExporter, ICalParser
from mitimeline.default_plugins.ical.rfc5545.text import escape_text, fold, unescape_text
from mitimeline.default_plugins.ical.write.calendar import calendar_lines

EXPORT_VS_ICALENDAR = 3.0
EXPORT_VS_FLOOR = 2.0
IMPORT_VS_ICALENDAR = 1.0

Line = tuple[str, str, str]
"""(name, parameters text, value as text before escaping) of one content line."""

_RAW = frozenset(("UID", "DTSTAMP", "DTSTART", "DTEND", "GEO", "URL", "CATEGORIES", "STATUS",
                  "TRANSP", "SEQUENCE", "LAST-MODIFIED", "VERSION", "PRODID", "CALSCALE",
                  "BEGIN", "END"))
"""Properties whose value is written as is (not TEXT-escaped by the floor)."""


def export_ours(timeline: Timeline) -> bytes:
    buffer = io.BytesIO()
    exporter = ICalExporter()
    exporter.export(timeline, buffer, exporter.Options())
    return buffer.getvalue()


def content_lines(data: bytes) -> list[Line]:
    """Our output split back into (name, params, unescaped value): the values both
    baselines write."""
    lines: list[Line] = []
    for line in data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]:
        head, _colon, value = line.partition(":")
        name, _semicolon, params = head.partition(";")
        lines.append((name, params, value if name in _RAW else unescape_text(value)))
    return lines


# -- (b) the floor ----------------------------------------------------------------------


def floor_writer(lines: list[Line]) -> bytes:
    """Escape, fold by octets (icalendar's rule), CRLF-join: the least any writer does."""
    out = []
    for name, params, value in lines:
        text = value if name in _RAW else escape_text(value)
        line = f"{name};{params}:{text}" if params else f"{name}:{text}"
        data = line.encode("utf-8")
        out.append(data if len(data) <= 74 else fold(line))  # icalendar's octet rule
    out.append(b"")
    return b"\r\n".join(out)


def join_writer(groups: list[list[str]]) -> bytes:
    """The floor given our content lines (already escaped): fold, CRLF-join, encode."""
    out = []
    for group in groups:
        for line in group:
            data = line.encode("utf-8")
            out.append(data if len(data) <= 74 else fold(line))
    out.append(b"")
    return b"\r\n".join(out)


# -- (a) icalendar ----------------------------------------------------------------------


def icalendar_writer(lines: list[Line]) -> bytes:
    """Build the same Calendar and Events with icalendar's API and serialise them."""
    import icalendar
    from icalendar import vText

    calendar: Any = None
    event: Any = None
    for name, _params, value in lines:
        if name == "BEGIN":
            if value == "VCALENDAR":
                calendar = icalendar.Calendar()
            else:
                event = icalendar.Event()
            continue
        if name == "END":
            if value == "VEVENT":
                calendar.add_component(event)
                event = None
            continue
        target = event if event is not None else calendar
        if name in ("DTSTART", "DTEND", "DTSTAMP", "LAST-MODIFIED"):
            target.add(name, _moment(value))
        elif name == "CATEGORIES":
            target.add(name, [unescape_text(item) for item in value.split(",")])
        elif name == "GEO":
            latitude, longitude = value.split(";")
            target.add(name, (float(latitude), float(longitude)))
        elif name == "SEQUENCE":
            target.add(name, int(value))
        else:
            target.add(name, vText(value))
    result: bytes = calendar.to_ical(sorted=False)
    return result


def _moment(value: str) -> date | datetime:
    if len(value) == 8:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    moment = datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    return moment.replace(tzinfo=timezone.utc) if value.endswith("Z") else moment


# -- running ----------------------------------------------------------------------------


def peak_import_memory(data: bytes) -> int:
    """Peak bytes allocated while our parser reads ``data`` (tracemalloc)."""
    parser = ICalParser()
    gc.collect()
    tracemalloc.start()
    parser.parse(io.BytesIO(data), parser.Options())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def measure(n_events: int, repeat: int = 3) -> list[Row]:
    """Export against icalendar and the two floors, import against icalendar."""
    timeline = build_timeline(n_events)
    data = export_ours(timeline)
    lines = content_lines(data)
    assert floor_writer(lines) == data, "the floor does not write our bytes"
    parser = ICalParser()
    assert parser.parse(io.BytesIO(data), parser.Options()) == timeline, "round trip failed"
    options = ICalExporter.Options()
    mapping = best_of(repeat, lambda: list(calendar_lines(timeline, options)))
    groups = list(calendar_lines(timeline, options))
    assert join_writer(groups) == data, "the join writer does not write our bytes"
    ours_export = best_of(repeat, lambda: export_ours(timeline))
    ours_import = best_of(repeat, lambda: parser.parse(io.BytesIO(data), parser.Options()))

    import icalendar

    export = f".ics export, {n_events:,} events"
    peer = f"icalendar {icalendar.__version__}"
    return [
        against(export, ours_export, f"{peer}: build + to_ical()",
                best_of(repeat, lambda: icalendar_writer(lines)),
                at_most=1 / EXPORT_VS_ICALENDAR, goal=f"≥ {EXPORT_VS_ICALENDAR:g}× faster"),
        against(export, ours_export, "floor: our content, plainly joined",
                mapping + best_of(repeat, lambda: join_writer(groups)),
                at_most=EXPORT_VS_FLOOR, goal=f"≤ {EXPORT_VS_FLOOR:g}× the floor",
                note=f"content mapping alone {seconds(mapping)}"),
        against(export, ours_export, "bare escape + fold + join of finished values",
                best_of(repeat, lambda: floor_writer(lines))),
        against(f".ics import, {n_events:,} events ({len(data) / 1e6:.1f} MB)", ours_import,
                f"{peer}: Calendar.from_ical", best_of(
                    repeat, lambda: icalendar.Calendar.from_ical(data)),
                at_most=IMPORT_VS_ICALENDAR, goal="at least as fast"),
    ]


def memory(n_events: int) -> list[list[object]]:
    """Peak traced memory of our import at 1/4, 1/2 and all of ``n_events`` events."""
    timeline = build_timeline(n_events)
    table: list[list[object]] = []
    for share in (4, 2, 1):
        part = Timeline(timeline.title, timeline.events[:n_events // share], timeline.sources)
        peak = peak_import_memory(export_ours(part))
        count = max(1, len(part.events))
        table.append([f"{len(part.events):,}", f"{peak / 1e6:.1f}", f"{peak / count / 1e3:.2f}"])
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=10_000, help="events (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per figure (best of)")
    parser.add_argument("--smoke", action="store_true", help="300 events, to check it runs")
    args = parser.parse_args(argv)
    n_events, repeat = (300, 1) if args.smoke else (args.events, args.repeat)
    print(f"Python {sys.version.split()[0]}, best of {repeat}")
    rows = measure(n_events, repeat)
    print_rows(rows)
    print()
    print_table(["events imported", "peak MB (tracemalloc)", "kB per event"], memory(n_events))
    # A smoke run only checks that the script works: timings of tiny inputs are noise.
    return 0 if args.smoke or not missed(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
