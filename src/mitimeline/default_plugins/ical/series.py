"""A recurring series kept as one event (``expand="none"``): what the reader stores in
``extra["ical"]["series"]`` and the writer writes back as a recurring VEVENT, in one place.

The data is the series as the file wrote it, as unfolded content lines:

- ``rule``: the RRULE, RDATE, EXDATE and EXRULE lines of the series' main VEVENT;
- ``start``: its DTSTART, DTEND and DURATION lines;
- ``edtf``: the event's date as read from them (the writer writes ``start`` back while the
  event's ``when`` is still this; a moved event gets its own dates);
- ``overrides``: each RECURRENCE-ID VEVENT, all its lines from BEGIN to END;
- ``timezones``: each VTIMEZONE the series' TZIDs name, from BEGIN to END.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["SERIES", "KeptSeries", "kept_series", "without_series"]

SERIES = "series"
"""The key of the series in ``extra["ical"]``."""

_RULE = frozenset(("RRULE", "RDATE", "EXDATE", "EXRULE"))
_START = frozenset(("DTSTART", "DTEND", "DURATION"))
_NAME = re.compile(r"([A-Za-z0-9_.-]+)[;:]")
_LINE_BREAKS = re.compile("[\r\n\x00\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _lines(value: object, names: frozenset[str] | None = None) -> tuple[str, ...] | None:
    """``value`` as content lines (each ``NAME:...`` or ``NAME;...``, one line each, named
    in ``names`` if given), or None."""
    if not isinstance(value, (list, tuple)):
        return None
    lines = []
    for line in value:
        if not isinstance(line, str) or _LINE_BREAKS.search(line):
            return None
        match = _NAME.match(line)
        if match is None or (names is not None and match.group(1).upper() not in names):
            return None
        lines.append(line)
    return tuple(lines)


def _blocks(value: object, name: str) -> tuple[tuple[str, ...], ...] | None:
    """``value`` as components called ``name``, each its lines from BEGIN to END."""
    if not isinstance(value, (list, tuple)):
        return None
    blocks = []
    for item in value:
        lines = _lines(item)
        if (lines is None or len(lines) < 2 or lines[0].upper() != f"BEGIN:{name}"
                or lines[-1].upper() != f"END:{name}"):
            return None
        blocks.append(lines)
    return tuple(blocks)


@attrs.frozen
class KeptSeries:
    """A series kept as one event (see the module for the fields)."""

    rule: tuple[str, ...]
    start: tuple[str, ...]
    edtf: str
    overrides: tuple[tuple[str, ...], ...] = ()
    timezones: tuple[tuple[str, ...], ...] = ()

    def data(self) -> dict[str, Any]:
        """The JSON-able value of ``extra["ical"]["series"]``."""
        data: dict[str, Any] = {"rule": list(self.rule), "start": list(self.start),
                                "edtf": self.edtf}
        if self.overrides:
            data["overrides"] = [list(lines) for lines in self.overrides]
        if self.timezones:
            data["timezones"] = [list(lines) for lines in self.timezones]
        return data

    @classmethod
    def from_data(cls, data: object) -> KeptSeries | None:
        """The series ``data`` holds, or None when it is not one (a malformed or edited value
        is written as a plain event rather than as broken iCalendar)."""
        if not isinstance(data, Mapping):
            return None
        rule = _lines(data.get("rule"), _RULE)
        start = _lines(data.get("start"), _START)
        edtf = data.get("edtf")
        overrides = _blocks(data.get("overrides", []), "VEVENT")
        timezones = _blocks(data.get("timezones", []), "VTIMEZONE")
        if (not rule or not start or not isinstance(edtf, str) or overrides is None
                or timezones is None):
            return None
        return cls(rule, start, edtf, overrides, timezones)


def kept_series(extra: Mapping[str, Any]) -> KeptSeries | None:
    """The series an event's ``extra`` keeps (``extra["ical"]["series"]``), or None."""
    meta = extra.get("ical")
    return KeptSeries.from_data(meta.get(SERIES)) if isinstance(meta, Mapping) else None


def without_series(extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` without a kept series (``extra["ical"]["series"]``), the same dict when it
    has none: for an occurrence of a series, which is one event, and for the lossless
    ``X-MITIMELINE-EXTRA`` of a series written as a recurring VEVENT, whose lines say it."""
    meta = extra.get("ical")
    if not isinstance(meta, dict) or SERIES not in meta:
        return extra
    rest = {key: value for key, value in meta.items() if key != SERIES}
    if rest:
        return {**extra, "ical": rest}
    return {key: value for key, value in extra.items() if key != "ical"}
