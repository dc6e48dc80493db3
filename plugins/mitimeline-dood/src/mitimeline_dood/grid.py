"""The day-out-of-days grid: people × calendar days, one code a cell, computed from a
timeline with no rendering in it (see ``docs/production-office.md`` for the rules).

:func:`compute` returns a :class:`DoodGrid`, a frozen value; the renderers (``csv_out``,
``html_out``, ``xlsx_out``) only lay it out.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import attrs
import mitimeline

from . import codes, schedule
from .errors import DoodError
from .options import US_DROP_DAYS, WORLD_DROP_DAYS, DoodOptions

if TYPE_CHECKING:
    import pandas

__all__ = [
    "BOARD_KEY",
    "MAX_DAYS",
    "TOTAL_NAMES",
    "DoodGrid",
    "DoodRow",
    "Totals",
    "Unplaceable",
    "compute",
]

BOARD_KEY = "board_numbers"
"""The ``extra`` key of an event mapping credited names to cast board numbers."""
MAX_DAYS = 3660
"""The most columns (calendar days) a grid may have: ten years."""
TOTAL_NAMES = ("work", "travel", "rehearsal", "fitting", "hold", "holiday", "idle",
               "possible", "total")
"""The per-person totals, in the order every output prints them."""
PANDAS_EXTRA = 'pip install "mitimeline-dood[pandas]"'

_OWN_CODES = {schedule.TRAVEL: codes.TRAVEL, schedule.REHEARSAL: codes.REHEARSAL,
              schedule.FITTING: codes.FITTING}
_PRECEDENCE = (schedule.WORK, schedule.TRAVEL, schedule.REHEARSAL, schedule.FITTING)
"""Which of a person's activities on one day gives the cell its code: the first."""


@attrs.frozen
class Totals:
    """A person's day counts; ``total`` is the days on the payroll: work, travel,
    rehearsal, fitting, hold and holiday (not idle days, not possible ones)."""

    work: int
    travel: int
    rehearsal: int
    fitting: int
    hold: int
    holiday: int
    idle: int
    possible: int

    @property
    def total(self) -> int:
        return (self.work + self.travel + self.rehearsal + self.fitting + self.hold
                + self.holiday)

    def values(self) -> tuple[int, ...]:
        """The counts in :data:`TOTAL_NAMES` order."""
        return tuple(getattr(self, name) for name in TOTAL_NAMES)


@attrs.frozen
class DoodRow:
    """One person: ``cells`` holds a code (or ``""``) per day of the grid."""

    name: str
    board: int | str | None
    """The board number; text for a board that is not a whole number (``"12A"``)."""
    roles: tuple[str, ...]
    cells: tuple[str, ...]
    totals: Totals


@attrs.frozen
class Unplaceable:
    """A schedule event whose date is not day-exact, listed under the grid."""

    event: str
    """The event's id."""
    title: str
    kind: str
    when: str
    """Its EDTF date."""
    reason: str
    """Why it cannot be placed: ``"month precision"``, ``"approximate"``, ..."""
    people: tuple[str, ...]
    sources: tuple[str, ...]
    """Each cited source as ``id: title`` (the id alone for a source the timeline lacks)."""


