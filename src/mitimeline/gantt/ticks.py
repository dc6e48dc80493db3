"""Axis ticks for a span of days: days, weeks, months or years, whichever fits.

Days are ``date.toordinal()`` numbers. :func:`choose_unit` picks the finest unit of
:data:`UNITS` that gives at most ``max_ticks`` ticks over a span; :func:`ticks` lists its
boundaries (midnight of the 1st of a month, a Monday, 1 January ...) with English labels
that do not depend on the locale. The year is written on the first tick and wherever it
changes.
"""

from __future__ import annotations

from datetime import date

import attrs

__all__ = ["FIRST_DAY", "LAST_DAY", "UNITS", "Tick", "TickUnit", "choose_unit", "ticks"]

FIRST_DAY = date.min.toordinal()
LAST_DAY = date.max.toordinal()
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@attrs.frozen
class TickUnit:
    """A tick spacing: ``step`` days, weeks (from Mondays), months or years."""

    name: str
    step: int
    days: float
    """Its approximate length in days."""

    def floor(self, day: int) -> int:
        """The last boundary at or before ``day`` (never before :data:`FIRST_DAY`)."""
        day = min(max(day, FIRST_DAY), LAST_DAY)
        if self.name == "day":
            return max(FIRST_DAY, day - day % self.step)
        if self.name == "week":
            return max(FIRST_DAY, day - (day - FIRST_DAY) % (7 * self.step))
        when = date.fromordinal(day)
        if self.name == "month":
            months = when.year * 12 + when.month - 1
            months -= months % self.step
            return date(max(1, months // 12), months % 12 + 1, 1).toordinal()
        return date(max(1, when.year - when.year % self.step), 1, 1).toordinal()

    def next(self, day: int) -> int:
        """The first boundary after ``day``; ``LAST_DAY + 1`` when there is none."""
        if self.name in ("day", "week"):
            length = self.step * (7 if self.name == "week" else 1)
            return min(LAST_DAY + 1, self.floor(day) + length)
        when = date.fromordinal(self.floor(day))
        if self.name == "month":
            months = when.year * 12 + when.month - 1 + self.step
            year, month = divmod(months, 12)
        else:
            year, month = (when.year // self.step + 1) * self.step, 0
        return date(year, month + 1, 1).toordinal() if year <= date.max.year else LAST_DAY + 1

    def ceil(self, day: int) -> int:
        """The first boundary at or after ``day``; ``LAST_DAY + 1`` when there is none."""
        if day > LAST_DAY:
            return LAST_DAY + 1
        floor = self.floor(day)
        return floor if floor == day else self.next(day)

    def label(self, day: int, with_year: bool) -> str:
        """``"6 Sep"``, ``"Sep"`` or ``"2020"``; the year is appended when ``with_year``."""
        when = date.fromordinal(day)
        if self.name == "year":
            return str(when.year)
        text = MONTHS[when.month - 1]
        if self.name in ("day", "week"):
            text = f"{when.day} {text}"
        return f"{text} {when.year}" if with_year else text


UNITS = (
    TickUnit("day", 1, 1),
    TickUnit("day", 2, 2),
    TickUnit("week", 1, 7),
    TickUnit("week", 2, 14),
    TickUnit("month", 1, 30.44),
    TickUnit("month", 3, 91.3),
    TickUnit("month", 6, 182.6),
    *(TickUnit("year", step, 365.25 * step)
      for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)),
)
"""Tick units from finest to coarsest."""


@attrs.frozen
class Tick:
    """A labelled tick at the start of ``day``."""

    day: int
    label: str


def choose_unit(span_days: int, max_ticks: int) -> TickUnit:
    """The finest unit giving at most ``max_ticks`` (at least 2) ticks over ``span_days``."""
    limit = max(2, max_ticks)
    for unit in UNITS:
        if span_days / unit.days <= limit:
            return unit
    return UNITS[-1]


def ticks(start: int, stop: int, unit: TickUnit) -> tuple[Tick, ...]:
    """The boundaries of ``unit`` from ``start`` to ``stop`` (both included), labelled."""
    result: list[Tick] = []
    day = unit.ceil(start)
    previous_year = None
    while day <= min(stop, LAST_DAY):
        year = date.fromordinal(day).year
        result.append(Tick(day, unit.label(day, with_year=year != previous_year)))
        previous_year = year
        day = unit.next(day)
    return tuple(result)
