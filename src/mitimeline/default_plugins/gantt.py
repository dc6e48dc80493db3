"""The built-in Gantt chart formats: ``mermaid``, ``svg``, ``html``, ``png`` and ``pdf``.

Written as a third-party plugin would be: :class:`Exporter` subclasses registered from a
``register_exporters`` hook implementation. They share one layout
(``mitimeline.gantt.layout``) and the options of ``mitimeline.gantt.options``; the
renderers are imported only when a chart is exported, and ``png``/``pdf`` need matplotlib
(``pip install "mitimeline[plot]"``).
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
    "FORMATS",
    "HTMLExporter",
    "MermaidExporter",
    "PDFExporter",
    "PNGExporter",
    "SVGExporter",
    "register_exporters",
]

FORMATS = ("mermaid", "svg", "html", "png", "pdf")
"""The names of the Gantt formats."""


class MermaidExporter(Exporter):
    """A Mermaid ``gantt`` diagram (``.mmd``; also valid inside a Markdown mermaid block)."""

    name: ClassVar[str] = "mermaid"
    extension: ClassVar[str] = ".mmd"
    media_type: ClassVar[str] = "text/vnd.mermaid"
    Options: ClassVar[type[Any]] = GanttOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write the diagram as UTF-8; ExportError if nothing is left to draw."""
        from ..gantt.chart import chart_layout
        from ..gantt.mermaid import render_mermaid

        stream.write(render_mermaid(chart_layout(timeline, options)).encode("utf-8"))


class SVGExporter(Exporter):
    """A standalone SVG chart, with tooltips and accessible title and description."""

    name: ClassVar[str] = "svg"
    extension: ClassVar[str] = ".svg"
    media_type: ClassVar[str] = "image/svg+xml"
    Options: ClassVar[type[Any]] = ChartOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write the SVG as UTF-8; ExportError if nothing is left to draw."""
        from ..gantt.chart import chart_layout
        from ..gantt.svg import render_svg

        svg = render_svg(chart_layout(timeline, options), options.width)
        stream.write(svg.encode("utf-8"))


class HTMLExporter(Exporter):
    """A standalone HTML page holding the SVG chart (no scripts, nothing fetched)."""

    name: ClassVar[str] = "html"
    extension: ClassVar[str] = ".html"
    media_type: ClassVar[str] = "text/html"
    Options: ClassVar[type[Any]] = ChartOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write the page as UTF-8; ExportError if nothing is left to draw."""
        from ..gantt.chart import chart_layout
        from ..gantt.html import render_html

        page = render_html(chart_layout(timeline, options), options.width)
        stream.write(page.encode("utf-8"))


class PNGExporter(Exporter):
    """A PNG image of the chart, drawn by matplotlib (``width`` pixels wide)."""

    name: ClassVar[str] = "png"
    extension: ClassVar[str] = ".png"
    media_type: ClassVar[str] = "image/png"
    binary: ClassVar[bool] = True
    Options: ClassVar[type[Any]] = ChartOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write the image; ExportError without matplotlib or with nothing to draw."""
        _write_image(timeline, stream, options, self.name)


class PDFExporter(Exporter):
    """A one-page PDF of the chart, drawn by matplotlib (text and shapes stay vectors)."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = ".pdf"
    media_type: ClassVar[str] = "application/pdf"
    binary: ClassVar[bool] = True
    Options: ClassVar[type[Any]] = ChartOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write the document; ExportError without matplotlib or with nothing to draw."""
        _write_image(timeline, stream, options, self.name)


def _write_image(timeline: Timeline, stream: BinaryIO, options: ChartOptions,
                 format: str) -> None:
    from ..gantt.chart import chart_layout
    from ..gantt.matplotlib_chart import render_image

    stream.write(render_image(chart_layout(timeline, options), options.width, format))


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the five Gantt exporters."""
    for exporter in (MermaidExporter(), SVGExporter(), HTMLExporter(), PNGExporter(),
                     PDFExporter()):
        register(exporter)
