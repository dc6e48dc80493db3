"""mitimeline-dood: day-out-of-days reports from production timelines.

:func:`dood` returns the grid (people × calendar days, one code a cell, see
:mod:`mitimeline_dood.codes`) as a pandas DataFrame, or as a :class:`DoodGrid` where pandas
is not installed; :func:`day_out_of_days` always returns the :class:`DoodGrid`. Three
exporters write it: ``dood`` (HTML, ``.dood.html``), ``dood-csv`` (``.dood.csv``) and
``dood-xlsx`` (``.dood.xlsx``, needs the ``xlsx`` extra). How events map to codes is in
:mod:`mitimeline_dood.schedule` and ``docs/production-office.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

import mitimeline
from mitimeline.formats import make_options

from .codes import CODES
from .csv_out import render_csv
from .errors import FORMAT, DoodError
from .grid import TOTAL_NAMES, DoodGrid, DoodRow, Totals, Unplaceable, compute
from .html_out import render_html
from .options import DoodOptions
from .xlsx_out import render_xlsx

__all__ = [
    "CODES",
    "TOTAL_NAMES",
    "DoodCSVExporter",
    "DoodError",
    "DoodExporter",
    "DoodGrid",
    "DoodOptions",
    "DoodRow",
    "DoodXLSXExporter",
    "Totals",
    "Unplaceable",
    "day_out_of_days",
    "dood",
    "register_exporters",
]

# Keep this module cheap to import: the standard library and attrs; pandas and openpyxl
# are imported only when a DataFrame or an XLSX file is made.


@mitimeline.hookimpl
def register_exporters(register: Callable[[mitimeline.Exporter], None]) -> None:
    register(DoodExporter())
    register(DoodCSVExporter())
    register(DoodXLSXExporter())


def day_out_of_days(timeline: mitimeline.Timeline, **options: Any) -> DoodGrid:
    """The day-out-of-days of ``timeline`` as a :class:`DoodGrid`; ``options`` are those of
    :class:`DoodOptions` (a bad one raises :class:`mitimeline.OptionsError`)."""
    return compute(timeline, make_options(DoodOptions, FORMAT, options))


def dood(timeline: mitimeline.Timeline, **options: Any) -> Any:
    """The day-out-of-days of ``timeline``: a pandas DataFrame (rows people, columns
    ``board``, the days, the totals; see :meth:`DoodGrid.to_dataframe`) where pandas is
    installed, else the :class:`DoodGrid`."""
    grid = day_out_of_days(timeline, **options)
    try:
        import pandas  # noqa: F401  # optional and heavy: only to choose what to return
    except ImportError:
        return grid
    return grid.to_dataframe()


class DoodExporter(mitimeline.Exporter):
    """The day-out-of-days as a printable HTML page (``--to dood``, or ``x.dood.html``)."""

    name = FORMAT
    extension = ".dood.html"
    media_type = "text/html"
    Options = DoodOptions

    def export(self, timeline: mitimeline.Timeline, stream: BinaryIO,
               options: DoodOptions) -> None:
        stream.write(_utf8(render_html(compute(timeline, options)), self.name))


class DoodCSVExporter(mitimeline.Exporter):
    """The day-out-of-days as CSV (``--to dood-csv``, or ``x.dood.csv``)."""

    name = f"{FORMAT}-csv"
    extension = ".dood.csv"
    media_type = "text/csv"
    Options = DoodOptions

    def export(self, timeline: mitimeline.Timeline, stream: BinaryIO,
               options: DoodOptions) -> None:
        stream.write(_utf8(render_csv(compute(timeline, options)), self.name))


class DoodXLSXExporter(mitimeline.Exporter):
    """The day-out-of-days as an XLSX workbook (``--to dood-xlsx``, or ``x.dood.xlsx``);
    needs openpyxl (the ``xlsx`` extra)."""

    name = f"{FORMAT}-xlsx"
    extension = ".dood.xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    binary = True
    Options = DoodOptions

    def export(self, timeline: mitimeline.Timeline, stream: BinaryIO,
               options: DoodOptions) -> None:
        stream.write(render_xlsx(compute(timeline, options)))


def _utf8(text: str, name: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
        raise mitimeline.ExportError(
            f"cannot write {exc.object[exc.start:exc.end]!r} as UTF-8 (in "
            f"{exc.object[max(0, exc.start - 30):exc.start]!r}...)", format=name) from exc
