"""Gantt charts of timelines: one layout, several renderers.

- :mod:`.options`: the options every Gantt exporter takes (``GanttOptions``, ``ChartOptions``);
- :mod:`.layout`: rows, sections, bars and axis ticks, computed once (``build_layout``);
- :mod:`.svg`, :mod:`.html`, :mod:`.mermaid`, :mod:`.matplotlib_chart`: the renderers;
- :mod:`.chart`: ``Chart``, what ``Timeline.gantt()`` returns (displays in Jupyter).

Nothing here is imported by ``import mitimeline``; the exporters in
``mitimeline.default_plugins.gantt`` and the ``Timeline`` methods import it when used.
"""

from __future__ import annotations

from .options import COLOR_BY, GROUP_BY, SORT, ChartOptions, GanttOptions

__all__ = ["COLOR_BY", "GROUP_BY", "SORT", "ChartOptions", "GanttOptions"]
