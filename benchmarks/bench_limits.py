"""Size and shape limits: time and peak memory of big and pathological inputs.

Each case runs in a fresh subprocess (``--case NAME``), so its peak RSS
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) is its own; "RSS +MB" is that peak minus
the peak after imports, i.e. what the operation itself cost. Inputs are generated on disk
by streaming writes, so the parent stays small. Cases:

- JSON / .ics load of a file of ``--mb`` megabytes made of many events, and the
  one-giant-line variants (compact JSON on one line; an .ics with one huge DESCRIPTION line;
  an .ics with no newline at all);
- ``--events`` events through load (JSON) and every exporter (gantt ones refuse politely);
- a 1 MB title and description through every exporter;
- deep nesting (JSON arrays, objects, ``extra``), a CSV with one huge field, the news parser
  on text with no sentence breaks, and long adversarial date strings.

A case "fails" only by crashing, hanging past ``--timeout`` or raising something other than
the documented error; the exit status is 1 then (never for timings).
Run: python benchmarks/bench_limits.py [--mb 200] [--events 1000000] [--timeout 900] [--smoke]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # run from a checkout without installing: use ../src
    import mitimeline  # noqa: F401
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _common import print_table

HERE = Path(__file__).resolve()
EXPORTERS = ("json", "ical", "csv", "timelinejs", "mermaid", "svg", "html", "png", "pdf")

# -- input generators (streaming writes) --------------------------------------------------


def _json_event(i: int) -> dict[str, Any]:
    return {
        "id": f"event-{i:07d}", "title": f"Shoot #{i} at Helsetkopen",
        "when": f"{2019 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", "kind": "shoot",
        "status": "confirmed",
        "place": {"name": "Helsetkopen", "locality": "Stryn", "country": "NO"},
        "people": [{"name": "Tom Cruise", "role": "actor"}], "tags": ["aerial", "cliff"],
        "description": "Reported by several crew members; details unconfirmed.",
    }


def write_json(path: str, n_events: int, indent: int | None) -> None:
    """A mitimeline JSON document of ``n_events`` events, one line when ``indent`` is None."""
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"mitimeline": 1, "title": "Generated", "events": [')
        for i in range(n_events):
            text = json.dumps(_json_event(i), indent=indent)
            out.write(("," if i else "") + ("\n" if indent is not None else "") + text)
        out.write("]}\n")


def json_events_for(megabytes: float) -> int:
    return max(1, int(megabytes * 1e6 / (len(json.dumps(_json_event(0), indent=2)) + 2)))


_ICS_EVENT = ("BEGIN:VEVENT\r\nUID:event-{i:07d}@bench\r\nDTSTAMP:20200101T000000Z\r\n"
              "DTSTART;VALUE=DATE:2020{m:02d}{d:02d}\r\nSUMMARY:Shoot #{i} at Helsetkopen\r\n"
              "LOCATION:Helsetkopen\\, Stryn\\, Norway\r\nDESCRIPTION:Reported by several "
              "crew members\\; details unconfirmed.\r\nCATEGORIES:SHOOT\r\nEND:VEVENT\r\n")
_ICS_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
_ICS_TAIL = "END:VCALENDAR\r\n"


def write_ics(path: str, n_events: int) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(_ICS_HEAD)
        for i in range(n_events):
            out.write(_ICS_EVENT.format(i=i, m=1 + i % 12, d=1 + i % 28))
        out.write(_ICS_TAIL)


def ics_events_for(megabytes: float) -> int:
    return max(1, int(megabytes * 1e6 / len(_ICS_EVENT.format(i=0, m=1, d=1))))


def write_ics_giant_line(path: str, size: int, newlines: bool) -> None:
    """One VEVENT whose DESCRIPTION is ``size`` bytes on one line; with ``newlines``
    False, the whole file has no line end at all."""
    end = "\r\n" if newlines else ""
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(_ICS_HEAD.replace("\r\n", end) + _ICS_EVENT.format(i=0, m=1, d=1)
                  .replace("\r\n", end).replace("END:VEVENT" + end, "DESCRIPTION:"))
        chunk = "x" * 1_000_000
        for _ in range(size // len(chunk)):
            out.write(chunk)
        out.write(end + "END:VEVENT" + end + _ICS_TAIL.replace("\r\n", end))


# -- cases (each runs in its own process) -------------------------------------------------


def _timeline(n_events: int, title: str = "", description: str | None = None) -> Any:
    from mitimeline import Event, Place, Timeline

    place = Place("Helsetkopen", "Stryn", None, "NO")
    events = [Event(f"event-{i:07d}", title or f"Shoot #{i}",
                    f"{2019 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}", "shoot", place,
                    description=description)
              for i in range(n_events)]
    return Timeline("Generated", events)


def case_load(path: str, fmt: str) -> str:
    import warnings

    from mitimeline import MitimelineError, load

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            timeline = load(path, format=fmt)
        except MitimelineError as exc:
            return f"{type(exc).__name__}: {_short(str(exc))}"
    note = f"; {len(caught)} warning(s)" if caught else ""
    return f"{len(timeline)} events{note}"


def case_export(timeline: Any, fmt: str) -> str:
    from mitimeline import MitimelineError, export

    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "out")
        try:
            export(timeline, target, format=fmt)
        except MitimelineError as exc:
            return f"{type(exc).__name__}: {_short(str(exc))}"
        return f"{os.path.getsize(target) / 1e6:.1f} MB written"


def case_loads(data: bytes, fmt: str) -> str:
    from mitimeline import MitimelineError, loads

    options = {"language": "en"} if fmt == "news" else {}
    try:
        return f"{len(loads(data, fmt, **options))} events"
    except MitimelineError as exc:
        return f"{type(exc).__name__}: {_short(str(exc))}"


def case_date(text: str) -> str:
    from mitimeline import DateParseError, When

    try:
        return f"read as {When.parse(text).edtf}"
    except DateParseError as exc:
        return f"DateParseError: {_short(str(exc))}"


def _short(text: str, size: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 3] + "..."


def run_case(name: str, arg: str) -> dict[str, Any]:
    """Run case ``name`` in this process; its result, seconds and RSS figures."""
    from mitimeline import When  # noqa: F401 -- imports before the baseline
    from mitimeline.plugins import list_formats

    list_formats()  # load every plugin before the baseline
    operation = _operation(name, arg)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = operation()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"result": result, "seconds": seconds, "peak_mb": peak / 1024,
            "delta_mb": (peak - base) / 1024}


def _operation(name: str, arg: str) -> Callable[[], str]:
    """The work of case ``name``; its setup (building timelines, reading) happens here,
    before the memory baseline."""
    kind, _, rest = name.partition(":")
    if kind == "load":
        return lambda: case_load(arg, rest)
    if kind == "export":  # export:FMT, arg = "EVENTS" or "EVENTS,TITLE_BYTES"
        count, _, big = arg.partition(",")
        text = "T" * int(big) if big else ""
        timeline = _timeline(int(count), text, text or None)
        return lambda: case_export(timeline, rest)
    if kind == "loads":  # loads:FMT, arg = path of the input
        data = Path(arg).read_bytes()
        return lambda: case_loads(data, rest)
    if kind == "date":
        text = Path(arg).read_text(encoding="utf-8")
        return lambda: case_date(text)
    raise SystemExit(f"unknown case {name!r}")


# -- the driver ---------------------------------------------------------------------------


def measure(name: str, arg: str, timeout: float) -> dict[str, Any]:
    """Run ``name`` in a fresh interpreter; a crash or a hang is reported, never raised."""
    command = [sys.executable, str(HERE), "--case", name, "--arg", arg]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        return {"result": f"HANG: killed after {timeout:g} s", "failed": True}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"result": f"CRASH (exit {done.returncode}): {_short(last)}", "failed": True}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _adversarial(size: int) -> dict[str, str]:
    return {
        f"{size:,} digits": "1" * size,
        "'early ' x N": "early " * (size // 6),
        "digits then '-'": "1" * size + "-",
        "'2020 to ' chained": "2020 to " * (size // 8) + "2021",
        "'between 2020 and ' x N": "between 2020 and " * (size // 17),
        "separators '- -'": " - " * (size // 3),
        "qualifiers '?~%'": "2020" + "?~%" * (size // 3),
        "'Sep 6, ' x N": "Sep 6, " * (size // 7) + "2020",
    }


def plan(megabytes: float, events: int, big: int, depth: int,
         tmp: str) -> list[tuple[str, str, str, str]]:
    """(section, label, case, arg) of every measurement; writes the inputs into ``tmp``."""
    rows: list[tuple[str, str, str, str]] = []
    n_json, n_ics = json_events_for(megabytes), ics_events_for(megabytes)
    files = {
        "json": (f"{megabytes:g} MB JSON, {n_json:,} events (indented)", "json",
                 lambda p: write_json(p, n_json, 2)),
        "json1": (f"{megabytes:g} MB JSON, {n_json:,} events (one line)", "json",
                  lambda p: write_json(p, n_json, None)),
        "ics": (f"{megabytes:g} MB .ics, {n_ics:,} events", "ical",
                lambda p: write_ics(p, n_ics)),
        "icsline": (f"{megabytes:g} MB .ics, one {megabytes:g} MB line", "ical",
                    lambda p: write_ics_giant_line(p, int(megabytes * 1e6), True)),
        "icsnonl": (f"{megabytes:g} MB .ics, no newline at all", "ical",
                    lambda p: write_ics_giant_line(p, int(megabytes * 1e6), False)),
    }
    for key, (label, fmt, write) in files.items():
        path = os.path.join(tmp, f"{key}.{fmt}")
        write(path)
        rows.append(("load", label, f"load:{fmt}", path))
    events_path = os.path.join(tmp, "events.json")
    write_json(events_path, events, None)
    rows.append(("events", f"load {events:,} events (JSON)", "load:json", events_path))
    for fmt in EXPORTERS:
        rows.append(("events", f"export {events:,} events as {fmt}", f"export:{fmt}",
                     str(events)))
    for fmt in EXPORTERS:
        rows.append(("big text", f"{big / 1e6:g} MB title + description -> {fmt}",
                     f"export:{fmt}", f"1,{big}"))
    shapes = {
        f"JSON [[[...]]] {depth:,} deep": "[" * depth + "]" * depth,
        f'JSON {{"a":{{"a":...}}}} {depth:,} deep': '{"a":' * depth + "1" + "}" * depth,
        "JSON extra 200 deep": json.dumps({"mitimeline": 1, "title": "t", "events": [
            {"id": "e", "title": "t", "when": "2020", "extra": {"k": _nest(200)}}]}),
    }
    for index, (label, text) in enumerate(shapes.items()):
        path = os.path.join(tmp, f"shape{index}.json")
        Path(path).write_text(text, encoding="utf-8")
        rows.append(("shape", label, "loads:json", path))
    csv_path = os.path.join(tmp, "field.csv")
    Path(csv_path).write_text("id,title,when\ne," + "x" * big + ",2020\n", encoding="utf-8")
    rows.append(("shape", f"CSV with one {big / 1e6:g} MB field", "loads:csv", csv_path))
    for label, text in (("no sentence breaks", "word " * (5 * big // 5)),
                        ("no spaces", "x" * (5 * big))):
        path = os.path.join(tmp, f"news-{label[:5]}.txt")
        Path(path).write_text(text, encoding="utf-8")
        rows.append(("shape", f"news: {5 * big / 1e6:g} MB, {label}", "loads:news", path))
    from mitimeline.limits import MAX_DATE_LENGTH

    for index, (label, text) in enumerate(_adversarial(big // 10).items()):
        for cut, what in ((len(text), label), (MAX_DATE_LENGTH, f"{label}, cut to the limit")):
            path = os.path.join(tmp, f"date{index}-{cut}.txt")
            Path(path).write_text(text[:cut], encoding="utf-8")
            rows.append(("date", f"When.parse: {what}", "date", path))
    return rows


def _nest(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=200, help="size of the big files (200)")
    parser.add_argument("--events", type=int, default=1_000_000, help="events (1000000)")
    parser.add_argument("--big", type=int, default=1_000_000,
                        help="bytes of the big title, CSV field, etc. (1000000)")
    parser.add_argument("--depth", type=int, default=100_000, help="JSON nesting (100000)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per case (900)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    parser.add_argument("--only", help="run only cases whose label contains this text")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--arg", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case, args.arg)))
        return 0
    if args.smoke:
        args.mb, args.events, args.big, args.depth = 0.2, 200, 10_000, 2_000
    failed = False
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for section, label, case, arg in plan(args.mb, args.events, args.big, args.depth, tmp):
            if args.only and args.only not in label:
                continue
            size = os.path.getsize(arg) if os.path.exists(arg) else 0
            got = measure(case, arg, args.timeout)
            failed |= bool(got.get("failed"))
            per_event = _per_event(got, size)
            rows.append([f"{section}: {label}", _fmt(got.get("seconds")), _fmt(got.get("peak_mb")),
                         _fmt(got.get("delta_mb")), per_event, got["result"]])
            print(f"  done: {label}", file=sys.stderr, flush=True)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; peak RSS in MB")
    print_table(["case", "s", "peak", "RSS +MB", "B/event", "result"], rows)
    return 1 if failed else 0


def _per_event(got: dict[str, Any], size: int) -> str:
    """Memory per event kept, for the load cases that produced many events."""
    result = str(got.get("result", ""))
    count = result.split(" ")[0]
    if not count.isdigit() or int(count) < 1000 or "delta_mb" not in got:
        return ""
    return f"{got['delta_mb'] * 1024 * 1024 / int(count):,.0f}"


def _fmt(value: object) -> str:
    if not isinstance(value, float):
        return ""
    return f"{value:.3g}" if value < 1000 else f"{value:,.0f}"


if __name__ == "__main__":
    sys.exit(main())
