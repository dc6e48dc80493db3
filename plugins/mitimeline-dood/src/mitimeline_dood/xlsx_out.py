"""A grid as an XLSX workbook through openpyxl (the ``xlsx`` extra): a ``DOOD`` sheet laid
out as the CSV is, coloured by code, with the header rows and the names frozen, and a
``Legend`` sheet. Every cell is written as text or a number, never as a formula. XML, and
so XLSX, cannot hold the C0 control characters other than tab, line feed and carriage
return: each is written as U+FFFD.

The file is deterministic: the workbook's created and modified times and every zip entry's
time are :data:`FIXED_TIME`, so one timeline always gives the same bytes."""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from typing import Any

import mitimeline

from . import codes, layout
from .errors import FORMAT
from .grid import DoodGrid

__all__ = ["FIXED_TIME", "XLSX_EXTRA", "render_xlsx"]

XLSX_EXTRA = 'pip install "mitimeline-dood[xlsx]"'
FIXED_TIME = datetime.datetime(1980, 1, 1)
"""The time written into the workbook's properties and its zip entries."""
_HEADER_ROWS = 5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters an XLSX file cannot hold (XML 1.0 forbids them); written as U+FFFD."""


def _openpyxl() -> Any:
    try:
        # optional: only the XLSX output needs it; openpyxl ships no type information
        import openpyxl  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise mitimeline.ExportError(
            f"the XLSX day-out-of-days needs openpyxl, which is not installed: {XLSX_EXTRA}",
            format=f"{FORMAT}-xlsx") from exc
    return openpyxl


def render_xlsx(grid: DoodGrid) -> bytes:
    """The XLSX bytes of ``grid``; raises :class:`mitimeline.ExportError` naming the extra
    when openpyxl is missing, or naming the cell for a lone surrogate."""
    openpyxl = _openpyxl()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "DOOD"
    rows = [*layout.header_rows(grid), *map(layout.person_row, grid.rows),
            layout.working_row(grid)]
    if grid.unplaceable:
        rows += [[], [layout.UNPLACEABLE_TITLE], list(layout.UNPLACEABLE_HEADER)]
        rows += map(layout.unplaceable_row, grid.unplaceable)
    grid_rows = _HEADER_ROWS + len(grid.rows)
    fills = {code: openpyxl.styles.PatternFill("solid", fgColor=colour)
             for code, colour in layout.FILLS.items()}
    bold = openpyxl.styles.Font(bold=True)
    for number, row in enumerate(rows, start=1):
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            _write(cell, text, number, grid_rows)
            if number <= _HEADER_ROWS or column == 1:
                cell.font = bold
            in_grid = 2 < column <= 2 + len(grid.days) and 4 < number <= grid_rows
            if in_grid and text in fills:
                cell.fill = fills[text]
    sheet.freeze_panes = sheet.cell(row=_HEADER_ROWS + 1, column=3)
    sheet.column_dimensions["A"].width = 28
    legend = book.create_sheet("Legend")
    for number, (code, meaning) in enumerate(codes.CODES.items(), start=1):
        _write(legend.cell(row=number, column=1), code, number, 0)
        legend.cell(row=number, column=1).fill = fills[code]
        _write(legend.cell(row=number, column=2), meaning, number, 0)
    legend.column_dimensions["B"].width = 80
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_times(buffer.getvalue())


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
"""The modified time openpyxl writes (the time of saving, whatever the workbook says)."""


def _fixed_times(data: bytes) -> bytes:
    """The zip ``data`` again, every entry and the modified time dated :data:`FIXED_TIME`."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            target.writestr(fixed, content)
    return output.getvalue()


def _write(cell: Any, text: str, row: int, grid_rows: int) -> None:
    """``text`` into ``cell``: a whole number in the totals and counts, else text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
        raise mitimeline.ExportError(
            f"cannot write {exc.object[exc.start:exc.end]!r} as UTF-8, in XLSX cell "
            f"{cell.coordinate} ({text!r})", format=f"{FORMAT}-xlsx") from exc
    text = _CONTROL.sub("\ufffd", text)
    if text.isascii() and text.isdigit() and (row > 1 and (row <= grid_rows + 1)):
        cell.value = int(text)
        return
    cell.value = text
    cell.data_type = "s"  # never a formula, even for text starting with "="
