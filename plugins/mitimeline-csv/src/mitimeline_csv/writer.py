"""``Timeline`` → CSV text: a header row, then one row per event."""

from __future__ import annotations

import csv
import io

import mitimeline

from . import cells
from .columns import COLUMNS
from .rows import event_cells

__all__ = ["write_table"]


def write_table(
    timeline: mitimeline.Timeline, delimiter: str, header: bool, escape_formulas: bool
) -> str:
    """The CSV text of ``timeline``: every column of :data:`COLUMNS`, ``\\r\\n`` line ends,
    cells quoted only where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if header:
        writer.writerow(COLUMNS)
    for event in timeline:
        row = event_cells(event)
        writer.writerow(
            cells.neutralise(row[name]) if escape_formulas else row[name] for name in COLUMNS
        )
    return buffer.getvalue()
