"""``expand="none"``: a recurring series → one event at its first occurrence (the main
VEVENT's DTSTART) that keeps the series, as the file wrote it, in
``extra["ical"]["series"]`` (:mod:`mitimeline.default_plugins.ical.series`), so the
exporter writes it back as a recurring VEVENT with its overrides.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from mitimeline.default_plugins.ical.read.event import EventReader, Read
from mitimeline.default_plugins.ical.rfc5545.lexer import Component
from mitimeline.default_plugins.ical.series import SERIES, KeptSeries

__all__ = ["keep_series"]

_RULE = ("RRULE", "RDATE", "EXDATE", "EXRULE")
_START = ("DTSTART", "DTEND", "DURATION")


def keep_series(reader: EventReader, members: Sequence[Component],
                timezones: Sequence[tuple[str | None, int, str]]) -> list[Read]:
    """The series of ``members`` (its VEVENTs in file order) as one event, given the
    calendar's VTIMEZONEs as (TZID, line, text). A series without a main VEVENT (only
    RECURRENCE-ID overrides) has no rule to keep: each VEVENT is imported once."""
    main = next((member for member in members if member.first("RECURRENCE-ID") is None
                 and any(prop.name in ("RRULE", "RDATE") for prop in member.properties)),
                None)
    if main is None:
        return [read for read in map(reader.read, members) if read is not None]
    read = reader.read(main)
    if read is None:  # no usable DTSTART (reported): nothing to hang the series on
        return []
    lines = _own_lines(main)
    tzids = {prop.params["TZID"] for member in members for prop in member.properties
             if prop.params and "TZID" in prop.params}
    zones: dict[str, tuple[str, ...]] = {}
    for tzid, _line, text in timezones:
        if tzid in tzids and tzid not in zones:
            zones[tzid] = _all_lines(text)
    kept = KeptSeries(
        rule=tuple(line for name, line in lines if name in _RULE),
        start=tuple(line for name, line in lines if name in _START),
        edtf=read.event.when.edtf,
        overrides=tuple(_all_lines(member.raw()) for member in members if member is not main),
        timezones=tuple(zones[tzid] for tzid in sorted(zones)))
    extra = dict(read.event.extra)
    meta = extra.get("ical")
    extra["ical"] = {**(meta if isinstance(meta, dict) else {}), SERIES: kept.data()}
    return [Read(attrs.evolve(read.event, extra=extra), read.keep_id)]


def _all_lines(text: str) -> tuple[str, ...]:
    """The non-blank content lines of a component's text, leading blanks removed."""
    return tuple(line.lstrip(" \t") for line in text.split("\r\n") if line.strip())


def _own_lines(component: Component) -> list[tuple[str, str]]:
    """(upper-case name, line) of the component's own properties (not its alarms')."""
    found: list[tuple[str, str]] = []
    depth = 0
    for line in _all_lines(component.raw())[1:]:
        name = line.split(":", 1)[0].split(";", 1)[0].strip().upper()
        if name == "BEGIN":
            depth += 1
        elif name == "END":
            depth -= 1
        elif depth == 0:
            found.append((name, line))
    return found
