"""Recurring events: series (a VEVENT with RRULE/RDATE and its RECURRENCE-ID overrides) →
their occurrences in a window, expanded by ``recurring-ical-events`` (which also applies
X-WR-TIMEZONE through ``x-wr-timezone``). No RRULE logic of our own.

The series of one calendar are expanded together: one icalendar parse of a calendar that
holds, for each series, only the lines that decide its occurrences (:func:`skeleton`), each
VEVENT marked with its series and member number. Each occurrence comes back as the member
it comes from and its DTSTART/DTEND values, so the importer reads it from the file's own
VEVENT with those dates.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs

from mitimeline.default_plugins.ical.read.window import Window
from mitimeline.default_plugins.ical.rfc5545.lexer import Component

__all__ = ["Expansion", "Occurrence", "RecurrenceError", "expand", "skeleton"]


class RecurrenceError(Exception):
    """The series could not be expanded; the message says why."""


@attrs.frozen
class Occurrence:
    """One occurrence: the index of the series' VEVENT it comes from (``member``), and its
    DTSTART and DTEND as content-line parameters (None: none) and values."""

    member: int
    start_params: dict[str, str] | None = attrs.field(hash=False)
    start: str
    end_params: dict[str, str] | None = attrs.field(hash=False)
    end: str


@attrs.frozen
class Expansion:
    """The occurrences of a series in its window, in start order, and whether more were
    left out because of the window's ``limit`` (``truncated``)."""

    occurrences: tuple[Occurrence, ...]
    truncated: bool


_KEPT = frozenset(("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "EXRULE",
                   "RECURRENCE-ID", "SEQUENCE"))
"""The properties that decide a VEVENT's occurrences (SEQUENCE: which override wins)."""
_NAME = re.compile(r"[ \t]*([A-Za-z0-9_.-]+)[ \t]*[:;]")
_MEMBER = "X-MITIMELINE-MEMBER"


def skeleton(component: Component) -> list[str]:
    """The content lines of a VEVENT that decide its occurrences (its own, not its
    alarms'), as written."""
    lines: list[str] = []
    depth = 0
    for line in component.raw().split("\r\n")[1:]:
        match = _NAME.match(line)
        if match is None:
            continue
        name = match.group(1).upper()
        if name == "BEGIN":
            depth += 1
        elif name == "END":
            depth -= 1
        elif depth == 0 and name in _KEPT:
            lines.append(line)
    return lines


def expand(head: str, series: Sequence[Sequence[Sequence[str]]],
           windows: Sequence[Window]) -> list[Expansion | RecurrenceError]:
    """Expand each series (its members' :func:`skeleton` lines) in its window: for each,
    its :class:`Expansion`, or the :class:`RecurrenceError` that stopped it.

    ``head`` is the calendar's text before its VEVENTs: ``BEGIN:VCALENDAR``, its own
    properties (X-WR-TIMEZONE) and VTIMEZONEs. A problem that stops the whole batch makes
    each series be expanded alone, so one broken series does not stop the others.
    """
    if not series:
        return []
    try:
        return _expand_together(head, series, windows)
    except RecurrenceError:
        if len(series) == 1:
            return [_error(head, series[0], windows[0])]
        return [_error(head, members, window) for members, window in zip(series, windows,
                                                                           strict=True)]


def _error(head: str, members: Sequence[Sequence[str]],
           window: Window) -> Expansion | RecurrenceError:
    try:
        return _expand_together(head, [members], [window])[0]
    except RecurrenceError as exc:
        return exc


