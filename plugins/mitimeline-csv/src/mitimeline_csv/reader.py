"""CSV bytes → rows: encoding, delimiter, header row.

Rows are numbered as a spreadsheet shows them: the first record is row 1 (the header, if
there is one), and a cell spanning several lines is still one row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re

import attrs
import mitimeline

from .columns import COLUMNS, REQUIRED, column_key

__all__ = ["DELIMITERS", "Table", "by_column", "decode", "first_record", "is_header", "read_table",
           "sniff_delimiter"]

DELIMITERS = (",", ";")
_UNDECODABLE = re.compile("[\udc80-\udcff]")


@attrs.frozen
class Table:
    """The cells of a CSV file: ``columns`` names each cell position of a record.

    ``rows`` pairs each data record with its row number. ``has_header`` says whether row 1
    named the columns (else they are :data:`COLUMNS`, in order).
    """

    columns: tuple[str, ...]
    rows: list[tuple[int, list[str]]]
    has_header: bool


def decode(data: bytes) -> str:
    """UTF-8 text without its byte-order mark; undecodable bytes become lone surrogates,
    which :func:`read_table` reports with their row and column."""
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="surrogateescape")


def sniff_delimiter(text: str) -> str:
    """``,`` or ``;``: the one that makes the first record a header, else the one that
    splits it into more cells (``,`` on a tie)."""
    records = {d: first_record(text, d) for d in DELIMITERS}
    for delimiter, record in records.items():
        if is_header(record, strict=True):
            return delimiter
    return max(DELIMITERS, key=lambda d: (len(records[d]), d == ","))


def first_record(text: str, delimiter: str) -> list[str]:
    """The cells of the first record of ``text``; none if it is not valid CSV."""
    try:
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []


def is_header(record: list[str], strict: bool = False) -> bool:
    """Does ``record`` name columns? Yes if any cell is a column name; ``strict``: only if
    every non-empty cell is one and the required columns are all there."""
    names = [column_key(cell) for cell in record if cell.strip()]
    if not strict:
        return any(name in COLUMNS for name in names)
    return all(name in COLUMNS for name in names) and set(REQUIRED) <= set(names)


def read_table(text: str, delimiter: str, header: bool | None) -> Table:
    """Split ``text`` into records; check the header and the bytes of every cell.

    ``header``: ``True`` row 1 names the columns, ``False`` it is data, ``None`` decide with
    :func:`is_header`. Raises :class:`mitimeline.ParseError` at ``row N`` or
    ``row N, column 'name'``.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise mitimeline.ParseError(
                f"a cell is longer than Python's csv.field_size_limit() of "
                f"{csv.field_size_limit():,} characters; call csv.field_size_limit(n) "
                "to read longer cells", location=f"row {len(records) + 1}") from None
        raise mitimeline.ParseError(
            f"expected CSV cells separated by {delimiter!r}, quoted with '\"' where needed: "
            f"{exc}", location=f"row {len(records) + 1}") from None
    if header is None:
        header = bool(records) and is_header(records[0])
    if not header:
        _check_bytes(list(enumerate(records, start=1)), COLUMNS)
        return Table(COLUMNS, list(enumerate(records, start=1)), False)
    if not records:
        raise mitimeline.ParseError(
            f"expected a header row naming the columns ({', '.join(COLUMNS)}), "
            "found an empty file", location="row 1")
    _check_bytes([(1, records[0])], ())
    columns = _header(records[0])
    rows = list(enumerate(records, start=1))[1:]
    _check_bytes(rows, columns)
    return Table(columns, rows, True)


def _header(record: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for index, cell in enumerate(record, start=1):
        name = column_key(cell)
        if not name and index == len(record):
            break  # a trailing empty cell, as some spreadsheets write
        where = f"row 1, column {index}"
        if name not in COLUMNS:
            raise mitimeline.ParseError(
                f"expected a column name ({', '.join(COLUMNS)}), got {cell!r}", location=where)
        if name in names:
            raise mitimeline.ParseError(f"column {name!r} appears twice", location=where)
        names.append(name)
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise mitimeline.ParseError(
            f"expected the required column(s) {', '.join(missing)} in the header row, "
            f"found {', '.join(names) or 'none'}", location="row 1")
    return tuple(names)


def _check_bytes(rows: list[tuple[int, list[str]]], columns: tuple[str, ...]) -> None:
    """Raise at the first cell holding bytes that were not UTF-8."""
    for number, record in rows:
        for index, cell in enumerate(record):
            match = _UNDECODABLE.search(cell)
            if match is not None:
                column = repr(columns[index]) if index < len(columns) else str(index + 1)
                byte = ord(match.group()) - 0xDC00
                raise mitimeline.ParseError(
                    "expected UTF-8 text (save the sheet as 'CSV UTF-8'), "
                    f"found byte 0x{byte:02x}", location=f"row {number}, column {column}")


def by_column(
    table: Table, number: int, record: list[str], delimiter: str
) -> dict[str, str] | None:
    """The cells of data row ``number`` by column name; ``None`` for a blank row.

    Missing cells at the end are empty. Raises :class:`mitimeline.ParseError` for a value
    beyond the last column, and for a row that is one cell holding the other delimiter.
    """
    if not any(cell.strip() for cell in record):
        return None
    width = len(table.columns)
    if len(record) == 1 and width > 1:
        other = next(d for d in DELIMITERS if d != delimiter)
        if other in record[0]:
            raise mitimeline.ParseError(
                f"expected {width} cells separated by {delimiter!r}, found one cell holding "
                f"{other!r}; if {other!r} separates the cells, read with delimiter={other!r}",
                location=f"row {number}")
    extra = [index for index, cell in enumerate(record[width:], start=width + 1) if cell.strip()]
    if extra:
        where = " in the header" if table.has_header else ""
        raise mitimeline.ParseError(
            f"expected at most {width} cells (one per column{where}), found a value in "
            f"cell {extra[0]}", location=f"row {number}")
    return dict(zip(table.columns, record, strict=False))
