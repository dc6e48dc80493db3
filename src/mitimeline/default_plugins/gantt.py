"""The built-in Gantt chart formats: ``mermaid``, ``svg``, ``html``, ``png`` and ``pdf``.

Written as a third-party plugin would be: thin :class:`Exporter` adapters over the chart
library ``mitimeline.gantt``, registered from a ``register_exporters`` hook implementation.
The library draws (``mitimeline.gantt.render``, one layout for every format) and owns the
options (``mitimeline.gantt.options``); this module only presents each format to the
registry. The renderers are imported when a chart is first exported, not when the plugin
registers; ``png``/``pdf`` need matplotlib (the ``plot`` extra).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from ..formats import Exporter
from ..gantt.options import ChartOptions, GanttOptions
from ..hookspecs import hookimpl

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "ChartExporter",
    "HTMLExporter",
    "MermaidExporter",
    "PDFExporter",
    "PNGExporter",
    "SVGExporter",
    "register_exporters",
]


class ChartExporter(Exporter):
    """An exporter that draws the chart with ``mitimeline.gantt.render`` in its ``name``."""

    Options: ClassVar[type[Any]] = ChartOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> int:
        """Write the chart; return how many events it draws (``kinds``, ``start`` and
        ``end`` may leave some out). ExportError if nothing is left to draw (or, for
        ``png`` and ``pdf``, without matplotlib)."""
        # Imported here, on the first export: registering the plugin draws nothing, so it
        # loads no renderer (tests/test_gantt_plugins.py checks this).
        from ..gantt.render import chart_layout, render

        stream.write(render(self.name, timeline, options))
        # an event credited to several people has a row per person when grouped by person
        return len({id(row.event) for row in chart_layout(timeline, options).rows()})


class MermaidExporter(ChartExporter):
    """A Mermaid ``gantt`` diagram (``.mmd``; also valid inside a Markdown mermaid block)."""

    name: ClassVar[str] = "mermaid"
    extension: ClassVar[str] = ".mmd"
    media_type: ClassVar[str] = "text/vnd.mermaid"
    Options: ClassVar[type[Any]] = GanttOptions


class SVGExporter(ChartExporter):
    """A standalone SVG chart, with tooltips and accessible title and description."""

    name: ClassVar[str] = "svg"
    extension: ClassVar[str] = ".svg"
    media_type: ClassVar[str] = "image/svg+xml"


class HTMLExporter(ChartExporter):
    """A standalone HTML page holding the SVG chart (no scripts, nothing fetched)."""

    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"


class PNGExporter(ChartExporter):
    """A PNG image of the chart, drawn by matplotlib (``width`` pixels wide)."""

    name: ClassVar[str] = "png"
    extension: ClassVar[str] = ".png"
    media_type: ClassVar[str] = "image/png"
    binary: ClassVar[bool] = True


class PDFExporter(ChartExporter):
    """A one-page PDF of the chart, drawn by matplotlib (text and shapes stay vectors)."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"
    binary: ClassVar[bool] = True


EXPORTERS: tuple[ChartExporter, ...] = (
    MermaidExporter(), SVGExporter(), HTMLExporter(), PNGExporter(), PDFExporter()
)
"""What the plugin registers: one exporter per format of ``mitimeline.gantt.render``."""

FORMATS: tuple[str, ...] = tuple(exporter.name for exporter in EXPORTERS)
"""The names of the Gantt formats, as registered."""


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the Gantt exporters, one per chart format."""
    for exporter in EXPORTERS:
        register(exporter)
