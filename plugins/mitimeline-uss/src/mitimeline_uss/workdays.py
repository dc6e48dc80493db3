"""A calendar's working days: which days the company shoots, and the date of shoot day N.

Day 1 is the ``start`` event's day, or the first working day after it; each next shoot day
is the next working day. A day is not a working day when its weekday is one of the
calendar's ``daysOff`` (USS numbers them 0 Sunday … 6 Saturday) or when a calendar event
makes it a day off, a holiday or a company travel day. Rehearsals, fittings and photo
shoots do not stop shooting.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import attrs
import mitimeline

from .document import Calendar
from .fields import member

__all__ = ["COMPANY_OFF", "WorkCalendar", "uss_weekday", "work_calendar"]

COMPANY_OFF = ("dayOff", "holiday", "travel")
"""Calendar event kinds that make their day a non-shooting day."""


def uss_weekday(day: date) -> int:
    """The weekday as USS numbers it: 0 Sunday … 6 Saturday."""
    return day.isoweekday() % 7


@attrs.frozen
class WorkCalendar:
    """``start`` (the start event's day), the weekly ``days_off`` and the ``off`` days (day →
    the calendar event kind that stops shooting on it)."""

    start: date
    days_off: frozenset[int]
    off: Mapping[date, str]
    start_path: str

    def is_working(self, day: date) -> bool:
        """True if the company can shoot on ``day``."""
        return uss_weekday(day) not in self.days_off and day not in self.off

    def shoot_dates(self, count: int) -> list[date]:
        """The dates of shoot days 1 to ``count``; an error at the start event when they
        would run past the year 9999."""
        dates: list[date] = []
        day = self.start
        try:
            while len(dates) < count:
                if self.is_working(day):
                    dates.append(day)
                day += timedelta(days=1)
        except OverflowError:
            raise mitimeline.ParseError(
                f"expected a start that leaves room for {count} shoot days before the year "
                f"10000, found {self.start.isoformat()}", location=self.start_path) from None
        return dates


def work_calendar(calendar: Calendar) -> WorkCalendar:
    """The working days of ``calendar``; an error at its ``events`` when it has no ``start``
    event (then no shoot day has a date) or more than one."""
    starts = [event for event in calendar.events if event.kind == "start"]
    if not starts:
        raise mitimeline.ParseError(
            "expected a 'start' event giving the date of shoot day 1, found none: the shoot "
            "days have no dates", location=member(calendar.path, "events"))
    if len(starts) > 1:
        raise mitimeline.ParseError(
            f"expected one 'start' event, found another (the first at {starts[0].path})",
            location=starts[1].path)
    off = {event.day: event.kind for event in calendar.events if event.kind in COMPANY_OFF}
    return WorkCalendar(starts[0].day, calendar.days_off, off, member(starts[0].path, "date"))