def _expand_together(head: str, series: Sequence[Sequence[Sequence[str]]],
                     windows: Sequence[Window]) -> list[Expansion | RecurrenceError]:
    # heavy (~150 ms each): imported only when a calendar has a recurring series
    import icalendar
    import recurring_ical_events

    parts = [head]
    for number, members in enumerate(series):
        alone = len(members) == 1
        for member, lines in enumerate(members):
            parts.append(f"BEGIN:VEVENT\r\nUID:{number}\r\n" if alone else
                         f"BEGIN:VEVENT\r\nUID:{number}\r\n{_MEMBER}:{member}\r\n")
            parts += (line + "\r\n" for line in lines
                      if not alone or not line[:8].upper().startswith("SEQUENCE"))
            parts.append("END:VEVENT\r\n")
    parts.append("END:VCALENDAR\r\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendar = icalendar.Calendar.from_ical("".join(parts))
            query = recurring_ical_events.of(calendar)
        except RecursionError:
            raise RecurrenceError("the series nests too deeply to expand") from None
        except Exception as exc:  # icalendar, dateutil and recurring-ical-events raise many
            raise RecurrenceError(f"{type(exc).__name__}: {exc}") from None
        found: dict[str, Any] = {str(item.uid): item for item in query.series}
        results: list[Expansion | RecurrenceError] = []
        for number, (members, window) in enumerate(zip(series, windows, strict=True)):
            item = found.get(str(number))
            if item is None:
                results.append(RecurrenceError("recurring-ical-events found no series"))
                continue
            try:
                results.append(_occurrences(item, window, _period(members[0])))
            except RecursionError:
                results.append(RecurrenceError("the series nests too deeply to expand"))
            except Exception as exc:  # as above
                results.append(RecurrenceError(f"{type(exc).__name__}: {exc}"))
    return results


_HORIZON = date(9000, 1, 1)
"""Where a window without end stops: recurring-ical-events overflows near the year 9999."""
_PERIODS = {"SECONDLY": timedelta(seconds=1), "MINUTELY": timedelta(minutes=1),
            "HOURLY": timedelta(hours=1), "DAILY": timedelta(days=1),
            "WEEKLY": timedelta(weeks=1), "MONTHLY": timedelta(days=28),
            "YEARLY": timedelta(days=365)}
_FREQ = re.compile(r"(?:^|;)FREQ=([A-Z]+)", re.IGNORECASE)
_INTERVAL = re.compile(r"(?:^|;)INTERVAL=([0-9]{1,6})(?:;|$)", re.IGNORECASE)
_FIRST_PROBE = 64
"""The first window probed holds about this many periods of the rule (then it grows)."""


def _period(lines: Sequence[str]) -> timedelta:
    """About how far apart the occurrences of the first RRULE in ``lines`` are (one hour
    when it has none or cannot tell): only sets where probing starts."""
    for line in lines:
        name, _colon, value = line.partition(":")
        if name.split(";")[0].strip().upper() != "RRULE":
            continue
        freq = _FREQ.search(value)
        interval = _INTERVAL.search(value)
        if freq is not None and freq.group(1).upper() in _PERIODS:
            return _PERIODS[freq.group(1).upper()] * (int(interval.group(1)) if interval
                                                      else 1)
    return timedelta(hours=1)


def _occurrences(series: Any, window: Window, period: timedelta) -> Expansion:
    """The occurrences of one recurring-ical-events series from ``window.start`` in a
    window growing fourfold from about :data:`_FIRST_PROBE` periods until it holds more
    than ``window.limit`` or reaches ``window.until`` (default the year 9000), so even an
    endless ``FREQ=SECONDLY`` rule costs little."""
    start, until, limit = window.start, window.until, window.limit
    first = datetime(start.year, start.month, start.day)
    last_day = until or _HORIZON
    last = datetime(last_day.year, last_day.month, last_day.day)
    span = max(period * min(limit, _FIRST_PROBE), timedelta(hours=1))
    chosen: list[tuple[datetime, Any]] = []
    while first < last:
        end = first + span if span < last - first else last
        chosen = [(_sort_key(moment), occurrence) for occurrence in series.between(first, end)
                  if _in_window(moment := occurrence.start, start, until)]
        if len(chosen) > limit or end >= last:
            break
        span *= 4
    chosen.sort(key=lambda pair: pair[0])
    return Expansion(tuple(map(_occurrence, (pair[1] for pair in chosen[:limit]))),
                     truncated=len(chosen) > limit)


def _occurrence(occurrence: Any) -> Occurrence:
    from icalendar import vDDDTypes  # loaded by now (see _expand_together)

    adapter = getattr(occurrence, "_adapter", None)
    component = getattr(adapter, "_component", None)
    if component is None:  # recurring-ical-events changed its internals: the public way
        component = occurrence.as_component(False)
    start, end = vDDDTypes(occurrence.start), vDDDTypes(occurrence.end)
    return Occurrence(int(component.get(_MEMBER, 0)), dict(start.params) or None,
                      start.to_ical().decode("ascii"), dict(end.params) or None,
                      end.to_ical().decode("ascii"))


def _in_window(moment: date | None, start: date, until: date | None) -> bool:
    if not isinstance(moment, date):
        return True
    day = moment.date() if isinstance(moment, datetime) else moment
    return day >= start and (until is None or day < until)


def _sort_key(moment: date | None) -> datetime:
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return moment
    if not isinstance(moment, date):
        return datetime.min
    return datetime(moment.year, moment.month, moment.day)
