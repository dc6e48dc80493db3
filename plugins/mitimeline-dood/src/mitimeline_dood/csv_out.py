"""A grid as CSV text: the header rows, one row per person, the people-working row, then
the unplaceable events; cells a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import csv
import io

from . import layout
from .grid import DoodGrid

__all__ = ["neutralise", "render_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with ``'`` before it when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render_csv(grid: DoodGrid) -> str:
    """The CSV text of ``grid`` (``\\r\\n`` line ends, cells quoted only where needed)."""
    rows = [*layout.header_rows(grid), *map(layout.person_row, grid.rows),
            layout.working_row(grid)]
    if grid.unplaceable:
        rows += [[], [layout.UNPLACEABLE_TITLE], list(layout.UNPLACEABLE_HEADER)]
        rows += map(layout.unplaceable_row, grid.unplaceable)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
