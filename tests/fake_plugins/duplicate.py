"""A plugin whose ``register_exporters`` registers two exporters with the same name."""

from __future__ import annotations

from collections.abc import Callable

from mitimeline.formats import Exporter
from mitimeline.hookspecs import hookimpl

from .lines import LinesExporter


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(LinesExporter())
    register(LinesExporter())