@attrs.frozen
class DoodGrid:
    """A day-out-of-days: ``rows`` of people over ``days``, with per-day markers.

    ``company[i]`` is ``"/"``, ``"M"`` or ``""`` for ``days[i]``; ``shoot_days[i]`` the
    shoot day's number (days with a placed work event, counted from 1) or ``None``;
    ``working[i]`` how many rows work that day.
    """

    title: str
    days: tuple[date, ...]
    company: tuple[str, ...]
    shoot_days: tuple[int | None, ...]
    working: tuple[int, ...]
    rows: tuple[DoodRow, ...]
    unplaceable: tuple[Unplaceable, ...]
    drop_days: int
    probable: bool

    @property
    def weeks(self) -> tuple[tuple[int, int], ...]:
        """The weeks, Sunday to Saturday, as ``(first column index, column count)``."""
        weeks: list[tuple[int, int]] = []
        for index, day in enumerate(self.days):
            if not weeks or day.isoweekday() == 7:
                weeks.append((index, 1))
            else:
                weeks[-1] = (weeks[-1][0], weeks[-1][1] + 1)
        return tuple(weeks)

    def row(self, name: str) -> DoodRow:
        """The row of ``name`` (case-insensitive); ``KeyError`` if there is none."""
        for row in self.rows:
            if row.name.casefold() == name.casefold():
                return row
        raise KeyError(name)

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame: one row per person (index ``person``), the columns ``board``,
        then one per day (``datetime.date``), then :data:`TOTAL_NAMES`; ``attrs["dood"]``
        holds the title, drop threshold, per-day markers and the unplaceable events."""
        pd = _pandas()
        boards = [r.board for r in self.rows]
        numeric = not any(isinstance(board, str) for board in boards)
        data: dict[Any, Any] = {"board": pd.array(boards, dtype="Int64" if numeric else object)}
        for index, day in enumerate(self.days):
            data[day] = [r.cells[index] for r in self.rows]
        for position, name in enumerate(TOTAL_NAMES):
            data[name] = [r.totals.values()[position] for r in self.rows]
        frame = pd.DataFrame(data, index=pd.Index([r.name for r in self.rows], name="person"),
                             columns=pd.Index(list(data), dtype=object))
        frame.attrs["dood"] = {
            "title": self.title,
            "drop_days": self.drop_days,
            "company": dict(zip(self.days, self.company, strict=True)),
            "shoot_days": dict(zip(self.days, self.shoot_days, strict=True)),
            "working": dict(zip(self.days, self.working, strict=True)),
            "unplaceable": [attrs.asdict(item) for item in self.unplaceable],
        }
        return frame


def _pandas() -> Any:
    try:
        import pandas  # optional and heavy: only DataFrame conversion needs it
    except ImportError as exc:
        raise ImportError(f"DataFrame conversion needs pandas: {PANDAS_EXTRA}") from exc
    return pandas


# -- people ---------------------------------------------------------------------------------


@attrs.define
class _Person:
    """What is gathered about one person (by case-folded name) while reading events."""

    name: str
    roles: set[str] = attrs.field(factory=set)
    board: int | str | None = None
    board_event: str = ""
    activities: dict[date, set[str]] = attrs.field(factory=dict)
    possible: set[date] = attrs.field(factory=set)
    off: set[date] = attrs.field(factory=set)
    """The person's own days off: ``hiatus`` events that credit them."""
    unplaceable: bool = False

    def add(self, activity: str, days: Iterable[date]) -> None:
        for day in days:
            self.activities.setdefault(day, set()).add(activity)


def _board_numbers(event: mitimeline.Event) -> dict[str, int | str]:
    """``extra["board_numbers"]`` of ``event`` by case-folded name, checked."""
    value = event.extra.get(BOARD_KEY)
    if value is None:
        return {}
    where = f"event {event.id!r}, extra.{BOARD_KEY}"
    if not isinstance(value, dict):
        raise DoodError(f"{where}: expected a mapping of credited names to board numbers "
                        f"such as {{\"Tom Cruise\": 1}}, got {type(value).__name__}")
    credited = {credit.name.casefold() for credit in event.people}
    numbers: dict[str, int | str] = {}
    for name, written in value.items():
        number = _board_number(written)
        if number is None:
            raise DoodError(f"{where}[{name!r}]: expected a board number, a whole number "
                            f"1 or more or text such as '12' or '12A', got {written!r}")
        if name.casefold() not in credited:
            raise DoodError(f"{where}[{name!r}]: names someone the event does not credit "
                            f"(credited: {', '.join(c.name for c in event.people) or 'nobody'})")
        numbers[name.casefold()] = number
    return numbers


def _board_number(value: object) -> int | str | None:
    """A board number: a whole number from 1, also written as its ASCII digits (``"12"``,
    as USS files write them); other text, stripped (``"12A"``), stays text; ``None`` for
    anything else (0, blank text, a float, a bool)."""
    if isinstance(value, str):
        value = value.strip()
        if not (value.isascii() and value.isdigit()):
            return value or None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return None
    return value


def _set_board(person: _Person, number: int | str, event: str) -> None:
    if person.board is not None and person.board != number:
        raise DoodError(f"{person.name!r} has board number {person.board!r} in event "
                        f"{person.board_event!r} and {number!r} in event {event!r}; a person "
                        f"has one board number")
    person.board, person.board_event = number, event


