"""The EDTF grammar mitimeline reads: levels 0 and 1 and part of level 2, without dependencies.

:func:`parse_edtf` turns text into :class:`Parsed` (canonical text, inclusive date bounds,
precision, qualifiers). It accepts:

- dates ``2020``, ``2020-09``, ``2020-09-06`` and date-times ``2020-09-06T09:14:00``,
  ``...Z``, ``...-07:00``;
- a trailing qualifier on a whole date: ``?`` uncertain, ``~`` approximate, ``%`` both;
- unspecified digits from the right: ``201X``, ``20XX``, ``2020-1X``, ``2020-09-XX``;
- seasons ``2020-21`` (spring, Mar-May), ``-22`` (summer, Jun-Aug), ``-23`` (autumn,
  Sep-Nov), ``-24`` (winter, Dec of that year to Feb of the next);
- the sub-year groupings of level 2, bounds in :data:`GROUPINGS`: ``25``-``28`` the
  Northern-Hemisphere seasons, ``29``-``32`` the Southern-Hemisphere ones, ``33``-``36``
  quarters, ``37``-``39`` quadrimesters, ``40``-``41`` semesters (no qualifier and no
  interval ends: the specification gives them neither);
- intervals ``a/b`` whose ends are dates, ``..`` (open) or empty (unknown);
- level 2 sets: one of a set ``[a,b]`` and multiple dates ``{a,b}``, whose members are
  dates (no seasons, no times of day, no qualifier with X digits) or ranges ``a..b`` of
  plain dates of one precision; one may be open at its start (``..b``) and one at its end
  (``a..``). Canonical text sorts the members (the open-started first, the open-ended last,
  the rest by bounds) and drops repeats; a set of one plain date is that date.

Years 0001-9999 only: ``datetime.date`` cannot hold the rest.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

from .errors import DateParseError

PRECISIONS = ("year", "season", "month", "day", "time")
"""Precisions from coarsest to finest."""

_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}

_DATE = re.compile(
    r"(?P<year>[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<q>[?~%])?"
)
_DATETIME = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})T(?P<h>[0-9]{2}):(?P<m>[0-9]{2}):(?P<s>[0-9]{2})"
    r"(?P<tz>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
GROUPINGS = {
    21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14),  # level 1: spring ... winter
    25: (3, 5), 26: (6, 8), 27: (9, 11), 28: (12, 14),  # Northern Hemisphere seasons
    29: (9, 11), 30: (12, 14), 31: (3, 5), 32: (6, 8),  # Southern: spring, summer, autumn, winter
    33: (1, 3), 34: (4, 6), 35: (7, 9), 36: (10, 12),  # quarters
    37: (1, 4), 38: (5, 8), 39: (9, 12),  # quadrimesters
    40: (1, 6), 41: (7, 12),  # semesters
}
"""EDTF's sub-year groupings: number -> (first month, last month), months past 12 in the next
year (a winter runs from December to February, a southern summer too)."""
_QUALIFIERS = {"": (False, False), "?": (False, True), "~": (True, False), "%": (True, True)}


class Parsed(NamedTuple):
    """One parsed EDTF value: a single date, a date-time, or an interval.

    A named tuple, not an attrs class: one is built for every date text read, and a tuple
    is built in a third of the time (``When.parse`` on the benchmark's mix: 0.25 µs less
    per string). It is as immutable, and only ``When`` holds one."""

    edtf: str
    lower: date
    upper: date
    precision: str
    approximate: bool
    uncertain: bool
    moment: datetime | None = None
    start: Parsed | None = None
    end: Parsed | None = None
    interval: bool = False
    members: tuple[Parsed, ...] = ()
    """A set's members (a range ``a..b`` as the interval ``a/b``); empty for anything else.
    The set's kind is its first character: ``[`` one of, ``{`` all of."""


