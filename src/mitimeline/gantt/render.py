"""Drawing a timeline's Gantt chart in each format: the one list of chart formats
(:data:`FORMATS`) and :func:`render`, which every exporter and ``Chart`` use."""

from __future__ import annotations

from collections.abc import Callable

from ..timeline import Timeline
from .html import render_html
from .layout import Layout, build_layout
from .matplotlib_chart import render_image
from .mermaid import render_mermaid
from .options import ChartOptions, GanttOptions
from .svg import max_ticks, render_svg

__all__ = ["FORMATS", "chart_layout", "render"]


def chart_layout(timeline: Timeline, options: GanttOptions) -> Layout:
    """The layout every renderer draws: ticks for the chart's width (1000 px for Mermaid)."""
    return build_layout(timeline, options, max_ticks(_width(options)))


def _width(options: GanttOptions) -> int:
    """The drawing width: the option's, or the default for formats without one (Mermaid)."""
    return options.width if isinstance(options, ChartOptions) else ChartOptions().width


_RENDERERS: dict[str, Callable[[Layout, GanttOptions], bytes]] = {
    "mermaid": lambda layout, options: render_mermaid(layout).encode("utf-8"),
    "svg": lambda layout, options: render_svg(layout, _width(options)).encode("utf-8"),
    "html": lambda layout, options: render_html(layout, _width(options)).encode("utf-8"),
    "png": lambda layout, options: render_image(layout, _width(options), "png"),
    "pdf": lambda layout, options: render_image(layout, _width(options), "pdf"),
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)
"""The chart formats, in the order the built-in plugin registers them."""


def render(format: str, timeline: Timeline, options: GanttOptions) -> bytes:
    """``timeline``'s chart in ``format`` (one of :data:`FORMATS`), as the file's bytes.

    Raises :class:`~mitimeline.ExportError` when nothing is left to draw, or for ``png`` /
    ``pdf`` without matplotlib.
    """
    return _RENDERERS[format](chart_layout(timeline, options), options)
