"""iCalendar value types as text: DATE, DATE-TIME, DURATION, GEO, both ways.

Parsers raise ``ValueError`` with a message saying what was expected; the importer turns it
into a finding or a ParseError with the line.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta, timezone, tzinfo

__all__ = [
    "format_date",
    "format_datetime",
    "format_geo",
    "parse_date",
    "parse_datetime",
    "parse_duration",
    "parse_geo",
    "positive_duration",
]

_DATE = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_DATETIME = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})[Tt]([0-9]{2})([0-9]{2})([0-9]{2})([Zz]?)")
_DURATION = re.compile(
    r"([+-])?P(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+)S)?)?")
_DURATION_TIME = r"T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S)"
_STRICT_DURATION = re.compile(
    rf"P(?:[0-9]+W|[0-9]+D(?:{_DURATION_TIME})?|{_DURATION_TIME})")
"""RFC 5545 §3.3.6 ``dur-value`` without its sign: weeks alone, or days and/or a time
whose hours, minutes and seconds follow each other without a gap."""
_GEO = re.compile(r"\s*([+-]?[0-9]+(?:\.[0-9]*)?)\s*[;,]\s*([+-]?[0-9]+(?:\.[0-9]*)?)\s*")


def format_date(day: date) -> str:
    """``YYYYMMDD`` (years below 1000 zero-padded, unlike ``strftime``)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def format_datetime(moment: datetime) -> str:
    """``YYYYMMDDTHHMMSS`` plus ``Z`` when ``moment`` is UTC; floating when naive.

    ``moment`` must be naive or in UTC (the exporter converts first).
    """
    text = (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
            f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")
    return text if moment.tzinfo is None else text + "Z"


def format_geo(latitude: float, longitude: float) -> str:
    """``lat;lon`` with six decimals (about 0.1 m): RFC 5545 FLOAT has no exponent."""
    return f"{latitude:.6f};{longitude:.6f}"


def parse_date(text: str) -> date:
    """A DATE value ``YYYYMMDD``."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"expected a date YYYYMMDD, got {text!r}")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date: {exc}") from None


def parse_datetime(text: str, zone: tzinfo | None) -> datetime:
    """A DATE-TIME value, local to ``zone`` when given (a stray ``Z`` after a TZID is ignored,
    as Google and icalendar do), else UTC for ``...Z``, else floating.

    A leap second (``60``) reads as ``59``.
    """
    match = _DATETIME.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"expected a date-time YYYYMMDDTHHMMSS[Z], got {text!r}")
    utc = bool(match[7])
    try:
        return datetime(int(match[1]), int(match[2]), int(match[3]), int(match[4]),
                        int(match[5]), min(int(match[6]), 59),
                        tzinfo=zone if zone is not None else timezone.utc if utc else None)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date-time: {exc}") from None


def parse_duration(text: str) -> timedelta:
    """A DURATION value such as ``P1D``, ``PT1H30M``, ``P2W``, ``-PT15M``."""
    match = _DURATION.fullmatch(text.strip())
    if match is None or not any(match.groups()[1:]):
        raise ValueError(f"expected a duration such as P1D or PT1H30M, got {text!r}")
    weeks, days, hours, minutes, seconds = (int(part or 0) for part in match.groups()[1:])
    try:
        length = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes,
                           seconds=seconds)
    except OverflowError:
        raise ValueError(f"the duration {text!r} is too long") from None
    return -length if match[1] == "-" else length


def positive_duration(text: str) -> str:
    """``text`` if it is a positive RFC 5545 DURATION (``PT12H``, ``P1D``, ``P1W``,
    ``PT1H30M``), in upper case without a ``+`` sign; else ``ValueError`` saying what was
    expected. Years and months, which DURATION cannot hold, are refused."""
    candidate = text.strip().upper().removeprefix("+")
    if not _STRICT_DURATION.fullmatch(candidate):
        raise ValueError(
            f"expected a positive RFC 5545 duration such as PT12H, PT30M, P1D, P1DT12H or P1W "
            f"(weeks alone, or days and hours, minutes, seconds; no years or months), "
            f"got {text!r}")
    try:
        length = parse_duration(candidate)
    except ValueError:
        raise ValueError(f"expected a duration shorter than a million days, got {text!r}"
                         ) from None
    if length <= timedelta(0):
        raise ValueError(f"expected a positive duration, got {text!r}, which is zero")
    return candidate


def parse_geo(text: str) -> tuple[float, float]:
    """A GEO value ``lat;lon`` (a comma is accepted too); both within range."""
    match = _GEO.fullmatch(text)
    if match is None:
        raise ValueError(f"expected latitude;longitude such as 62.31;6.95, got {text!r}")
    latitude, longitude = float(match[1]), float(match[2])
    if not (math.isfinite(latitude) and abs(latitude) <= 90):
        raise ValueError(f"latitude {match[1]} is not between -90 and 90")
    if not (math.isfinite(longitude) and abs(longitude) <= 180):
        raise ValueError(f"longitude {match[2]} is not between -180 and 180")
    return latitude, longitude