def parse_edtf(text: str) -> Parsed:
    """Parse EDTF text; raise :class:`DateParseError` (``.text`` = input) when it isn't."""
    if text[:1] in _CLOSING:
        return _parse_set(text)
    if "/" in text:
        return _parse_interval(text)
    return parse_plain(text) or _parse_single_general(text, text)


def _fail(text: str, why: str) -> DateParseError:
    return DateParseError(f"{text!r} is not a valid EDTF date: {why}", text)


def _parse_interval(text: str) -> Parsed:
    start_text, _sep, end_text = text.partition("/")
    if "/" in end_text:
        raise _fail(text, "an interval has exactly one '/'")
    start = None if start_text in ("", "..") else _parse_single(start_text, text)
    end = None if end_text in ("", "..") else _parse_single(end_text, text)
    for part in (start, end):
        if part is not None and part.precision == "season" and int(part.edtf[5:7]) > 24:
            raise _fail(text, f"a sub-year grouping 25-41 ({part.edtf!r}) cannot be an end of "
                              "an interval (EDTF level 2 has none there); write its months")
    if start is None:
        if end is None:
            raise _fail(text, "at least one end of an interval must be a date")
        return _tuple(Parsed, (f"{start_text}/{end.edtf}", date.min, end.upper, end.precision,
                               end.approximate, end.uncertain, None, None, end, True, ()))
    if end is None:
        return _tuple(Parsed, (f"{start.edtf}/{end_text}", start.lower, date.max,
                               start.precision, start.approximate, start.uncertain, None,
                               start, None, True, ()))
    precision = (start.precision if _RANK[start.precision] >= _RANK[end.precision]
                 else end.precision)
    return _tuple(Parsed, (f"{start.edtf}/{end.edtf}", start.lower, end.upper, precision,
                           start.approximate or end.approximate,
                           start.uncertain or end.uncertain, None, start, end, True, ()))


_CLOSING = {"[": "]", "{": "}"}
_SET_KIND = {"[": "one of a set", "{": "multiple dates"}


def _parse_set(text: str) -> Parsed:
    """``[a,b..c]`` (one of) or ``{a,b..c}`` (all of) into canonical text, hull, members."""
    opening = text[0]
    kind = _SET_KIND[opening]
    if len(text) < 2 or text[-1] != _CLOSING[opening]:
        raise _fail(text, f"{kind} opened with {opening!r} must end with {_CLOSING[opening]!r}")
    if not text[1:-1].strip():
        raise _fail(text, f"{kind} needs at least one member")
    unique = {m.edtf: m for m in (_parse_member(p.strip(), text) for p in text[1:-1].split(","))}
    members = tuple(sorted(unique.values(), key=_member_order))
    for ends, which in (([m for m in members if m.interval and m.start is None]), "start"), (
            [m for m in members if m.interval and m.end is None], "end"):
        if len(ends) > 1:
            raise _fail(text, f"a set may have one member open at its {which}, not "
                              f"{len(ends)} ({', '.join(map(member_text, ends))})")
    if len(members) == 1 and not members[0].interval:
        return members[0]  # one of (or all of) one date is that date
    precision = max((m.precision for m in members), key=_RANK.__getitem__)
    edtf = opening + ",".join(map(member_text, members)) + _CLOSING[opening]
    return _tuple(Parsed, (edtf, min(m.lower for m in members), max(m.upper for m in members),
                           precision, any(m.approximate for m in members),
                           any(m.uncertain for m in members), None, None, None, False,
                           members))


def _member_order(member: Parsed) -> tuple[bool, bool, date, date, str]:
    """Canonical order of a set's members: the one open at its start first, the one open at
    its end last, the rest by bounds, then text."""
    open_start = member.interval and member.start is None
    open_end = member.interval and member.end is None
    return (not open_start, open_end, member.lower, member.upper, member.edtf)


