"""Gantt charts of timelines: one layout, several renderers.

- :mod:`.options`: the options every Gantt exporter takes (``GanttOptions``, ``ChartOptions``);
- :mod:`.layout`: rows, sections, bars and axis ticks, computed once (``build_layout``);
- :mod:`.svg`, :mod:`.html`, :mod:`.mermaid`, :mod:`.matplotlib_chart`: the renderers;
- :mod:`.render`: the list of chart formats and ``render(format, timeline, options)``;
- :mod:`.chart`: ``Chart``, what ``Timeline.gantt()`` returns (displays in Jupyter).

Nothing here is imported by ``import mitimeline``; the exporters in
``mitimeline.default_plugins.gantt`` (thin adapters over :mod:`.render`) and the
``Timeline`` methods import it when used. The library never imports its plugin.
"""

from __future__ import annotations

from .options import COLOR_BY, GROUP_BY, SORT, ChartOptions, GanttOptions

__all__ = ["COLOR_BY", "GROUP_BY", "SORT", "ChartOptions", "GanttOptions"]
