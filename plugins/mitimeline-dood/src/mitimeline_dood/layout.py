"""What every rendering of a grid shows, as text: the header rows, the person rows, the
per-day count and the unplaceable list. CSV and XLSX write these rows as they are; HTML
adds markup around the same texts."""

from __future__ import annotations

from datetime import date

from .grid import TOTAL_NAMES, DoodGrid, DoodRow, Unplaceable

__all__ = [
    "FILLS",
    "UNPLACEABLE_HEADER",
    "UNPLACEABLE_TITLE",
    "WEEKDAYS",
    "header_rows",
    "person_row",
    "unplaceable_row",
    "week_numbers",
    "weekday",
    "working_row",
]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
UNPLACEABLE_TITLE = "unplaceable events (dates not exact to the day)"
UNPLACEABLE_HEADER = ("event", "title", "kind", "when", "why", "people", "sources")
"""The heading row of the list of events that could not be placed on days."""


def week_numbers(grid: DoodGrid) -> list[str]:
    """Each day's week number (weeks run Sunday to Saturday), as text."""
    numbers = [""] * len(grid.days)
    for number, (start, count) in enumerate(grid.weeks, start=1):
        for index in range(start, start + count):
            numbers[index] = str(number)
    return numbers


def header_rows(grid: DoodGrid) -> list[list[str]]:
    """Five rows: dates (with the totals' names), weekdays, weeks, shoot days, company."""
    blank = [""] * len(TOTAL_NAMES)
    return [
        ["person", "board", *(day.isoformat() for day in grid.days), *TOTAL_NAMES],
        ["weekday", "", *(weekday(day) for day in grid.days), *blank],
        ["week", "", *week_numbers(grid), *blank],
        ["shoot day", "", *("" if n is None else str(n) for n in grid.shoot_days), *blank],
        ["company", "", *grid.company, *blank],
    ]


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def person_row(row: DoodRow) -> list[str]:
    board = "" if row.board is None else str(row.board)
    return [row.name, board, *row.cells, *map(str, row.totals.values())]


def working_row(grid: DoodGrid) -> list[str]:
    """The number of people working each day."""
    return ["people working", "", *map(str, grid.working), *[""] * len(TOTAL_NAMES)]


def unplaceable_row(item: Unplaceable) -> list[str]:
    return [item.event, item.title, item.kind, item.when, item.reason, "; ".join(item.people),
            "; ".join(item.sources)]


FILLS: dict[str, str] = {
    "SW": "B7E1A1", "W": "D9F2CC", "WF": "B7E1A1", "SWF": "8FD175", "PW": "B7E1A1",
    "PWF": "8FD175", "H": "FFF2B3", "D": "F4B6B6", "TR": "BFD7F2", "R": "E3CCF2",
    "FT": "F2D9C4", "/": "D9D9D9", "M": "C9E4F5", "W?": "EFEFEF",
}
"""The background colour (RGB hex) of each code's cells, in HTML and XLSX alike."""