def member_text(member: Parsed) -> str:
    """A set member as a set writes it: a date as is, the interval ``a/b`` as ``a..b``."""
    if not member.interval:
        return member.edtf
    first = "" if member.start is None else member.start.edtf
    last = "" if member.end is None else member.end.edtf
    return f"{first}..{last}"


def _parse_member(text: str, whole: str) -> Parsed:
    """One member of a set: a date, or a range ``a..b`` / ``..b`` / ``a..`` as an interval."""
    if not text:
        raise _fail(whole, "a set has an empty member (two commas in a row, or a comma at "
                           "an end)")
    if ".." not in text:
        member = _parse_single(text, whole)
        if member.moment is not None or member.precision == "season":
            raise _fail(whole, f"a set's members are dates (YYYY, YYYY-MM, YYYY-MM-DD); "
                               f"{text!r} is a {member.precision}")
        if "X" in text and (member.approximate or member.uncertain):
            raise _fail(whole, f"a set's member with unspecified digits (X) cannot be "
                               f"qualified: {text!r}")
        return member
    first, _sep, last = text.partition("..")
    if not first and not last:
        raise _fail(whole, "'..' alone is not a member: write '..date' (on or before) or "
                           "'date..' (on or after)")
    start = None if not first else _range_end(first, whole)
    end = None if not last else _range_end(last, whole)
    if start is not None and end is not None:
        if start.precision != end.precision:
            raise _fail(whole, f"the ends of the range {text!r} must have the same precision "
                               f"(a {start.precision} and a {end.precision})")
        if end.lower < start.lower:
            raise _fail(whole, f"the range {text!r} ends before it starts")
        if end.edtf == start.edtf:
            return start  # a range of one date is that date
    return _parse_interval(f"{first or '..'}/{last or '..'}")


def _range_end(text: str, whole: str) -> Parsed:
    """An end of a range in a set: a plain YYYY, YYYY-MM or YYYY-MM-DD."""
    end = parse_plain(text)
    if end is None or end.moment is not None or end.edtf[-1] in "?~%":
        raise _fail(whole, f"the ends of a range in a set ('a..b') are plain dates YYYY, "
                           f"YYYY-MM or YYYY-MM-DD (no qualifier, X or time); got {text!r}")
    return end


def _parse_single(text: str, whole: str) -> Parsed:
    plain = parse_plain(text)
    if plain is not None:
        return plain
    return _parse_single_general(text, whole)


def parse_plain(text: str) -> Parsed | None:
    """The common forms, quickly: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (each with or without
    one qualifier ``?``, ``~``, ``%``) and ``YYYY-MM-DDThh:mm:ss`` with ``Z``, ``±hh:mm`` or
    no zone, digits only; None for anything else
    (then :func:`parse_edtf` reads it, or says what is wrong with it).

    Whatever it returns equals what :func:`_parse_single_general` returns for ``text`` (a
    property test holds them together); it only skips the grammar's generality, mostly in
    ``date.fromisoformat``'s C code (strict: ASCII digits, real days, years from 1)."""
    size = len(text)
    if not text.isascii():
        return None
    if size == 10:
        if text[4] != "-" or text[7] != "-":
            return None
        try:  # with these dashes at this length, it reads exactly YYYY-MM-DD
            day = date.fromisoformat(text)
        except ValueError:  # 0000, 2020-02-30, X digits, ...: the grammar says why
            return None
        return _tuple(Parsed, (text, day, day, "day", False, False, None, None, None, False, ()))
    if size == 7:
        if text[4] != "-":
            return None
        try:  # the month's first day: the same strict reading
            lower = date.fromisoformat(text + "-01")
        except ValueError:  # seasons (2020-21), X digits, ...: the grammar reads them
            return None
        year, month = lower.year, lower.month
        upper = date(year, month, 29 if month == 2 and _leap(year) else _MONTH_DAYS[month])
        return _tuple(Parsed, (text, lower, upper, "month", False, False, None, None, None,
                               False, ()))
    if size == 4:
        if not text.isdigit() or text == "0000":
            return None
        year = int(text)
        return Parsed(text, date(year, 1, 1), date(year, 12, 31), "year", False, False)
    if (size == 20 and text[19] == "Z") or size == 19:
        return _parse_plain_moment(text)
    if size == 25:
        return _parse_offset_moment(text)
    if size in (5, 8, 11) and text[-1] in "?~%":
        return _parse_plain_qualified(text)
    return None


