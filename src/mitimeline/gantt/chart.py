"""``Chart``: a Gantt chart of a timeline that shows itself in Jupyter.

``Timeline.gantt(**options)`` returns one; it takes the options of the ``svg`` exporter
(:class:`~.options.ChartOptions`), computes the layout once, and renders on demand.
"""

from __future__ import annotations

import os
from typing import IO, Any

import attrs

from ..errors import UnknownFormatError
from ..formats import make_options
from ..plugins import find_exporter
from ..timeline import Timeline
from .html import render_html
from .layout import Layout
from .mermaid import render_mermaid
from .options import ChartOptions, GanttOptions
from .render import FORMATS, chart_layout
from .svg import render_svg

__all__ = ["Chart", "chart_layout"]


@attrs.frozen
class Chart:
    """A Gantt chart: ``svg()``, ``html()``, ``mermaid()``, ``save(path)``; displays inline
    in Jupyter (``_repr_html_`` inlines the SVG, so row tooltips work; ``_repr_svg_`` is
    for front ends that only show images).

    Build it with ``Timeline.gantt(**options)`` or :meth:`of`; it raises
    :class:`~mitimeline.ExportError` at once when there is nothing to draw.
    """

    timeline: Timeline
    options: ChartOptions
    layout: Layout = attrs.field(
        init=False, repr=False, eq=False,
        default=attrs.Factory(lambda chart: chart_layout(chart.timeline, chart.options),
                              takes_self=True))
    """Computed once, when the chart is built."""
    _cache: dict[str, str] = attrs.field(init=False, factory=dict, repr=False, eq=False,
                                         alias="_cache")

    @classmethod
    def of(cls, timeline: Timeline, **options: Any) -> Chart:
        """A chart of ``timeline``; options are checked as the ``svg`` exporter checks them
        (:class:`~mitimeline.OptionsError` for unknown or bad ones)."""
        return cls(timeline, make_options(ChartOptions, "svg", options))

    def svg(self) -> str:
        """The chart as a standalone SVG document."""
        if "svg" not in self._cache:
            self._cache["svg"] = render_svg(self.layout, self.options.width)
        return self._cache["svg"]

    def html(self) -> str:
        """The chart as a standalone HTML page."""
        return render_html(self.layout, self.options.width)

    def mermaid(self) -> str:
        """The chart as a Mermaid ``gantt`` diagram (what the ``mermaid`` exporter writes with
        these options: ``width`` does not apply)."""
        common = {field.name: getattr(self.options, field.name)
                  for field in attrs.fields(GanttOptions)}
        return render_mermaid(chart_layout(self.timeline, GanttOptions(**common)))

    def save(self, target: str | os.PathLike[str] | IO[bytes], format: str | None = None) -> None:
        """Export the chart's timeline with the chart's options, in any Gantt format
        (``svg``, ``html``, ``mermaid``, ``png``, ``pdf``; from the extension by default)."""
        name = target if isinstance(target, (str, os.PathLike)) else getattr(target, "name", None)
        exporter = find_exporter(format, os.fspath(name) if isinstance(name, (str, os.PathLike))
                                 else None)
        if exporter.name not in FORMATS:
            raise UnknownFormatError(
                f"a chart is saved as {', '.join(FORMATS)}, not {exporter.name!r}; "
                "use Timeline.export() for other formats")
        accepted = {field.name for field in attrs.fields(exporter.Options)}
        options = {key: value for key, value in attrs.asdict(self.options, recurse=False).items()
                   if key in accepted}
        self.timeline.export(target, format=format or exporter.name, **options)

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_html_(self) -> str:
        return self.svg()

    def __repr__(self) -> str:
        layout = self.layout
        return (f"<Chart {layout.title!r}: {layout.row_count} rows in {len(layout.sections)} "
                f"sections, {layout.summary.rsplit(', from ', 1)[-1].rstrip('.')}>")
