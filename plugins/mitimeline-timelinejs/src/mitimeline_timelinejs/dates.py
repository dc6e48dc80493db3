"""A ``When`` as TimelineJS dates: only the parts it knows, plus a truthful display text.

TimelineJS fills a missing month or day with 1 and prints the finest part given
("September 2020"), so a date is written with exactly the parts the ``When`` knows:
``2020-09`` becomes ``{"year": 2020, "month": 9}``, never a day. A single date that stands
for a range (a season, unspecified digits such as ``201X``) is written as the range's
first and last parts. :func:`slide_dates` also says when TimelineJS's own rendering of
those parts would not tell the truth (approximate, uncertain, a season, a range, an open
or unknown end, a UTC offset) and gives the text to show instead.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import attrs
from mitimeline import When

__all__ = ["Parts", "SlideDates", "describe", "slide_dates"]

Parts = dict[str, int]
"""A TimelineJS date object: ``year`` and, when known, ``month`` … ``second``."""

MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
"""English month names, fixed (``calendar.month_name`` follows the process locale)."""

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

_GRANULARITIES = ("year", "month", "day")


@attrs.frozen
class SlideDates:
    """The dates of one slide or era.

    ``start`` is always set; ``end`` is ``None`` for a single point; ``display`` is the text
    to show instead of TimelineJS's own rendering of the parts, or ``None`` when that
    rendering is already truthful.
    """

    start: Parts
    end: Parts | None
    display: str | None


def slide_dates(when: When) -> SlideDates:
    """The TimelineJS dates of ``when``.

    An interval runs from its start's first parts to its end's last parts. An interval
    with an open or unknown end (``../2018``, ``2020-10~/``) shows only its known end,
    as a point or a range, with a display text such as "until 2018" or
    "c. October 2020 – unknown".
    """
    if when.is_set:
        return _set_dates(when)
    if not when.is_interval:
        start, end = _span(when)
        needs_text = end is not None or _needs_text(when)
        return SlideDates(start, end, describe(when) if needs_text else None)
    first, last = when.start, when.end
    if first is None or last is None:
        known = last if first is None else first
        assert known is not None  # an EDTF interval has at least one date
        start, end = _span(known)
        return SlideDates(start, end, describe(when))
    start = _span(first)[0]
    end = _span(last)[1] or _span(last)[0]
    fuzzy = any(_needs_text(part) or _span(part)[1] is not None for part in (first, last))
    return SlideDates(start, None if end == start else end, describe(when) if fuzzy else None)


def _set_dates(when: When) -> SlideDates:
    """A set as its hull, from its first member's first parts to its last member's last (an
    open end as its member's known end), always with a display text naming the members."""
    first, last = _known_ends(when.members[0]), _known_ends(when.members[-1])
    start = _span(first[0])[0]
    end = _span(last[1])[1] or _span(last[1])[0]
    return SlideDates(start, None if end == start else end, describe(when))


def _known_ends(when: When) -> tuple[When, When]:
    """The first and last known single dates of a set's member (an open end is the other)."""
    if not when.is_interval:
        return when, when
    first, last = when.start or when.end, when.end or when.start
    assert first is not None and last is not None  # a member has a known end
    return first, last


def describe(when: When) -> str:
    """English text for ``when`` in TimelineJS's style: "September 6, 2020", "c. 2019",
    "autumn 2020", "September 2020?" (uncertain), "until 2018", "a – b"; multiple dates
    "a and b", one of a set "some time in a or b" ("on or before a", "on or after a")."""
    if when.is_set:
        return _describe_set(when)
    if not when.is_interval:
        return _describe_single(when)
    first, last = when.start, when.end
    if first is None:
        assert last is not None
        return f"until {_describe_single(last)}" if str(when).startswith("..") else (
            f"unknown – {_describe_single(last)}")
    if last is None:
        return f"from {_describe_single(first)}" if str(when).endswith("..") else (
            f"{_describe_single(first)} – unknown")
    return f"{_describe_single(first)} – {_describe_single(last)}"


def _describe_set(when: When) -> str:
    members = when.members
    if when.is_one_of and len(members) == 1 and members[0].is_interval:
        first, last = members[0].start, members[0].end
        if first is None:
            assert last is not None
            return f"on or before {_describe_single(last)}"
        if last is None:
            return f"on or after {_describe_single(first)}"
    texts = [_describe_member(member) for member in members]
    joined = texts[0] if len(texts) == 1 else (
        ", ".join(texts[:-1]) + (" and " if when.is_multiple else " or ") + texts[-1])
    if when.is_multiple:
        return joined if len(texts) > 1 else f"every day of {joined}"
    return f"some time in {joined}"


def _describe_member(member: When) -> str:
    if not member.is_interval:
        return _describe_single(member)
    first, last = member.start, member.end
    if first is None:
        assert last is not None
        return f"{_describe_single(last)} or before"
    if last is None:
        return f"{_describe_single(first)} or after"
    return f"{_describe_single(first)} – {_describe_single(last)}"


# -- single dates -----------------------------------------------------------------------


def _span(when: When) -> tuple[Parts, Parts | None]:
    """First and last parts of a single date; the last is ``None`` when they are equal."""
    moment = when.start_datetime
    if moment is not None:
        return _moment_parts(moment), None
    granularity = _granularity(when)
    first, last = _parts(when.lower, granularity), _parts(when.upper, granularity)
    return first, (None if last == first else last)


def _granularity(when: When) -> str:
    """The coarsest of year, month, day whose whole units the bounds cover exactly."""
    if when.precision == "season":
        return "month"
    for granularity in _GRANULARITIES:
        if _unit_start(when.lower, granularity) and _unit_end(when.upper, granularity):
            return granularity
    return "day"  # not reached: a single day is always a whole day


def _unit_start(day: date, granularity: str) -> bool:
    if granularity == "year":
        return (day.month, day.day) == (1, 1)
    return granularity == "day" or day.day == 1


def _unit_end(day: date, granularity: str) -> bool:
    if granularity == "year":
        return (day.month, day.day) == (12, 31)
    return granularity == "day" or day.day == calendar.monthrange(day.year, day.month)[1]


def _parts(day: date, granularity: str) -> Parts:
    parts = {"year": day.year}
    if granularity != "year":
        parts["month"] = day.month
    if granularity == "day":
        parts["day"] = day.day
    return parts


def _moment_parts(moment: datetime) -> Parts:
    """The wall-clock time as written; TimelineJS reads it in the viewer's time zone."""
    return {"year": moment.year, "month": moment.month, "day": moment.day,
            "hour": moment.hour, "minute": moment.minute, "second": moment.second}


def _needs_text(when: When) -> bool:
    """True when TimelineJS's rendering of the parts alone would misstate ``when``."""
    moment = when.start_datetime
    return (when.approximate or when.uncertain or when.precision == "season"
            or (moment is not None and moment.tzinfo is not None))


def _describe_single(when: When) -> str:
    text = _plain_text(when)
    if when.approximate:
        text = "c. " + text
    return text + "?" if when.uncertain else text


def _plain_text(when: When) -> str:
    moment = when.start_datetime
    if moment is not None:
        clock = f"{moment:%H:%M}" if moment.second == 0 else f"{moment:%H:%M:%S}"
        return f"{_day_text(moment.date())}, {clock}{_offset_text(moment)}"
    if when.precision == "season":
        year, season = when.lower.year, int(str(when)[5:7])
        if season not in SEASONS:  # quarters, halves, hemisphere seasons: the core's words
            return when.describe()  # never qualified (EDTF qualifies only 21-24)
        if season == 24:
            return f"winter {year}–{(year + 1) % 100:02d}"
        return f"{SEASONS[season]} {year}"
    first, last = _span(when)
    if last is None:
        return _parts_text(first)
    return f"between {_parts_text(first)} and {_parts_text(last)}"


def _parts_text(parts: Parts) -> str:
    if "month" not in parts:
        return str(parts["year"])
    if "day" not in parts:
        return f"{MONTHS[parts['month']]} {parts['year']}"
    return _day_text(date(parts["year"], parts["month"], parts["day"]))


def _day_text(day: date) -> str:
    return f"{MONTHS[day.month]} {day.day}, {day.year}"


def _offset_text(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    if not offset:
        return " UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f" UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
