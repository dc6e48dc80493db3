"""Hypothesis strategies for USS schedules, for property tests of this plugin and of tools
that read its timelines (needs ``hypothesis``, in the ``test`` extra).

:func:`schedules` draws a valid USS 1.0 document in any of the forms the reader accepts
(``breakdownIds`` or ``breakdownArrays``, one list per day or a flat list with day breaks,
``scene`` or ``strip``, holidays as ``dayOff`` or ``event``, plain dates or local midnights
as instants with ``Z``, ``+0000`` or ``+00:00``), with the facts it was drawn from.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
from hypothesis import strategies as st

__all__ = ["GeneratedSchedule", "schedules"]

ZONES = ("UTC", "America/Los_Angeles", "Europe/London", "Asia/Tokyo", "Australia/Sydney")
_OFF_FORMS = (("dayOff", "dayOff"), ("dayOff", "holiday"), ("event", "holiday"),
              ("event", "travel"), ("event", "doodTravel"), ("event", "dayOff"))
_OTHER_NAMES = ("rehearsal", "fitting", "photo")


@attrs.frozen
class GeneratedSchedule:
    """A drawn ``document`` (the decoded JSON), the ``timezone`` option it needs, and what
    it was drawn from: the calendar ``start``, the weekly ``days_off`` (0 Sunday … 6
    Saturday), the ``company_off`` days (days off, holidays, travel), the number of
    ``shoot_days`` and of ``boneyard`` strips, and each day's cast as ``(name, board)``."""

    document: dict[str, Any]
    timezone: str
    start: date
    days_off: frozenset[int]
    company_off: frozenset[date]
    shoot_days: int
    boneyard: int
    cast_by_day: tuple[tuple[tuple[str, str], ...], ...]


def _written(day: date, zone: str, form: int) -> str:
    """``day`` as a USS date: plain, or its local midnight in ``zone`` as a UTC instant."""
    if form == 0:
        return day.isoformat()
    midnight = datetime(day.year, day.month, day.day, tzinfo=zoneinfo.ZoneInfo(zone))
    utc = midnight.astimezone(timezone.utc)
    suffix = ("Z", "+0000", "+00:00")[form - 1]
    return f"{utc:%Y-%m-%dT%H:%M:%S}.000{suffix}"


@st.composite
def schedules(draw: st.DrawFn, max_days: int = 12) -> GeneratedSchedule:
    """A valid USS schedule of 1 to ``max_days`` shoot days and what it was drawn from."""
    zone = draw(st.sampled_from(ZONES))
    forms = st.integers(0, 3)
    start = draw(st.dates(date(2000, 1, 1), date(2040, 12, 31)))
    days_off = draw(st.frozensets(st.integers(0, 6), max_size=3))
    calendar_events: list[dict[str, Any]] = [
        {"id": "start", "date": _written(start, zone, draw(forms)), "type": "start", "name": None}]
    company_off = set()
    for index in range(draw(st.integers(0, 4))):
        day = start + timedelta(days=draw(st.integers(0, 40)))
        kind, name = draw(st.sampled_from(_OFF_FORMS))
        company_off.add(day)
        calendar_events.append({"id": f"off-{index}", "date": _written(day, zone, draw(forms)),
                                "type": kind, "name": name})
    for index in range(draw(st.integers(0, 2))):
        day = start + timedelta(days=draw(st.integers(-5, 40)))
        calendar_events.append({"id": f"other-{index}", "date": _written(day, zone, draw(forms)),
                                "type": "event", "name": draw(st.sampled_from(_OTHER_NAMES))})
    cast = [(f"cast-{n}", f"Actor {n}", str(n)) for n in range(1, draw(st.integers(1, 5)) + 1)]
    places = [(f"loc-{n}", f"Location {n}", 6) for n in range(1, 3)]
    places += [(f"set-{n}", f"Set {n}", 0) for n in range(1, 3)]
    elements = [{"id": i, "category": "cat-cast", "name": name, "elementId": board}
                for i, name, board in cast]
    elements += [{"id": i, "category": f"cat-{ucid}", "name": name} for i, name, ucid in places]
    breakdowns: list[dict[str, Any]] = []
    days: list[list[str]] = []
    cast_by_day = []
    for day_number in range(draw(st.integers(1, max_days))):
        strips, worked = [], set()
        for scene in range(draw(st.integers(0, 3))):
            who = draw(st.lists(st.sampled_from(cast), unique=True, max_size=len(cast)))
            where = draw(st.sampled_from(places))
            worked.update(who)
            strip = f"d{day_number}-s{scene}"
            breakdowns.append({"id": strip, "type": draw(st.sampled_from(("scene", "strip"))),
                               "scene": f"{day_number}{scene}", "pages": scene * 0.125,
                               "elements": [where[0]] + [c[0] for c in who]})
            strips.append(strip)
        days.append(strips)
        cast_by_day.append(tuple((name, board) for _, name, board in sorted(
            worked, key=lambda c: int(c[2]))))
    boneyard = [f"bone-{n}" for n in range(draw(st.integers(0, 3)))]
    breakdowns += [{"id": strip, "type": "scene", "elements": []} for strip in boneyard]
    key = draw(st.sampled_from(("breakdownIds", "breakdownArrays")))
    if draw(st.booleans()):
        listed: list[Any] = days
    else:  # flat, each day ended by a day break
        listed = []
        for number, strips in enumerate(days):
            breakdowns.append({"id": f"break-{number}", "type": "day"})
            listed += [*strips, f"break-{number}"]
    boards = [{"id": "board", "name": "Stripboard", key: listed}]
    if draw(st.booleans()) or len(boneyard) > 0:
        boards.append({"id": "bones", "name": "Boneyard", key: boneyard})
    document = {"universalScheduleStandard": {
        "ussVersion": "1.0.0", "name": "Generated", "project": "Generated film",
        "breakdowns": breakdowns,
        "categories": [{"id": "cat-cast", "name": "Cast Members", "ucid": 100},
                       {"id": "cat-6", "name": "Location", "ucid": 6},
                       {"id": "cat-0", "name": "Set", "ucid": 0}],
        "elements": elements,
        "stripboards": [{"id": "main", "name": "Main", "calendar": "cal", "boards": boards}],
        "calendars": [{"id": "cal", "name": "Calendar", "daysOff": sorted(days_off),
                       "events": calendar_events}]}}
    return GeneratedSchedule(document, zone, start, days_off, frozenset(company_off), len(days),
                             len(boneyard), tuple(cast_by_day))
