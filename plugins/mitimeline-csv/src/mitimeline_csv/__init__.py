"""mitimeline-csv: timelines as spreadsheets, one row per event.

The columns are :data:`COLUMNS` (``id``, ``title``, ``kind``, ``when``, ``place``, ...,
``tags``, ``extra``, and ``claims``, written only when an event has claims). Dates are EDTF
or everyday English, as ``mitimeline.When.parse`` reads them; people are
``"Name (role); Name"``; ``sources`` holds source ids. A CSV file carries events only: the
timeline's title, description, production and ``Source`` records are not written (the title
can be given when reading). Cells a spreadsheet would run as formulas are neutralised on
export. See ``docs/csv.md``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, BinaryIO

import attrs
import mitimeline

from . import cells
from .columns import COLUMNS, REQUIRED
from .reader import (
    DELIMITERS,
    by_column,
    decode,
    first_record,
    is_header,
    read_table,
    sniff_delimiter,
)
from .rows import read_event
from .writer import unencodable_cell, write_table

__all__ = ["COLUMNS", "REQUIRED", "CSVExporter", "CSVParser", "register_exporters",
           "register_parsers"]

MEDIA_TYPE = "text/csv"

# Keep this module cheap to import: everything here is the standard library and attrs.


@mitimeline.hookimpl
def register_parsers(register: Callable[[mitimeline.Parser], None]) -> None:
    register(CSVParser())


@mitimeline.hookimpl
def register_exporters(register: Callable[[mitimeline.Exporter], None]) -> None:
    register(CSVExporter())


def _choice(*choices: object) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not any(value is c if c is None or isinstance(c, bool) else value == c
                   for c in choices):
            raise ValueError(f"{attribute.name} must be one of "
                             f"{', '.join(map(repr, choices))}, got {value!r}")

    return validate


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be text or None, got {value!r}")


_BOOL = attrs.validators.instance_of(bool)


class CSVParser(mitimeline.Parser):
    """Reads CSV files, one event per row; bad input raises :class:`mitimeline.ParseError`
    located at ``row N, column 'name'``."""

    name = "csv"
    extensions = (".csv",)
    media_types = (MEDIA_TYPE,)

    @attrs.frozen
    class Options:
        """Keyword options: ``mitimeline.load("x.csv", delimiter=";", title="MI7")``."""

        delimiter: str | None = attrs.field(
            default=None, validator=_choice(None, *DELIMITERS),
            metadata={"help": "',' or ';'; none: sniffed from the first row"})
        header: bool | None = attrs.field(
            default=None, validator=_choice(None, True, False),
            metadata={"help": "true: row 1 names the columns; false: no header, the columns "
                              "are in the documented order; none: a header if row 1 names "
                              "any column"})
        title: str | None = attrs.field(
            default=None, validator=_optional_text,
            metadata={"help": "the timeline's title; none: the file name without .csv, else "
                              "the default"})
        unescape_formulas: bool = attrs.field(
            default=True, validator=_BOOL,
            metadata={"help": "remove the ' the exporter puts before =, +, -, @, tab, CR"})

    def sniff(self, head: bytes) -> bool:
        # A header row naming at least id, title and when, and only known columns.
        text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="ignore")
        first_line = text.split("\n", 1)[0]
        return any(is_header(first_record(first_line, d), strict=True)
                   for d in DELIMITERS)

    def parse(self, stream: BinaryIO, options: CSVParser.Options) -> mitimeline.Timeline:
        text = decode(stream.read())
        delimiter = options.delimiter or sniff_delimiter(text)
        table = read_table(text, delimiter, options.header)
        events = []
        for number, record in table.rows:
            values = by_column(table, number, record, delimiter)
            if values is None:
                continue  # a blank row
            if options.unescape_formulas:
                values = {column: cells.restore(cell) for column, cell in values.items()}
            events.append(read_event(number, values))
        title = _title(options.title, stream)
        if title is None:
            return mitimeline.Timeline(events=events)
        return mitimeline.Timeline(title=title, events=events)


def _title(title: str | None, stream: BinaryIO) -> str | None:
    """``title``, else the file's name without ``.csv``, else ``None`` (the default title)."""
    if title is not None:
        return title
    name = getattr(stream, "name", None)
    if not isinstance(name, str):
        return None
    base = os.path.basename(name)
    return (base[:-4] if base.lower().endswith(".csv") else base) or None


class CSVExporter(mitimeline.Exporter):
    """Writes CSV files: a header row, then one row per event (see :data:`COLUMNS`)."""

    name = "csv"
    extension = ".csv"
    media_type = MEDIA_TYPE

    @attrs.frozen
    class Options:
        """Keyword options: ``tl.export("x.csv", delimiter=";", bom=True)``."""

        delimiter: str = attrs.field(
            default=",", validator=_choice(*DELIMITERS),
            metadata={"help": "',' or ';' (what spreadsheets in decimal-comma locales "
                              "expect)"})
        header: bool = attrs.field(
            default=True, validator=_BOOL,
            metadata={"help": "write the header row naming the columns"})
        bom: bool = attrs.field(
            default=False, validator=_BOOL,
            metadata={"help": "start with a UTF-8 byte-order mark, which Excel needs to read "
                              "UTF-8"})
        escape_formulas: bool = attrs.field(
            default=True, validator=_BOOL,
            metadata={"help": "put ' before cells starting with =, +, -, @, tab or CR (not "
                              "before plain numbers such as -6.95)"})

    def export(
        self, timeline: mitimeline.Timeline, stream: BinaryIO, options: CSVExporter.Options
    ) -> None:
        text = write_table(timeline, options.delimiter, options.header,
                           options.escape_formulas)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
            raise mitimeline.ExportError(
                f"cannot write {exc.object[exc.start:exc.end]!r} as UTF-8, in "
                f"{unencodable_cell(timeline, options.header)}", format=self.name
            ) from exc
        stream.write(("\ufeff" if options.bom else "").encode("utf-8") + data)
