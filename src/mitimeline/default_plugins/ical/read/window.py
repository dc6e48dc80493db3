"""The recurrence policy of ``expand="window"``: which occurrences of a series are imported,
and the one finding per file that says what was left out (docs/ical.md, "Recurring events").

A finite series (every RRULE has COUNT or UNTIL, or it has RDATEs only) is expanded in
full. An open-ended one is expanded from its first DTSTART up to the calendar's
**horizon**: the latest day that a non-recurring event or an occurrence of a finite series
of the same VCALENDAR reaches; and always at least one year from where its window starts,
so that each series shows its pattern (a yearly series once). ``expand_from`` and
``expand_until`` override the start and the end; ``max_occurrences`` caps every series.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import attrs

from mitimeline.default_plugins.ical.rfc5545.lexer import Component
from mitimeline.when import When

__all__ = ["Tally", "Window", "is_open_ended", "latest_day", "open_until", "year_after"]

_BOUNDED = re.compile(r"(?:^|;)[ \t]*(?:COUNT|UNTIL)[ \t]*=", re.IGNORECASE)
_FREQ = re.compile(r"(?:^|;)[ \t]*FREQ[ \t]*=", re.IGNORECASE)


@attrs.frozen
class Window:
    """Occurrences starting on or after ``start`` and before ``until`` (None: no end), at
    most ``limit`` of them."""

    start: date
    until: date | None
    limit: int


def is_open_ended(members: Sequence[Component]) -> bool:
    """True when an RRULE of the series' main VEVENT (one without RECURRENCE-ID) has a FREQ
    and neither COUNT nor UNTIL: its occurrences never end. (RDATEs and overrides alone
    are finite.)"""
    return any(prop.name == "RRULE" and _FREQ.search(prop.value) is not None
               and _BOUNDED.search(prop.value) is None
               for member in members if member.first("RECURRENCE-ID") is None
               for prop in member.properties)


def latest_day(when: When) -> date | None:
    """The last day an event is known to reach: its upper bound, or its lower one when the
    end is open or unknown (None when neither is known)."""
    if when.upper != date.max and not when.open_end:
        return when.upper
    return when.lower if when.lower != date.min else None


def year_after(day: date) -> date:
    """The same day a year later (29 February → 1 March)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day + timedelta(days=1) if day.year >= 9999 else date(day.year + 1, 3, 1)


def open_until(horizon: date | None, start: date) -> date:
    """The (exclusive) end of an open-ended series' window starting at ``start``: the day
    after the calendar's ``horizon``, but at least a year after ``start``."""
    floor = year_after(start) if start.year < 9999 else start
    if horizon is None or horizon < floor:
        return floor
    return horizon + timedelta(days=1) if horizon < date.max else horizon


@attrs.define
class Tally:
    """What the recurrence policy did in one file, for its one finding: ``series`` seen,
    ``limited`` (open-ended series whose window ended while their rule goes on),
    ``occurrences`` imported, ``truncated`` (series cut at ``max_occurrences``), ``kept``
    (series imported as one event with their rule, ``expand="none"``)."""

    series: int = 0
    limited: int = 0
    occurrences: int = 0
    truncated: int = 0
    kept: int = 0

    def message(self, expand: str, cap: int, until: date | None) -> str | None:
        """The finding's message (for these ``expand``, ``max_occurrences`` and
        ``expand_until`` options), or None when nothing was left out."""
        if not self.limited and not self.truncated:
            return None
        parts = [f"{self.series:,} recurring series, {self.occurrences:,} occurrence"
                 f"{'s' if self.occurrences != 1 else ''} imported"]
        if self.limited:
            where = (f"up to expand_until={until}" if until is not None
                     else "up to the calendar's horizon (expand='window')")
            parts.append(f"{self.limited:,} open-ended series expanded only {where}")
        if self.truncated:
            parts.append(f"{self.truncated:,} series cut at max_occurrences={cap}")
        return "; ".join(parts) + (" (set expand, expand_from, expand_until or "
                                   "max_occurrences to change this)")
