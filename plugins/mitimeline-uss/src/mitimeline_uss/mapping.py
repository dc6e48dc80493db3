"""A checked :class:`~mitimeline_uss.document.Schedule` → a timeline: the shoot days of one
stripboard, the calendar's days off, holidays, travel and other events, and each element's
own events, every event ``planned`` and citing the schedule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import attrs
import mitimeline

from .document import Board, Calendar, Dated, Schedule, Stripboard
from .fields import ROOT, member
from .findings import USSFinding
from .shootdays import CAST, SOURCE_ID, board_numbers, shoot_event
from .workdays import WorkCalendar, work_calendar

__all__ = ["KINDS", "PERSON_KINDS", "TAGS", "timeline_of"]

KINDS = {"dayOff": "hiatus", "holiday": "hiatus", "travel": "move", "rehearsal": "other",
         "fitting": "other", "photo": "other"}
"""A calendar event's kind → the mitimeline event kind (company travel is a ``move``)."""
PERSON_KINDS = {**KINDS, "travel": "other"}
"""An element event's kind → the mitimeline event kind (a person's travel is no company
move: an ``other`` event tagged ``travel``)."""
TAGS = {"travel": ("travel",), "rehearsal": ("rehearsal",), "fitting": ("fitting",),
        "photo": ("photo",)}
"""The tags of a calendar or element event by its kind: what it is, in the library's general
way (a day-out-of-days reads travel, rehearsal and fitting from them)."""

_TITLES = {"dayOff": "Day off", "holiday": "Holiday", "travel": "Company travel",
           "rehearsal": "Rehearsal", "fitting": "Fitting", "photo": "Photo shoot"}
