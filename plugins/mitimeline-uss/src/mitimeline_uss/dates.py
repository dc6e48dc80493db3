"""USS date texts → calendar days, with the time-zone rule: an instant (a time with ``Z`` or
an offset) becomes a day only in the production's time zone, never by taking its UTC date.

Accepted: ``2025-03-03`` (a day); ``2025-03-03T00:00:00`` with optional fractional seconds
and no offset (a local time: its day); the same with ``Z``, ``+0000`` or ``+00:00`` style
offsets (an instant, which needs ``timezone``).
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import date, datetime, timedelta, timezone

import mitimeline

from .fields import fail
from .findings import USSFinding

__all__ = ["DayReader", "needs_zone_message"]

_DATE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d{1,9})?)?"
    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
FORMS = ("2025-03-03, 2025-03-03T00:00:00.000Z, 2025-03-03T08:00:00.000+0000 or "
         "2025-03-03T08:00:00+00:00")


def needs_zone_message(value: str) -> str:
    """The error for an instant read without ``timezone``."""
    return (f"{value!r} is an instant (USS writers store a day as its local midnight in UTC), "
            "and the day it stands for depends on the production's time zone: pass "
            "timezone= with an IANA name, e.g. timezone='America/Los_Angeles' "
            "(-i timezone=America/Los_Angeles on the command line); mitimeline does not guess "
            "it, as the UTC date would be a day early east of UTC")


class DayReader:
    """Reads USS dates as days in ``zone`` (``None``: instants are an error), collecting a
    ``not-midnight`` finding for each instant that is not midnight there."""

    def __init__(self, zone: str | None, findings: list[USSFinding]) -> None:
        self.zone = None if zone is None else zoneinfo.ZoneInfo(zone)
        self.zone_name = zone
        self.findings = findings

    def day(self, value: object, path: str) -> date:
        """The calendar day the USS date ``value`` (at ``path``) stands for."""
        if not isinstance(value, str):
            raise fail(path, f"a date such as {FORMS}", value)
        match = _DATE.fullmatch(value.strip())
        if match is None:
            raise fail(path, f"a date such as {FORMS}", value)
        try:
            day = date(int(match["year"]), int(match["month"]), int(match["day"]))
            hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
            second = int(match["second"] or 0)
            moment = datetime(day.year, day.month, day.day, hour, minute, second)
        except ValueError as exc:
            raise mitimeline.ParseError(f"expected a real date, found {value!r}: {exc}",
                                        location=path) from None
        offset = match["offset"]
        if offset is None:
            return day
        if self.zone is None:
            raise mitimeline.ParseError(needs_zone_message(value), location=path)
        try:
            local = moment.replace(tzinfo=_offset(offset)).astimezone(self.zone)
        except (ValueError, OverflowError):  # an offset of a day or more; beyond year 9999
            raise fail(path, f"a date such as {FORMS}", value) from None
        if (local.hour, local.minute, local.second) != (0, 0, 0):
            self.findings.append(USSFinding(
                "not-midnight", path,
                f"{value} is {local:%Y-%m-%d %H:%M} in {self.zone_name}, not midnight: read as "
                f"{local:%Y-%m-%d}; if that is the wrong day, check the timezone option"))
        return local.date()


def _offset(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return timezone(-delta if text[0] == "-" else delta)
