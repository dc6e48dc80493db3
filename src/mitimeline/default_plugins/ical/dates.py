"""``When`` ⇄ calendar spans (DTSTART, DTEND).

Export (:func:`calendar_span`): a ``When`` whose ends both carry a time of day is a timed
event, in UTC (a floating time is read in the place's time zone when it has one, else stays
floating); every other ``When`` is an all-day span from its lower to its upper bound, DTEND
exclusive (one of a set: its hull; multiple dates: one span per run of days,
:func:`calendar_spans`; the exact EDTF is kept in ``X-MITIMELINE-EDTF``). Import
(:func:`when_from_span`) undoes it: all-day spans become day-precision dates or intervals,
timed events keep their times.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from mitimeline.when import When

__all__ = ["Moment", "calendar_span", "calendar_spans", "day_runs", "same_span", "when_from_span"]

Moment = date | datetime
"""A DTSTART/DTEND value: a ``date`` (all-day) or a ``datetime`` (timed)."""

_DAY = timedelta(days=1)


def calendar_span(when: When, zone: str | None) -> tuple[Moment, Moment | None]:
    """(DTSTART, DTEND) for ``when``; DTEND ``None`` means "write none".

    Timed: both ends in UTC (or both floating), swapped if reversed, no DTEND for an instant
    (calcurse rejects DTEND == DTSTART). All-day: the bounds, swapped if reversed; an open
    or unknown end counts as its known end's own span, a set as its hull (multiple dates
    are written one VEVENT per run: :func:`calendar_spans`); DTEND is the day after the last,
    none for a single day at 9999-12-31, and 9999-12-31 when a longer span reaches it
    (``date`` cannot hold the day after).
    """
    timed = _timed_span(when, zone)
    if timed is not None:
        return timed
    return _all_day(*_day_bounds(when))


def _all_day(first: date, last: date) -> tuple[date, date | None]:
    if last == date.max:
        return first, (None if first == last else last)
    return first, last + _DAY


def calendar_spans(when: When, zone: str | None) -> list[tuple[Moment, Moment | None]]:
    """One (DTSTART, DTEND) per VEVENT that ``when`` is written as: for multiple dates
    (``{a,b}``) one all-day span per run of days (:func:`day_runs`), for anything else its
    :func:`calendar_span`."""
    if not when.is_multiple:
        return [calendar_span(when, zone)]
    return [_all_day(first, last) for first, last in day_runs(when)]


def day_runs(when: When) -> list[tuple[date, date]]:
    """The runs of days multiple dates are written as, inclusive: each member's days (an
    open member as its known end's), adjacent or overlapping ones joined; for anything else
    its one all-day span's days."""
    if not when.is_multiple:
        return [_day_bounds(when)]
    runs: list[tuple[date, date]] = []
    for first, last in sorted(map(_day_bounds, when.members)):
        if runs and first <= runs[-1][1] + _DAY:
            runs[-1] = (runs[-1][0], max(last, runs[-1][1]))
        else:
            runs.append((first, last))
    return runs


def when_from_span(start: Moment, end: Moment | None) -> tuple[When, list[str]]:
    """The ``When`` a calendar span means, and what was wrong with it (empty when fine).

    Dates: DTEND is exclusive; a missing DTEND or one equal to DTSTART means one day.
    Times: kept, with their offset (or floating); a missing DTEND or one equal to DTSTART
    means an instant. A DTEND before DTSTART is ignored (reported).
    """
    problems: list[str] = []
    if not isinstance(start, datetime):
        if end is None:
            return When.coerce(start), problems
        if isinstance(end, datetime):
            problems.append("DTSTART is a date but DTEND a date-time; DTEND read as a date")
            end = end.date() + (_DAY if end.time() != datetime.min.time() else timedelta(0))
        if end <= start:
            if end < start:
                problems.append(f"DTEND {end} is before DTSTART {start}; read as one day")
            return When.coerce(start), problems
        last = end - _DAY
        return (When.coerce(start) if last == start else When.interval(start, last)), problems
    if end is None:
        return When.coerce(start), problems
    if not isinstance(end, datetime):
        problems.append("DTSTART is a date-time but DTEND a date; DTEND read as that day")
        last = end - _DAY
        if last < start.date():
            return When.coerce(start), problems
        return When.interval(start, last), problems
    if (start.tzinfo is None) != (end.tzinfo is None):
        problems.append("DTSTART and DTEND mix floating and zoned times; DTEND read in "
                        "DTSTART's zone")
        end = end.replace(tzinfo=start.tzinfo)
    if end < start:
        problems.append(f"DTEND {end.isoformat()} is before DTSTART {start.isoformat()}; "
                        "read as an instant")
        return When.coerce(start), problems
    if end == start:
        return When.coerce(start), problems
    return When.interval(start, end), problems


def same_span(a: When, b: When) -> bool:
    """Whether two ``When`` values fill the same calendar span: the same instants (compared
    across offsets) when both are timed, the same day bounds when neither is."""
    a_times = (a.start_datetime, a.end_datetime)
    b_times = (b.start_datetime, b.end_datetime)
    if a.precision == "time" or b.precision == "time":
        if None in a_times or None in b_times:
            return False
        for x, y in zip(a_times, b_times, strict=True):
            assert x is not None and y is not None
            if (x.tzinfo is None) != (y.tzinfo is None) or x != y:
                return False
        return True
    return (a.lower, a.upper) == (b.lower, b.upper)


def _timed_span(when: When, zone: str | None) -> tuple[datetime, datetime | None] | None:
    start, end = when.start_datetime, when.end_datetime
    if start is None or end is None:
        return None
    try:
        first, last = _utc(start, zone), _utc(end, zone)
    except OverflowError:  # a zone pushes year 1 or 9999 out of range
        return None
    if (first.tzinfo is None) != (last.tzinfo is None):
        return None
    if last < first:
        first, last = last, first
    return first, (None if last == first else last)


def _utc(moment: datetime, zone: str | None) -> datetime:
    if moment.tzinfo is None:
        if zone is None:
            return moment
        moment = moment.replace(tzinfo=_zone(zone))
    return moment.astimezone(timezone.utc)


@lru_cache(maxsize=256)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _day_bounds(when: When) -> tuple[date, date]:
    """The days of the all-day span ``when`` is written as: its bounds, an open or unknown
    end as its known end's own; a set's from its members' (its hull, open ends so read)."""
    if when.is_set:
        spans = [_day_bounds(member) for member in when.members]
        return min(first for first, _ in spans), max(last for _, last in spans)
    part = when
    if when.is_interval:
        if when.start is None:
            part = when.end or when
        elif when.end is None:
            part = when.start
    first, last = part.lower, part.upper
    return (first, last) if first <= last else (last, first)