def _check_unique_boards(people: Iterable[_Person]) -> None:
    holders: dict[int | str, _Person] = {}
    for person in people:
        if person.board is None:
            continue
        other = holders.setdefault(person.board, person)
        if other is not person:
            raise DoodError(f"board number {person.board!r} is given to both {other.name!r} "
                            f"(event {other.board_event!r}) and {person.name!r} "
                            f"(event {person.board_event!r})")


# -- the grid -------------------------------------------------------------------------------


@attrs.define
class _Company:
    """The company-wide days: placed work days, days off, moves."""

    work: set[date] = attrs.field(factory=set)
    off: set[date] = attrs.field(factory=set)
    moves: set[date] = attrs.field(factory=set)


def compute(timeline: mitimeline.Timeline, options: DoodOptions) -> DoodGrid:
    """The day-out-of-days of ``timeline``; raises :class:`DoodError` for bad board numbers
    or a span longer than :data:`MAX_DAYS` days."""
    people: dict[str, _Person] = {}
    company = _Company()
    unplaceable: list[tuple[mitimeline.Event, str]] = []
    countries: set[str] = set()
    for event in timeline:
        kind = schedule.activity(event)
        if kind is None:
            continue
        if event.place is not None and event.place.country is not None:
            countries.add(event.place.country)
        boards = _board_numbers(event)
        credited = []
        for credit in event.people:
            person = people.setdefault(credit.name.casefold(), _Person(credit.name))
            if credit.role:
                person.roles.add(credit.role.casefold())
            if credit.name.casefold() in boards:
                _set_board(person, boards[credit.name.casefold()], event.id)
            credited.append(person)
        reason = schedule.why_not_exact(event.when)
        if reason is not None:
            unplaceable.append((event, reason))
            for person in credited:
                person.unplaceable = True
                if kind == schedule.WORK and options.probable and _bounded(event.when):
                    person.possible.update(_days_of(event, "may fall on"))
            continue
        placed = _days_of(event, "covers")
        if kind == schedule.WORK:
            company.work.update(placed)
        elif kind == schedule.COMPANY_OFF and not credited:
            company.off.update(placed)
        elif kind == schedule.COMPANY_OFF:  # a day off of the people it credits only
            for person in credited:
                person.off.update(placed)
        elif kind == schedule.MOVE:
            company.moves.update(placed)
        personal = schedule.TRAVEL if kind == schedule.MOVE else kind
        if personal != schedule.COMPANY_OFF:
            for person in credited:
                person.add(personal, placed)
    _check_unique_boards(people.values())
    listed = _listed(people.values(), options.roles)
    if options.drop_days is not None:
        drop_days = options.drop_days
    else:
        drop_days = US_DROP_DAYS if countries == {"US"} else WORLD_DROP_DAYS
    days = _columns(listed)
    rows = tuple(_row(person, days, (company.off - company.moves) | person.off, drop_days)
                 for person in listed)
    names = {person.name.casefold() for person in listed}
    return DoodGrid(
        title=timeline.title,
        days=days,
        company=tuple(codes.MOVE if day in company.moves else
                      codes.HOLIDAY if day in company.off else "" for day in days),
        shoot_days=_shoot_days(days, company.work),
        working=tuple(sum(row.cells[index] in codes.WORK_CODES for row in rows)
                      for index in range(len(days))),
        rows=rows,
        unplaceable=tuple(_unplaceable(timeline, event, reason)
                          for event, reason in unplaceable if _shows(event, names)),
        drop_days=drop_days,
        probable=options.probable,
    )


def _days_of(event: mitimeline.Event, verb: str) -> list[date]:
    """The days of ``event``'s date; :class:`DoodError` beyond :data:`MAX_DAYS`."""
    count = (event.when.upper - event.when.lower).days + 1
    if count > MAX_DAYS:
        raise DoodError(f"event {event.id!r} {verb} {count} days ({event.when}); a "
                        f"day-out-of-days has at most {MAX_DAYS} columns: check its date"
                        + (", or leave out probable=True" if verb == "may fall on" else ""))
    return schedule.days_of(event.when)


def _bounded(when: mitimeline.When) -> bool:
    return not (when.open_start or when.open_end)


