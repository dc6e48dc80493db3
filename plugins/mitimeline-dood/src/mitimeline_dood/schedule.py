"""How each mitimeline event reads in a day-out-of-days: its activity and its days.

- ``shoot`` and ``stunt`` events are **work** for the people they credit;
- ``hiatus`` events are company days off (``/``), or, when they credit people, days off
  of those people only;
- ``move`` events are company moves (``M`` in the day's column) and **travel** (``TR``)
  for the people they credit;
- ``other`` events tagged ``rehearsal``, ``fitting`` or ``travel`` (any case) are
  rehearsal (``R``), fitting (``FT``) or travel (``TR``) for the people they credit;
- everything else (announcements, wraps, releases, untagged ``other`` events) and every
  ``cancelled`` event is left out.

An event is placed on the days of its date when the date is **day-exact**: a day, a time
of day, an interval whose two ends are days or times, neither approximate nor uncertain,
or multiple dates (``{a,b}``) whose members all are (placed on their days only, not the
gaps between them). One of a set (``[a,b]``, one member, unknown which) is never
day-exact. Anything else cannot be placed, and :func:`why_not_exact` says why.
"""

from __future__ import annotations

from datetime import date, timedelta

import mitimeline

__all__ = [
    "COMPANY_OFF",
    "FITTING",
    "MOVE",
    "REHEARSAL",
    "TRAVEL",
    "WORK",
    "activity",
    "days_of",
    "why_not_exact",
]

WORK, COMPANY_OFF, MOVE, TRAVEL, REHEARSAL, FITTING = (
    "work", "off", "move", "travel", "rehearsal", "fitting")

_BY_KIND = {"shoot": WORK, "stunt": WORK, "hiatus": COMPANY_OFF, "move": MOVE}
_BY_TAG = {"rehearsal": REHEARSAL, "fitting": FITTING, "travel": TRAVEL}
_EXACT = ("day", "time")


def activity(event: mitimeline.Event) -> str | None:
    """What ``event`` means in a day-out-of-days (one of the names above), or ``None``.

    An ``other`` event with several of the tags takes the first of rehearsal, fitting,
    travel.
    """
    if event.status == "cancelled":
        return None
    if event.kind in _BY_KIND:
        return _BY_KIND[event.kind]
    if event.kind != "other":
        return None
    tags = {tag.casefold() for tag in event.tags}
    return next((name for tag, name in _BY_TAG.items() if tag in tags), None)


def why_not_exact(when: mitimeline.When) -> str | None:
    """Why ``when`` cannot be placed on days (``"approximate"``, ``"month precision"``,
    ``"open end"``, ``"one of a set"``...), or ``None`` when it is day-exact."""
    if when.is_one_of:
        return "one of a set"
    if when.is_multiple:
        return next(filter(None, map(why_not_exact, when.members)), None)
    ends = (when.start, when.end)
    if any(end is None for end in ends):
        return "open or unknown start" if when.start is None else "open or unknown end"
    for end in ends:
        assert end is not None  # checked above
        if end.precision not in _EXACT:
            return f"{end.precision} precision"
        if end.uncertain:
            return "uncertain"
        if end.approximate:
            return "approximate"
    return None


def days_of(when: mitimeline.When) -> list[date]:
    """Every day of a day-exact ``when``, first to last; for a set, the days of its
    members (for one of a set, every day it may fall on)."""
    if when.is_set:
        return sorted({day for member in when.members for day in days_of(member)})
    count = (when.upper - when.lower).days + 1
    return [when.lower + timedelta(days=offset) for offset in range(count)]
