"""The EDTF grammar mitimeline reads: level 0 plus level 1, without dependencies.

:func:`parse_edtf` turns text into :class:`Parsed` (canonical text, inclusive date bounds,
precision, qualifiers). It accepts:

- dates ``2020``, ``2020-09``, ``2020-09-06`` and date-times ``2020-09-06T09:14:00``,
  ``...Z``, ``...-07:00``;
- a trailing qualifier on a whole date: ``?`` uncertain, ``~`` approximate, ``%`` both;
- unspecified digits from the right: ``201X``, ``20XX``, ``2020-1X``, ``2020-09-XX``;
- seasons ``2020-21`` (spring, Mar-May), ``-22`` (summer, Jun-Aug), ``-23`` (autumn,
  Sep-Nov), ``-24`` (winter, Dec of that year to Feb of the next);
- intervals ``a/b`` whose ends are dates, ``..`` (open) or empty (unknown).

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
_SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}
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


def parse_edtf(text: str) -> Parsed:
    """Parse EDTF text; raise :class:`DateParseError` (``.text`` = input) when it isn't."""
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
    if start is None:
        if end is None:
            raise _fail(text, "at least one end of an interval must be a date")
        return _tuple(Parsed, (f"{start_text}/{end.edtf}", date.min, end.upper, end.precision,
                               end.approximate, end.uncertain, None, None, end, True))
    if end is None:
        return _tuple(Parsed, (f"{start.edtf}/{end_text}", start.lower, date.max,
                               start.precision, start.approximate, start.uncertain, None,
                               start, None, True))
    precision = (start.precision if _RANK[start.precision] >= _RANK[end.precision]
                 else end.precision)
    return _tuple(Parsed, (f"{start.edtf}/{end.edtf}", start.lower, end.upper, precision,
                           start.approximate or end.approximate,
                           start.uncertain or end.uncertain, None, start, end, True))


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
        return _tuple(Parsed, (text, day, day, "day", False, False, None, None, None, False))
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
                               False))
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
"""``_tuple(Parsed, (...all ten fields))`` builds a ``Parsed`` without its Python-level
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
    return _tuple(Parsed, (text, day, day, "time", False, False, moment, None, None, False))


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
    return _tuple(Parsed, (edtf, day, day, "time", False, False, moment, None, None, False))


_ZERO = timedelta(0)


def _parse_plain_qualified(text: str) -> Parsed | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` followed by ``?``, ``~`` or ``%``, or None."""
    plain = parse_plain(text[:-1])
    if plain is None:
        return None
    approximate, uncertain = _QUALIFIERS[text[-1]]
    return _tuple(Parsed, (text, plain.lower, plain.upper, plain.precision, approximate,
                           uncertain, None, None, None, False))


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
    if month is not None and month.isdigit() and int(month) in _SEASONS:
        if day is not None:
            raise _fail(whole, "a season (21-24) cannot have a day")
        if "X" in year:
            raise _fail(whole, "a season needs a full year")
        lower, upper = _season_bounds(int(year), int(month), whole)
        precision = "season"
    else:
        lower, upper = _date_bounds(year, month, day, whole)
        precision = "day" if day is not None else "month" if month is not None else "year"
    return Parsed(text, lower, upper, precision, approximate, uncertain)


def _season_bounds(year: int, season: int, whole: str) -> tuple[date, date]:
    first, last = _SEASONS[season]
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
        raise _fail(whole, f"month {month!r} is not 01-12 or a season 21-24")
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
