"""``Timeline`` → CSV text: a header row, then one row per event."""

from __future__ import annotations

import csv
import io

import mitimeline

from . import cells
from .columns import written_columns
from .rows import event_cells

__all__ = ["unencodable_cell", "write_table"]


def write_table(
    timeline: mitimeline.Timeline, delimiter: str, header: bool, escape_formulas: bool
) -> str:
    """The CSV text of ``timeline``: the columns of :func:`written_columns`, ``\\r\\n`` line
    ends, cells quoted only where needed."""
    columns = written_columns(any(event.claims for event in timeline))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if header:
        writer.writerow(columns)
    for event in timeline:
        row = event_cells(event)
        writer.writerow(
            cells.neutralise(row[name]) if escape_formulas else row[name] for name in columns
        )
    return buffer.getvalue()


def unencodable_cell(timeline: mitimeline.Timeline, header: bool) -> str:
    """Where the first cell UTF-8 cannot encode (a lone surrogate) is: ``row N, column
    'name' (event 'id')``; rows are numbered from 1, the header row included."""
    for number, event in enumerate(timeline, start=2 if header else 1):
        for name, cell in event_cells(event).items():
            try:
                cell.encode("utf-8")
            except UnicodeEncodeError:
                return f"row {number}, column {name!r} (event {event.id!r})"
    return "the table"  # not reached: every character written comes from a cell