_tuple = tuple.__new__
"""``_tuple(Parsed, (...all eleven fields))`` builds a ``Parsed`` without its Python-level
``__new__`` and its defaults: the plain forms are most of what is read."""


def _parse_plain_moment(text: str) -> Parsed | None:
    """``YYYY-MM-DDThh:mm:ss`` with an optional ``Z`` (ASCII ``text`` of 19 or 20
    characters), or None."""
    if text[4] != "-" or text[7] != "-" or text[10] != "T" or text[13] != ":" or text[16] != ":":
        return None
    try:  # with these separators, it reads digits only, in this one form
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    day = moment.date()
    return _tuple(Parsed, (text, day, day, "time", False, False, moment, None, None, False, ()))


def _parse_offset_moment(text: str) -> Parsed | None:
    """``YYYY-MM-DDThh:mm:ss±hh:mm`` (ASCII ``text`` of 25 characters), or None; canonical
    with ``Z`` for a zero offset, as :func:`format_moment` writes it."""
    if (text[4] != "-" or text[7] != "-" or text[10] != "T" or text[13] != ":"
            or text[16] != ":" or text[19] not in "+-" or text[22] != ":" or text[23] > "5"):
        return None  # text[23] > "5": minutes over 59, which fromisoformat would carry over
    try:  # with these separators, it reads digits only, in this one form
        moment = datetime.fromisoformat(text)
    except ValueError:  # an offset of 24 hours or more, ...: the grammar says why
        return None
    day = moment.date()
    edtf = text[:19] + "Z" if moment.utcoffset() == _ZERO else text
    return _tuple(Parsed, (edtf, day, day, "time", False, False, moment, None, None, False, ()))


_ZERO = timedelta(0)


