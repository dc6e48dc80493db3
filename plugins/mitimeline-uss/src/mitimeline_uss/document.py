"""A decoded USS 1.0 file → a checked :class:`Schedule`: every reference resolved, every
variant the readers accept turned into one form, everything else an error at its JSON path.

The variants (see ``docs/production-office.md``): breakdown type ``strip`` for ``scene``;
``breakdownArrays`` for ``breakdownIds``; a board's list flat (day-break strips of type
``day`` end each day) or one list per shoot day; a holiday as type ``dayOff`` named
``holiday`` or as type ``event`` named ``holiday``; travel named ``travel`` or
``doodTravel``. Keys this reader does not use are ignored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import mitimeline

from .dates import DayReader
from .fields import ROOT, describe, fail, integer, items, member, number, obj, text, texts

__all__ = ["Board", "Breakdown", "Calendar", "Category", "Dated", "Element", "Schedule",
           "Stripboard", "read_schedule"]

BREAKDOWN_TYPES = {"scene": "scene", "strip": "scene", "banner": "banner", "day": "day"}
"""USS breakdown ``type`` → what it is here: a scene strip, a banner, or a day break."""

EVENT_NAMES = {"holiday": "holiday", "dayoff": "dayOff", "travel": "travel",
               "doodtravel": "travel", "rehearsal": "rehearsal", "fitting": "fitting",
               "photo": "photo"}
"""The ``name`` of an event of type ``event`` (compared ignoring case) → its kind."""


@attrs.frozen
class Dated:
    """A calendar's or an element's event: its ``day``, ``kind`` (``start``, ``dayOff``,
    ``holiday``, ``travel``, ``rehearsal``, ``fitting``, ``photo``) and the writer's
    ``name`` when it is not one of the kinds (a day off named ``Christmas``)."""

    path: str
    day: date
    kind: str
    name: str | None


@attrs.frozen
class Category:
    """A breakdown category; ``ucid`` is its Universal Category Identification number."""

    id: str
    path: str
    name: str | None
    ucid: int | None


@attrs.frozen
class Element:
    """A breakdown element (a cast member, a set, a location, a unit, ...); ``board`` is the
    cast board number (USS ``elementId``) as text."""

    id: str
    path: str
    name: str
    category: Category
    board: str | None
    events: tuple[Dated, ...]


@attrs.frozen
class Breakdown:
    """A strip: ``type`` is ``scene``, ``banner`` or ``day`` (a day break)."""

    id: str
    path: str
    type: str
    scene: str | None
    pages: float | None
    elements: tuple[Element, ...]
    banner: str | None


@attrs.frozen
class Board:
    """A board of a stripboard: its shoot ``days`` (each the strips of one day, in order),
    and, for a boneyard, the number of scene ``strips`` it holds instead."""

    path: str
    name: str | None
    boneyard: bool
    days: tuple[tuple[Breakdown, ...], ...]
    strips: int


@attrs.frozen
class Stripboard:
    """One version of the schedule; ``calendar`` is the id of the calendar it follows."""

    id: str
    path: str
    name: str | None
    calendar: str | None
    boards: tuple[Board, ...]


@attrs.frozen
class Calendar:
    """Working days: ``days_off`` are weekdays (0 Sunday … 6 Saturday), ``events`` dated."""

    id: str
    path: str
    name: str | None
    days_off: frozenset[int]
    events: tuple[Dated, ...]


@attrs.frozen
class Schedule:
    """The whole file, checked."""

    project: str | None
    name: str | None
    episode: str | None
    episode_name: str | None
    source: str | None
    company: str | None
    elements: tuple[Element, ...]
    stripboards: tuple[Stripboard, ...]
    calendars: tuple[Calendar, ...]


def read_schedule(data: object, days: DayReader) -> Schedule:
    """Check the decoded JSON ``data`` and resolve its references; dates through ``days``."""
    if not isinstance(data, dict) or "universalScheduleStandard" not in data:
        found = (f"an object with the keys {', '.join(map(repr, list(data)[:5]))}"
                 if isinstance(data, dict) else describe(data))
        raise mitimeline.ParseError(
            'expected a USS 1.0 file, an object {"universalScheduleStandard": {...}}, found '
            f"{found}", location="$")
    root = obj(data["universalScheduleStandard"], ROOT)
    _check_version(root)
    categories = _by_id(_category(item, path) for item, path in items(root, "categories", ROOT))
    elements = _by_id(_element(item, path, categories, days)
                      for item, path in items(root, "elements", ROOT))
    breakdowns = _by_id(_breakdown(item, path, elements)
                        for item, path in items(root, "breakdowns", ROOT))
    calendars = _by_id(_calendar(item, path, days) for item, path in items(root, "calendars", ROOT))
    stripboards = _by_id(_stripboard(item, path, breakdowns, calendars)
                         for item, path in items(root, "stripboards", ROOT))
    return Schedule(
        project=text(root, "project", ROOT), name=text(root, "name", ROOT),
        episode=_label(root, "episode", ROOT), episode_name=text(root, "episodeName", ROOT),
        source=text(root, "source", ROOT), company=text(root, "company", ROOT),
        elements=tuple(elements.values()), stripboards=tuple(stripboards.values()),
        calendars=tuple(calendars.values()))


def _check_version(root: dict[str, Any]) -> None:
    version = text(root, "ussVersion", ROOT)
    if version is not None and version.split(".")[0] != "1":
        raise mitimeline.ParseError(
            f"expected USS version 1.x (1.0.0), found {version!r}",
            location=member(ROOT, "ussVersion"))


def _by_id(values: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for value in values:
        if value.id in found:
            raise mitimeline.ParseError(
                f"expected a new id, found {value.id!r} again (first at {found[value.id].path})",
                location=member(value.path, "id"))
        found[value.id] = value
    return found


def _id(item: dict[str, Any], path: str) -> str:
    value = text(item, "id", path, required=True)
    assert value is not None  # required
    return value


def _category(item: object, path: str) -> Category:
    entry = obj(item, path)
    ucid = entry.get("ucid")
    return Category(_id(entry, path), path, text(entry, "name", path),
                    None if ucid is None else integer(ucid, member(path, "ucid"), 0))


def _element(item: object, path: str, categories: dict[str, Category],
             days: DayReader) -> Element:
    entry = obj(item, path)
    category_id = text(entry, "category", path, required=True)
    assert category_id is not None  # required
    if category_id not in categories:
        raise mitimeline.ParseError(
            f"no category has the id {category_id!r} (the ids in {ROOT}.categories)",
            location=member(path, "category"))
    name = text(entry, "name", path, required=True)
    assert name is not None  # required
    events = tuple(_dated(event, where, days, element=True)
                   for event, where in items(entry, "events", path))
    return Element(_id(entry, path), path, name, categories[category_id],
                   _label(entry, "elementId", path), events)


def _label(parent: dict[str, Any], key: str, path: str) -> str | None:
    """A text that writers may also give as a whole number (an episode or board ``101``)."""
    value = parent.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return text(parent, key, path)


def _breakdown(item: object, path: str, elements: dict[str, Element]) -> Breakdown:
    entry = obj(item, path)
    kind = entry.get("type")
    if not isinstance(kind, str) or kind not in BREAKDOWN_TYPES:
        raise fail(member(path, "type"), "a breakdown type: scene (or strip), banner or day",
                   kind)
    resolved = []
    for element_id, where in texts(entry, "elements", path):
        if element_id not in elements:
            raise mitimeline.ParseError(
                f"no element has the id {element_id!r} (the ids in {ROOT}.elements)",
                location=where)
        resolved.append(elements[element_id])
    return Breakdown(_id(entry, path), path, BREAKDOWN_TYPES[kind], _label(entry, "scene", path),
                     number(entry, "pages", path), tuple(resolved),
                     text(entry, "bannerText", path) or text(entry, "description", path))


def _calendar(item: object, path: str, days: DayReader) -> Calendar:
    entry = obj(item, path)
    off = frozenset(integer(value, where, 0, 6) for value, where in items(entry, "daysOff", path))
    if len(off) == 7:
        raise mitimeline.ParseError("expected at least one working weekday, found all seven "
                                    "days off", location=member(path, "daysOff"))
    events = tuple(_dated(event, where, days, element=False)
                   for event, where in items(entry, "events", path))
    return Calendar(_id(entry, path), path, text(entry, "name", path), off, events)


def _dated(item: object, path: str, days: DayReader, element: bool) -> Dated:
    entry = obj(item, path)
    kind = entry.get("type")
    name = text(entry, "name", path)
    if "date" not in entry or entry["date"] is None:
        raise mitimeline.ParseError("expected the event's date, found none",
                                    location=member(path, "date"))
    day = days.day(entry["date"], member(path, "date"))
    if kind == "start" and not element:
        return Dated(path, day, "start", name)
    if kind == "dayOff":
        key = (name or "dayOff").casefold()
        if key in ("dayoff", "holiday"):
            return Dated(path, day, EVENT_NAMES[key], None)
        return Dated(path, day, "dayOff", name)  # a day off the writer named itself
    if kind == "event":
        if name is None or name.casefold() not in EVENT_NAMES:
            raise fail(member(path, "name"), "an event name: holiday, dayOff, travel "
                       "(or doodTravel), rehearsal, fitting or photo", entry.get("name"))
        return Dated(path, day, EVENT_NAMES[name.casefold()], None)
    types = "dayOff or event" if element else "start, dayOff or event"
    raise fail(member(path, "type"), f"an event type: {types}", kind)


def _stripboard(item: object, path: str, breakdowns: dict[str, Breakdown],
                calendars: dict[str, Calendar]) -> Stripboard:
    entry = obj(item, path)
    calendar = text(entry, "calendar", path)
    if calendar is not None and calendar not in calendars:
        raise mitimeline.ParseError(
            f"no calendar has the id {calendar!r} (the ids in {ROOT}.calendars)",
            location=member(path, "calendar"))
    boards = tuple(_board(board, where, breakdowns)
                   for board, where in items(entry, "boards", path))
    return Stripboard(_id(entry, path), path, text(entry, "name", path), calendar, boards)


def _board(item: object, path: str, breakdowns: dict[str, Breakdown]) -> Board:
    entry = obj(item, path)
    name = text(entry, "name", path)
    keys = [key for key in ("breakdownIds", "breakdownArrays") if entry.get(key) is not None]
    if not keys:
        raise mitimeline.ParseError("expected the board's strips in breakdownIds (or "
                                    "breakdownArrays), found neither", location=path)
    if len(keys) == 2:
        raise mitimeline.ParseError("expected breakdownIds or breakdownArrays, found both",
                                    location=member(path, "breakdownArrays"))
    listed = items(entry, keys[0], path)
    if all(isinstance(value, str) for value, _ in listed):
        days = _split_at_day_breaks([_strip(value, where, breakdowns) for value, where in listed])
    else:
        days = [_day(value, where, breakdowns, first=listed[0][0]) for value, where in listed]
    boneyard = name is not None and "boneyard" in name.casefold()
    strips = sum(strip.type == "scene" for day in days for strip in day)
    return Board(path, name, boneyard, () if boneyard else tuple(days), strips)


def _day(value: object, path: str, breakdowns: dict[str, Breakdown],
         first: object) -> tuple[Breakdown, ...]:
    if not isinstance(value, list):
        shape = "a list of breakdown ids (one per shoot day)" if isinstance(first, list) else (
            "a breakdown id (text)")
        raise fail(path, f"{shape}, like the first entry", value)
    return tuple(strip for strip in (_strip(item, f"{path}[{index}]", breakdowns)
                                     for index, item in enumerate(value)) if strip.type != "day")


def _strip(value: object, path: str, breakdowns: dict[str, Breakdown]) -> Breakdown:
    if not isinstance(value, str):
        raise fail(path, "a breakdown id (text)", value)
    if value not in breakdowns:
        raise mitimeline.ParseError(
            f"no breakdown has the id {value!r} (the ids in {ROOT}.breakdowns)", location=path)
    return breakdowns[value]


def _split_at_day_breaks(strips: list[Breakdown]) -> list[tuple[Breakdown, ...]]:
    """A flat list's shoot days: each day-break strip ends one; strips after the last break
    (all of them, if there is none) make one more."""
    days: list[tuple[Breakdown, ...]] = []
    current: list[Breakdown] = []
    for strip in strips:
        if strip.type == "day":
            days.append(tuple(current))
            current = []
        else:
            current.append(strip)
    if current:
        days.append(tuple(current))
    return days