_PERSON_TITLES = {**_TITLES, "travel": "Travel"}
_ID_PARTS = {"dayOff": "day-off", "holiday": "holiday", "travel": "travel",
             "rehearsal": "rehearsal", "fitting": "fitting", "photo": "photo"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def timeline_of(schedule: Schedule, stripboard: str | None,
                findings: list[USSFinding]) -> mitimeline.Timeline:
    """The timeline of ``schedule``, reading the stripboard whose id or name is
    ``stripboard`` (``None``: the first); what it leaves out goes to ``findings``."""
    chosen = _choose(schedule, stripboard, findings)
    calendar = _calendar_of(schedule, chosen)
    days = _scheduled_days(chosen, findings) if chosen is not None else ()
    events: list[mitimeline.Event] = []
    if days:
        if calendar is None:
            raise mitimeline.ParseError(
                "expected a calendar with a 'start' event giving the date of shoot day 1, found "
                "no calendar: the shoot days have no dates", location=member(ROOT, "calendars"))
        working = work_calendar(calendar)
        dates = working.shoot_dates(len(days))
        events += [shoot_event(number, len(days), when, strips)
                   for number, (when, strips) in enumerate(zip(dates, days, strict=True), start=1)]
        events += _weekly_days_off(working, calendar, dates[0], dates[-1])
    if calendar is not None:
        events += [_calendar_event(event) for event in calendar.events if event.kind != "start"]
    events += _element_events(schedule)
    events.sort(key=lambda event: str(event.when))  # stable: shoot days first on their day
    return _timeline(schedule, chosen, _unique(events))


def _choose(schedule: Schedule, wanted: str | None,
            findings: list[USSFinding]) -> Stripboard | None:
    boards = schedule.stripboards
    if not boards:
        findings.append(USSFinding("no-schedule", member(ROOT, "stripboards"),
                                   "no stripboard: the file has no shoot days"))
        return None
    if wanted is None:
        chosen = boards[0]
    else:
        matches = [board for board in boards if wanted in (board.id, board.name)]
        if not matches:
            known = ", ".join(repr(board.name or board.id) for board in boards)
            raise mitimeline.ParseError(
                f"no stripboard has the id or name {wanted!r} (given as stripboard=); "
                f"the stripboards are {known}", location=member(ROOT, "stripboards"))
        chosen = matches[0]
    for board in boards:
        if board is not chosen:
            findings.append(USSFinding(
                "unread-stripboard", board.path,
                f"stripboard {board.name or board.id!r} not read (read "
                f"{chosen.name or chosen.id!r}; choose another with stripboard=)"))
    return chosen


def _calendar_of(schedule: Schedule, stripboard: Stripboard | None) -> Calendar | None:
    wanted = stripboard.calendar if stripboard is not None else None
    for calendar in schedule.calendars:
        if wanted is None or calendar.id == wanted:
            return calendar
    return None


def _scheduled_days(stripboard: Stripboard, findings: list[USSFinding]) -> tuple[Any, ...]:
    scheduled: list[Board] = []
    for board in stripboard.boards:
        if board.boneyard:
            if board.strips:
                findings.append(USSFinding(
                    "boneyard", board.path,
                    f"{board.strips} strip{'s' if board.strips != 1 else ''} in the boneyard "
                    f"{board.name!r}: not scheduled, so no events"))
        else:
            scheduled.append(board)
    if len(scheduled) > 1:
        raise mitimeline.ParseError(
            f"expected one scheduled board (and boneyards) in a stripboard, found another "
            f"(the first at {scheduled[0].path})", location=scheduled[1].path)
    return scheduled[0].days if scheduled else ()


def _weekly_days_off(working: WorkCalendar, calendar: Calendar, first: date,
                     last: date) -> Iterator[mitimeline.Event]:
    """A ``Day off`` for each weekly day off from ``first`` to ``last`` that no calendar
    event already dates."""
    dated = {event.day for event in calendar.events if event.kind != "start"}
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        if not working.is_working(day) and day not in dated:
            yield mitimeline.Event(
                id=f"day-off-{day.isoformat()}", title="Day off", when=day.isoformat(),
                kind="hiatus", status="planned", sources=[SOURCE_ID],
                extra={"uss_event": "weekly"})


def _calendar_event(event: Dated) -> mitimeline.Event:
    return mitimeline.Event(
        id=f"{_ID_PARTS[event.kind]}-{event.day.isoformat()}",
        title=event.name or _TITLES[event.kind], when=event.day.isoformat(),
        kind=KINDS[event.kind], tags=TAGS.get(event.kind, ()), status="planned",
        sources=[SOURCE_ID], extra={"uss_event": event.kind})


def _element_events(schedule: Schedule) -> Iterator[mitimeline.Event]:
    for element in schedule.elements:
        cast = element.category.ucid == CAST
        role = "cast" if cast else element.category.name
        person = _slug(element.name) or _slug(element.id) or "element"
        for event in element.events:
            extra: dict[str, Any] = {"uss_event": event.kind}
            if cast and element.board is not None:
                extra["board_numbers"] = board_numbers([element])
            title = event.name or _PERSON_TITLES[event.kind]
            yield mitimeline.Event(
                id=f"{_ID_PARTS[event.kind]}-{person}-{event.day.isoformat()}",
                title=f"{title}: {element.name}", when=event.day.isoformat(),
                kind=PERSON_KINDS[event.kind], tags=TAGS.get(event.kind, ()),
                people=[mitimeline.Credit(element.name, role)],
                status="planned", sources=[SOURCE_ID], extra=extra)


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.casefold()).strip("-")


def _unique(events: list[mitimeline.Event]) -> list[mitimeline.Event]:
    """The events with repeated ids numbered ``-2``, ``-3``, ... in order."""
    seen: dict[str, int] = {}
    result = []
    for event in events:
        count = seen.get(event.id, 0) + 1
        seen[event.id] = count
        if count > 1:
            event = attrs.evolve(event, id=f"{event.id}-{count}")
        result.append(event)
    return result


def _timeline(schedule: Schedule, stripboard: Stripboard | None,
              events: list[mitimeline.Event]) -> mitimeline.Timeline:
    title = schedule.project or schedule.name or "USS schedule"
    episode = " ".join(part for part in (schedule.episode, schedule.episode_name) if part)
    if episode:
        title = f"{title}: {episode}"
    about = [f"Schedule {schedule.name!r}" if schedule.name else "A schedule"]
    if stripboard is not None:
        about.append(f"stripboard {stripboard.name or stripboard.id!r}")
    if schedule.source:
        about.append(f"written by {schedule.source}")
    source = mitimeline.Source(SOURCE_ID, schedule.name or title,
                               publisher=schedule.source or schedule.company)
    production = mitimeline.Production(schedule.project) if schedule.project else None
    return mitimeline.Timeline(title=title, events=events, sources=[source],
                               production=production, description=", ".join(about) + " (USS).")