def _parse_plain_qualified(text: str) -> Parsed | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` followed by ``?``, ``~`` or ``%``, or None."""
    plain = parse_plain(text[:-1])
    if plain is None:
        return None
    approximate, uncertain = _QUALIFIERS[text[-1]]
    return _tuple(Parsed, (text, plain.lower, plain.upper, plain.precision, approximate,
                           uncertain, None, None, None, False, ()))


def _days_in(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` (``calendar.monthrange`` computes a weekday too)."""
    return 29 if month == 2 and _leap(year) else _MONTH_DAYS[month]


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _parse_single_general(text: str, whole: str) -> Parsed:
    """One date or date-time by the whole grammar; DateParseError naming ``whole``."""
    if "T" in text:
        return _parse_datetime(text, whole)
    match = _DATE.fullmatch(text)
    if match is None:
        raise _fail(
            whole, f"{text!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss"
        )
    year, month, day, qualifier = match.group("year", "month", "day", "q")
    digits = year + (month or "") + (day or "")
    known = digits.rstrip("X")
    if "X" in known:
        raise _fail(whole, "unspecified digits (X) must be the rightmost ones")
    if not known:
        raise _fail(whole, "a year needs at least one known digit")
    approximate, uncertain = _QUALIFIERS[qualifier or ""]
    if month is not None and month.isdigit() and int(month) in GROUPINGS:
        if day is not None:
            raise _fail(whole, "a season or sub-year grouping (21-41) cannot have a day")
        if qualifier and int(month) > 24:
            raise _fail(whole, "a sub-year grouping 25-41 cannot be qualified (?, ~, %): EDTF "
                               "qualifies only the seasons 21-24")
        if "X" in year:
            raise _fail(whole, "a season needs a full year")
        lower, upper = _season_bounds(int(year), int(month), whole)
        precision = "season"
    else:
        lower, upper = _date_bounds(year, month, day, whole)
        precision = "day" if day is not None else "month" if month is not None else "year"
    return Parsed(text, lower, upper, precision, approximate, uncertain)


def _season_bounds(year: int, season: int, whole: str) -> tuple[date, date]:
    first, last = GROUPINGS[season]
    last_year = year + (last - 1) // 12
    last_month = (last - 1) % 12 + 1
    if year < 1 or last_year > 9999:
        raise _fail(whole, "years must be between 0001 and 9999")
    return (
        date(year, first, 1),
        date(last_year, last_month, _days_in(last_year, last_month)),
    )


def _digit_range(field: str, low: int, high: int) -> tuple[int, int]:
    """Smallest and largest value of a field with trailing X, clamped to [low, high]."""
    return max(int(field.replace("X", "0")), low), min(int(field.replace("X", "9")), high)


def _date_bounds(year: str, month: str | None, day: str | None, whole: str) -> tuple[date, date]:
    y_lo, y_hi = _digit_range(year, 1, 9999)
    if int(year.replace("X", "9")) < 1:
        raise _fail(whole, "years must be between 0001 and 9999")
    if month is None:
        return date(y_lo, 1, 1), date(y_hi, 12, 31)
    m_lo, m_hi = _digit_range(month, 1, 12)
    if m_lo > m_hi or (month.isdigit() and not 1 <= int(month) <= 12):
        raise _fail(whole, f"month {month!r} is not 01-12 or a season or sub-year grouping 21-41")
    if day is None:
        return date(y_lo, m_lo, 1), date(y_hi, m_hi, _days_in(y_hi, m_hi))
    if "X" in month:
        return (
            date(y_lo, m_lo, max(int(day.replace("X", "0")), 1)),
            date(y_hi, m_hi, min(int(day.replace("X", "9")), _days_in(y_hi, m_hi))),
        )
    length = _days_in(y_lo, m_lo)
    d_lo, d_hi = _digit_range(day, 1, length)
    if d_lo > d_hi or (day.isdigit() and not 1 <= int(day) <= length):
        raise _fail(whole, f"day {day!r} does not exist in {year}-{month}")
    return date(y_lo, m_lo, d_lo), date(y_hi, m_hi, d_hi)


def _parse_datetime(text: str, whole: str) -> Parsed:
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise _fail(whole, f"{text!r} is not a date-time of the form YYYY-MM-DDThh:mm:ss[Z|±hh:mm]")
    tz_text = match.group("tz")
    try:
        day = date.fromisoformat(match.group("date"))
        tz = _timezone(tz_text)
        moment = datetime(
            day.year, day.month, day.day,
            int(match.group("h")), int(match.group("m")), int(match.group("s")),
            tzinfo=tz,
        )
    except ValueError as exc:
        raise _fail(whole, str(exc)) from None
    return Parsed(format_moment(moment), day, day, "time", False, False, moment=moment)


def _timezone(tz_text: str | None) -> timezone | None:
    if tz_text is None:
        return None
    if tz_text == "Z":
        return timezone.utc
    sign = -1 if tz_text[0] == "-" else 1
    digits = tz_text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"UTC offset {tz_text!r} is out of range")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def format_moment(moment: datetime) -> str:
    """Canonical EDTF for a date-time: seconds always, ``Z`` for UTC, ``±hh:mm`` otherwise."""
    text = moment.replace(microsecond=0, tzinfo=None).isoformat()
    offset = moment.utcoffset()
    if offset is None:
        return text
    if not offset:
        return text + "Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{text}{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def finer(first: str, second: str) -> bool:
    """True when precision ``first`` is strictly finer than ``second``."""
    return _RANK[first] > _RANK[second]
