"""Recurring events: one series (a VEVENT with RRULE/RDATE and its RECURRENCE-ID overrides)
→ its occurrences, expanded by ``recurring-ical-events`` (which also applies
X-WR-TIMEZONE through ``x-wr-timezone``). No RRULE logic of our own.

Each occurrence comes back as iCalendar text of one VEVENT (icalendar's serialisation, with
DTSTART/DTEND of that occurrence), so the importer reads it like any other event.
"""

from __future__ import annotations

import warnings
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs

__all__ = ["Expansion", "RecurrenceError", "expand"]


class RecurrenceError(Exception):
    """The series could not be expanded; the message says why."""


@attrs.frozen
class Expansion:
    """The occurrences of a series in the window, and whether more were left out because
    of ``limit`` (``truncated``)."""

    occurrences: tuple[str, ...]
    truncated: bool


def expand(calendar_text: str, start: date, until: date | None, limit: int) -> Expansion:
    """Expand the one series in ``calendar_text`` (a VCALENDAR holding its VEVENTs and the
    VTIMEZONEs they use): occurrences starting on or after ``start`` and before ``until``,
    at most ``limit`` of them, in start order.

    The window grows from one hour, doubling, until it holds more than ``limit``
    occurrences or reaches ``until`` (default the year 9000), so even an endless
    ``FREQ=SECONDLY`` rule costs little (``recurring-ical-events``' own ``after()`` is far
    slower and never ends on all-day series).
    """
    # heavy (~150 ms each): imported only when a calendar has a recurring series
    import icalendar
    import recurring_ical_events

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendar = icalendar.Calendar.from_ical(calendar_text)
            query = recurring_ical_events.of(calendar)
            found = _grow(query, start, until or _HORIZON, limit)
            chosen = sorted((occurrence for occurrence in found
                             if _in_window(_start_of(occurrence), start, until)),
                            key=lambda occurrence: _sort_key(_start_of(occurrence)))
            texts = tuple(occurrence.to_ical().decode("utf-8") for occurrence in chosen[:limit])
    except RecursionError:
        raise RecurrenceError("the series nests too deeply to expand") from None
    except Exception as exc:  # icalendar, dateutil and recurring-ical-events raise many kinds
        raise RecurrenceError(f"{type(exc).__name__}: {exc}") from None
    return Expansion(texts, truncated=len(chosen) > limit)


_FIRST_SPAN = timedelta(hours=1)
_HORIZON = date(9000, 1, 1)
"""Where the window stops growing: recurring-ical-events overflows near the year 9999."""


def _grow(query: Any, start: date, until: date, limit: int) -> list[Any]:
    """The occurrences from ``start`` in a window doubling from one hour until it holds more
    than ``limit`` or reaches ``until``."""
    first = datetime(start.year, start.month, start.day)
    last = datetime(until.year, until.month, until.day)
    found: list[Any] = []
    span = _FIRST_SPAN
    while first < last:
        end = first + span if span < last - first else last
        found = query.between(first, end)
        if len(found) > limit or end >= last:
            break
        span *= 2
    return found


def _start_of(occurrence: Any) -> date | None:
    value = getattr(occurrence.get("DTSTART"), "dt", None)
    return value if isinstance(value, date) else None


def _in_window(moment: date | None, start: date, until: date | None) -> bool:
    if moment is None:
        return True
    day = moment.date() if isinstance(moment, datetime) else moment
    return day >= start and (until is None or day < until)


def _sort_key(moment: date | None) -> datetime:
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        return moment
    if moment is None:
        return datetime.min
    return datetime(moment.year, moment.month, moment.day)
