"""A ``When`` in a Markwhen date part, and a hand-written date part as a ``When``.

Markwhen 1.2 reads EDTF level 0 only (``2020``, ``2020-09``, ``2020-09-06``, ``A/B``) and
misreads the rest without a word (``2020~:`` and ``2020-09/..:`` lines become description
text, ``2020-23:`` an event from now to now). So the exporter writes a ``When`` as is only
when it is level 0, and otherwise as its day bounds (:func:`day_bounds`), with the exact
value in the event's ``edtf`` property.
"""

from __future__ import annotations

import re
from datetime import date

import mitimeline
from mitimeline import When

__all__ = ["date_part", "day_bounds", "looks_like_a_date", "read_date_part", "unsupported"]

_LEVEL0 = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")
_RELATIVE = re.compile(
    r"(?:^|\s)(?:after|before|by)\b|!\w|\.(?:start|end)\b|(?:^|\s)\d+\s*(?:ms|milliseconds?|"
    r"s|secs?|seconds?|mins?|minutes?|h|hours?|d|days?|w|weeks?|months?|y|years?)\b", re.I)
_RECURRENCE = re.compile(r"\bevery\b", re.I)
_NOW = re.compile(r"\bnow\b", re.I)


def day_bounds(when: When) -> tuple[date, date]:
    """The first and last day Markwhen is given for ``when``: its bounds, with an open or
    unknown end replaced by the known end's own bound (``../2018``: 2018-01-01 to
    2018-12-31), or by the other bound when no end is known; an interval that ends before
    it starts (``2000/1998``, which ``Timeline.validate()`` reports) from its earlier day
    to its later one, as Markwhen refuses the other order."""
    lower, upper = when.lower, when.upper
    if lower == date.min and _open(when, when.start):
        known = when.end
        lower = known.lower if known is not None and known.lower != date.min else upper
    if upper == date.max and _open(when, when.end):
        known = when.start
        upper = known.upper if known is not None and known.upper != date.max else lower
    return min(lower, upper), max(lower, upper)


def _open(when: When, end: When | None) -> bool:
    """Whether a bound of ``when`` at ``date.min`` / ``date.max`` is an open or unknown end
    (``../2018``, ``[..2020-12-24]``), not the year 0001 or 9999 itself."""
    return end is None if when.is_interval else ".." in when.edtf


def date_part(when: When) -> str:
    """The date part of ``when``'s event line: its EDTF when that is level 0 (not a season
    such as ``2020-23``, which Markwhen reads as "now"), else its
    :func:`day_bounds` as ``YYYY-MM-DD/YYYY-MM-DD`` (one day: ``YYYY-MM-DD``)."""
    if (_LEVEL0.fullmatch(when.edtf) and when.precision in ("year", "month", "day")
            and day_bounds(when) == (when.lower, when.upper)):
        return when.edtf
    lower, upper = day_bounds(when)
    if lower == upper:
        return lower.isoformat()
    return f"{lower.isoformat()}/{upper.isoformat()}"


def unsupported(text: str) -> str | None:
    """Why Markwhen date text ``text`` cannot be read into a ``When``, if it is one of the
    Markwhen forms mitimeline does not support; ``None`` otherwise."""
    if _RECURRENCE.search(text):
        return "recurrence ('every …') is not supported: write each date as its own event"
    if _RELATIVE.search(text):
        return ("relative dates ('after !id', '3 days') are not supported: write the date "
                "itself")
    if _NOW.search(text):
        return "'now' is not supported: write the date itself"
    return None


def read_date_part(text: str, location: str) -> When:
    """A hand-written date part: what ``When.parse`` reads, with Markwhen's ``A / B`` and
    ``A - B`` ranges; anything else raises :class:`mitimeline.ParseError` at ``location``."""
    reason = unsupported(text)
    if reason is not None:
        raise mitimeline.ParseError(f"{reason}, got {text!r}", location=location)
    normalised = re.sub(r"\s*/\s*", "/", text.strip())
    try:
        return When.parse(normalised)
    except mitimeline.DateParseError:
        raise mitimeline.ParseError(
            f"expected a date Markwhen and mitimeline both read (2020, 2020-09, 2020-09-06, "
            f"2020-09-06/2020-10-05, 'September 2020', 'Sep 6, 2020 - Oct 5, 2020'), got "
            f"{text!r}; custom date formats such as 1/2/2020 are not supported",
            location=location) from None


def looks_like_a_date(text: str) -> bool:
    """Whether ``text``, the part of a line before ``": "``, is meant as a date: it starts
    with a digit, ``!``, ``now``, ``every``, ``after``, ``before`` or ``by``, or with a
    month, season, weekday or qualifier word and holds a digit (``early October 2020``).
    Such a line is an event line (or an error), never description text."""
    start = text.strip().lower()
    if _DATE_START.match(start):
        return True
    return bool(_DATE_WORD.match(start)) and any(c.isdigit() for c in start)


_DATE_START = re.compile(r"[0-9!]|(?:now|every|after|before|by)\b")
_DATE_WORD = re.compile(
    r"(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|"
    r"sept|september|oct|october|nov|november|dec|december|spring|summer|autumn|fall|winter|"
    r"early|mid|middle|late|beginning|end|c|ca|circa|around|about|between|from|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)\b")