def _listed(people: Iterable[_Person], roles: tuple[str, ...] | None) -> list[_Person]:
    """The people with a row: those with a placed day, a possible day or an unplaceable
    event, having one of ``roles``; the cast by board (numbers in order, then text boards
    such as ``"12A"``), then the others; by name within each."""
    listed = [person for person in people
              if (person.activities or person.possible or person.unplaceable)
              and (roles is None or person.roles & set(roles))]
    return sorted(listed, key=_listing_order)


def _listing_order(person: _Person) -> tuple[int, int, str, str, str]:
    board = person.board
    if isinstance(board, int):
        return (0, board, "", person.name.casefold(), person.name)
    if board is not None:
        return (1, 0, board, person.name.casefold(), person.name)
    return (2, 0, "", person.name.casefold(), person.name)


def _columns(people: list[_Person]) -> tuple[date, ...]:
    """Every day from the first to the last day on which a listed person has a code."""
    marked = [day for person in people for day in (*person.activities, *person.possible)]
    if not marked:
        return ()
    first, last = min(marked), max(marked)
    count = (last - first).days + 1
    if count > MAX_DAYS:
        raise DoodError(f"the schedule spans {count} days ({first} to {last}); a "
                        f"day-out-of-days has at most {MAX_DAYS} columns: check the dates, "
                        f"or leave out probable=True")
    return tuple(first + timedelta(days=offset) for offset in range(count))


def _shoot_days(days: tuple[date, ...], work: set[date]) -> tuple[int | None, ...]:
    number = {day: index for index, day in enumerate(sorted(work), start=1)}
    return tuple(number.get(day) for day in days)


def _row(person: _Person, days: tuple[date, ...], off: set[date], drop_days: int) -> DoodRow:
    """The cells and totals of one person; ``off`` holds their days off: the days whose
    column is ``/`` and their own."""
    own = {day: next(a for a in _PRECEDENCE if a in acts)
           for day, acts in person.activities.items()}
    cell = {day: _OWN_CODES.get(own.get(day, ""), "") for day in days}
    work = sorted(day for day, act in own.items() if act == schedule.WORK)
    idle = 0
    if work:
        first, last = work[0], work[-1]
        for day in work:
            cell[day] = codes.WORK
        cell[first], cell[last] = codes.START, codes.WORK_FINISH
        if first == last:
            cell[first] = codes.START_FINISH
        stretch: set[date] = set()
        drop = next(((a, b) for a, b in itertools.pairwise(work)
                     if (b - a).days - 1 >= drop_days), None)
        if drop is not None:
            dropped, picked = drop
            cell[picked] = codes.PICKUP_FINISH if picked == last else codes.PICKUP
            stretch = {dropped + timedelta(days=n) for n in range(1, (picked - dropped).days)}
            free = sorted(day for day in stretch if day not in own)
            idle = len(free)
            if free:
                cell[free[0]] = codes.DROP
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if day not in own and day not in stretch:
                cell[day] = codes.HOLIDAY if day in off else codes.HOLD
    for day in person.possible:
        if cell.get(day) == "":
            cell[day] = codes.POSSIBLE
    cells = tuple(cell[day] for day in days)
    count = cells.count
    totals = Totals(
        work=sum(count(code) for code in codes.WORK_CODES),
        travel=count(codes.TRAVEL), rehearsal=count(codes.REHEARSAL),
        fitting=count(codes.FITTING), hold=count(codes.HOLD), holiday=count(codes.HOLIDAY),
        idle=idle, possible=count(codes.POSSIBLE),
    )
    return DoodRow(name=person.name, board=person.board, roles=tuple(sorted(person.roles)),
                   cells=cells, totals=totals)


def _shows(event: mitimeline.Event, names: set[str]) -> bool:
    """An unplaceable event is listed when it credits nobody or a listed person."""
    return not event.people or any(c.name.casefold() in names for c in event.people)


def _unplaceable(timeline: mitimeline.Timeline, event: mitimeline.Event,
                 reason: str) -> Unplaceable:
    sources = []
    for source_id in event.sources:
        try:
            sources.append(f"{source_id}: {timeline.source(source_id).title}")
        except KeyError:
            sources.append(source_id)
    return Unplaceable(event=event.id, title=event.title, kind=event.kind,
                       when=str(event.when), reason=reason,
                       people=tuple(str(credit) for credit in event.people),
                       sources=tuple(sources))
