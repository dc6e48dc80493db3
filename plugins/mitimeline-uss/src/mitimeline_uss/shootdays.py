"""One shoot day → one ``shoot`` event: its place, cast, unit, scenes and pages.

Elements are read by their category's UCI number: 6 Location (the place), else 0 Set; 100
Cast Members (the people, with their board numbers in ``extra``); 4 Unit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import mitimeline

from .document import Breakdown, Element

__all__ = ["CAST", "LOCATION", "SET", "UNIT", "board_numbers", "cast_order", "shoot_event"]

SET, UNIT, LOCATION, CAST = 0, 4, 6, 100
"""The UCI numbers of the categories read: Set, Unit, Location, Cast Members."""

SOURCE_ID = "uss-schedule"
"""The id of the one source every imported event cites: the schedule file."""


def cast_order(element: Element) -> tuple[int, int, str, str]:
    """Sort key: board numbers (ASCII digits) in numeric order, then other board texts, then
    none; then name (the order a day-out-of-days lists the cast in)."""
    board = element.board
    if board is not None and board.isascii() and board.isdigit():
        return (0, int(board), "", element.name)
    return (1, 0, board, element.name) if board is not None else (2, 0, "", element.name)


def board_numbers(cast: Iterable[Element]) -> dict[str, str]:
    """Cast name → board number, for the cast members that have one."""
    return {element.name: element.board for element in cast if element.board is not None}


def _distinct(values: Iterable[Element]) -> list[Element]:
    seen: dict[str, Element] = {}
    for value in values:
        seen.setdefault(value.id, value)
    return list(seen.values())


def _in(strips: tuple[Breakdown, ...], ucid: int) -> list[Element]:
    return _distinct(e for strip in strips for e in strip.elements if e.category.ucid == ucid)


def shoot_event(number: int, total: int, day: date,
                strips: tuple[Breakdown, ...]) -> mitimeline.Event:
    """Shoot day ``number`` of ``total``, on ``day``, shooting ``strips`` (scenes and banners)."""
    scenes = tuple(strip for strip in strips if strip.type == "scene")
    places = [e.name for e in _in(scenes, LOCATION) or _in(scenes, SET)]
    places = list(dict.fromkeys(places))
    cast = sorted(_in(scenes, CAST), key=cast_order)
    units = list(dict.fromkeys(e.name for e in _in(scenes, UNIT)))
    extra: dict[str, Any] = {
        "shoot_day": number,
        "scenes": [strip.scene for strip in scenes if strip.scene is not None],
        "pages": round(sum((strip.pages or 0.0 for strip in scenes), 0.0), 3),
        "board_numbers": board_numbers(cast),
    }
    banners = [strip.banner for strip in strips if strip.type == "banner" and strip.banner]
    if banners:
        extra["banners"] = banners
    if len(places) > 1:
        extra["places"] = places
    return mitimeline.Event(
        id=f"shoot-day-{number}", title=f"Shoot day {number} of {total}", when=day.isoformat(),
        kind="shoot", place=mitimeline.Place(places[0]) if places else None,
        people=[mitimeline.Credit(e.name, "cast") for e in cast],
        unit=", ".join(units) or None, status="planned", sources=[SOURCE_ID], extra=extra)
