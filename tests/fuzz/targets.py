"""The fuzz targets, shared by ``tests/test_fuzz.py`` (Hypothesis) and ``fuzz.py`` (atheris).

``run(target, data)`` feeds ``data`` to one target and returns normally when the target
behaved: it either succeeded (and the cheap properties of its result held) or raised one
of mitimeline's documented errors. Anything else escapes, and is a crash:

* parsers (``json``, ``ical``, ``csv``, ``news``, ``probe``) are called directly,
  ``find_parser(name).parse(BytesIO(data), options)``, *not* through ``loads()``, whose
  safety net turns any exception into ``ParseError`` and would hide bugs. Only a
  :class:`~mitimeline.MitimelineError` may come out. ``sniff`` must not raise at all and
  must return a ``bool``. A timeline that parsed must export to the same format and parse
  back (JSON: to an equal timeline).
* ``when`` decodes ``data`` as UTF-8 and calls ``When.parse``: only
  :class:`~mitimeline.DateParseError` may come out; a ``When`` that parsed has
  ``lower <= upper``, re-reads from its canonical text to itself, and describes itself.

The options a parser gets are picked from a checksum of ``data``, so a corpus of plain
files exercises every variant and a crasher replays with the same options.
"""

from __future__ import annotations

import io
import warnings
import zlib
from datetime import date
from typing import Any

import mitimeline
from mitimeline import DateParseError, MitimelineError, When
from mitimeline.formats import SNIFF_BYTES, build_options
from mitimeline.plugins import find_exporter, find_parser

__all__ = ["OPTIONS", "PARSERS", "TARGETS", "options_for", "run"]

PARSERS = ("json", "ical", "csv", "news", "probe")
TARGETS = (*PARSERS, "when")

OPTIONS: dict[str, tuple[dict[str, Any], ...]] = {
    "json": ({},),
    "ical": ({}, {"strict": True}, {"max_occurrences": 3},
             {"expand_from": date(2020, 1, 1), "expand_until": date(2021, 1, 1)}),
    "csv": ({}, {"delimiter": ";"}, {"header": False}, {"header": True, "delimiter": ","},
            {"unescape_formulas": False, "title": "t"}),
    "news": ({}, {"published": "2020-10-05"}, {"published": 2021, "language": "it"},
             {"published": "October 2020", "language": "de", "production": "Mission: Impossible 7"},
             {"language": "en", "publisher": "The Independent", "url": "https://x.y"}),
    "probe": ({},),
}
"""The option sets each parser is fuzzed with (all valid: bad options are OptionsError's job)."""

# Exporters that carry what the parser read, for the re-export property. The csv, news and
# probe formats are lossy or have no exporter of their own; they re-export through JSON.
_REEXPORT = {"json": "json", "ical": "ical", "csv": "csv", "news": "json", "probe": "probe"}


def options_for(target: str, data: bytes) -> dict[str, Any]:
    """The option set ``data`` is parsed with: chosen by a checksum, so it is reproducible."""
    choices = OPTIONS[target]
    return choices[zlib.crc32(data) % len(choices)]


def run(target: str, data: bytes, options: dict[str, Any] | None = None) -> None:
    """Feed ``data`` to ``target`` (a parser with ``options``, default: ``options_for``);
    return if it behaved, else let the crash escape."""
    if target == "when":
        _run_when(data)
    else:
        _run_parser(target, data, options_for(target, data) if options is None else options)


def _run_parser(name: str, data: bytes, given: dict[str, Any]) -> None:
    parser = find_parser(name)
    sniffed = parser.sniff(data[:SNIFF_BYTES])
    if not isinstance(sniffed, bool):
        raise AssertionError(f"{name}.sniff returned {type(sniffed).__name__}, not bool")
    options = build_options(parser, given)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ICalImportWarning: findings are not crashes
        try:
            timeline = parser.parse(io.BytesIO(data), options)
        except MitimelineError:
            return
        if not isinstance(timeline, mitimeline.Timeline):
            raise AssertionError(f"{name}.parse returned {type(timeline).__name__}")
        _reexport(name, timeline)


def _reexport(name: str, timeline: mitimeline.Timeline) -> None:
    """A timeline that parsed exports (or refuses with ExportError) and the output parses."""
    fmt = _REEXPORT[name]
    exporter = find_exporter(fmt)
    stream = io.BytesIO()
    try:
        exporter.export(timeline, stream, build_options(exporter, {}))
    except mitimeline.ExportError:
        return  # e.g. a lone surrogate that UTF-8 cannot carry: refused, not a crash
    parser = find_parser(fmt)
    again = parser.parse(io.BytesIO(stream.getvalue()), build_options(parser, {}))
    if fmt == "json" and again != timeline:
        raise AssertionError(f"{name} → json → parse changed the timeline:\n"
                             f"{timeline!r}\n!=\n{again!r}")


def _run_when(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    try:
        when = When.parse(text)
    except DateParseError:
        return
    check_when(when)


def check_when(when: When) -> None:
    """The properties every parsed ``When`` has. An interval may end before it starts
    (``Timeline.validate()`` reports that, ``When`` accepts it); its bounds are its ends'."""
    start, end = when.start, when.end
    for part in (start, end) if when.is_interval else (when,):
        if part is not None:
            assert part.lower <= part.upper, f"{when!r}: {part!r} has lower > upper"
    if when.is_interval:
        assert when.lower == (start.lower if start else date.min), f"{when!r}: lower"
        assert when.upper == (end.upper if end else date.max), f"{when!r}: upper"
    again = When(when.edtf)
    assert again == when and (again.lower, again.upper) == (when.lower, when.upper), (
        f"{when!r} does not re-read from its canonical text: {again!r}")
    assert When.parse(str(when)) == when
    assert isinstance(when.describe(), str)

